package io.cairn.lang.ast;

import java.math.BigInteger;
import java.util.List;

/** Cairo 0 expressions. {@link #format()} prints them the way cairo-lang's formatter does. */
public sealed interface Expr {
  Location location();

  default String format() {
    return ExprFormatter.format(this);
  }

  enum Reg {
    AP,
    FP;

    public String text() {
      return this == AP ? "ap" : "fp";
    }
  }

  /** A number; {@code hex} remembers how it was written, for formatting. */
  record Const(BigInteger val, boolean hex, Location location) implements Expr {
    public Const(long v, Location location) {
      this(BigInteger.valueOf(v), false, location);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Const c && c.val.equals(val);
    }

    @Override
    public int hashCode() {
      return val.hashCode();
    }
  }

  record Identifier(String name, Location location) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identifier i && i.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  record RegExpr(Reg reg, Location location) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof RegExpr r && r.reg == reg;
    }

    @Override
    public int hashCode() {
      return reg.hashCode();
    }
  }

  record Deref(Expr addr, Location location) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Deref d && d.addr.equals(addr);
    }

    @Override
    public int hashCode() {
      return addr.hashCode() * 7 + 1;
    }
  }

  /** Binary {@code + - * /}. */
  record Operator(Expr a, String op, Expr b, Location location) implements Expr {
    @Override
    public boolean equals(Object o) {
      return o instanceof Operator x && x.op.equals(op) && x.a.equals(a) && x.b.equals(b);
    }

    @Override
    public int hashCode() {
      return (a.hashCode() * 31 + op.hashCode()) * 31 + b.hashCode();
    }
  }

  record Pow(Expr a, Expr b, Location location) implements Expr {}

  record Neg(Expr val, Location location) implements Expr {}

  record AddressOf(Expr expr, Location location) implements Expr {}

  record Subscript(Expr expr, Expr offset, Location location) implements Expr {}

  record Dot(Expr expr, String member, Location location) implements Expr {}

  enum CastType {
    EXPLICIT,
    UNPACKING,
    ASSIGN,
    FORCED
  }

  record Cast(Expr expr, CairoType type, CastType castType, Location location) implements Expr {}

  record Parentheses(Expr val, Location location) implements Expr {}

  /** An argument in a call, tuple or struct constructor: {@code name=expr} or {@code expr}. */
  record Assignment(String name, Location nameLocation, Expr expr, Location location) {}

  /**
   * A tuple; {@code newlines}, when not null, has the {@link Notes} of each gap (before each member
   * and before the closing parenthesis): the source's line breaks and comments there, which
   * cairo-lang keeps when it prints the expression.
   */
  record Tuple(List<Assignment> members, boolean trailingComma, List<Notes> newlines, Location location)
      implements Expr {
    public Tuple(List<Assignment> members, boolean trailingComma, Location location) {
      this(members, trailingComma, null, location);
    }
  }

  record FuncCall(FunctionCall call) implements Expr {
    public Location location() {
      return call.location();
    }
  }

  record Hint(String code, Location location) implements Expr {}

  record New(Expr expr, boolean typed, Location location) implements Expr {}

  /** A label not yet defined when first referenced (used for jumps inside if statements). */
  record FunctionCall(
      Identifier func,
      List<Assignment> implicitArgs,
      List<Assignment> args,
      boolean argsTrailingComma,
      List<Notes> argNewlines,
      Location location) {}
}
