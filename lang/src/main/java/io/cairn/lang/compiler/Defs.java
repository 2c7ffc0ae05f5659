package io.cairn.lang.compiler;

import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.Location;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Identifier definitions, as cairo-compile lists them under {@code identifiers}. */
final class Defs {
  private Defs() {}

  sealed interface Def {}

  record ConstDef(BigInteger value) implements Def {}

  /** A label or, with {@code function}, a function; pc is -1 until the definition is reached. */
  static final class LabelDef implements Def {
    int pc = -1;
    final boolean function;
    final List<String> decorators;

    LabelDef(boolean function, List<String> decorators) {
      this.function = function;
      this.decorators = decorators;
    }
  }

  record Member(CairoType type, int offset, Location location) {}

  static final class StructDef implements Def {
    final String fullName;
    final Map<String, Member> members = new LinkedHashMap<>();
    int size = -1;
    /** Set while collecting: the members to resolve lazily. */
    List<Code.TypedIdentifier> pending;

    List<String> accessibleScopes;
    Location location;

    StructDef(String fullName) {
      this.fullName = fullName;
    }
  }

  static final class TypeDefinition implements Def {
    CairoType type;
    CairoType pending;
    List<String> accessibleScopes;
  }

  record AliasDef(String destination) implements Def {}

  record NamespaceDef() implements Def {}

  record ScopeDef() implements Def {}

  /** One binding of a reference (an entry of reference_manager). */
  record Reference(int pc, Expr value, Flow.ApTracking ap, Location location, Code.Element definedBy) {}

  static final class ReferenceDef implements Def {
    final String fullName;
    final CairoType type;
    final List<Reference> references = new ArrayList<>();

    ReferenceDef(String fullName, CairoType type) {
      this.fullName = fullName;
      this.type = type;
    }
  }
}
