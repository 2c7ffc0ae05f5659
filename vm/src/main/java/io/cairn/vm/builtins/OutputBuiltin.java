package io.cairn.vm.builtins;

import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.util.Map;
import java.util.TreeMap;

/** The output builtin: one public cell per value, optionally split into pages (CL output_builtin_runner.py). */
public final class OutputBuiltin extends SimpleBuiltin {
  /** page id → {start, size}. */
  private final Map<Integer, int[]> pages = new TreeMap<>();

  public OutputBuiltin(boolean included) {
    super("output", included, null, 1, 1, 1, 1);
  }

  @Override
  public void initializeSegments(Memory memory) {
    base = memory.addSegment();
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    return null;
  }

  @Override
  public int usedInstances(Memory memory) {
    return usedCells(memory);
  }

  @Override
  public long allocatedInstances(Memory memory, long steps) {
    return usedCells(memory);
  }

  @Override
  public long allocatedSize(Memory memory, long steps) {
    return usedCells(memory);
  }

  @Override
  public long allocatedMemoryUnits(Memory memory, long steps) {
    return 0;
  }

  /** Marks [start, start + size) of the output segment as public-memory page {@code pageId}. */
  public void addPage(int pageId, Relocatable start, int size) {
    if (pages.containsKey(pageId)) throw new VmError("Page " + pageId + " was already assigned.");
    if (start.segment() != base.segment()) throw new VmError("page_start must be in the output segment.");
    pages.put(pageId, new int[] {(int) start.offset(), size});
  }

  /** Page id of each output offset (0 unless a page covers it). */
  public int[] pageOfOffsets(int size) {
    int[] out = new int[size];
    for (Map.Entry<Integer, int[]> e : pages.entrySet()) {
      int[] p = e.getValue();
      if (p[0] + p[1] > size) throw new VmError("Page " + e.getKey() + " is out of bounds.");
      for (int i = p[0]; i < p[0] + p[1]; i++) {
        if (out[i] != 0) throw new VmError("Offset " + i + " was already assigned a page.");
        out[i] = e.getKey();
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of();
  }
}
