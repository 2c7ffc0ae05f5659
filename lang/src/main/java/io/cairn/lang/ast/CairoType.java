package io.cairn.lang.ast;

import java.util.List;

/** Cairo 0 types. Formatting follows cairo-lang's {@code CairoType.format()}. */
public sealed interface CairoType {
  Location location();

  String format();

  record Felt(Location location) implements CairoType {
    public String format() {
      return "felt";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Felt;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  record CodeOffset(Location location) implements CairoType {
    public String format() {
      return "codeoffset";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CodeOffset;
    }

    @Override
    public int hashCode() {
      return 2;
    }
  }

  record Pointer(CairoType pointee, Location location) implements CairoType {
    public String format() {
      return pointee.format() + "*";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pointer p && p.pointee.equals(pointee);
    }

    @Override
    public int hashCode() {
      return 31 * pointee.hashCode() + 3;
    }
  }

  /** A named type: unresolved as written in source, or resolved to a full struct name. */
  record Struct(String name, boolean resolved, Location location) implements CairoType {
    public String format() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Struct s && s.name.equals(name) && s.resolved == resolved;
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  record TupleMember(String name, CairoType type, Location location) {}

  record Tuple(List<TupleMember> members, boolean trailingComma, Location location)
      implements CairoType {
    public String format() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) sb.append(", ");
        TupleMember m = members.get(i);
        if (m.name() != null) sb.append(m.name()).append(": ");
        sb.append(m.type().format());
      }
      if (members.size() == 1 && members.get(0).name() == null) sb.append(',');
      return sb.append(')').toString();
    }

    public boolean isNamed() {
      for (TupleMember m : members) if (m.name() == null) return false;
      return !members.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Tuple t) || t.members.size() != members.size()) return false;
      for (int i = 0; i < members.size(); i++) {
        TupleMember a = members.get(i), b = t.members.get(i);
        if (!a.type().equals(b.type())) return false;
        if (!java.util.Objects.equals(a.name(), b.name())) return false;
      }
      return true;
    }

    @Override
    public int hashCode() {
      return members.size();
    }
  }
}
