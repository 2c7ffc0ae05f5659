package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.stone.StoneProof;
import io.cairn.vm.runner.RunOutput;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The main (first) trace table of a layout, column-major, as Stone's {@code CpuAir::GetTrace} fills it: the CPU
 * component (decoding, offsets, registers, the CPU's memory accesses), the builtins, then the three pools completed
 * the way Stone completes them — the 16-bit range-check pool's holes, the diluted pool's missing values, the memory
 * pool's public-memory and hole cells — and their sorted columns.
 *
 * <p>Cells are Montgomery limbs in {@code long[]} columns (4 per row); the CPU steps are written in parallel without
 * per-cell objects.
 */
public final class MainTrace {
  private final long[][] columns; // Montgomery limbs, 4 per row
  private final CpuColumns cpu;
  private final VirtualColumn memPool; // unit k: address at row(k), value at row(k) + 1
  private final VirtualColumn rcPool;
  // memory pool units
  private final long[] unitAddress;
  private final long[] unitValue; // Montgomery limbs, 4 per unit
  private final boolean[] unitSet;
  // range-check pool units
  private final long[] rcValue;
  private final boolean[] rcSet;
  private boolean rangeCheckFinished;
  // the range-check builtin, when writeBuiltins found one: its memory cells wait for the filled range-check pool
  private VirtualColumn rcBuiltinMem, rcBuiltinInner;
  private int rcBuiltinParts;
  private long rcBuiltinBegin;
  // the diluted pool (layouts with a diluted check): values in diluted form
  private VirtualColumn dilutedPool;
  private long[] dilutedValue;
  private boolean[] dilutedSet;

  private MainTrace(int nColumns, int rows, CpuColumns cpu, VirtualColumn memPool, VirtualColumn rcPool) {
    columns = new long[nColumns][4 * rows];
    this.cpu = cpu;
    this.memPool = memPool;
    this.rcPool = rcPool;
    int units = rows / memPool.step();
    unitAddress = new long[units];
    unitValue = new long[4 * units];
    unitSet = new boolean[units];
    rcValue = new long[rows / rcPool.step()];
    rcSet = new boolean[rcValue.length];
  }

  public int rows() {
    return columns[0].length / 4;
  }

  /** Column {@code c} as Montgomery limbs (4 per row, least significant first); shared, not a copy. */
  public long[] column(int c) {
    return columns[c];
  }

  public int columnCount() {
    return columns.length;
  }

  public Felt get(int column, int row) {
    return Felt.fromMontgomeryLimbs(columns[column], 4 * row);
  }

  /** Overwrites one cell (tests: a trace with a wrong cell must be rejected). */
  public void setForTest(int column, int row, Felt v) {
    set(column, row, v);
  }

  void set(int column, int row, Felt v) {
    v.writeTo(columns[column], 4 * row);
  }

  void set(VirtualColumn vc, long i, Felt v) {
    v.writeTo(columns[vc.column()], 4 * vc.row(i));
  }

  /** Element i of a virtual column from Montgomery limbs src[off..off+3]. */
  void setLimbs(VirtualColumn vc, long i, long[] src, int off) {
    System.arraycopy(src, off, columns[vc.column()], 4 * vc.row(i), 4);
  }

  /** Element i of a virtual column from canonical limbs (converted to Montgomery form in place). */
  void setCanonical(VirtualColumn vc, long i, long l0, long l1, long l2, long l3) {
    long[] c = columns[vc.column()];
    int o = 4 * vc.row(i);
    c[o] = l0;
    c[o + 1] = l1;
    c[o + 2] = l2;
    c[o + 3] = l3;
    Fp.toMontgomery(c, o, c, o);
  }

  /** A small non-negative integer into a cell, without objects. */
  void setSmall(int column, int row, long v) {
    long[] c = columns[column];
    int o = 4 * row;
    c[o] = v;
    c[o + 1] = c[o + 2] = c[o + 3] = 0;
    Fp.toMontgomery(c, o, c, o);
  }

  /**
   * The whole main trace of a proof-mode run, in Stone's order ({@code CpuAir::GetTrace}): CPU steps, the builtins
   * (every Pedersen, ECDSA and bitwise instance, the range-check instances the run used), the range-check pool's
   * holes, the range-check builtin's memory cells, the diluted pool's missing values, then public memory, the memory
   * holes and the sorted columns.
   */
  public static MainTrace build(RunOutput run, TraceLayout layout, StoneProof.PublicInput pi) {
    return build(Execution.of(run), layout, pi);
  }

  /** {@link #build(RunOutput, TraceLayout, StoneProof.PublicInput)} from any execution (e.g. cairo-run's files). */
  public static MainTrace build(Execution run, TraceLayout layout, StoneProof.PublicInput pi) {
    if (!pi.layout().equals(layout.name()))
      throw new IllegalArgumentException("public input is for layout " + pi.layout() + ", the trace layout is " + layout.name());
    if (pi.nSteps() != run.steps()) throw new IllegalArgumentException("public input has n_steps " + pi.nSteps() + ", the run " + run.steps());
    MainTrace t = cpu(run, layout);
    long[] addrs = new long[pi.publicMemory().size()];
    Felt[] vals = new Felt[addrs.length];
    for (int i = 0; i < addrs.length; i++) {
      addrs[i] = pi.publicMemory().get(i).address();
      vals[i] = pi.publicMemory().get(i).value();
    }
    Map<String, Long> begins = new HashMap<>();
    for (var e : pi.segments().entrySet()) begins.put(e.getKey(), e.getValue().beginAddr());
    t.writeBuiltins(run, layout, begins);
    t.finishRangeCheck(pi.rcMin(), pi.rcMax(), layout.rangeCheckSorted());
    if (layout.diluted() != null) t.finishDiluted(layout.diluted());
    t.finishMemory(addrs, vals, layout.publicMemoryStep(), layout.memorySorted());
    return t;
  }

  /** The CPU component of a proof-mode run in a layout whose pools fill whole columns (small). */
  public static MainTrace cpu(RunOutput run, CpuColumns cols, int nColumns) {
    return cpu(Execution.of(run), cols, nColumns, new VirtualColumn(cols.memPool(), 2, 0), new VirtualColumn(cols.offsets(), 1, 0));
  }

  /** The CPU component of a proof-mode run in {@code layout}. */
  public static MainTrace cpu(RunOutput run, TraceLayout layout) {
    return cpu(Execution.of(run), layout);
  }

  /** The CPU component of an execution in {@code layout}. */
  public static MainTrace cpu(Execution run, TraceLayout layout) {
    return cpu(run, layout.cpu(), layout.columns(), layout.memPool(), layout.rangeCheckPool());
  }

  private static final int STEPS_PER_TASK = 1024;

  private static MainTrace cpu(Execution run, CpuColumns cols, int nColumns, VirtualColumn memPool, VirtualColumn rcPool) {
    int steps = run.steps();
    if (Integer.bitCount(steps) != 1) throw new IllegalArgumentException("steps must be a power of two (proof mode), got " + steps);
    if (memPool.step() != 2 || memPool.offset() != 0) throw new IllegalArgumentException("memory pool must fill a column (step 2)");
    MainTrace t = new MainTrace(nColumns, steps * CpuColumns.STEP, cols, memPool, rcPool);
    Execution.Memory mem = run.memory();
    int tasks = (steps + STEPS_PER_TASK - 1) / STEPS_PER_TASK;
    IntStream.range(0, tasks)
        .parallel()
        .forEach(
            task -> {
              long[] s = new long[4 * 8];
              for (int i = task * STEPS_PER_TASK, end = Math.min(steps, i + STEPS_PER_TASK); i < end; i++)
                t.writeStep(i, run.pc(i), run.ap(i), run.fp(i), mem, cols, s);
            });
    return t;
  }

  // scratch slots (4 longs each) of writeStep
  private static final int DST = 0, OP0 = 4, OP1 = 8, MUL = 12, RES = 16, TMP0 = 20, TMP1 = 24, INST = 28;

  private void writeStep(int i, long pc, long ap, long fp, Execution.Memory mem, CpuColumns c, long[] s) {
    int base = CpuColumns.STEP * i;
    long inst = mem.limb(pc, 0);
    if (!mem.has(pc) || mem.limb(pc, 1) != 0 || mem.limb(pc, 2) != 0 || mem.limb(pc, 3) != 0 || inst < 0)
      throw new IllegalArgumentException("step " + i + ": no instruction word at pc " + pc);
    int off0 = (int) (inst & 0xffff), off1 = (int) ((inst >>> 16) & 0xffff), off2 = (int) ((inst >>> 32) & 0xffff);
    int flags = (int) (inst >>> 48);
    rangeCheck(base + c.off0(), off0);
    rangeCheck(base + c.off1(), off1);
    rangeCheck(base + c.off2(), off2);
    // opcode range check: row j holds the flags shifted right by j, so that bit j = row j − 2·row j+1
    for (int j = 0; j < CpuColumns.STEP; j++) setSmall(c.opcode(), base + j, flags >>> j);

    boolean dstFp = (flags & 1) != 0, op0Fp = (flags >> 1 & 1) != 0;
    long dstAddr = (dstFp ? fp : ap) + off0 - 0x8000;
    long op0Addr = (op0Fp ? fp : ap) + off1 - 0x8000;
    load(mem, op0Addr, i, s, OP0);
    long op1Base;
    if ((flags >> 2 & 1) != 0) op1Base = pc;
    else if ((flags >> 3 & 1) != 0) op1Base = fp;
    else if ((flags >> 4 & 1) != 0) op1Base = ap;
    else {
      if (mem.limb(op0Addr, 1) != 0 || mem.limb(op0Addr, 2) != 0 || mem.limb(op0Addr, 3) != 0 || mem.limb(op0Addr, 0) < 0)
        throw new IllegalArgumentException("step " + i + ": op0 at " + op0Addr + " is not an address");
      op1Base = mem.limb(op0Addr, 0);
    }
    long op1Addr = op1Base + off2 - 0x8000;
    load(mem, dstAddr, i, s, DST);
    load(mem, op1Addr, i, s, OP1);
    s[INST] = inst;
    s[INST + 1] = s[INST + 2] = s[INST + 3] = 0;
    Fp.toMontgomery(s, INST, s, INST);

    write(base + c.pc(), pc, base + c.instruction(), s, INST);
    write(base + c.dstAddr(), dstAddr, base + c.dstValue(), s, DST);
    write(base + c.op0Addr(), op0Addr, base + c.op0Value(), s, OP0);
    write(base + c.op1Addr(), op1Addr, base + c.op1Value(), s, OP1);

    boolean resAdd = (flags >> 5 & 1) != 0, resMul = (flags >> 6 & 1) != 0, jnz = (flags >> 9 & 1) != 0;
    Fp.mul(s, OP0, s, OP1, s, MUL);
    if (resAdd) Fp.add(s, OP0, s, OP1, s, RES);
    else if (resMul) System.arraycopy(s, MUL, s, RES, 4);
    else if (jnz) {
      // Stone's CpuComponent: res = dst⁻¹ (0 when dst = 0) on a conditional jump
      if (Fp.isZero(s, DST)) Arrays.fill(s, RES, RES + 4, 0);
      else Fp.inverse(s, DST, s, RES);
    } else System.arraycopy(s, OP1, s, RES, 4);
    if (jnz) System.arraycopy(s, DST, s, TMP0, 4);
    else Arrays.fill(s, TMP0, TMP0 + 4, 0);
    Fp.mul(s, TMP0, s, RES, s, TMP1);
    int r = c.registers();
    setSmall(r, base + c.ap(), ap);
    setSmall(r, base + c.fp(), fp);
    System.arraycopy(s, MUL, columns[r], 4 * (base + c.opsMul()), 4);
    System.arraycopy(s, RES, columns[r], 4 * (base + c.res()), 4);
    System.arraycopy(s, TMP0, columns[r], 4 * (base + c.tmp0()), 4);
    System.arraycopy(s, TMP1, columns[r], 4 * (base + c.tmp1()), 4);
  }

  private static void load(Execution.Memory mem, long addr, int step, long[] s, int slot) {
    if (addr < 0 || !mem.has(addr)) throw new IllegalArgumentException("step " + step + ": memory cell " + addr + " is unset");
    for (int k = 0; k < 4; k++) s[slot + k] = mem.limb(addr, k);
    Fp.toMontgomery(s, slot, s, slot);
  }

  private void write(int addrRow, long addr, int valueRow, long[] s, int slot) {
    if (valueRow != addrRow + 1 || (addrRow & 1) != 0) throw new IllegalStateException("memory unit rows " + addrRow + "/" + valueRow);
    memory(addrRow / 2, addr, s, slot, false);
  }

  /** Writes memory unit k; a public-memory unit holds (0, 0) in the trace (its real pair enters the public product). */
  private void memory(int unit, long addr, long[] value, int valueOffset, boolean isPublic) {
    if (unitSet[unit]) throw new IllegalStateException("memory unit " + unit + " written twice");
    unitSet[unit] = true;
    unitAddress[unit] = addr;
    System.arraycopy(value, valueOffset, unitValue, 4 * unit, 4);
    long[] col = columns[memPool.column()];
    int row = memPool.row(unit);
    if (isPublic) {
      Arrays.fill(col, 4 * row, 4 * row + 8, 0);
    } else {
      setSmall(memPool.column(), row, addr);
      System.arraycopy(value, valueOffset, col, 4 * (row + 1), 4);
    }
  }

  private void memory(int unit, long addr, Felt value, boolean isPublic) {
    long[] v = new long[4];
    value.writeTo(v, 0);
    memory(unit, addr, v, 0, isPublic);
  }

  /** A builtin's memory access in memory-pool unit k (written before {@link #finishMemory}). */
  void builtinMemory(int unit, long addr, Felt value) {
    memory(unit, addr, value, false);
  }

  /**
   * The builtins' part of the trace, before {@link #finishMemory}: Pedersen in the small layout, every instance from
   * {@code pedersenBegin}, with the inputs the run wrote.
   */
  public void writeBuiltins(RunOutput run, long pedersenBegin) {
    PedersenTrace.write(this, PedersenColumns.SMALL, pedersenBegin, memoryReader(Execution.of(run).memory()));
  }

  private static java.util.function.LongFunction<Felt> memoryReader(Execution.Memory mem) {
    return a -> mem.has(a) ? Felt.fromCanonicalLimbs(mem.limb(a, 0), mem.limb(a, 1), mem.limb(a, 2), mem.limb(a, 3)) : null;
  }

  /**
   * The builtins of {@code layout} present in {@code begins} (segment name → begin address): Pedersen, ECDSA and
   * bitwise write every instance, the range check only the instances the run wrote (its memory cells, for every
   * instance, are written by {@link #finishRangeCheck} from the pool, as Stone's
   * {@code RangeCheckBuiltinProverContext::Finalize}).
   */
  public void writeBuiltins(RunOutput run, TraceLayout layout, Map<String, Long> begins) {
    writeBuiltins(Execution.of(run), layout, begins);
  }

  /** {@link #writeBuiltins(RunOutput, TraceLayout, Map)} from any execution. */
  public void writeBuiltins(Execution run, TraceLayout layout, Map<String, Long> begins) {
    Execution.Memory mem = run.memory();
    if (layout.pedersen() != null && begins.containsKey("pedersen"))
      PedersenTrace.write(this, layout.pedersen(), begins.get("pedersen"), memoryReader(mem));
    if (layout.rangeCheckMem() != null && begins.containsKey("range_check")) {
      long begin = begins.get("range_check");
      int parts = layout.rangeCheckParts();
      int instances = rows() / layout.rangeCheckMem().step();
      for (int i = 0; i < instances; i++) {
        long a = begin + i;
        if (!mem.has(a)) continue;
        if (mem.limb(a, 2) != 0 || mem.limb(a, 3) != 0 || parts * 16 < 128 && mem.limb(a, 1) >>> (parts * 16 - 64) != 0)
          throw new IllegalArgumentException("range-check builtin cell " + a + " holds a value of more than " + 16 * parts + " bits");
        long lo = mem.limb(a, 0), hi = mem.limb(a, 1);
        for (int part = 0; part < parts; part++) {
          long v = part < 4 ? lo >>> (16 * part) & 0xffff : hi >>> (16 * (part - 4)) & 0xffff;
          rangeCheck(layout.rangeCheckInner().row((long) i * parts + parts - part - 1), v);
        }
      }
      rcBuiltinMem = layout.rangeCheckMem();
      rcBuiltinInner = layout.rangeCheckInner();
      rcBuiltinParts = parts;
      rcBuiltinBegin = begin;
    }
    if (layout.ecdsa() != null && begins.containsKey("ecdsa")) EcdsaTrace.write(this, layout.ecdsa(), begins.get("ecdsa"), ecdsaInputs(run));
    if (layout.diluted() != null) {
      dilutedPool = layout.diluted().pool();
      dilutedValue = new long[rows() / dilutedPool.step()];
      dilutedSet = new boolean[dilutedValue.length];
    }
    if (layout.bitwise() != null && begins.containsKey("bitwise")) BitwiseTrace.write(this, layout.bitwise(), layout.diluted(), begins.get("bitwise"), mem);
  }

  /** The execution's signatures by instance, with the public key's y that makes each verify. */
  private static Map<Integer, EcdsaTrace.Input> ecdsaInputs(Execution run) {
    Map<Integer, EcdsaTrace.Input> out = new HashMap<>();
    for (var e : run.signatures().entrySet()) {
      Execution.Signature s = e.getValue();
      out.put(e.getKey(), EcdsaTrace.fromPartialPublicKey(s.publicKeyX(), s.message(), s.r(), s.w()));
    }
    return out;
  }

  /** A value of the 16-bit range-check pool, given by its row in the pool's column. */
  private void rangeCheck(int row, long value) {
    int unit = unitOf(rcPool, row);
    if (rcSet[unit]) throw new IllegalStateException("range-check unit " + unit + " written twice");
    rcSet[unit] = true;
    rcValue[unit] = value;
    setSmall(rcPool.column(), row, value);
  }

  private static int unitOf(VirtualColumn pool, int row) {
    int d = row - pool.offset();
    if (d < 0 || d % pool.step() != 0) throw new IllegalStateException("row " + row + " is not in pool " + pool);
    return d / pool.step();
  }

  /** A diluted-form value of the diluted pool, given by its row in the pool's column. */
  void diluted(int row, long dilutedForm) {
    int unit = unitOf(dilutedPool, row);
    if (dilutedSet[unit]) throw new IllegalStateException("diluted unit " + unit + " written twice");
    dilutedSet[unit] = true;
    dilutedValue[unit] = dilutedForm;
    setSmall(dilutedPool.column(), row, dilutedForm);
  }

  /**
   * Completes the memory pool as Stone's {@code CpuAir} and {@code MemoryCell::Finalize} do: the public-memory units
   * (every {@code publicMemoryStep} rows, offset 2) take the public memory in order, padded with its first pair; every
   * other vacant unit takes the next address missing from [min, max] with value 0, then max+1 once none is left. The
   * sorted memory column gets every unit's real (address, value), sorted by address.
   *
   * @param sortedColumn the column of memory/sorted (step 2)
   */
  public void finishMemory(long[] publicAddresses, Felt[] publicValues, int publicMemoryStep, int sortedColumn) {
    if (rcBuiltinMem != null && !rangeCheckFinished)
      throw new IllegalStateException("the range-check builtin's memory comes from the range-check pool: finishRangeCheck first");
    if (publicAddresses.length == 0) throw new IllegalArgumentException("public memory is empty");
    int publicUnits = rows() / publicMemoryStep;
    if (publicAddresses.length > publicUnits)
      throw new IllegalArgumentException("public memory has " + publicAddresses.length + " cells, the trace room for " + publicUnits);
    for (int j = 0; j < publicUnits; j++) {
      int k = j < publicAddresses.length ? j : 0;
      memory((publicMemoryStep * j + 2) / 2, publicAddresses[k], publicValues[k], true);
    }
    long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
    for (int u = 0; u < unitSet.length; u++)
      if (unitSet[u]) {
        min = Math.min(min, unitAddress[u]);
        max = Math.max(max, unitAddress[u]);
      }
    if (max - min + 1 > Integer.MAX_VALUE) throw new IllegalArgumentException("memory address range too large");
    boolean[] used = new boolean[(int) (max - min + 1)];
    for (int u = 0; u < unitSet.length; u++) if (unitSet[u]) used[(int) (unitAddress[u] - min)] = true;
    long hole = min;
    long[] zero = new long[4];
    for (int u = 0; u < unitSet.length; u++) {
      if (unitSet[u]) continue;
      while (hole <= max && used[(int) (hole - min)]) hole++;
      memory(u, hole, zero, 0, false);
      if (hole <= max) hole++;
    }
    while (hole <= max) {
      if (!used[(int) (hole - min)])
        throw new IllegalArgumentException("the trace has too few memory units to fill the holes of [" + min + ", " + max + "]");
      hole++;
    }
    // sorted copy (values agree per address, so order among equal addresses does not matter)
    long[] keys = new long[unitSet.length];
    if (unitSet.length > 1 << 24) throw new IllegalStateException("too many memory units for the sort key");
    for (int u = 0; u < keys.length; u++) keys[u] = unitAddress[u] << 24 | u;
    Arrays.sort(keys);
    long[] col = columns[sortedColumn];
    for (int i = 0; i < keys.length; i++) {
      int u = (int) (keys[i] & 0xffffff);
      setSmall(sortedColumn, 2 * i, unitAddress[u]);
      System.arraycopy(unitValue, 4 * u, col, 4 * (2 * i + 1), 4);
    }
  }

  /** {@link #finishRangeCheck(long, long, VirtualColumn)} with the sorted values filling a whole column. */
  public void finishRangeCheck(long rcMin, long rcMax, int sortedColumn) {
    finishRangeCheck(rcMin, rcMax, new VirtualColumn(sortedColumn, 1, 0));
  }

  /**
   * Completes the 16-bit range-check pool as Stone's {@code RangeCheckCell::Finalize} does: each vacant unit takes
   * the next value of [rcMin, rcMax] no used unit holds, then rcMax; the sorted column gets all of them in order.
   * Then the range-check builtin's memory cells (every instance) are read back from the pool.
   */
  public void finishRangeCheck(long rcMin, long rcMax, VirtualColumn sorted) {
    if (rcMin >= rcMax) throw new IllegalArgumentException("rc_min " + rcMin + " must be below rc_max " + rcMax);
    boolean[] used = new boolean[(int) (rcMax - rcMin + 1)];
    for (int u = 0; u < rcSet.length; u++)
      if (rcSet[u]) {
        if (rcValue[u] < rcMin || rcValue[u] > rcMax)
          throw new IllegalArgumentException("range-check value " + rcValue[u] + " at row " + rcPool.row(u) + " is outside [" + rcMin + ", " + rcMax + "]");
        used[(int) (rcValue[u] - rcMin)] = true;
      }
    long hole = rcMin - 1;
    for (int u = 0; u < rcSet.length; u++) {
      if (rcSet[u]) continue;
      while (hole != rcMax) {
        hole++;
        if (!used[(int) (hole - rcMin)]) break;
      }
      rangeCheck(rcPool.row(u), hole);
    }
    for (hole++; hole <= rcMax; hole++)
      if (!used[(int) (hole - rcMin)]) throw new IllegalArgumentException("too few range-check units to fill [" + rcMin + ", " + rcMax + "]");
    long[] sortedValues = rcValue.clone();
    Arrays.sort(sortedValues);
    for (int u = 0; u < sortedValues.length; u++) setSmall(sorted.column(), sorted.row(u), sortedValues[u]);
    rangeCheckFinished = true;
    if (rcBuiltinMem != null) {
      // every instance's memory cell holds its parts, read back from the (now complete) pool, highest part first
      int instances = rows() / rcBuiltinMem.step();
      for (int i = 0; i < instances; i++) {
        long lo = 0, hi = 0;
        for (int part = 0; part < rcBuiltinParts; part++) {
          hi = hi << 16 | lo >>> 48;
          lo = lo << 16 | rcValue[unitOf(rcPool, rcBuiltinInner.row((long) i * rcBuiltinParts + part))];
        }
        builtinMemory(rcBuiltinMem.unit(i), rcBuiltinBegin + i, Felt.fromCanonicalLimbs(lo, hi, 0, 0));
      }
    }
  }

  /**
   * Completes the diluted pool as Stone's {@code DilutedCheckCell::Finalize} does (each vacant unit takes the next
   * value of [0, 2^n_bits) whose diluted form no unit holds, then the last one) and writes its sorted column.
   */
  void finishDiluted(DilutedColumns d) {
    if (dilutedPool == null) throw new IllegalStateException("writeBuiltins has not set up the diluted pool");
    int total = 1 << d.nBits();
    boolean[] present = new boolean[total];
    for (int u = 0; u < dilutedValue.length; u++)
      if (dilutedSet[u]) {
        long plain = d.undilute(dilutedValue[u]);
        if (d.dilute(plain) != dilutedValue[u]) throw new IllegalStateException("invalid diluted value " + dilutedValue[u]);
        present[(int) plain] = true;
      }
    int current = 0;
    for (int u = 0; u < dilutedValue.length; u++) {
      if (dilutedSet[u]) continue;
      while (current != total - 1 && present[current]) current++;
      present[current] = true;
      diluted(dilutedPool.row(u), d.dilute(current));
    }
    for (; current != total; current++)
      if (!present[current]) throw new IllegalArgumentException("the trace is too short for the diluted check's 2^" + d.nBits() + " values");
    long[] sortedValues = dilutedValue.clone();
    Arrays.sort(sortedValues);
    for (int u = 0; u < sortedValues.length; u++) setSmall(d.sorted().column(), d.sorted().row(u), sortedValues[u]);
  }
}
