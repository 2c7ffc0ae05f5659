package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.builtins.EcdsaBuiltin;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.Map;

/** Segments, scopes, memcpy/memset loops, find_element, temporary segments and signatures. */
final class MemoryHints {
  private MemoryHints() {}

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.SEGMENTS_ADD, c -> c.writeAp(c.addSegment()));
    put(m, HintCodes.VM_ENTER_SCOPE, c -> c.enterScope(Map.of()));
    put(m, HintCodes.VM_EXIT_SCOPE, HintContext::exitScope);
    put(m, HintCodes.MEMCPY_ENTER_SCOPE, c -> c.enterScope(Map.of("n", c.getInt("len"))));
    put(m, HintCodes.MEMSET_ENTER_SCOPE, c -> c.enterScope(Map.of("n", c.getInt("n"))));
    put(m, HintCodes.MEMCPY_CONTINUE_COPYING, c -> continueLoop(c, "continue_copying"));
    put(m, HintCodes.MEMSET_CONTINUE_LOOP, c -> continueLoop(c, "continue_loop"));
    put(m, HintCodes.RELOCATE_SEGMENT, c -> c.memory().addRelocationRule(c.getPtr("src_ptr"), c.getPtr("dest_ptr")));
    put(m, HintCodes.TEMPORARY_ARRAY, c -> c.set("temporary_array", c.addTempSegment()));
    put(m, HintCodes.VERIFY_ECDSA_SIGNATURE, c ->
        ((EcdsaBuiltin) c.builtin("ecdsa"))
            .addSignature(c.address("ecdsa_ptr"), c.getInt("signature_r"), c.getInt("signature_s")));
    put(m, HintCodes.FIND_ELEMENT, MemoryHints::findElement);
  }

  private static void continueLoop(HintContext c, String flag) {
    BigInteger n = c.<BigInteger>scopeGet("n").subtract(BigInteger.ONE);
    c.scopeSet("n", n);
    c.set(flag, n.signum() > 0 ? 1 : 0);
  }

  private static void findElement(HintContext c) {
    Relocatable array = c.getPtr("array_ptr");
    BigInteger elmSize = c.getInt("elm_size");
    if (elmSize.signum() <= 0) throw new VmError("Invalid value for elm_size. Got: " + elmSize + ".");
    MaybeRelocatable key = c.get("key");
    if (c.scopeHas("__find_element_index")) {
      BigInteger idx = c.scopeGet("__find_element_index");
      c.set("index", idx);
      MaybeRelocatable found = c.memory().get(array.add(elmSize.multiply(idx)));
      if (!key.equals(found))
        throw new VmError("Invalid index found in __find_element_index. index: " + idx + ", expected key " + key
            + ", found key: " + found + ".");
      c.scopeSet("__find_element_index", null);
      return;
    }
    BigInteger n = c.getInt("n_elms");
    if (c.scopeHas("__find_element_max_size")) {
      BigInteger max = c.scopeGet("__find_element_max_size");
      if (n.compareTo(max) > 0)
        throw new VmError("find_element() can only be used with n_elms<=" + max + ". Got: n_elms=" + n + ".");
    }
    long es = elmSize.longValueExact();
    for (long i = 0; i < n.longValueExact(); i++) {
      if (key.equals(c.memory().get(array.add(es * i)))) {
        c.set("index", i);
        return;
      }
    }
    throw new VmError("Key " + key + " was not found.");
  }

  static IntValue felt(BigInteger v) {
    return IntValue.of(v);
  }
}
