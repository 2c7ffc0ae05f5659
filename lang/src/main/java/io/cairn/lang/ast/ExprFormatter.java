package io.cairn.lang.ast;

import java.math.BigInteger;
import java.util.List;

/**
 * Formats expressions as cairo-lang prints them in reference values and errors, with its operator
 * precedence rules for parentheses (lowest: unary minus, then + -, * /, **, &, atoms).
 */
final class ExprFormatter {
  private ExprFormatter() {}

  private static final int LOWEST = 0, PLUS = 1, MUL = 2, POW = 3, ADDROF = 4, HIGHEST = 5;

  private record Str(String txt, int prec) {
    String at(int min) {
      return prec < min ? "(" + txt + ")" : txt;
    }
  }

  static String format(Expr e) {
    // Like cairo-lang's Expression.format: indent continuation lines, drop trailing spaces.
    return str(e).txt.replace("\n", "\n    ").replaceAll(" +\n", "\n");
  }

  private static Str str(Expr e) {
    return switch (e) {
      case Expr.Const c -> {
        BigInteger v = c.val();
        String abs = c.hex() ? "0x" + v.abs().toString(16) : v.abs().toString();
        yield v.signum() >= 0 ? new Str(abs, HIGHEST) : new Str("-" + abs, LOWEST);
      }
      case Expr.Identifier i -> new Str(i.name(), HIGHEST);
      case Expr.RegExpr r -> new Str(r.reg().text(), HIGHEST);
      case Expr.Deref d -> new Str("[" + str(d.addr()).txt + "]", HIGHEST);
      case Expr.Operator o -> {
        Str a = str(o.a()), b = str(o.b());
        yield switch (o.op()) {
          case "+" -> new Str(a.at(PLUS) + " + " + b.at(PLUS), PLUS);
          case "-" -> new Str(a.at(PLUS) + " - " + b.at(MUL), PLUS);
          case "*" -> new Str(a.at(MUL) + " * " + b.at(MUL), MUL);
          default -> new Str(a.at(MUL) + " / " + b.at(POW), MUL);
        };
      }
      case Expr.Pow p -> new Str(str(p.a()).at(HIGHEST) + " ** " + str(p.b()).at(HIGHEST), POW);
      case Expr.Neg n -> new Str("-" + str(n.val()).at(ADDROF), LOWEST);
      case Expr.AddressOf a -> new Str("&" + str(a.expr()).at(ADDROF), ADDROF);
      case Expr.New n -> new Str("new " + str(n.expr()).at(ADDROF), LOWEST);
      case Expr.Subscript s -> new Str(str(s.expr()).at(HIGHEST) + "[" + format(s.offset()) + "]", HIGHEST);
      case Expr.Dot d -> new Str(str(d.expr()).at(HIGHEST) + "." + d.member(), HIGHEST);
      case Expr.Cast c -> new Str("cast(" + str(c.expr()).txt + ", " + c.type().format() + ")", HIGHEST);
      case Expr.Parentheses p -> new Str("(" + format(p.val()) + ")", HIGHEST);
      case Expr.Tuple t -> new Str("(" + tupleArgs(t) + ")", HIGHEST);
      case Expr.FuncCall f -> {
        StringBuilder sb = new StringBuilder(f.call().func().name());
        if (f.call().implicitArgs() != null) sb.append('{').append(args(f.call().implicitArgs())).append('}');
        yield new Str(sb.append('(').append(args(f.call().args())).append(')').toString(), HIGHEST);
      }
      case Expr.Hint h -> new Str("nondet %{ " + h.code() + " %}", HIGHEST);
    };
  }

  /** cairo-lang's ArgList.format, with the notes (line breaks and comments) of each gap. */
  private static String tupleArgs(Expr.Tuple t) {
    StringBuilder code = new StringBuilder();
    List<Notes> notes = t.newlines();
    for (int i = 0; i < t.members().size(); i++) {
      Notes before = notes == null ? Notes.NONE : notes.get(i);
      if (code.length() > 0) {
        code.append(',');
        if (before.empty()) code.append(' ');
      }
      code.append(before.format());
      Expr.Assignment a = t.members().get(i);
      if (a.name() != null) code.append(a.name()).append('=');
      code.append(format(a.expr()));
    }
    if (t.trailingComma()) code.append(',');
    if (notes != null) code.append(notes.get(notes.size() - 1).format());
    return code.toString();
  }

  private static String args(List<Expr.Assignment> list) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) sb.append(", ");
      Expr.Assignment a = list.get(i);
      if (a.name() != null) sb.append(a.name()).append('=');
      sb.append(format(a.expr()));
    }
    return sb.toString();
  }
}
