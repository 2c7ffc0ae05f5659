package io.cairn.lang.ast;

import java.math.BigInteger;

/** Formats expressions exactly as cairo-lang prints them in reference values and errors. */
final class ExprFormatter {
  private ExprFormatter() {}

  // Precedence as in cairo-lang's particle formatter: 0 sum, 1 product, 2 unary, 3 pow, 4 atom.
  static String format(Expr e) {
    return fmt(e, 0);
  }

  private static int prec(Expr e) {
    return switch (e) {
      case Expr.Operator o -> o.op().equals("+") || o.op().equals("-") ? 0 : 1;
      case Expr.Neg n -> 2;
      case Expr.AddressOf a -> 2;
      case Expr.New n -> 2;
      case Expr.Pow p -> 3;
      case Expr.Const c -> c.val().signum() < 0 ? 2 : 4;
      default -> 4;
    };
  }

  private static String wrap(Expr e, int minPrec) {
    String s = fmt(e, 0);
    return prec(e) < minPrec ? "(" + s + ")" : s;
  }

  private static String fmt(Expr e, int ctx) {
    return switch (e) {
      case Expr.Const c -> constText(c);
      case Expr.Identifier i -> i.name();
      case Expr.RegExpr r -> r.reg().text();
      case Expr.Deref d -> "[" + fmt(d.addr(), 0) + "]";
      case Expr.Operator o -> {
        boolean sum = o.op().equals("+") || o.op().equals("-");
        int lhsMin = sum ? 0 : 1;
        // The right operand of '-' and '/' (and any negative constant) needs parentheses at the
        // same level; cairo-lang also parenthesizes right operands of the same precedence.
        int rhsMin = sum ? 1 : 2;
        yield wrap(o.a(), lhsMin) + " " + o.op() + " " + wrap(o.b(), rhsMin);
      }
      case Expr.Pow p -> wrap(p.a(), 4) + " ** " + wrap(p.b(), 3);
      case Expr.Neg n -> "-" + wrap(n.val(), 2);
      case Expr.AddressOf a -> "&" + wrap(a.expr(), 2);
      case Expr.New n -> "new " + wrap(n.expr(), 2);
      case Expr.Subscript s -> wrap(s.expr(), 4) + "[" + fmt(s.offset(), 0) + "]";
      case Expr.Dot d -> wrap(d.expr(), 4) + "." + d.member();
      case Expr.Cast c -> "cast(" + fmt(c.expr(), 0) + ", " + c.type().format() + ")";
      case Expr.Parentheses p -> "(" + fmt(p.val(), 0) + ")";
      case Expr.Tuple t -> {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < t.members().size(); i++) {
          if (i > 0) sb.append(", ");
          Expr.Assignment a = t.members().get(i);
          if (a.name() != null) sb.append(a.name()).append('=');
          sb.append(fmt(a.expr(), 0));
        }
        if (t.members().size() == 1 && t.trailingComma()) sb.append(',');
        yield sb.append(')').toString();
      }
      case Expr.FuncCall f -> {
        StringBuilder sb = new StringBuilder(f.call().func().name());
        if (f.call().implicitArgs() != null) sb.append('{').append(args(f.call().implicitArgs())).append('}');
        yield sb.append('(').append(args(f.call().args())).append(')').toString();
      }
      case Expr.Hint h -> "nondet %{ " + h.code() + " %}";
    };
  }

  private static String args(java.util.List<Expr.Assignment> list) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) sb.append(", ");
      Expr.Assignment a = list.get(i);
      if (a.name() != null) sb.append(a.name()).append('=');
      sb.append(fmt(a.expr(), 0));
    }
    return sb.toString();
  }

  private static String constText(Expr.Const c) {
    BigInteger v = c.val();
    if (v.signum() < 0) return "(-" + v.negate() + ")";
    return c.hex() ? "0x" + v.toString(16) : v.toString();
  }
}
