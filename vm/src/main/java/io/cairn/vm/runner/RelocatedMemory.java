package io.cairn.vm.runner;

import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.Memory;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Relocated memory as plain data for files and the prover: segment s occupies addresses {@code bases[s] ..
 * bases[s] + sizes[s] − 1} and its cells are {@code segments[s][4·offset .. 4·offset + 3]} (canonical little-endian
 * limbs of the relocated value, {@link Memory#WRITTEN} set in the top limb when the cell exists). The VM's own segment
 * arrays are reused in place, so relocation copies nothing.
 */
public final class RelocatedMemory {
  private final long[][] segments;
  private final long[] bases;
  private final int[] sizes;

  RelocatedMemory(long[][] segments, long[] bases, int[] sizes) {
    this.segments = segments;
    this.bases = bases;
    this.sizes = sizes;
  }

  public int segmentCount() {
    return segments.length;
  }

  public long base(int segment) {
    return bases[segment];
  }

  /** Cells in use in a segment (highest written offset + 1). */
  public int usedSize(int segment) {
    return sizes[segment];
  }

  /** The raw cell array of a segment (four longs per cell, see the class comment). */
  public long[] cells(int segment) {
    return segments[segment];
  }

  /** One past the highest address in use. */
  public long size() {
    long max = 1;
    for (int s = 0; s < segments.length; s++) if (sizes[s] > 0) max = Math.max(max, bases[s] + sizes[s]);
    return max;
  }

  private int segmentOf(long address) {
    int i = Arrays.binarySearch(bases, address);
    if (i < 0) i = -i - 2;
    // several empty segments may share a base: take the last one whose range holds the address
    while (i >= 0 && (address - bases[i] >= sizes[i])) {
      if (i + 1 < bases.length && bases[i + 1] <= address) i++;
      else return -1;
    }
    return i;
  }

  public boolean has(long address) {
    int s = segmentOf(address);
    if (s < 0) return false;
    return segments[s][(int) (address - bases[s]) * 4 + 3] < 0;
  }

  /** Limb k (0 = least significant) of the value at an address. */
  public long limb(long address, int k) {
    int s = segmentOf(address);
    long v = segments[s][(int) (address - bases[s]) * 4 + k];
    return k == 3 ? v & Memory.LIMB3_MASK : v;
  }

  public BigInteger value(long address) {
    if (!has(address)) return null;
    long[] t = {limb(address, 0), limb(address, 1), limb(address, 2), limb(address, 3)};
    return Field.toBig(t, 0);
  }

  public int count() {
    int n = 0;
    for (int s = 0; s < segments.length; s++) {
      long[] a = segments[s];
      for (int o = 0; o < sizes[s]; o++) if (a[o * 4 + 3] < 0) n++;
    }
    return n;
  }
}
