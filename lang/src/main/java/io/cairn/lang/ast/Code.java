package io.cairn.lang.ast;

import java.util.List;

/** Cairo 0 code elements (statements), instruction bodies and helpers. */
public final class Code {
  private Code() {}

  /** {@code [local] name [: type]}. */
  public record TypedIdentifier(
      String name, CairoType type, boolean local, Location nameLocation, Location location) {
    public CairoType typeOrFelt() {
      return type != null ? type : new CairoType.Felt(location);
    }
  }

  public record AliasedIdentifier(String name, String alias, Location location) {}

  /** Instruction bodies, as written after parsing. */
  public sealed interface Body {
    Location location();
  }

  public record AssertEq(Expr a, Expr b, Location location) implements Body {}

  public record Jump(Expr val, boolean relative, Location location) implements Body {}

  /** {@code jmp label [if cond != 0]}. */
  public record JumpToLabel(Expr.Identifier label, Expr condition, Location location)
      implements Body {}

  public record Jnz(Expr offset, Expr condition, Location location) implements Body {}

  public record Call(Expr val, boolean relative, Location location) implements Body {}

  public record CallLabel(Expr.Identifier label, boolean fullyQualified, Location location)
      implements Body {}

  public record Ret(Location location) implements Body {}

  public record AddAp(Expr expr, Location location) implements Body {}

  public record DataWord(Expr expr, Location location) implements Body {}

  public sealed interface Element {
    Location location();
  }

  public record Instruction(Body body, boolean incAp, Location location) implements Element {}

  public record Const(String name, Location nameLocation, Expr expr, Location location)
      implements Element {}

  /** {@code let x = expr;} or {@code let x = call foo;} (value is then a Call/CallLabel body). */
  public record Reference(TypedIdentifier target, Expr expr, Body callInstruction, Location location)
      implements Element {}

  /** {@code let (a, b) = f(...);} */
  public record UnpackBinding(
      List<TypedIdentifier> targets, Expr.FunctionCall call, Location location) implements Element {}

  public record LocalVar(TypedIdentifier target, Expr expr, Location location)
      implements Element {}

  public record TempVar(TypedIdentifier target, Expr expr, Location location) implements Element {}

  public record CompoundAssertEq(Expr a, Expr b, Location location) implements Element {}

  public record StaticAssert(Expr a, Expr b, Location location) implements Element {}

  public record Return(Expr expr, Location location) implements Element {}

  public record TailCall(Expr.FunctionCall call, Location location) implements Element {}

  /** One {@code a == b} or {@code a != b} term; {@code and} chains several. */
  public record BoolTerm(Expr a, Expr b, boolean eq, Location location) {}

  public record If(
      List<BoolTerm> condition,
      List<Element> main,
      List<Element> orElse,
      Location location)
      implements Element {}

  public record FuncCallStmt(Expr.FunctionCall call, Location location) implements Element {}

  public record Label(Expr.Identifier name, Location location) implements Element {}

  public record Function(
      List<Expr.Identifier> decorators,
      String name,
      Location nameLocation,
      List<TypedIdentifier> implicitArgs,
      List<TypedIdentifier> args,
      CairoType returns,
      List<Element> body,
      Location location)
      implements Element {}

  public record Struct(
      List<Expr.Identifier> decorators,
      String name,
      Location nameLocation,
      List<TypedIdentifier> members,
      Location location)
      implements Element {}

  public record Namespace(
      List<Expr.Identifier> decorators,
      String name,
      Location nameLocation,
      List<Element> body,
      Location location)
      implements Element {}

  /**
   * Elements under an absolute scope, as code generators emit them (cairo-lang's
   * {@code CodeElementScoped}): Starknet's entry-point wrappers live under {@code __wrappers__}.
   */
  public record Scoped(String scope, List<Element> body, Location location) implements Element {}

  public record TypeDef(String name, Location nameLocation, CairoType type, Location location)
      implements Element {}

  public record WithAttr(String name, String value, List<Element> body, Location location)
      implements Element {}

  public record With(List<AliasedIdentifier> identifiers, List<Element> body, Location location)
      implements Element {}

  /** A hint; {@code prefixNewlines} counts the blank lines after {@code %{} (kept in debug_info). */
  public record Hint(String code, int prefixNewlines, Location location) implements Element {}

  public record Builtins(List<String> builtins, Location location) implements Element {}

  public record Lang(String name, Location location) implements Element {}

  public record Import(String module, Location moduleLocation, List<AliasedIdentifier> names, Location location)
      implements Element {}

  public record AllocLocals(Location location) implements Element {}

  /** A parsed file. */
  public record Module(String name, SourceFile file, List<Element> elements) {}
}
