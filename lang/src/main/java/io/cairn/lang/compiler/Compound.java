package io.cairn.lang.compiler;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.compiler.Flow.ApTracking;
import java.util.ArrayList;
import java.util.List;

/** Splits compound expressions into tempvars (cairo-lang compound_expressions.py). */
final class Compound {
  enum Level {
    DEREF,
    DEREF_OFFSET,
    DEREF_CONST,
    OPERATION
  }

  private final Compiler c;
  private final ApTracking start;

  Compound(Compiler c) {
    this.c = c;
    this.start = c.apTracking();
  }

  List<Expr> process(List<Expr> exprs, List<Level> levels) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) out.add(rewrite(exprs.get(i), levels.get(i)));
    List<Expr> res = new ArrayList<>();
    for (Expr e : out) res.add(translate(e));
    return res;
  }

  private Expr rewrite(Expr e, Level sim) {
    return switch (e) {
      case Expr.Const k -> sim == Level.DEREF_CONST || sim == Level.OPERATION ? k : wrap(k);
      case Expr.RegExpr r -> {
        if (r.reg() == Expr.Reg.AP) throw new CairoCompileException(r.location(), "ap may only be used in an expression of the form [ap + <const>].");
        Expr fp;
        try {
          fp = c.simplifyFelt(new Expr.Identifier("__fp__", r.location()));
        } catch (CairoCompileException ex) {
          if (!ex.getMessage().contains("Unknown identifier")) throw ex;
          throw new CairoCompileException(r.location(), "Using the value of fp directly, requires defining a variable named __fp__.");
        }
        Expr untranslated = new Simplifier(false).visit(Compiler.translateAp(fp, Flow.diff(start, c.apTracking())));
        yield rewrite(untranslated, sim);
      }
      case Expr.Operator o -> {
        Expr n = new Expr.Operator(rewrite(o.a(), Level.DEREF), o.op(), rewrite(o.b(), Level.DEREF_CONST), o.location());
        if (sim == Level.OPERATION) yield n;
        if (sim == Level.DEREF_OFFSET) {
          try {
            InstructionBuilder.parseOffset(n);
            yield n;
          } catch (InstructionBuilder.BuildError ex) {
            // fall through
          }
        }
        yield wrap(n);
      }
      case Expr.Pow p -> throw new CairoCompileException(p.location(), "Operator '**' is only supported for constant values.");
      case Expr.Neg n -> rewrite(new Expr.Operator(n.val(), "*", new Expr.Const(-1, n.location()), n.location()), sim);
      case Expr.Deref d -> {
        if (InstructionBuilder.isSimpleDeref(d)) yield d;
        Expr n = new Expr.Deref(rewrite(d.addr(), Level.DEREF_OFFSET), d.location());
        yield sim == Level.OPERATION ? n : wrap(n);
      }
      case Expr.Identifier id -> c.isFutureLabel(id.name()) && (sim == Level.DEREF || sim == Level.DEREF_OFFSET) ? wrap(id) : id;
      case Expr.Hint h -> wrap(h);
      case Expr.FuncCall f -> {
        c.emitFuncCallForExpr(f.call());
        Expr top = new Expr.Deref(new Expr.Operator(new Expr.RegExpr(Expr.Reg.AP, f.location()), "+", new Expr.Const(-1, f.location()), f.location()), f.location());
        Expr r = Compiler.translateApOrNull(top, Flow.diff(start, c.apTracking()));
        if (r == null) {
          throw new CairoCompileException(f.location(), "Only functions with known ap change may be used in an expression. Consider calling '"
              + f.call().func().name() + "' in a separate line.");
        }
        yield new Simplifier(false).visit(r);
      }
      default -> wrap(e);
    };
  }

  private Expr wrap(Expr e) {
    return c.wrapTemp(translate(e));
  }

  private Expr translate(Expr e) {
    return Compiler.translateAp(e, Flow.diff(c.apTracking(), start));
  }
}
