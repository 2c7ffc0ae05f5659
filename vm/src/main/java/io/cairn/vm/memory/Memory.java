package io.cairn.vm.memory;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Write-once segmented Cairo memory as flat {@code long[]} arrays: four longs per cell (the canonical limbs of a felt,
 * or segment and offset of an address), with flags in the top bits of the fourth (STYLE.md §9).
 *
 * <p>Segment i ≥ 0 is {@code segments[i]}; temporary segment −k is {@code temp[k − 1]}. A cell holding an address
 * stores the segment (signed) in limb 0 and the offset in limb 1.
 */
public final class Memory {
  public static final long WRITTEN = 1L << 63;
  public static final long RELOC = 1L << 62;
  public static final long ACCESSED = 1L << 61;
  public static final long FLAGS = WRITTEN | RELOC | ACCESSED;
  public static final long LIMB3_MASK = ~FLAGS;

  private long[][] segments = new long[8][];
  private int[] used = new int[8];
  private int nSegments;
  private long[][] temp = new long[0][];
  private int[] tempUsed = new int[0];
  private int nTemp;
  /** Validation hooks per segment (builtin segments), null elsewhere. */
  private CellValidator[] validators = new CellValidator[8];
  /** Segments whose cell array is a shared image (see {@link #shareCells}): copied before their first write. */
  private boolean[] shared = new boolean[8];
  /** Relocation rules for temporary segments: temp index k−1 → destination. */
  private Relocatable[] rules = new Relocatable[0];

  /** Checks a cell of a builtin segment once it is written. */
  public interface CellValidator {
    void validate(Memory memory, int segment, int offset);
  }

  public int segmentCount() {
    return nSegments;
  }

  public int tempSegmentCount() {
    return nTemp;
  }

  public Relocatable addSegment() {
    if (nSegments == segments.length) {
      segments = Arrays.copyOf(segments, nSegments * 2);
      used = Arrays.copyOf(used, nSegments * 2);
      validators = Arrays.copyOf(validators, nSegments * 2);
      shared = Arrays.copyOf(shared, nSegments * 2);
    }
    segments[nSegments] = new long[64];
    return new Relocatable(nSegments++, 0);
  }

  public Relocatable addTempSegment() {
    nTemp++;
    temp = Arrays.copyOf(temp, nTemp);
    tempUsed = Arrays.copyOf(tempUsed, nTemp);
    rules = Arrays.copyOf(rules, nTemp);
    temp[nTemp - 1] = new long[64];
    return new Relocatable(-nTemp, 0);
  }

  /**
   * Fills an empty segment with a prepared image of {@code nCells} cells (four longs per cell, flags included), such
   * as bytecode laid out once and loaded into every run. The image is copied.
   */
  public void loadCells(int segment, long[] image, int nCells) {
    if (segment < 0 || segment >= nSegments) throw new VmError("unknown segment " + segment);
    if (used[segment] != 0) throw new VmError("segment " + segment + " is not empty");
    if (image.length < 4L * nCells) throw new IllegalArgumentException("image shorter than " + nCells + " cells");
    segments[segment] = Arrays.copyOf(image, Math.max(4 * nCells + 4, 64));
    used[segment] = nCells;
  }

  /**
   * Uses {@code image} ({@code nCells} cells, every one written and marked accessed) as the segment's cells without
   * copying it: runs of the same bytecode share one array. The first write into the segment copies it, so the image
   * is never changed (marking an already-accessed cell accessed changes nothing). The segment must be empty or
   * still hold an untouched shared image.
   */
  public void shareCells(int segment, long[] image, int nCells) {
    if (segment < 0 || segment >= nSegments) throw new VmError("unknown segment " + segment);
    if (used[segment] != 0 && !shared[segment]) throw new VmError("segment " + segment + " is not empty");
    if (image.length < 4L * nCells) throw new IllegalArgumentException("image shorter than " + nCells + " cells");
    segments[segment] = image;
    used[segment] = nCells;
    shared[segment] = true;
  }

  /** True while the segment still uses a shared image ({@link #shareCells}) untouched. */
  public boolean isShared(int segment) {
    return segment >= 0 && segment < nSegments && shared[segment];
  }

  public void setValidator(int segment, CellValidator v) {
    validators[segment] = v;
  }

  /** The cell array of a segment (may be reallocated by writes; re-fetch after writing). */
  public long[] cells(int segment) {
    if (segment >= 0) {
      if (segment >= nSegments) throw new VmError("unknown segment " + segment);
      return segments[segment];
    }
    int k = -segment - 1;
    if (k >= nTemp) throw new VmError("unknown temporary segment " + segment);
    return temp[k];
  }

  /** Number of cells up to the highest written offset + 1. */
  public int usedSize(int segment) {
    if (segment >= 0) return used[segment];
    return tempUsed[-segment - 1];
  }

  private long[] ensure(int segment, long offset) {
    if (offset < 0 || offset >= (1L << 29)) throw new VmError("address out of range: " + segment + ":" + offset);
    int need = (int) offset * 4 + 4;
    long[] a = cells(segment);
    if (segment >= 0 && shared[segment]) { // copy-on-write of a shared image
      a = Arrays.copyOf(a, Math.max(need, a.length));
      segments[segment] = a;
      shared[segment] = false;
    }
    if (need > a.length) {
      a = Arrays.copyOf(a, Math.max(need, a.length * 2));
      if (segment >= 0) segments[segment] = a;
      else temp[-segment - 1] = a;
    }
    int size = (int) offset + 1;
    if (segment >= 0) {
      if (used[segment] < size) used[segment] = size;
    } else if (tempUsed[-segment - 1] < size) tempUsed[-segment - 1] = size;
    return a;
  }

  public boolean isWritten(int segment, long offset) {
    long[] a = cells(segment);
    long i = offset * 4 + 3;
    return offset >= 0 && i < a.length && a[(int) i] < 0;
  }

  /** Writes a felt given as canonical limbs; a second write must agree. */
  public void writeFelt(int segment, long offset, long l0, long l1, long l2, long l3) {
    long[] a = ensure(segment, offset);
    int i = (int) offset * 4;
    long f = a[i + 3];
    if (f < 0) {
      if ((f & RELOC) != 0 || a[i] != l0 || a[i + 1] != l1 || a[i + 2] != l2 || (f & LIMB3_MASK) != l3)
        throw inconsistent(segment, offset, IntValue.of(Field.toBig(new long[] {l0, l1, l2, l3}, 0)));
      return;
    }
    a[i] = l0;
    a[i + 1] = l1;
    a[i + 2] = l2;
    a[i + 3] = l3 | WRITTEN;
    if (segment >= 0 && validators[segment] != null) validators[segment].validate(this, segment, (int) offset);
  }

  public void writeRelocatable(int segment, long offset, int valueSegment, long valueOffset) {
    long[] a = ensure(segment, offset);
    int i = (int) offset * 4;
    long f = a[i + 3];
    if (f < 0) {
      if ((f & RELOC) == 0 || a[i] != valueSegment || a[i + 1] != valueOffset)
        throw inconsistent(segment, offset, new Relocatable(valueSegment, valueOffset));
      return;
    }
    a[i] = valueSegment;
    a[i + 1] = valueOffset;
    a[i + 2] = 0;
    a[i + 3] = WRITTEN | RELOC;
    if (segment >= 0 && validators[segment] != null) validators[segment].validate(this, segment, (int) offset);
  }

  private VmError inconsistent(int segment, long offset, MaybeRelocatable value) {
    return new InconsistentMemoryError(
        "Inconsistent memory assignment at address "
            + segment
            + ":"
            + offset
            + ". "
            + get(segment, offset)
            + " != "
            + value
            + ".");
  }

  /** A write that contradicts an earlier one. */
  public static final class InconsistentMemoryError extends VmError {
    public InconsistentMemoryError(String m) {
      super(m);
    }
  }

  public void write(Relocatable addr, MaybeRelocatable v) {
    write(addr.segment(), addr.offset(), v);
  }

  public void write(int segment, long offset, MaybeRelocatable v) {
    switch (v) {
      case Relocatable r -> writeRelocatable(segment, offset, r.segment(), r.offset());
      case IntValue iv -> writeBig(segment, offset, iv.value());
    }
  }

  public void writeBig(int segment, long offset, BigInteger v) {
    long[] t = new long[4];
    Field.fromBig(v, t, 0);
    writeFelt(segment, offset, t[0], t[1], t[2], t[3]);
  }

  public void write(Relocatable addr, BigInteger v) {
    writeBig(addr.segment(), addr.offset(), v);
  }

  public void write(Relocatable addr, long v) {
    writeBig(addr.segment(), addr.offset(), BigInteger.valueOf(v));
  }

  /** The value at an address, or null when unwritten. */
  public MaybeRelocatable get(int segment, long offset) {
    if (segment >= nSegments || -segment > nTemp) return null;
    long[] a = cells(segment);
    long i = offset * 4;
    if (offset < 0 || i + 3 >= a.length) return null;
    int j = (int) i;
    long f = a[j + 3];
    if (f >= 0) return null;
    if ((f & RELOC) != 0) {
      if (a[j] < 0) return relocateAddress((int) a[j], a[j + 1]);
      return new Relocatable((int) a[j], a[j + 1]);
    }
    long[] t = {a[j], a[j + 1], a[j + 2], f & LIMB3_MASK};
    return IntValue.of(Field.toBig(t, 0));
  }

  public MaybeRelocatable get(Relocatable addr) {
    return get(addr.segment(), addr.offset());
  }

  /** The value at an address; fails when unwritten. */
  public MaybeRelocatable require(Relocatable addr) {
    MaybeRelocatable v = get(addr);
    if (v == null) throw new VmError("Unknown value for memory cell at address " + addr + ".");
    return v;
  }

  /** The felt at an address as an integer in [0, p); fails when unwritten or an address. */
  public BigInteger getInt(Relocatable addr) {
    MaybeRelocatable v = require(addr);
    if (v instanceof IntValue i) return i.value();
    throw new VmError("Expected an integer at address " + addr + ", found the address " + v + ".");
  }

  public Relocatable getRelocatable(Relocatable addr) {
    MaybeRelocatable v = require(addr);
    if (v instanceof Relocatable r) return r;
    throw new VmError("Expected an address at " + addr + ", found the integer " + v + ".");
  }

  public void markAccessed(int segment, long offset) {
    long[] a = cells(segment);
    int i = (int) offset * 4 + 3;
    if (i < a.length) a[i] |= ACCESSED;
  }

  public boolean isAccessed(int segment, long offset) {
    long[] a = cells(segment);
    long i = offset * 4 + 3;
    return offset >= 0 && i < a.length && (a[(int) i] & ACCESSED) != 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Temporary segments (CL memory_dict.add_relocation_rule / relocate_memory)

  public void addRelocationRule(Relocatable src, Relocatable dst) {
    if (src.segment() >= 0)
      throw new VmError("The first argument of add_relocation_rule must be a temporary segment, got " + src + ".");
    if (src.offset() != 0)
      throw new VmError("Relocation rules may only be defined for segment starts, got " + src + ".");
    int k = -src.segment() - 1;
    if (k >= nTemp) throw new VmError("unknown temporary segment " + src);
    if (rules[k] != null) throw new VmError("The segment with index " + src.segment() + " already has a relocation rule.");
    rules[k] = dst;
    anyRule = true;
  }

  /** True when some temporary segment has a relocation rule (reads then relocate on the fly). */
  public boolean hasRelocationRules() {
    return anyRule;
  }

  private boolean anyRule;

  /** Where a temporary address goes under the rules (chained), or the address itself. */
  public Relocatable relocateAddress(int segment, long offset) {
    int guard = 0;
    while (segment < 0) {
      Relocatable d = rules[-segment - 1];
      if (d == null) break;
      segment = d.segment();
      offset = d.offset() + offset;
      if (++guard > nTemp + 1) throw new VmError("cyclic relocation rules");
    }
    return new Relocatable(segment, offset);
  }

  /**
   * Applies the relocation rules: rewrites every address value pointing into a ruled temporary segment and moves
   * the ruled temporary segments' cells into their destinations (checking consistency).
   */
  public void relocateTemporarySegments() {
    if (nTemp == 0) return;
    boolean any = false;
    for (Relocatable r : rules) any |= r != null;
    if (!any) return;
    for (int s = 0; s < nSegments; s++) rewriteValues(segments[s], used[s]);
    for (int k = 0; k < nTemp; k++) rewriteValues(temp[k], tempUsed[k]);
    for (int k = 0; k < nTemp; k++) {
      if (rules[k] == null) continue;
      long[] a = temp[k];
      Relocatable base = relocateAddress(-(k + 1), 0);
      for (int o = 0; o < tempUsed[k]; o++) {
        int i = o * 4;
        long f = a[i + 3];
        if (f >= 0) continue;
        long dstOff = base.offset() + o;
        if ((f & RELOC) != 0) writeRelocatable(base.segment(), dstOff, (int) a[i], a[i + 1]);
        else writeFelt(base.segment(), dstOff, a[i], a[i + 1], a[i + 2], f & LIMB3_MASK);
        if ((f & ACCESSED) != 0) markAccessed(base.segment(), dstOff);
      }
      temp[k] = new long[4];
      tempUsed[k] = 0;
    }
  }

  private void rewriteValues(long[] a, int n) {
    for (int o = 0; o < n; o++) {
      int i = o * 4;
      long f = a[i + 3];
      if ((f & (WRITTEN | RELOC)) == (WRITTEN | RELOC) && a[i] < 0) {
        Relocatable r = relocateAddress((int) a[i], a[i + 1]);
        a[i] = r.segment();
        a[i + 1] = r.offset();
      }
    }
  }
}
