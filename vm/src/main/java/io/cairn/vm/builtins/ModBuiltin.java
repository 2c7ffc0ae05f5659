package io.cairn.vm.builtins;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * add_mod / mul_mod builtins: instances of 7 cells (p0..p3, values_ptr, offsets_ptr, n) over 96-bit words, batch size
 * 1 (CL builtins/modulo/mod_builtin_runner.py). In place: segment, ratio/ratio_den allocation, the 15 extra memory
 * units per instance, and the shared zero segment (max(n_words, 3·batch) = 4 zeros) that cairo-lang allocates after
 * the entry frame. Not yet: {@code fill_memory} (driven by Cairo 1's EvalCircuit and the mod-circuit hints) and the
 * per-instance prover input.
 */
public final class ModBuiltin extends SimpleBuiltin {
  /** Zeros this builtin needs: max(n_words, batch_size · 3). */
  public static final int ZERO_SEGMENT_SIZE = 4;

  private static final int ADDITIONAL_MEMORY_UNITS = 15;
  private Relocatable zeroValue;

  public ModBuiltin(String name, boolean included, Integer ratio, int ratioDen) {
    super(name, included, ratio, ratioDen, 7, 7, 1);
  }

  public void setZeroValue(Relocatable zero) {
    this.zeroValue = zero;
  }

  public Relocatable zeroValue() {
    return zeroValue;
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    return null;
  }

  @Override
  public long allocatedMemoryUnits(Memory memory, long steps) {
    return (long) (cellsPerInstance + ADDITIONAL_MEMORY_UNITS) * allocatedInstances(memory, steps);
  }

  /** Needs the relocated zero address: see {@link #airPrivateInput(Memory, long)}. */
  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    throw new IllegalStateException("use airPrivateInput(memory, zeroValueAddress)");
  }

  public Map<String, Object> airPrivateInput(Memory memory, long zeroValueAddress) {
    if (usedCells(memory) > 0)
      throw new VmError(name + " builtin: the AIR private input of used mod-builtin instances is not implemented yet");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instances", List.of());
    m.put("zero_value_address", zeroValueAddress);
    return Map.of(name, m);
  }
}
