package io.cairn.vm.builtins;

import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared single-segment behaviour of every builtin (CL {@code SimpleBuiltinRunner}). */
public abstract sealed class SimpleBuiltin implements BuiltinRunner
    permits OutputBuiltin,
        PedersenBuiltin,
        RangeCheckBuiltin,
        EcdsaBuiltin,
        BitwiseBuiltin,
        EcOpBuiltin,
        KeccakBuiltin,
        PoseidonBuiltin,
        ModBuiltin {
  protected final String name;
  protected final boolean included;
  /** null = dynamic (allocate exactly what is used, up to a power of two of components). */
  protected final Integer ratio;
  protected final int ratioDen;
  protected final int cellsPerInstance;
  protected final int nInputCells;
  protected final int instancesPerComponent;
  protected Relocatable base;
  protected Relocatable stopPtr;

  SimpleBuiltin(
      String name,
      boolean included,
      Integer ratio,
      int ratioDen,
      int cellsPerInstance,
      int nInputCells,
      int instancesPerComponent) {
    this.name = name;
    this.included = included;
    this.ratio = ratio;
    this.ratioDen = ratioDen;
    this.cellsPerInstance = cellsPerInstance;
    this.nInputCells = nInputCells;
    this.instancesPerComponent = instancesPerComponent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean included() {
    return included;
  }

  @Override
  public Relocatable base() {
    if (base == null) throw new IllegalStateException("Uninitialized self.base.");
    return base;
  }

  @Override
  public Relocatable stopPtr() {
    return stopPtr;
  }

  public int cellsPerInstance() {
    return cellsPerInstance;
  }

  /** The first cells of each instance that are inputs; the rest are deduced outputs. */
  public int inputCells() {
    return nInputCells;
  }

  @Override
  public void initializeSegments(Memory memory) {
    base = memory.addSegment();
    memory.setValidator(base.segment(), this::validate);
  }

  /** Validation rule on write; the default accepts everything. */
  protected void validate(Memory memory, int segment, int offset) {}

  @Override
  public List<MaybeRelocatable> initialStack() {
    return included ? List.of(base) : List.of();
  }

  @Override
  public Relocatable finalStack(Memory memory, Relocatable pointer) {
    if (!included) {
      stopPtr = base;
      return pointer;
    }
    Relocatable at = pointer.add(-1);
    MaybeRelocatable v = memory.get(at);
    if (!(v instanceof Relocatable sp))
      throw new VmError("Invalid stop pointer for " + name + ": expected an address at " + at + ", found " + v + ".");
    stopPtr = sp;
    Relocatable expected = base.add((long) usedInstances(memory) * cellsPerInstance);
    if (!sp.equals(expected))
      throw new VmError("Invalid stop pointer for " + name + ". Expected: " + expected + ", found: " + sp);
    return at;
  }

  @Override
  public int usedCells(Memory memory) {
    return memory.usedSize(base.segment());
  }

  @Override
  public int usedInstances(Memory memory) {
    return (usedCells(memory) + cellsPerInstance - 1) / cellsPerInstance;
  }

  @Override
  public long allocatedInstances(Memory memory, long steps) {
    if (ratio == null) {
      long needed = (usedInstances(memory) + instancesPerComponent - 1) / instancesPerComponent;
      long comps = needed > 0 ? nextPowerOfTwo(needed) : 0;
      return instancesPerComponent * comps;
    }
    if (ratio == 0) return 0;
    long minSteps = ((long) ratio * instancesPerComponent + ratioDen - 1) / ratioDen;
    if (steps < minSteps)
      throw new InsufficientAllocatedCells("Number of steps must be at least " + minSteps + " for the " + name + " builtin.");
    long num = steps * ratioDen;
    if (num % ratio != 0) throw new InsufficientAllocatedCells(num + " is not divisible by " + ratio + ".");
    return num / ratio;
  }

  @Override
  public long allocatedSize(Memory memory, long steps) {
    long used = usedCells(memory);
    long size = cellsPerInstance * allocatedInstances(memory, steps);
    if (used > size)
      throw new InsufficientAllocatedCells("The " + name + " builtin used " + used + " cells but the capacity is " + size + ".");
    return size;
  }

  @Override
  public long allocatedMemoryUnits(Memory memory, long steps) {
    return (long) cellsPerInstance * allocatedInstances(memory, steps);
  }

  // helpers for subclasses

  /** The integer at (segment, offset), or null if unwritten; fails on an address. */
  protected BigInteger intAt(Memory memory, int offset) {
    MaybeRelocatable v = memory.get(base.segment(), offset);
    if (v == null) return null;
    if (v instanceof IntValue i) return i.value();
    throw new VmError(
        name + " builtin: Expected integer at address " + base.segment() + ":" + offset + ". Got: " + v + ".");
  }

  protected static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }

  /** {index, name_i: hex} entries for the written input cells of every instance, sorted by index. */
  protected List<Map<String, Object>> inputEntries(Memory memory, String... names) {
    List<Map<String, Object>> out = new ArrayList<>();
    int n = usedInstances(memory);
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", i);
      boolean any = false;
      for (int j = 0; j < names.length; j++) {
        MaybeRelocatable v = memory.get(base.segment(), (long) i * cellsPerInstance + j);
        if (v instanceof IntValue iv) {
          m.put(names[j], hex(iv.value()));
          any = true;
        }
      }
      if (any) {
        if (m.size() != names.length + 1)
          throw new VmError("Missing input of " + name + " instance " + i + ".");
        out.add(m);
      }
    }
    return out;
  }

  static long nextPowerOfTwo(long x) {
    return x <= 1 ? 1 : Long.highestOneBit(x - 1) << 1;
  }

  static BigInteger big(long[] limbs) {
    return Field.toBig(limbs, 0);
  }
}
