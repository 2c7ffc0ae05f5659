package io.cairn.vm.builtins;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import java.util.List;
import java.util.Map;

/**
 * A builtin's runner: its segment, auto-deduction and validation rules, resource accounting and prover input. The
 * set is closed (CAIRO.md §7; CL {@code vm/builtin_runner.py}); {@link Builtins#create} is the single dispatch point.
 */
public sealed interface BuiltinRunner permits SimpleBuiltin {
  /** Name without the {@code _builtin} suffix, as in public input and {@code %builtins}. */
  String name();

  boolean included();

  Relocatable base();

  /** Adds the builtin's segment and installs its validation rule. */
  void initializeSegments(Memory memory);

  /** Cells {@code main} receives for this builtin (its base when included). */
  List<MaybeRelocatable> initialStack();

  /** Deduces an unwritten cell of the segment, or returns null (CL auto-deduction rules). */
  MaybeRelocatable deduce(Memory memory, int offset);

  /** Reads and checks the stop pointer at {@code pointer − 1}; returns the pointer below this builtin's cells. */
  Relocatable finalStack(Memory memory, Relocatable pointer);

  /** Stop pointer after {@link #finalStack} (the base when not included). */
  Relocatable stopPtr();

  int usedCells(Memory memory);

  int usedInstances(Memory memory);

  /** Instances the layout allocates for {@code steps} steps; throws {@link InsufficientAllocatedCells}. */
  long allocatedInstances(Memory memory, long steps);

  /** Allocated cells for the segment (for padding and finalization). */
  long allocatedSize(Memory memory, long steps);

  long allocatedMemoryUnits(Memory memory, long steps);

  /** [min, max] of 16-bit range-check parts used, or null. */
  default int[] rangeCheckUsage(Memory memory) {
    return null;
  }

  default long usedPermRangeCheckUnits(Memory memory, long steps) {
    return 0;
  }

  default long dilutedUnitsPerInstance(int spacing, int nBits) {
    return 0;
  }

  /** Prover input entries keyed by builtin name (FORMATS.md §7). */
  Map<String, Object> airPrivateInput(Memory memory);

  /** Thrown when a layout cannot hold a run's builtin usage at the current step count. */
  final class InsufficientAllocatedCells extends RuntimeException {
    public InsufficientAllocatedCells(String m) {
      super(m);
    }
  }
}
