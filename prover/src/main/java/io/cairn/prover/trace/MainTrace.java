package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.runner.RelocatedMemory;
import io.cairn.vm.runner.RunOutput;
import io.cairn.prover.stone.StoneProof;
import io.cairn.vm.builtins.EcdsaBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main (first) trace table of a layout, column-major. So far it holds the CPU component (instruction decoding,
 * offsets, registers and the CPU's memory accesses, as Stone's {@code CpuComponent::WriteTrace} lays them out); the
 * memory pool's public-memory and hole cells, the sorted memory and range-check columns and the builtins are next.
 */
public final class MainTrace {
  private final long[][] columns; // Montgomery limbs, 4 per row
  private final CpuColumns layout;
  // memory pool units (unit k: address at row 2k, value at row 2k+1 of the pool column)
  private final long[] unitAddress;
  private final Felt[] unitValue;
  private final boolean[] unitSet;
  // range-check pool units (one per row of the offsets column)
  private final long[] rcValue;
  private final boolean[] rcSet;
  private boolean rangeCheckFinished;
  // the range-check builtin, when writeBuiltins found one: its memory cells wait for the filled range-check pool
  private VirtualColumn rcBuiltinMem, rcBuiltinInner;
  private int rcBuiltinParts;
  private long rcBuiltinBegin;

  private MainTrace(int nColumns, int rows, CpuColumns layout) {
    columns = new long[nColumns][4 * rows];
    this.layout = layout;
    unitAddress = new long[rows / 2];
    unitValue = new Felt[rows / 2];
    unitSet = new boolean[rows / 2];
    rcValue = new long[rows];
    rcSet = new boolean[rows];
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

  /**
   * The whole main trace of a proof-mode run, in Stone's order ({@code CpuAir::GetTrace}): CPU steps, public memory,
   * the builtins (every Pedersen and ECDSA instance, the range-check instances the run used), the range-check pool's
   * holes, the range-check builtin's memory cells, then the memory pool's holes and the sorted columns.
   */
  public static MainTrace build(RunOutput run, TraceLayout layout, StoneProof.PublicInput pi) {
    if (!pi.layout().equals(layout.name()))
      throw new IllegalArgumentException("public input is for layout " + pi.layout() + ", the trace layout is " + layout.name());
    if (pi.nSteps() != run.steps()) throw new IllegalArgumentException("public input has n_steps " + pi.nSteps() + ", the run " + run.steps());
    MainTrace t = cpu(run, layout.cpu(), layout.columns());
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
    t.finishMemory(addrs, vals, layout.publicMemoryStep(), layout.memorySorted());
    return t;
  }

  /** The CPU component of a proof-mode run's trace (steps must be a power of two, as proof mode pads them). */
  public static MainTrace cpu(RunOutput run, CpuColumns cols, int nColumns) {
    int steps = run.steps();
    if (Integer.bitCount(steps) != 1) throw new IllegalArgumentException("steps must be a power of two (proof mode), got " + steps);
    MainTrace t = new MainTrace(nColumns, steps * CpuColumns.STEP, cols);
    RelocatedMemory mem = run.memory();
    for (int i = 0; i < steps; i++) t.writeStep(i, run.pc(i), run.ap(i), run.fp(i), mem, cols);
    return t;
  }

  private void writeStep(int i, long pc, long ap, long fp, RelocatedMemory mem, CpuColumns c) {
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
    for (int j = 0; j < CpuColumns.STEP; j++) set(c.opcode(), base + j, Felt.of(flags >>> j));

    boolean dstFp = (flags & 1) != 0, op0Fp = (flags >> 1 & 1) != 0;
    long dstAddr = (dstFp ? fp : ap) + off0 - 0x8000;
    long op0Addr = (op0Fp ? fp : ap) + off1 - 0x8000;
    Felt op0 = value(mem, op0Addr, i);
    long op1Base;
    if ((flags >> 2 & 1) != 0) op1Base = pc;
    else if ((flags >> 3 & 1) != 0) op1Base = fp;
    else if ((flags >> 4 & 1) != 0) op1Base = ap;
    else op1Base = op0.longValueExact();
    long op1Addr = op1Base + off2 - 0x8000;
    Felt dst = value(mem, dstAddr, i), op1 = value(mem, op1Addr, i);

    write(c.memPool(), base + c.pc(), pc, base + c.instruction(), Felt.of(inst));
    write(c.memPool(), base + c.dstAddr(), dstAddr, base + c.dstValue(), dst);
    write(c.memPool(), base + c.op0Addr(), op0Addr, base + c.op0Value(), op0);
    write(c.memPool(), base + c.op1Addr(), op1Addr, base + c.op1Value(), op1);

    boolean resAdd = (flags >> 5 & 1) != 0, resMul = (flags >> 6 & 1) != 0, jnz = (flags >> 9 & 1) != 0;
    Felt mul = op0.mul(op1);
    Felt res = resAdd ? op0.add(op1) : resMul ? mul : jnz ? (dst.isZero() ? Felt.ZERO : dst.inverse()) : op1;
    Felt tmp0 = jnz ? dst : Felt.ZERO;
    int r = c.registers();
    set(r, base + c.ap(), Felt.of(ap));
    set(r, base + c.fp(), Felt.of(fp));
    set(r, base + c.opsMul(), mul);
    set(r, base + c.res(), res);
    set(r, base + c.tmp0(), tmp0);
    set(r, base + c.tmp1(), tmp0.mul(res));
  }

  private void write(int column, int addrRow, long addr, int valueRow, Felt value) {
    if (valueRow != addrRow + 1 || (addrRow & 1) != 0) throw new IllegalStateException("memory unit rows " + addrRow + "/" + valueRow);
    memory(addrRow / 2, addr, value, false);
  }

  /** Writes memory unit k; a public-memory unit holds (0, 0) in the trace (its real pair enters the public product). */
  private void memory(int unit, long addr, Felt value, boolean isPublic) {
    if (unitSet[unit]) throw new IllegalStateException("memory unit " + unit + " written twice");
    unitSet[unit] = true;
    unitAddress[unit] = addr;
    unitValue[unit] = value;
    set(layout.memPool(), 2 * unit, isPublic ? Felt.ZERO : Felt.of(addr));
    set(layout.memPool(), 2 * unit + 1, isPublic ? Felt.ZERO : value);
  }

  /** A builtin's memory access in memory-pool unit k (written before {@link #finishMemory}). */
  void builtinMemory(int unit, long addr, Felt value) {
    memory(unit, addr, value, false);
  }

  /**
   * The builtins' part of the trace, before {@link #finishMemory}: so far Pedersen (layout small), every instance from
   * {@code pedersenBegin}, with the inputs the run wrote.
   */
  public void writeBuiltins(RunOutput run, long pedersenBegin) {
    RelocatedMemory mem = run.memory();
    PedersenTrace.write(
        this, pedersenBegin, a -> mem.has(a) ? Felt.fromCanonicalLimbs(mem.limb(a, 0), mem.limb(a, 1), mem.limb(a, 2), mem.limb(a, 3)) : null);
  }

  /**
   * The builtins of {@code layout} present in {@code begins} (segment name → begin address): Pedersen and ECDSA
   * write every instance, the range check only the instances the run wrote (its memory cells, for every instance,
   * are written by {@link #finishRangeCheck} from the pool, as Stone's {@code RangeCheckBuiltinProverContext::Finalize}).
   */
  public void writeBuiltins(RunOutput run, TraceLayout layout, Map<String, Long> begins) {
    RelocatedMemory mem = run.memory();
    if (layout.pedersenInput0() != null && begins.containsKey("pedersen")) writeBuiltins(run, begins.get("pedersen"));
    if (layout.rangeCheckMem() != null && begins.containsKey("range_check")) {
      long begin = begins.get("range_check");
      int instances = rows() / layout.rangeCheckMem().step();
      for (int i = 0; i < instances; i++) {
        long a = begin + i;
        if (!mem.has(a)) continue;
        if (mem.limb(a, 2) != 0 || mem.limb(a, 3) != 0 || layout.rangeCheckParts() * 16 < 128 && mem.limb(a, 1) >>> (layout.rangeCheckParts() * 16 - 64) != 0)
          throw new IllegalArgumentException("range-check builtin cell " + a + " holds a value of more than " + 16 * layout.rangeCheckParts() + " bits");
        long lo = mem.limb(a, 0), hi = mem.limb(a, 1);
        int parts = layout.rangeCheckParts();
        for (int part = 0; part < parts; part++) {
          long v = part < 4 ? lo >>> (16 * part) & 0xffff : hi >>> (16 * (part - 4)) & 0xffff;
          rangeCheck(layout.rangeCheckInner().row((long) i * parts + parts - part - 1), v);
        }
      }
      rcBuiltinMem = layout.rangeCheckMem();
      rcBuiltinInner = layout.rangeCheckInner();
      rcBuiltinParts = layout.rangeCheckParts();
      rcBuiltinBegin = begin;
    }
    if (layout.ecdsa() != null && begins.containsKey("ecdsa")) EcdsaTrace.write(this, layout.ecdsa(), begins.get("ecdsa"), ecdsaInputs(run));
  }

  /** The run's signatures by instance (the ECDSA builtin's AIR private input). */
  @SuppressWarnings("unchecked")
  private static Map<Integer, EcdsaTrace.Input> ecdsaInputs(RunOutput run) {
    Map<Integer, EcdsaTrace.Input> out = new HashMap<>();
    for (SimpleBuiltin b : run.runner().builtins()) {
      if (!(b instanceof EcdsaBuiltin)) continue;
      for (Object o : (List<Object>) b.airPrivateInput(run.runner().memory()).get(b.name())) {
        Map<String, Object> e = (Map<String, Object>) o;
        Map<String, Object> si = (Map<String, Object>) e.get("signature_input");
        int index = ((Number) e.get("index")).intValue();
        out.put(
            index,
            EcdsaTrace.fromPartialPublicKey(
                Felt.fromHex((String) e.get("pubkey")), Felt.fromHex((String) e.get("msg")), Felt.fromHex((String) si.get("r")), Felt.fromHex((String) si.get("w"))));
      }
    }
    return out;
  }

  private void rangeCheck(int row, long value) {
    if (rcSet[row]) throw new IllegalStateException("range-check unit " + row + " written twice");
    rcSet[row] = true;
    rcValue[row] = value;
    set(layout.offsets(), row, Felt.of(value));
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
    for (int u = 0; u < unitSet.length; u++) {
      if (unitSet[u]) continue;
      while (hole <= max && used[(int) (hole - min)]) hole++;
      memory(u, hole, Felt.ZERO, false);
      if (hole <= max) hole++;
    }
    while (hole <= max) {
      if (!used[(int) (hole - min)])
        throw new IllegalArgumentException("the trace has too few memory units to fill the holes of [" + min + ", " + max + "]");
      hole++;
    }
    // sorted copy (values agree per address, so order among equal addresses does not matter)
    long[] keys = new long[unitSet.length];
    for (int u = 0; u < keys.length; u++) keys[u] = unitAddress[u] << 24 | u;
    if (unitSet.length > 1 << 24) throw new IllegalStateException("too many memory units for the sort key");
    Arrays.sort(keys);
    for (int i = 0; i < keys.length; i++) {
      int u = (int) (keys[i] & 0xffffff);
      set(sortedColumn, 2 * i, Felt.of(unitAddress[u]));
      set(sortedColumn, 2 * i + 1, unitValue[u]);
    }
  }

  /**
   * Completes the 16-bit range-check pool as Stone's {@code RangeCheckCell::Finalize} does: each vacant row takes the
   * next value of [rcMin, rcMax] no used row holds, then rcMax; the sorted column gets all of them in order.
   */
  public void finishRangeCheck(long rcMin, long rcMax, int sortedColumn) {
    if (rcMin >= rcMax) throw new IllegalArgumentException("rc_min " + rcMin + " must be below rc_max " + rcMax);
    boolean[] used = new boolean[(int) (rcMax - rcMin + 1)];
    for (int r = 0; r < rcSet.length; r++)
      if (rcSet[r]) {
        if (rcValue[r] < rcMin || rcValue[r] > rcMax)
          throw new IllegalArgumentException("range-check value " + rcValue[r] + " at row " + r + " is outside [" + rcMin + ", " + rcMax + "]");
        used[(int) (rcValue[r] - rcMin)] = true;
      }
    long hole = rcMin - 1;
    for (int r = 0; r < rcSet.length; r++) {
      if (rcSet[r]) continue;
      while (hole != rcMax) {
        hole++;
        if (!used[(int) (hole - rcMin)]) break;
      }
      rangeCheck(r, hole);
    }
    for (hole++; hole <= rcMax; hole++)
      if (!used[(int) (hole - rcMin)]) throw new IllegalArgumentException("too few range-check units to fill [" + rcMin + ", " + rcMax + "]");
    long[] sorted = rcValue.clone();
    Arrays.sort(sorted);
    for (int r = 0; r < sorted.length; r++) set(sortedColumn, r, Felt.of(sorted[r]));
    rangeCheckFinished = true;
    if (rcBuiltinMem != null) {
      // every instance's memory cell holds its parts, read back from the (now complete) pool, highest part first
      int instances = rows() / rcBuiltinMem.step();
      for (int i = 0; i < instances; i++) {
        long lo = 0, hi = 0;
        for (int part = 0; part < rcBuiltinParts; part++) {
          hi = hi << 16 | lo >>> 48;
          lo = lo << 16 | rcValue[rcBuiltinInner.row((long) i * rcBuiltinParts + part)];
        }
        builtinMemory(rcBuiltinMem.unit(i), rcBuiltinBegin + i, Felt.fromCanonicalLimbs(lo, hi, 0, 0));
      }
    }
  }

  private static Felt value(RelocatedMemory mem, long addr, int step) {
    if (addr < 0 || !mem.has(addr)) throw new IllegalArgumentException("step " + step + ": memory cell " + addr + " is unset");
    return Felt.fromCanonicalLimbs(mem.limb(addr, 0), mem.limb(addr, 1), mem.limb(addr, 2), mem.limb(addr, 3));
  }
}
