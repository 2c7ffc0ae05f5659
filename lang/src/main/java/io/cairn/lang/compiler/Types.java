package io.cairn.lang.compiler;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.Location;
import io.cairn.lang.compiler.Compiler.Found;
import io.cairn.lang.compiler.Compiler.Typed;
import io.cairn.lang.compiler.Defs.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Substitutes identifiers and applies the type system: casts vanish, member access and subscripts
 * become dereferences with offsets (cairo-lang substitute_identifiers + type_system_visitor).
 */
final class Types {
  private final Compiler c;
  private final List<String> scopes;
  private final Flow.Data flow;

  Types(Compiler c, List<String> scopes, Flow.Data flow) {
    this.c = c;
    this.scopes = scopes;
    this.flow = flow;
  }

  private static CairoType felt(Location l) {
    return new CairoType.Felt(l);
  }

  Typed typeOf(Expr e) {
    return switch (e) {
      case Expr.Const k -> new Typed(k, felt(k.location()));
      case Expr.Identifier id -> identifier(id);
      case Expr.RegExpr r -> new Typed(r, felt(r.location()));
      case Expr.Deref d -> {
        Typed a = typeOf(d.addr());
        if (a.type() instanceof CairoType.Pointer p) yield new Typed(new Expr.Deref(a.expr(), d.location()), p.pointee());
        if (a.type() instanceof CairoType.Felt) yield new Typed(new Expr.Deref(a.expr(), d.location()), felt(d.location()));
        throw new CairoCompileException(d.addr().location(), "Cannot dereference type '" + a.type().format() + "'.");
      }
      case Expr.Operator o -> operator(o);
      case Expr.Pow p -> {
        Typed a = typeOf(p.a()), b = typeOf(p.b());
        yield new Typed(new Expr.Pow(a.expr(), b.expr(), p.location()), felt(p.location()));
      }
      case Expr.Neg n -> {
        Typed a = typeOf(n.val());
        requireFelt(a, n.val().location(), "-");
        yield new Typed(new Expr.Neg(a.expr(), n.location()), felt(n.location()));
      }
      case Expr.Parentheses p -> typeOf(p.val());
      case Expr.Cast k -> {
        Typed a = typeOf(k.expr());
        CairoType dst = c.resolveType(k.type(), scopes);
        if (!checkCast(c, a.type(), dst, k.castType())) {
          throw new CairoCompileException(k.location(), "Cannot cast '" + a.type().format() + "' to '" + dst.format() + "'.");
        }
        // Like cairo-lang: the cast disappears but its location stays on the expression.
        yield new Typed(io.cairn.lang.ast.Locations.withLocation(a.expr(), k.location()), dst);
      }
      case Expr.AddressOf a -> {
        Typed t = typeOf(a.expr());
        if (t.expr() instanceof Expr.Deref d) yield new Typed(d.addr(), new CairoType.Pointer(t.type(), a.location()));
        throw new CairoCompileException(a.expr().location(), "Expression has no address.");
      }
      case Expr.Dot d -> dot(d);
      case Expr.Subscript s -> subscript(s);
      case Expr.Tuple t -> {
        List<Expr.Assignment> ms = new ArrayList<>();
        List<CairoType.TupleMember> types = new ArrayList<>();
        for (Expr.Assignment m : t.members()) {
          Typed tm = typeOf(m.expr());
          ms.add(new Expr.Assignment(null, null, tm.expr(), m.location()));
          types.add(new CairoType.TupleMember(m.name(), tm.type(), m.location()));
        }
        yield new Typed(new Expr.Tuple(ms, t.trailingComma(), t.newlines(), t.location()), new CairoType.Tuple(types, t.trailingComma(), t.location()));
      }
      case Expr.FuncCall f -> funcCall(f);
      case Expr.Hint h -> new Typed(h, felt(h.location()));
      case Expr.New n -> {
        if (!n.typed()) yield new Typed(n, felt(n.location()));
        Typed inner = typeOf(n.expr());
        yield new Typed(new Expr.New(inner.expr(), false, n.location()), new CairoType.Pointer(inner.type(), n.location()));
      }
    };
  }

  private static void requireFelt(Typed t, Location l, String op) {
    if (!(t.type() instanceof CairoType.Felt) && !(t.type() instanceof CairoType.CodeOffset)) {
      throw new CairoCompileException(l, "Operator '" + op + "' is not implemented for type '" + t.type().format() + "'.");
    }
  }

  private Typed operator(Expr.Operator o) {
    Typed a = typeOf(o.a()), b = typeOf(o.b());
    Expr r = new Expr.Operator(a.expr(), o.op(), b.expr(), o.location());
    CairoType ta = a.type(), tb = b.type();
    boolean fa = ta instanceof CairoType.Felt || ta instanceof CairoType.CodeOffset;
    boolean fb = tb instanceof CairoType.Felt || tb instanceof CairoType.CodeOffset;
    if (fa && fb) return new Typed(r, felt(o.location()));
    if (ta instanceof CairoType.Pointer && fb && (o.op().equals("+") || o.op().equals("-"))) return new Typed(r, ta);
    if (fa && tb instanceof CairoType.Pointer && o.op().equals("+")) return new Typed(r, tb);
    if (ta instanceof CairoType.Pointer && tb instanceof CairoType.Pointer && o.op().equals("-")) {
      if (!ta.equals(tb)) {
        throw new CairoCompileException(o.location(), "Operator '-' is not implemented for types '" + ta.format() + "' and '" + tb.format() + "'.");
      }
      return new Typed(r, felt(o.location()));
    }
    throw new CairoCompileException(o.location(),
        "Operator '" + o.op() + "' is not implemented for types '" + ta.format() + "' and '" + tb.format() + "'.");
  }

  private Typed identifier(Expr.Identifier id) {
    Found f = c.search(scopes, id.name(), id.location());
    Typed base = definition(f, id);
    if (f.def() instanceof StructDef) return base;
    for (String m : f.rest()) base = typeOf(new Expr.Dot(castBack(base), m, id.location()));
    return base;
  }

  /** Re-wraps a typed expression so it can be fed through typeOf again. */
  private static Expr castBack(Typed t) {
    if (t.expr() instanceof Expr.Deref d) {
      return new Expr.Deref(new Expr.Cast(d.addr(), new CairoType.Pointer(t.type(), d.location()), Expr.CastType.FORCED, d.location()), d.location());
    }
    return new Expr.Cast(t.expr(), t.type(), Expr.CastType.FORCED, t.expr().location());
  }

  private Typed definition(Found f, Expr.Identifier id) {
    Def d = f.def();
    Location l = id.location();
    if (d instanceof StructDef sd && !f.rest().isEmpty()) {
      // Struct.member (offset) or Struct.SIZE.
      StructDef s = c.struct(sd.fullName, l);
      String m = f.rest().get(0);
      if (f.rest().size() == 1 && m.equals("SIZE")) return new Typed(new Expr.Const(s.size, l), felt(l));
      Member mem = s.members.get(m);
      if (mem == null || f.rest().size() > 1) throw new CairoCompileException(l, "Unknown identifier '" + id.name() + "'.");
      return new Typed(new Expr.Const(mem.offset(), l), felt(l));
    }
    if (!f.rest().isEmpty() && !(d instanceof ReferenceDef)) {
      throw new CairoCompileException(l, "Unknown identifier '" + id.name() + "'.");
    }
    return switch (d) {
      case ConstDef k -> new Typed(new Expr.Const(k.value(), false, l), felt(l));
      case LabelDef ld -> {
        // A label not reached yet stays a symbol (cairo-lang ExprFutureLabel) until the second pass.
        if (ld.pc < 0) yield new Typed(new Expr.Identifier(f.name(), l), new CairoType.CodeOffset(l));
        yield new Typed(new Expr.Const(ld.pc, l), new CairoType.CodeOffset(l));
      }
      case ReferenceDef rd -> reference(f.name(), rd, id);
      default -> throw new CairoCompileException(l, "Unexpected identifier " + id.name() + " of type " + kindName(d) + ".");
    };
  }

  private static String kindName(Def d) {
    return switch (d) {
      case StructDef s -> "struct";
      case NamespaceDef n -> "namespace";
      case TypeDefinition t -> "type_definition";
      default -> d.getClass().getSimpleName();
    };
  }

  private Typed reference(String name, ReferenceDef rd, Expr.Identifier id) {
    Integer refId = flow == null ? null : flow.refIds().get(name);
    if (refId == null) throw new CairoCompileException(id.location(), "Reference '" + id.name() + "' was revoked.");
    Defs.Reference ref = c.refManager.get(refId);
    Expr v = Compiler.translateApOrNull(ref.value(), Flow.diff(flow.ap(), ref.ap()));
    if (v == null) {
      if (c.trial != null) {
        c.trial.record(name, ref, rd.type, new CairoCompileException(id.location(), "Reference '" + id.name() + "' was revoked."));
        return typeOf(Compiler.simpleRefExpr(Expr.Reg.FP, 0, rd.type, id.location()));
      }
      StringBuilder msg = new StringBuilder("Reference '" + id.name() + "' was revoked.");
      throw new CairoCompileException(List.of(id.location().render(msg.toString())
          + (ref.location() != null ? "\nReference was defined here:\n" + ref.location().render("").replaceFirst(": $", ":") : "")));
    }
    return typeOf(io.cairn.lang.ast.Locations.withParent(v, id.location(), "While expanding the reference '" + id.name() + "' in:"));
  }

  private Typed dot(Expr.Dot d) {
    Typed t = typeOf(d.expr());
    Location l = d.location();
    if (t.type() instanceof CairoType.Pointer p && p.pointee() instanceof CairoType.Struct s) {
      Member m = member(s, d.member(), l);
      return new Typed(new Expr.Deref(new Expr.Operator(t.expr(), "+", new Expr.Const(m.offset(), l), l), l), m.type());
    }
    if (t.type() instanceof CairoType.Struct s) {
      Member m = member(s, d.member(), l);
      if (t.expr() instanceof Expr.Tuple tu) {
        int idx = new ArrayList<>(c.struct(s.name(), l).members.keySet()).indexOf(d.member());
        return new Typed(tu.members().get(idx).expr(), m.type());
      }
      if (t.expr() instanceof Expr.Deref dr) {
        return new Typed(new Expr.Deref(new Expr.Operator(dr.addr(), "+", new Expr.Const(m.offset(), l), l), l), m.type());
      }
      throw new CairoCompileException(d.expr().location(), "Accessing struct members for r-value structs is not supported yet.");
    }
    if (t.type() instanceof CairoType.Tuple tu && tu.isNamed()) {
      int idx = -1, off = 0;
      for (int i = 0; i < tu.members().size(); i++) {
        if (tu.members().get(i).name().equals(d.member())) {
          idx = i;
          break;
        }
        off += c.size(tu.members().get(i).type());
      }
      if (idx < 0) throw new CairoCompileException(l, "Member '" + d.member() + "' does not appear in definition of '" + tu.format() + "'.");
      CairoType mt = tu.members().get(idx).type();
      if (t.expr() instanceof Expr.Tuple te) return new Typed(te.members().get(idx).expr(), mt);
      if (t.expr() instanceof Expr.Deref dr) return new Typed(new Expr.Deref(new Expr.Operator(dr.addr(), "+", new Expr.Const(off, l), l), l), mt);
    }
    throw new CairoCompileException(d.expr().location(), "Cannot apply dot-operator to non-struct type '" + t.type().format() + "'.");
  }

  private Member member(CairoType.Struct s, String name, Location l) {
    StructDef sd = c.struct(s.name(), l);
    Member m = sd.members.get(name);
    if (m == null) throw new CairoCompileException(l, "Member '" + name + "' does not appear in definition of struct '" + s.name() + "'.");
    return m;
  }

  private Typed subscript(Expr.Subscript s) {
    Typed t = typeOf(s.expr());
    Typed i = typeOf(s.offset());
    Location l = s.location();
    if (t.type() instanceof CairoType.Pointer p) {
      int size = c.size(p.pointee());
      Expr off = size == 1 ? i.expr() : new Expr.Operator(i.expr(), "*", new Expr.Const(size, l), l);
      return new Typed(new Expr.Deref(new Expr.Operator(t.expr(), "+", off, l), l), p.pointee());
    }
    if (t.type() instanceof CairoType.Tuple tu) {
      Expr idx = new Simplifier(true).visit(i.expr());
      if (!(idx instanceof Expr.Const k)) throw new CairoCompileException(s.offset().location(), "Subscript-operator for tuples supports only constant offsets, found: '" + idx.getClass().getSimpleName() + "'.");
      int n = k.val().intValue();
      if (n < 0 || n >= tu.members().size()) throw new CairoCompileException(s.offset().location(), "Tuple index " + n + " is out of range [0, " + tu.members().size() + ").");
      CairoType mt = tu.members().get(n).type();
      if (t.expr() instanceof Expr.Tuple te) return new Typed(te.members().get(n).expr(), mt);
      if (t.expr() instanceof Expr.Deref dr) {
        int off = 0;
        for (int j = 0; j < n; j++) off += c.size(tu.members().get(j).type());
        return new Typed(new Expr.Deref(new Expr.Operator(dr.addr(), "+", new Expr.Const(off, l), l), l), mt);
      }
    }
    throw new CairoCompileException(l, "Cannot apply subscript-operator to non-pointer, non-tuple type '" + t.type().format() + "'.");
  }

  private Typed funcCall(Expr.FuncCall f) {
    Found found = c.search(scopes, f.call().func().name(), f.call().func().location());
    if (found.def() instanceof LabelDef ld && ld.function && found.rest().isEmpty()) {
      CairoType rt = c.returnType(found.name(), f.location());
      if (!(rt instanceof CairoType.Felt || rt instanceof CairoType.CodeOffset || rt instanceof CairoType.Pointer)) {
        throw new CairoCompileException(f.location(),
            "Only functions with a simple return type are supported inside an expression. Got: '" + rt.format() + "'.");
      }
      return new Typed(f, rt);
    }
    if (!(found.def() instanceof StructDef sd) || !found.rest().isEmpty()) {
      throw new CairoCompileException(f.location(), "Struct constructor cannot be used for type '" + f.call().func().name() + "'.");
    }
    StructDef s = c.struct(sd.fullName, f.location());
    if (f.call().implicitArgs() != null) throw new CairoCompileException(f.location(), "Implicit arguments cannot be used with struct constructors.");
    List<Expr.Assignment> args = f.call().args();
    if (args.size() != s.members.size()) {
      throw new CairoCompileException(f.location(), "Expected exactly " + s.members.size() + " expressions, got " + args.size() + ".");
    }
    List<Expr.Assignment> ms = new ArrayList<>();
    int i = 0;
    for (var m : s.members.entrySet()) {
      Expr.Assignment a = args.get(i++);
      if (a.name() != null && !a.name().equals(m.getKey())) {
        throw new CairoCompileException(a.nameLocation(), "Argument name mismatch for '" + s.fullName + "': expected '" + m.getKey()
            + "', found '" + a.name() + "'.");
      }
      Typed t = typeOf(a.expr());
      if (!checkCast(c, t.type(), m.getValue().type(), Expr.CastType.ASSIGN)) {
        throw new CairoCompileException(a.expr().location(), "Expected expression of type '" + m.getValue().type().format() + "', got '" + t.type().format() + "'.");
      }
      ms.add(new Expr.Assignment(null, null, t.expr(), a.location()));
    }
    return new Typed(new Expr.Tuple(ms, f.call().argsTrailingComma(), f.call().argNewlines(), f.location()), new CairoType.Struct(s.fullName, true, f.location()));
  }

  /** Whether {@code src} may be converted to {@code dst} (cairo-lang type_casts.check_cast). */
  static boolean checkCast(Compiler c, CairoType src, CairoType dst, Expr.CastType kind) {
    return checkCast(c, src, dst, kind, null);
  }

  static boolean checkCast(Compiler c, CairoType src, CairoType dst, Expr.CastType kind, Expr expr) {
    if (src.equals(dst)) return true;
    if (src instanceof CairoType.Pointer && dst instanceof CairoType.Pointer p && p.pointee() instanceof CairoType.Felt) return true;
    if (src instanceof CairoType.Tuple st && dst instanceof CairoType.Tuple dt) {
      List<CairoType.TupleMember> dm = dt.members();
      verifyTupleLike(c, st, dm, dst, kind);
      return true;
    }
    if (kind == Expr.CastType.ASSIGN) return false;
    boolean srcFp = src instanceof CairoType.Felt || src instanceof CairoType.Pointer;
    boolean dstFp = dst instanceof CairoType.Felt || dst instanceof CairoType.Pointer;
    if (srcFp && dstFp) return true;
    if (kind == Expr.CastType.UNPACKING) return false;
    boolean srcFc = src instanceof CairoType.Felt || src instanceof CairoType.CodeOffset;
    boolean dstFc = dst instanceof CairoType.Felt || dst instanceof CairoType.CodeOffset;
    if (srcFc && dstFc) return true;
    if (src instanceof CairoType.Tuple st && dst instanceof CairoType.Struct ds) {
      List<CairoType.TupleMember> dm = new ArrayList<>();
      for (var m : c.struct(ds.name(), ds.location()).members.entrySet()) {
        dm.add(new CairoType.TupleMember(m.getKey(), m.getValue().type(), m.getValue().location()));
      }
      verifyTupleLike(c, st, dm, dst, kind);
      return true;
    }
    if (kind == Expr.CastType.EXPLICIT) return false;
    return src instanceof CairoType.Felt && dst instanceof CairoType.Struct && expr instanceof Expr.Deref;
  }

  private static void verifyTupleLike(Compiler c, CairoType.Tuple src, List<CairoType.TupleMember> dm, CairoType dst, Expr.CastType kind) {
    if (src.members().size() != dm.size()) {
      throw new CairoCompileException(src.location(), "Cannot cast an expression of type '" + src.format() + "' to '" + dst.format()
          + "'.\nThe former has " + src.members().size() + " members while the latter has " + dm.size() + " members.");
    }
    for (int i = 0; i < dm.size(); i++) {
      CairoType.TupleMember a = src.members().get(i), b = dm.get(i);
      if (a.name() != null && b.name() != null && !a.name().equals(b.name())) {
        throw new CairoCompileException(a.location(), "Cannot cast '" + src.format() + "' to '" + dst.format()
            + "'.\nExpected argument name '" + b.name() + "'. Found: '" + a.name() + "'.");
      }
      Expr.CastType k = kind == Expr.CastType.FORCED ? Expr.CastType.FORCED : Expr.CastType.ASSIGN;
      if (!checkCast(c, a.type(), b.type(), k)) {
        throw new CairoCompileException(a.location(), "Cannot cast '" + a.type().format() + "' to '" + b.type().format() + "'.");
      }
    }
  }

  static BigInteger unused() {
    return BigInteger.ZERO;
  }
}
