package io.cairn.vm.memory;

import java.math.BigInteger;

/** A field element, held reduced into [0, p). */
public record IntValue(BigInteger value) implements MaybeRelocatable {

  public IntValue {
    if (value.signum() < 0 || value.compareTo(Field.P) >= 0) value = value.mod(Field.P);
  }

  public static IntValue of(BigInteger v) {
    return new IntValue(v);
  }

  @Override
  public IntValue add(BigInteger v) {
    return new IntValue(value.add(v));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
