package io.cairn.vm.builtins;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/** Poseidon builtin: s0, s1, s2 → the Hades permutation of the state (CL builtins/poseidon). */
public final class PoseidonBuiltin extends SimpleBuiltin {
  private final Map<Integer, BigInteger> cache = new HashMap<>();

  public PoseidonBuiltin(boolean included, Integer ratio) {
    super("poseidon", included, ratio, 1, 6, 3, 1);
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    int index = offset % 6;
    if (index < 3) return null;
    BigInteger c = cache.get(offset);
    if (c != null) return IntValue.of(c);
    int first = offset - index;
    for (int i = 0; i < 3; i++) if (!memory.isWritten(base.segment(), first + i)) return null;
    Felt[] s = {Felt.of(intAt(memory, first)), Felt.of(intAt(memory, first + 1)), Felt.of(intAt(memory, first + 2))};
    Felt[] out = permute(s);
    for (int i = 0; i < 3; i++) cache.put(first + 3 + i, out[i].toBigInteger());
    return IntValue.of(cache.get(offset));
  }

  /** The Hades permutation from the crypto module, on Montgomery limbs. */
  static Felt[] permute(Felt[] s) {
    long[] st = new long[12];
    for (int i = 0; i < 3; i++) s[i].writeTo(st, 4 * i);
    Poseidon.permute(st, 0);
    return new Felt[] {Felt.fromMontgomeryLimbs(st, 0), Felt.fromMontgomeryLimbs(st, 4), Felt.fromMontgomeryLimbs(st, 8)};
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of(name, inputEntries(memory, "input_s0", "input_s1", "input_s2"));
  }
}
