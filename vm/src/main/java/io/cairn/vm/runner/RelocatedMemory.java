package io.cairn.vm.runner;

import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.Memory;
import java.math.BigInteger;

/**
 * Relocated memory as plain data for files and the prover: address a's value is limbs {@code cells[4a..4a+3]}
 * (canonical, little-endian), with {@link Memory#WRITTEN} set in the top limb when the cell exists.
 */
public record RelocatedMemory(long[] cells) {
  /** One past the highest address. */
  public int size() {
    return cells.length / 4;
  }

  public boolean has(long address) {
    long i = address * 4 + 3;
    return address >= 0 && i < cells.length && cells[(int) i] < 0;
  }

  /** Limb k (0 = least significant) of the value at an address. */
  public long limb(long address, int k) {
    long v = cells[(int) address * 4 + k];
    return k == 3 ? v & Memory.LIMB3_MASK : v;
  }

  public BigInteger value(long address) {
    if (!has(address)) return null;
    long[] t = {limb(address, 0), limb(address, 1), limb(address, 2), limb(address, 3)};
    return Field.toBig(t, 0);
  }

  public int count() {
    int n = 0;
    for (int a = 0; a < size(); a++) if (has(a)) n++;
    return n;
  }
}
