package io.cairn.vm.hints;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;

/**
 * A parsed reference expression from {@code reference_manager} (e.g. {@code [cast(fp + (-3), felt*)]}, {@code
 * cast([fp + (-4)] + 2, DictAccess*)}): registers, integers, + − *, dereference and cast.
 */
sealed interface RefExpr {
  record Reg(boolean fp) implements RefExpr {}

  record Num(BigInteger v) implements RefExpr {}

  record Bin(char op, RefExpr a, RefExpr b) implements RefExpr {}

  record Neg(RefExpr a) implements RefExpr {}

  record Deref(RefExpr a) implements RefExpr {}

  record Cast(RefExpr a, String type) implements RefExpr {}

  /** An expression the hint processor cannot evaluate (tuples and the like). */
  record Unsupported(String text) implements RefExpr {}

  default boolean usesAp() {
    return switch (this) {
      case Reg r -> !r.fp();
      case Num n -> false;
      case Bin b -> b.a().usesAp() || b.b().usesAp();
      case Neg n -> n.a().usesAp();
      case Deref d -> d.a().usesAp();
      case Cast c -> c.a().usesAp();
      case Unsupported u -> false;
    };
  }

  default MaybeRelocatable eval(Memory m, Relocatable ap, Relocatable fp) {
    return switch (this) {
      case Reg r -> r.fp() ? fp : ap;
      case Num n -> IntValue.of(n.v());
      case Neg n -> {
        MaybeRelocatable a = n.a().eval(m, ap, fp);
        if (a instanceof IntValue i) yield IntValue.of(i.value().negate());
        throw new VmError("cannot negate an address");
      }
      case Bin b -> {
        MaybeRelocatable x = b.a().eval(m, ap, fp), y = b.b().eval(m, ap, fp);
        yield switch (b.op()) {
          case '+' -> {
            if (x instanceof Relocatable r && y instanceof IntValue i) yield r.add(i.value());
            if (y instanceof Relocatable r && x instanceof IntValue i) yield r.add(i.value());
            if (x instanceof IntValue i && y instanceof IntValue j) yield IntValue.of(i.value().add(j.value()));
            throw new VmError("cannot add two addresses");
          }
          case '-' -> {
            if (x instanceof Relocatable r && y instanceof IntValue i) yield r.add(i.value().negate());
            if (x instanceof Relocatable r && y instanceof Relocatable s) yield IntValue.of(BigInteger.valueOf(r.sub(s)));
            if (x instanceof IntValue i && y instanceof IntValue j) yield IntValue.of(i.value().subtract(j.value()));
            throw new VmError("cannot subtract an address from an integer");
          }
          default -> {
            if (x instanceof IntValue i && y instanceof IntValue j) yield IntValue.of(i.value().multiply(j.value()));
            throw new VmError("cannot multiply addresses");
          }
        };
      }
      case Deref d -> {
        MaybeRelocatable a = d.a().eval(m, ap, fp);
        if (!(a instanceof Relocatable r)) throw new VmError("cannot dereference the integer " + a);
        yield m.require(r);
      }
      case Cast c -> c.a().eval(m, ap, fp);
      case Unsupported u -> throw new VmError("unsupported reference expression: " + u.text());
    };
  }

  static RefExpr parse(String s) {
    try {
      Parser p = new Parser(s);
      RefExpr e = p.expr();
      p.ws();
      if (p.i != s.length()) return new Unsupported(s);
      return e;
    } catch (RuntimeException e) {
      return new Unsupported(s);
    }
  }

  final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    boolean eat(String t) {
      ws();
      if (s.startsWith(t, i)) {
        i += t.length();
        return true;
      }
      return false;
    }

    RefExpr expr() {
      RefExpr a = prod();
      while (true) {
        if (eat("+")) a = new Bin('+', a, prod());
        else if (eat("-")) a = new Bin('-', a, prod());
        else return a;
      }
    }

    RefExpr prod() {
      RefExpr a = unary();
      while (eat("*")) a = new Bin('*', a, unary());
      return a;
    }

    RefExpr unary() {
      if (eat("-")) return new Neg(unary());
      return atom();
    }

    RefExpr atom() {
      ws();
      if (eat("cast(")) {
        RefExpr e = expr();
        if (!eat(",")) throw new IllegalArgumentException("cast without type");
        ws();
        int depth = 0, start = i;
        while (i < s.length()) {
          char c = s.charAt(i);
          if (c == '(') depth++;
          else if (c == ')') {
            if (depth == 0) break;
            depth--;
          }
          i++;
        }
        String type = s.substring(start, i).trim();
        if (!eat(")")) throw new IllegalArgumentException("unclosed cast");
        return new Cast(e, type);
      }
      if (eat("[")) {
        RefExpr e = expr();
        if (!eat("]")) throw new IllegalArgumentException("unclosed [");
        return new Deref(e);
      }
      if (eat("(")) {
        RefExpr e = expr();
        if (!eat(")")) throw new IllegalArgumentException("unclosed (");
        return e;
      }
      if (eat("ap")) return new Reg(false);
      if (eat("fp")) return new Reg(true);
      ws();
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
      if (start == i) throw new IllegalArgumentException("unexpected '" + s.substring(i) + "'");
      return new Num(new BigInteger(s.substring(start, i)));
    }
  }
}
