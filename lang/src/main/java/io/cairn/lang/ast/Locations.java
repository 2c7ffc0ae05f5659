package io.cairn.lang.ast;

import java.util.ArrayList;
import java.util.List;

/** Rewrites the locations inside an expression, e.g. to record where a reference was expanded. */
public final class Locations {
  private Locations() {}

  /** cairo-lang add_parent_location: every location in {@code e} gets {@code parent} appended. */
  public static Expr withParent(Expr e, Location parent, String message) {
    if (parent == null || e == null) return e;
    return map(e, parent, message);
  }

  /** The same expression with {@code l} as the location of its outermost node. */
  public static Expr withLocation(Expr e, Location l) {
    return switch (e) {
      case Expr.Const c -> new Expr.Const(c.val(), c.hex(), l);
      case Expr.Identifier i -> new Expr.Identifier(i.name(), l);
      case Expr.RegExpr r -> new Expr.RegExpr(r.reg(), l);
      case Expr.Deref d -> new Expr.Deref(d.addr(), l);
      case Expr.Operator o -> new Expr.Operator(o.a(), o.op(), o.b(), l);
      case Expr.Pow o -> new Expr.Pow(o.a(), o.b(), l);
      case Expr.Neg n -> new Expr.Neg(n.val(), l);
      case Expr.AddressOf a -> new Expr.AddressOf(a.expr(), l);
      case Expr.Subscript s -> new Expr.Subscript(s.expr(), s.offset(), l);
      case Expr.Dot d -> new Expr.Dot(d.expr(), d.member(), l);
      case Expr.Cast c -> new Expr.Cast(c.expr(), c.type(), c.castType(), l);
      case Expr.Parentheses x -> new Expr.Parentheses(x.val(), l);
      case Expr.Tuple t -> new Expr.Tuple(t.members(), t.trailingComma(), t.newlines(), l);
      case Expr.Hint h -> new Expr.Hint(h.code(), l);
      case Expr.New n -> new Expr.New(n.expr(), n.typed(), l);
      case Expr.FuncCall f -> f;
    };
  }

  private static Location loc(Location l, Location parent, String message) {
    return l == null ? parent : l.withParent(parent, message);
  }

  private static Expr map(Expr e, Location p, String m) {
    return switch (e) {
      case Expr.Const c -> new Expr.Const(c.val(), c.hex(), loc(c.location(), p, m));
      case Expr.Identifier i -> new Expr.Identifier(i.name(), loc(i.location(), p, m));
      case Expr.RegExpr r -> new Expr.RegExpr(r.reg(), loc(r.location(), p, m));
      case Expr.Deref d -> new Expr.Deref(map(d.addr(), p, m), loc(d.location(), p, m));
      case Expr.Operator o -> new Expr.Operator(map(o.a(), p, m), o.op(), map(o.b(), p, m), loc(o.location(), p, m));
      case Expr.Pow o -> new Expr.Pow(map(o.a(), p, m), map(o.b(), p, m), loc(o.location(), p, m));
      case Expr.Neg n -> new Expr.Neg(map(n.val(), p, m), loc(n.location(), p, m));
      case Expr.AddressOf a -> new Expr.AddressOf(map(a.expr(), p, m), loc(a.location(), p, m));
      case Expr.Subscript s -> new Expr.Subscript(map(s.expr(), p, m), map(s.offset(), p, m), loc(s.location(), p, m));
      case Expr.Dot d -> new Expr.Dot(map(d.expr(), p, m), d.member(), loc(d.location(), p, m));
      case Expr.Cast c -> new Expr.Cast(map(c.expr(), p, m), c.type(), c.castType(), loc(c.location(), p, m));
      case Expr.Parentheses x -> new Expr.Parentheses(map(x.val(), p, m), loc(x.location(), p, m));
      case Expr.Tuple t -> {
        List<Expr.Assignment> ms = new ArrayList<>();
        for (Expr.Assignment a : t.members()) {
          ms.add(new Expr.Assignment(a.name(), a.nameLocation(), map(a.expr(), p, m), loc(a.location(), p, m)));
        }
        yield new Expr.Tuple(ms, t.trailingComma(), t.newlines(), loc(t.location(), p, m));
      }
      case Expr.Hint h -> new Expr.Hint(h.code(), loc(h.location(), p, m));
      case Expr.New n -> new Expr.New(map(n.expr(), p, m), n.typed(), loc(n.location(), p, m));
      case Expr.FuncCall f -> f;
    };
  }
}
