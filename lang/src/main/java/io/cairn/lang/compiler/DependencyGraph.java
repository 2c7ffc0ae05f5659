package io.cairn.lang.compiler;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Code.Element;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.compiler.Defs.AliasDef;
import java.util.*;

/**
 * Finds the functions reachable from the main scope, so unused library functions are not
 * compiled (cairo-lang dependency_graph.py; same roots and the same prefix rule).
 */
final class DependencyGraph {
  private final Compiler c;
  private final Map<String, List<String>> uses = new LinkedHashMap<>();

  DependencyGraph(Compiler c) {
    this.c = c;
  }

  Set<String> functionsToCompile() {
    for (Code.Module m : c.modules) block(m.name(), m.elements(), List.of(m.name()), null);
    Set<String> roots = new LinkedHashSet<>();
    for (String scope : c.scopesToCompile()) {
      String prefix = scope + ".";
      for (var e : c.ids.entrySet()) {
        String k = e.getKey();
        if (!k.startsWith(prefix)) continue;
        String rest = k.substring(prefix.length());
        if (e.getValue() instanceof AliasDef a && !rest.contains(".")) roots.add(a.destination());
        int dot = rest.indexOf('.');
        if (dot > 0) roots.add(prefix + rest.substring(0, dot));
        else if (!(e.getValue() instanceof AliasDef) && !(e.getValue() instanceof Defs.ConstDef)) roots.add(k);
      }
    }
    Set<String> visited = new HashSet<>();
    for (String r : roots) if (uses.containsKey(r)) visit(r, visited);
    return visited;
  }

  private void visit(String name, Set<String> visited) {
    while (!name.isEmpty() && !uses.containsKey(name)) {
      int dot = name.lastIndexOf('.');
      name = dot < 0 ? "" : name.substring(0, dot);
    }
    if (name.isEmpty() || !visited.add(name)) return;
    for (String u : uses.get(name)) visit(u, visited);
  }

  private void add(String fn, List<String> acc, String name) {
    if (fn == null || name.endsWith("_") && (name.equals("_") || name.endsWith("._"))) return;
    try {
      Compiler.Found f = c.search(acc, name, null);
      StringBuilder full = new StringBuilder(f.name());
      for (String r : f.rest()) full.append('.').append(r);
      uses.get(fn).add(full.toString());
    } catch (CairoCompileException e) {
      // Unknown names are reported by the preprocessor, with a location.
    }
  }

  private void block(String scope, List<Element> els, List<String> acc, String fn) {
    for (Element e : els) element(scope, e, acc, fn);
  }

  private void element(String scope, Element e, List<String> acc, String fn) {
    switch (e) {
      case Code.Function f -> {
        String name = scope + "." + f.name();
        uses.putIfAbsent(name, new ArrayList<>());
        List<String> a2 = new ArrayList<>(acc);
        a2.add(name);
        block(name, f.body(), a2, name);
      }
      case Code.Namespace n -> {
        String name = scope + "." + n.name();
        List<String> a2 = new ArrayList<>(acc);
        a2.add(name);
        block(name, n.body(), a2, fn);
      }
      case Code.Scoped sc -> {
        List<String> a2 = new ArrayList<>(acc);
        a2.add(sc.scope());
        block(sc.scope(), sc.body(), a2, fn);
      }
      case Code.Instruction i -> body(i.body(), acc, fn);
      case Code.Const k -> expr(k.expr(), acc, fn);
      case Code.Reference r -> {
        if (r.expr() != null) expr(r.expr(), acc, fn);
        if (r.callInstruction() != null) body(r.callInstruction(), acc, fn);
      }
      case Code.UnpackBinding u -> call(u.call(), acc, fn);
      case Code.LocalVar l -> expr(l.expr(), acc, fn);
      case Code.TempVar t -> expr(t.expr(), acc, fn);
      case Code.CompoundAssertEq a -> {
        expr(a.a(), acc, fn);
        expr(a.b(), acc, fn);
      }
      case Code.StaticAssert a -> {
        expr(a.a(), acc, fn);
        expr(a.b(), acc, fn);
      }
      case Code.Return r -> expr(r.expr(), acc, fn);
      case Code.TailCall t -> call(t.call(), acc, fn);
      case Code.If i -> {
        for (Code.BoolTerm t : i.condition()) {
          expr(t.a(), acc, fn);
          expr(t.b(), acc, fn);
        }
        block(scope, i.main(), acc, fn);
        if (i.orElse() != null) block(scope, i.orElse(), acc, fn);
      }
      case Code.FuncCallStmt s -> call(s.call(), acc, fn);
      case Code.WithAttr w -> block(scope, w.body(), acc, fn);
      case Code.With w -> {
        for (Code.AliasedIdentifier a : w.identifiers()) add(fn, acc, a.name());
        block(scope, w.body(), acc, fn);
      }
      case Code.Import imp -> {
        if (fn != null) for (Code.AliasedIdentifier a : imp.names()) uses.get(fn).add(imp.module() + "." + a.name());
      }
      default -> {}
    }
  }

  private void body(Code.Body b, List<String> acc, String fn) {
    switch (b) {
      case Code.AssertEq a -> {
        expr(a.a(), acc, fn);
        expr(a.b(), acc, fn);
      }
      case Code.Jump j -> expr(j.val(), acc, fn);
      case Code.JumpToLabel j -> {
        add(fn, acc, j.label().name());
        expr(j.condition(), acc, fn);
      }
      case Code.Jnz j -> {
        expr(j.offset(), acc, fn);
        expr(j.condition(), acc, fn);
      }
      case Code.Call k -> expr(k.val(), acc, fn);
      case Code.CallLabel k -> add(fn, acc, k.label().name());
      case Code.AddAp a -> expr(a.expr(), acc, fn);
      case Code.DataWord d -> expr(d.expr(), acc, fn);
      default -> {}
    }
  }

  private void call(Expr.FunctionCall call, List<String> acc, String fn) {
    add(fn, acc, call.func().name());
    if (call.implicitArgs() != null) for (Expr.Assignment a : call.implicitArgs()) expr(a.expr(), acc, fn);
    for (Expr.Assignment a : call.args()) expr(a.expr(), acc, fn);
  }

  private void expr(Expr e, List<String> acc, String fn) {
    if (e == null) return;
    switch (e) {
      case Expr.Identifier i -> add(fn, acc, i.name());
      case Expr.Deref d -> expr(d.addr(), acc, fn);
      case Expr.Operator o -> {
        expr(o.a(), acc, fn);
        expr(o.b(), acc, fn);
      }
      case Expr.Pow p -> {
        expr(p.a(), acc, fn);
        expr(p.b(), acc, fn);
      }
      case Expr.Neg n -> expr(n.val(), acc, fn);
      case Expr.AddressOf a -> expr(a.expr(), acc, fn);
      case Expr.Subscript s -> {
        expr(s.expr(), acc, fn);
        expr(s.offset(), acc, fn);
      }
      case Expr.Dot d -> expr(d.expr(), acc, fn);
      case Expr.Cast k -> {
        expr(k.expr(), acc, fn);
        type(k.type(), acc, fn);
      }
      case Expr.Parentheses p -> expr(p.val(), acc, fn);
      case Expr.Tuple t -> {
        for (Expr.Assignment a : t.members()) expr(a.expr(), acc, fn);
      }
      case Expr.FuncCall f -> call(f.call(), acc, fn);
      case Expr.New n -> {
        expr(n.expr(), acc, fn);
        if (fn != null) uses.get(fn).add("starkware.cairo.lang.compiler.lib.registers.get_ap");
      }
      default -> {}
    }
  }

  private void type(CairoType t, List<String> acc, String fn) {}
}
