package io.cairn.vm.builtins;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import java.util.Map;

/**
 * add_mod / mul_mod builtins: instances of 7 cells (p0..p3, values_ptr, offsets_ptr, n) over 96-bit words (CL
 * builtins/modulo/mod_builtin_runner.py). Segment accounting and layout ratios are in place; the batch filling
 * ({@code fill_memory}) and validation are not implemented yet (no fixture program uses them).
 */
public final class ModBuiltin extends SimpleBuiltin {
  public ModBuiltin(String name, boolean included, Integer ratio, int ratioDen) {
    super(name, included, ratio, ratioDen, 7, 7, 1);
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    return null;
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of();
  }
}
