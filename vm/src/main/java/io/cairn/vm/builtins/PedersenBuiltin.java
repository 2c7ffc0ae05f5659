package io.cairn.vm.builtins;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import java.math.BigInteger;
import java.util.Map;

/** Pedersen hash builtin: cells x, y → H(x, y) (CL builtins/hash/hash_builtin_runner.py). */
public final class PedersenBuiltin extends SimpleBuiltin {
  public PedersenBuiltin(boolean included, Integer ratio) {
    super("pedersen", included, ratio, 1, 3, 2, 1);
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    if (offset % 3 != 2) return null;
    if (!memory.isWritten(base.segment(), offset - 1) || !memory.isWritten(base.segment(), offset - 2)) return null;
    BigInteger x = intAt(memory, offset - 2), y = intAt(memory, offset - 1);
    return IntValue.of(Pedersen.hash(Felt.of(x), Felt.of(y)).toBigInteger());
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of(name, inputEntries(memory, "x", "y"));
  }
}
