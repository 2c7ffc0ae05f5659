package io.cairn.vm.memory;

import java.math.BigInteger;

/** A Cairo memory value as hints and tools see it: a field element or a relocatable address. */
public sealed interface MaybeRelocatable permits Relocatable, IntValue {

  static IntValue of(long v) {
    return IntValue.of(BigInteger.valueOf(v));
  }

  static IntValue of(BigInteger v) {
    return IntValue.of(v);
  }

  /** This value plus an integer (modulo p for field elements, shifting the offset for addresses). */
  MaybeRelocatable add(BigInteger v);

  default MaybeRelocatable add(long v) {
    return add(BigInteger.valueOf(v));
  }
}
