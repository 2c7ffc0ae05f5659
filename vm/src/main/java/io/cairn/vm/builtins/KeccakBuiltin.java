package io.cairn.vm.builtins;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Keccak builtin: eight 200-bit input words (the 1600-bit state, 25-byte little-endian chunks) → the Keccak-f[1600]
 * permutation of it, 16 instances per component (CL builtins/keccak/keccak_builtin_runner.py).
 */
public final class KeccakBuiltin extends SimpleBuiltin {
  private final Map<Integer, BigInteger> cache = new HashMap<>();

  public KeccakBuiltin(boolean included, Integer ratio) {
    super("keccak", included, ratio, 1, 16, 8, 16);
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    int index = offset % 16;
    if (index < 8) return null;
    BigInteger c = cache.get(offset);
    if (c != null) return IntValue.of(c);
    int first = offset - index;
    for (int i = 0; i < 8; i++) if (!memory.isWritten(base.segment(), first + i)) return null;
    byte[] state = new byte[200];
    for (int i = 0; i < 8; i++) {
      BigInteger v = intAt(memory, first + i);
      if (v.bitLength() > 200)
        throw new VmError(
            "Keccak builtin: Expected integer at address " + base.segment() + ":" + (first + i)
                + " to be smaller than 2^200. Got: " + v + ".");
      byte[] be = v.toByteArray();
      for (int j = 0; j < 25 && j < be.length; j++) {
        byte b = be[be.length - 1 - j];
        state[i * 25 + j] = b;
      }
    }
    KeccakF.permute(state);
    for (int i = 0; i < 8; i++) {
      byte[] be = new byte[26];
      for (int j = 0; j < 25; j++) be[25 - j] = state[i * 25 + j];
      cache.put(first + 8 + i, new BigInteger(be));
    }
    return IntValue.of(cache.get(offset));
  }

  @Override
  public long dilutedUnitsPerInstance(int spacing, int nBits) {
    return (1L << 18) / nBits;
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of(
        name,
        inputEntries(memory, "input_s0", "input_s1", "input_s2", "input_s3", "input_s4", "input_s5", "input_s6",
            "input_s7"));
  }
}
