package io.cairn.vm.builtins;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.Map;

/** Bitwise builtin: x, y → x&y, x^y, x|y, with x, y below 2^251 (CL builtins/bitwise). */
public final class BitwiseBuiltin extends SimpleBuiltin {
  private static final int TOTAL_N_BITS = 251;

  public BitwiseBuiltin(boolean included, Integer ratio) {
    super("bitwise", included, ratio, 1, 5, 2, 1);
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    int index = offset % 5;
    if (index < 2) return null;
    int x0 = offset - index;
    if (!memory.isWritten(base.segment(), x0) || !memory.isWritten(base.segment(), x0 + 1)) return null;
    BigInteger x = checked(memory, x0), y = checked(memory, x0 + 1);
    return IntValue.of(index == 2 ? x.and(y) : index == 3 ? x.xor(y) : x.or(y));
  }

  private BigInteger checked(Memory memory, int off) {
    BigInteger v = intAt(memory, off);
    if (v.bitLength() > TOTAL_N_BITS)
      throw new VmError(
          name + " builtin: Expected integer at address " + base.segment() + ":" + off
              + " to be smaller than 2^251. Got: " + v + ".");
    return v;
  }

  @Override
  public long dilutedUnitsPerInstance(int spacing, int nBits) {
    int partitionLen = 0, trimmed = 0;
    for (int i = 0; i < TOTAL_N_BITS; i += spacing * nBits) {
      for (int j = 0; j < spacing; j++) {
        if (i + j < TOTAL_N_BITS) {
          partitionLen++;
          if (i + j + spacing * (nBits - 1) + 1 > TOTAL_N_BITS) trimmed++;
        }
      }
    }
    return 4L * partitionLen + trimmed;
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of(name, inputEntries(memory, "x", "y"));
  }
}
