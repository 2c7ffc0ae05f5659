package io.cairn.lang.compiler;

import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.Location;
import io.cairn.lang.CairoCompileException;
import java.math.BigInteger;

/** Constant folding and canonical rewriting, as cairo-lang's ExpressionSimplifier does. */
final class Simplifier {
  static final BigInteger PRIME =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);
  private static final BigInteger HALF = PRIME.shiftRight(1);

  private final boolean withPrime;

  Simplifier(boolean withPrime) {
    this.withPrime = withPrime;
  }

  /** val mod p, as a representative in (-p/2, p/2). */
  static BigInteger toField(BigInteger v) {
    return v.add(HALF).mod(PRIME).subtract(HALF);
  }

  private BigInteger fe(BigInteger v) {
    return withPrime ? toField(v) : v;
  }

  private static Expr.Const cnst(BigInteger v, Location l) {
    return new Expr.Const(v, false, l);
  }

  Expr visit(Expr e) {
    return switch (e) {
      case Expr.Const c -> new Expr.Const(fe(c.val()), false, c.location());
      case Expr.Operator o -> operator(o);
      case Expr.Pow p -> pow(p);
      case Expr.Neg n -> {
        Expr v = visit(n.val());
        yield v instanceof Expr.Const c ? cnst(fe(c.val().negate()), n.location()) : new Expr.Neg(v, n.location());
      }
      case Expr.Parentheses p -> visit(p.val());
      case Expr.Deref d -> new Expr.Deref(visit(d.addr()), d.location());
      case Expr.Cast c -> new Expr.Cast(visit(c.expr()), c.type(), c.castType(), c.location());
      case Expr.Tuple t -> {
        var ms = new java.util.ArrayList<Expr.Assignment>();
        for (Expr.Assignment a : t.members()) ms.add(new Expr.Assignment(a.name(), a.nameLocation(), visit(a.expr()), a.location()));
        yield new Expr.Tuple(ms, t.trailingComma(), t.newlines(), t.location());
      }
      case Expr.AddressOf a -> new Expr.AddressOf(visit(a.expr()), a.location());
      case Expr.New n -> new Expr.New(visit(n.expr()), n.typed(), n.location());
      default -> e;
    };
  }

  private Expr operator(Expr.Operator expr) {
    Expr a = visit(expr.a());
    Expr b = visit(expr.b());
    String op = expr.op();
    Location loc = expr.location();
    if (b instanceof Expr.Const cb && op.equals("/") && cb.val().signum() == 0) {
      throw new CairoCompileException(cb.location(), "Division by zero.");
    }
    if (a instanceof Expr.Const ca && b instanceof Expr.Const cb) {
      BigInteger val = null;
      if (op.equals("/") && withPrime) {
        if (cb.val().mod(PRIME).signum() == 0) throw new CairoCompileException(cb.location(), "Division by zero.");
        val = divMod(ca.val(), cb.val());
      }
      if (!op.equals("/")) {
        val = fe(switch (op) {
          case "+" -> ca.val().add(cb.val());
          case "-" -> ca.val().subtract(cb.val());
          default -> ca.val().multiply(cb.val());
        });
      }
      if (val != null) return cnst(val, loc);
    }
    if (a instanceof Expr.Const && op.equals("+")) {
      Expr t = a;
      a = b;
      b = t;
    }
    if (b instanceof Expr.Const cb && op.equals("-")) {
      op = "+";
      b = cnst(fe(cb.val().negate()), cb.location());
    }
    if (b instanceof Expr.Const cb && op.equals("/") && withPrime) {
      op = "*";
      if (cb.val().mod(PRIME).signum() == 0) throw new CairoCompileException(cb.location(), "Division by zero.");
      b = cnst(fe(divMod(BigInteger.ONE, cb.val())), cb.location());
    }
    if (b instanceof Expr.Const cb && cb.val().signum() == 0 && (op.equals("+") || op.equals("-"))) return a;
    if (b instanceof Expr.Const cb && cb.val().equals(BigInteger.ONE) && (op.equals("*") || op.equals("/"))) return a;
    if (a instanceof Expr.Const ca && ca.val().equals(BigInteger.ONE) && op.equals("*")) return b;
    if (b instanceof Expr.Const
        && a instanceof Expr.Operator ao
        && ((op.equals("+") && (ao.op().equals("+") || ao.op().equals("-")))
            || (op.equals("*") && ao.op().equals("*")))) {
      return visit(new Expr.Operator(ao.a(), ao.op(), new Expr.Operator(ao.b(), ao.op(), b, loc), loc));
    }
    return new Expr.Operator(a, op, b, loc);
  }

  private Expr pow(Expr.Pow p) {
    Expr a = visit(p.a());
    Expr b = new Simplifier(false).visit(p.b());
    if (a instanceof Expr.Const ca && b instanceof Expr.Const cb) {
      if (cb.val().signum() < 0) throw new CairoCompileException(p.location(), "Power is not supported with a negative exponent.");
      BigInteger v = withPrime ? ca.val().modPow(cb.val(), PRIME) : ca.val().pow(cb.val().intValueExact());
      return cnst(v, p.location());
    }
    return new Expr.Pow(a, b, p.location());
  }

  static BigInteger divMod(BigInteger a, BigInteger b) {
    return a.multiply(b.modInverse(PRIME)).mod(PRIME);
  }
}
