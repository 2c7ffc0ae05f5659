package io.cairn.vm.builtins;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import java.lang.reflect.Method;
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

  private static volatile Method permutation;

  /**
   * The Hades permutation from the crypto module. Looked up by name because the crypto module's public permutation
   * entry point is being added concurrently (issue 2); replace with a direct call once it has landed.
   */
  static Felt[] permute(Felt[] s) {
    try {
      Method m = permutation;
      if (m == null) {
        Class<?> c = Class.forName("io.cairn.crypto.hash.Poseidon");
        for (String n : new String[] {"permute", "permutation", "hadesPermutation", "hades"}) {
          try {
            m = c.getMethod(n, Felt[].class);
            break;
          } catch (NoSuchMethodException ignored) {
            // try the next name
          }
        }
        if (m == null) throw new UnsupportedOperationException("Poseidon permutation is not available in crypto yet");
        permutation = m;
      }
      Felt[] copy = s.clone();
      Object r = m.invoke(null, (Object) copy);
      return r instanceof Felt[] f ? f : copy;
    } catch (ReflectiveOperationException e) {
      throw new UnsupportedOperationException("Poseidon permutation failed: " + e, e);
    }
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of(name, inputEntries(memory, "input_s0", "input_s1", "input_s2"));
  }
}
