package io.cairn.vm.builtins;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Range-check builtins: {@code range_check} (8 parts of 16 bits, values below 2^128) and {@code range_check96} (6
 * parts, below 2^96) (CL builtins/range_check/range_check_builtin_runner.py).
 */
public final class RangeCheckBuiltin extends SimpleBuiltin {
  private final int nParts;
  private final BigInteger bound;

  public RangeCheckBuiltin(String name, boolean included, Integer ratio, int ratioDen, int nParts) {
    super(name, included, ratio, ratioDen, 1, 1, 1);
    this.nParts = nParts;
    this.bound = BigInteger.ONE.shiftLeft(16 * nParts);
  }

  public BigInteger bound() {
    return bound;
  }

  @Override
  protected void validate(Memory memory, int segment, int offset) {
    long[] a = memory.cells(segment);
    int i = offset * 4;
    long l3 = a[i + 3];
    if ((l3 & Memory.RELOC) != 0)
      throw new VmError(
          "Range-check builtin: Expected value at address "
              + segment
              + ":"
              + offset
              + " to be an integer. Got: "
              + memory.get(segment, offset)
              + ".");
    int bits = 16 * nParts; // 128 or 96
    boolean ok =
        (l3 & Memory.LIMB3_MASK) == 0 && a[i + 2] == 0 && (bits >= 128 || (a[i + 1] >>> (bits - 64)) == 0);
    if (!ok)
      throw new VmError(
          "Value "
              + memory.get(segment, offset)
              + ", in range check builtin "
              + offset
              + ", is out of range [0, "
              + bound
              + ").");
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    return null;
  }

  @Override
  public int[] rangeCheckUsage(Memory memory) {
    int n = usedCells(memory);
    long[] a = memory.cells(base.segment());
    int min = Integer.MAX_VALUE, max = -1;
    for (int o = 0; o < n; o++) {
      int i = o * 4;
      if (a[i + 3] >= 0) continue;
      for (int p = 0; p < nParts; p++) {
        long limb = a[i + p / 4];
        int part = (int) ((limb >>> (16 * (p % 4))) & 0xffff);
        min = Math.min(min, part);
        max = Math.max(max, part);
      }
    }
    return max < 0 ? null : new int[] {min, max};
  }

  @Override
  public long usedPermRangeCheckUnits(Memory memory, long steps) {
    return (long) usedCells(memory) * nParts;
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    List<Map<String, Object>> out = new ArrayList<>();
    int n = usedCells(memory);
    for (int o = 0; o < n; o++) {
      MaybeRelocatable v = memory.get(base.segment(), o);
      if (v instanceof IntValue iv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", o);
        m.put("value", hex(iv.value()));
        out.add(m);
      }
    }
    return Map.of(name, out);
  }
}
