package io.cairn.prover.air;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The composition polynomial of a {@link CompiledAir} at every point of a coset offset·⟨g⟩ of the trace domain (the
 * prover's constraint evaluation), with the same values as {@link CompiledAir#evaluate} at each point.
 *
 * <p>Each register is classified once per trace length: <em>constant</em> (constants, shifts, public and
 * interaction values, coefficients — computed once), <em>tabulated</em> (depends only on point powers and periodic
 * columns, which repeat with a short period along the coset: computed once per coset over one period, divisions
 * included, by one batch inversion) or <em>per point</em>. Per-point operations run block-wise: each operation over
 * {@value #BLOCK} consecutive points, registers laid out [register][point] and reused once dead, so the dispatch is
 * amortized and the block's registers stay in cache. Mask values are read straight from the trace columns; the
 * denominators left per point are inverted together once per block.
 */
public final class CosetEvaluator {
  private static final int BLOCK = 32; // points per block
  private static final int CHUNK = 2048; // points per parallel task
  private static final int MAX_TABLE = 8192; // the longest period tabulated per coset

  private static final byte CONST = 0, TABLE = 1, MASK = 2, POINT = 3;

  private final CompiledAir c;
  private final int maxTable;
  private final int traceLength, block;
  private final Felt g;
  private final long[] registers; // values of the constant registers
  private final byte[] kind;
  private final int[] period; // of TABLE registers (power of two)
  private final long[][] constantBlocks; // CONST registers read per point: the value repeated over a block
  private final int[] maskColumn, maskRow; // by register (mask registers)
  private final int pointRegister;
  private final int[] powerRegister;
  private final long[] powerExponent;
  private final Map<String, Integer> periodicRegister;
  private final int[] tableOps; // in program order
  private final int[] blockOps; // per-point operations, those before the block inversion first
  private final int firstAfterInversion; // index into blockOps
  private final int[] blockInversions; // per-point INV operations; results in slots 0..n−1
  private final int[] slot; // per-point register → slot in the block's register file
  private final int slots;
  private final int[] tableReads, maskReads; // registers the per-point operations read

  /**
   * @param external the description's external values (public input and interaction values) by name
   * @param coefficients one Montgomery element per constraint, index order
   * @param g the trace domain's generator
   * @param periodicPeriods the period (rows, a power of two) of each periodic column by its expression name
   */
  public CosetEvaluator(CompiledAir compiled, int logTrace, Map<String, Felt> external, long[] coefficients, Felt g, Map<String, Integer> periodicPeriods) {
    this(compiled, logTrace, external, coefficients, g, periodicPeriods, MAX_TABLE);
  }

  /** With the longest tabulated period given (tests: small, so that every path runs on a small trace). */
  CosetEvaluator(CompiledAir compiled, int logTrace, Map<String, Felt> external, long[] coefficients, Felt g, Map<String, Integer> periodicPeriods, int maxTable) {
    this.c = compiled;
    this.maxTable = maxTable;
    this.g = g;
    AirDescription air = compiled.description();
    traceLength = 1 << logTrace;
    block = Math.min(BLOCK, traceLength);
    int nRegisters = compiled.registers;
    registers = compiled.newRegisters();
    for (var e : external.entrySet()) CompiledAir.set(registers, compiled.register(e.getKey()), e.getValue());
    for (int k = 0; k < air.shifts.size(); k++) CompiledAir.set(registers, compiled.register("shift" + k), g.pow(air.shifts.get(k).of(traceLength)));
    compiled.setCoefficients(registers, coefficients);

    kind = new byte[nRegisters];
    period = new int[nRegisters];
    Arrays.fill(period, 1);
    int m = air.mask.size();
    maskColumn = new int[m];
    maskRow = new int[m];
    for (int i = 0; i < m; i++) {
      int r = compiled.register(air.mask.get(i).name());
      kind[r] = MASK;
      maskColumn[r] = air.mask.get(i).column();
      maskRow[r] = air.mask.get(i).row();
    }
    pointRegister = compiled.register("point");
    if (pointRegister >= 0) {
      kind[pointRegister] = TABLE;
      period[pointRegister] = traceLength;
    }
    int nPowers = air.pointPowers.size();
    powerRegister = new int[nPowers];
    powerExponent = new long[nPowers];
    for (int k = 0; k < nPowers; k++) {
      powerRegister[k] = compiled.register("point_pow" + (k + 1));
      powerExponent[k] = air.pointPowers.get(k).of(traceLength);
      if (powerRegister[k] < 0) continue;
      kind[powerRegister[k]] = TABLE;
      long e = Math.floorMod(powerExponent[k], (long) traceLength); // x^e repeats when g^(i·e) does
      period[powerRegister[k]] = e == 0 ? 1 : traceLength >>> Long.numberOfTrailingZeros(e);
    }
    periodicRegister = new java.util.HashMap<>();
    for (var e : periodicPeriods.entrySet()) {
      int r = compiled.register(e.getKey());
      if (r < 0) continue;
      if (Integer.bitCount(e.getValue()) != 1) throw new IllegalArgumentException("period of " + e.getKey() + " is not a power of two");
      periodicRegister.put(e.getKey(), r);
      kind[r] = TABLE;
      period[r] = e.getValue();
    }

    // Which operations the output needs, and the class of every result.
    int n = compiled.op.length;
    boolean[] needed = new boolean[nRegisters];
    needed[compiled.output] = true;
    for (int i = n - 1; i >= 0; i--)
      if (needed[compiled.dst[i]]) {
        needed[compiled.a[i]] = true;
        if (compiled.op[i] != CompiledAir.INV) needed[compiled.b[i]] = true;
      }
    long[] scratch = new long[12];
    List<Integer> tables = new ArrayList<>(), perPoint = new ArrayList<>(), inversions = new ArrayList<>();
    boolean[] afterInversion = new boolean[nRegisters];
    for (int i = 0; i < n; i++) {
      int d = compiled.dst[i], x = compiled.a[i], y = compiled.op[i] == CompiledAir.INV ? x : compiled.b[i];
      if (!needed[d]) continue;
      if (kind[x] >= MASK || kind[y] >= MASK || Math.max(period[x], period[y]) > maxTable) {
        kind[d] = POINT;
        if (compiled.op[i] == CompiledAir.INV) inversions.add(i);
        else perPoint.add(i);
        afterInversion[d] = compiled.op[i] == CompiledAir.INV || afterInversion[x] || afterInversion[y];
      } else if (kind[x] == CONST && kind[y] == CONST) {
        run(compiled.op[i], registers, 4 * x, registers, 4 * y, registers, 4 * d, 1, scratch);
      } else {
        kind[d] = TABLE;
        period[d] = Math.max(period[x], period[y]);
        tables.add(i);
      }
    }
    tableOps = tables.stream().mapToInt(Integer::intValue).toArray();
    blockInversions = inversions.stream().mapToInt(Integer::intValue).toArray();
    List<Integer> ordered = new ArrayList<>();
    for (int i : perPoint) if (!afterInversion[compiled.dst[i]]) ordered.add(i);
    firstAfterInversion = ordered.size();
    for (int i : perPoint) if (afterInversion[compiled.dst[i]]) ordered.add(i);
    blockOps = ordered.stream().mapToInt(Integer::intValue).toArray();

    // Slots: inversion results first (contiguous, for one batch inversion), then reuse of dead registers.
    slot = new int[nRegisters];
    Arrays.fill(slot, -1);
    int nInv = blockInversions.length;
    for (int k = 0; k < nInv; k++) slot[compiled.dst[blockInversions[k]]] = k;
    // sequence: ops before, the inversions' operand copies, ops after
    int steps = blockOps.length + nInv;
    int[] lastUse = new int[nRegisters];
    Arrays.fill(lastUse, -1);
    for (int s = 0; s < steps; s++) {
      int i = step(s);
      lastUse[compiled.a[i]] = s;
      if (compiled.op[i] != CompiledAir.INV) lastUse[compiled.b[i]] = s;
    }
    lastUse[compiled.output] = steps;
    int[] free = new int[steps + 1];
    int nFree = 0, next = nInv;
    for (int s = 0; s < steps; s++) {
      int i = step(s);
      int x = compiled.a[i], y = compiled.b[i];
      if (kind[x] == POINT && lastUse[x] == s && slot[x] >= nInv) free[nFree++] = slot[x];
      if (compiled.op[i] != CompiledAir.INV && y != x && kind[y] == POINT && lastUse[y] == s && slot[y] >= nInv) free[nFree++] = slot[y];
      if (compiled.op[i] != CompiledAir.INV) slot[compiled.dst[i]] = nFree > 0 ? free[--nFree] : next++;
    }
    slots = next;

    List<Integer> tableRead = new ArrayList<>(), maskRead = new ArrayList<>();
    boolean[] seen = new boolean[nRegisters];
    constantBlocks = new long[nRegisters][];
    for (int s = 0; s <= steps; s++) {
      int[] operands = s == steps ? new int[] {compiled.output} : new int[] {compiled.a[step(s)], compiled.b[step(s)]};
      if (s < steps && compiled.op[step(s)] == CompiledAir.INV) operands = new int[] {compiled.a[step(s)]};
      for (int r : operands) {
        if (seen[r]) continue;
        seen[r] = true;
        if (kind[r] == TABLE) tableRead.add(r);
        else if (kind[r] == MASK) maskRead.add(r);
        else if (kind[r] == CONST) {
          constantBlocks[r] = new long[4 * block];
          for (int p = 0; p < block; p++) System.arraycopy(registers, 4 * r, constantBlocks[r], 4 * p, 4);
        }
      }
    }
    tableReads = tableRead.stream().mapToInt(Integer::intValue).toArray();
    maskReads = maskRead.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The s-th step of the per-point sequence: operations before the inversion, the inversions, operations after. */
  private int step(int s) {
    if (s < firstAfterInversion) return blockOps[s];
    s -= firstAfterInversion;
    if (s < blockInversions.length) return blockInversions[s];
    return blockOps[firstAfterInversion + s - blockInversions.length];
  }

  /** Per-point operations (after hoisting what is constant or periodic), for benchmarks and tests. */
  public int perPointOperations() {
    return blockOps.length + blockInversions.length;
  }

  /**
   * The composition polynomial on coset offset·⟨g⟩: row i's value goes to element {@code stride·i + at} of
   * {@code out}.
   *
   * @param columns every trace column (main, then interaction) on the coset, natural row order
   * @param periodic one period of each periodic column on the coset (row order), by expression name
   */
  public void evaluate(Felt offset, long[][] columns, Map<String, long[]> periodic, long[] out, int stride, int at) {
    long[][] tables = new long[kind.length][];
    if (pointRegister >= 0) tables[pointRegister] = io.cairn.prover.fft.Ntt.powers(offset, g, traceLength);
    for (int k = 0; k < powerRegister.length; k++) {
      int r = powerRegister[k];
      if (r >= 0) tables[r] = io.cairn.prover.fft.Ntt.powers(offset.pow(powerExponent[k]), g.pow(Math.floorMod(powerExponent[k], (long) traceLength)), period[r]);
    }
    for (var e : periodicRegister.entrySet()) {
      long[] values = periodic.get(e.getKey());
      int r = e.getValue();
      if (values.length != 4 * period[r]) throw new IllegalArgumentException("periodic column " + e.getKey() + ": expected one period of " + period[r] + " values");
      tables[r] = values;
    }
    for (int r = 0; r < tables.length; r++) if (tables[r] != null) tables[r] = repeated(tables[r], period[r]);
    long[] scratch = new long[Math.max(12, 4 * maxTable)];
    for (int i : tableOps) {
      int d = c.dst[i], x = c.a[i], y = c.b[i], p = period[d];
      long[] t = new long[4 * Math.max(p, block)];
      if (c.op[i] == CompiledAir.INV) {
        for (int k = 0; k < p; k++) read(tables, x, k, t, 4 * k);
        Fp.batchInverse(t, 0, p, scratch);
      } else {
        long[] xs = tables[x] != null ? tables[x] : registers, ys = tables[y] != null ? tables[y] : registers;
        for (int k = 0; k < p; k++) run(c.op[i], xs, offset(tables, x, k), ys, offset(tables, y, k), t, 4 * k, 1, scratch);
      }
      tables[d] = repeated(t, p);
    }
    IntStream.range(0, (traceLength + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(k -> evaluateRows(k * CHUNK, Math.min(traceLength, (k + 1) * CHUNK), tables, columns, out, stride, at));
  }

  private void evaluateRows(int from, int to, long[][] tables, long[][] columns, long[] out, int stride, int at) {
    int n = kind.length, b = block;
    long[] file = new long[4 * b * slots];
    long[] scratch = new long[4 * b * Math.max(1, blockInversions.length)];
    long[][] wrapped = new long[n][];
    long[][] arr = new long[n][];
    int[] off = new int[n];
    for (int r = 0; r < n; r++)
      if (slot[r] >= 0) {
        arr[r] = file;
        off[r] = 4 * b * slot[r];
      } else if (constantBlocks[r] != null) arr[r] = constantBlocks[r];
    for (int r : tableReads) arr[r] = tables[r];
    for (int start = from; start < to; start += b) {
      for (int r : tableReads) off[r] = 4 * (start & (tables[r].length / 4 - 1));
      for (int r : maskReads) {
        long[] col = columns[maskColumn[r]];
        int row = Math.floorMod(start + maskRow[r], traceLength);
        if (row + b <= traceLength) {
          arr[r] = col;
          off[r] = 4 * row;
        } else {
          if (wrapped[r] == null) wrapped[r] = new long[4 * b];
          int head = traceLength - row;
          System.arraycopy(col, 4 * row, wrapped[r], 0, 4 * head);
          System.arraycopy(col, 0, wrapped[r], 4 * head, 4 * (b - head));
          arr[r] = wrapped[r];
          off[r] = 0;
        }
      }
      for (int s = 0; s < firstAfterInversion; s++) {
        int i = blockOps[s], x = c.a[i], y = c.b[i], d = c.dst[i];
        run(c.op[i], arr[x], off[x], arr[y], off[y], file, off[d], b, scratch);
      }
      for (int i : blockInversions) System.arraycopy(arr[c.a[i]], off[c.a[i]], file, off[c.dst[i]], 4 * b);
      if (blockInversions.length > 0) Fp.batchInverse(file, 0, b * blockInversions.length, scratch);
      for (int s = firstAfterInversion; s < blockOps.length; s++) {
        int i = blockOps[s], x = c.a[i], y = c.b[i], d = c.dst[i];
        run(c.op[i], arr[x], off[x], arr[y], off[y], file, off[d], b, scratch);
      }
      long[] res = arr[c.output];
      int ro = off[c.output];
      for (int p = 0; p < b; p++) System.arraycopy(res, ro + 4 * p, out, 4 * (stride * (start + p) + at), 4);
    }
  }

  /** Runs one operation over n consecutive elements. */
  private static void run(byte code, long[] x, int xo, long[] y, int yo, long[] d, int dof, int n, long[] scratch) {
    switch (code) {
      case CompiledAir.ADD -> {
        for (int p = 0; p < n; p++, xo += 4, yo += 4, dof += 4) Fp.add(x, xo, y, yo, d, dof);
      }
      case CompiledAir.SUB -> {
        for (int p = 0; p < n; p++, xo += 4, yo += 4, dof += 4) Fp.sub(x, xo, y, yo, d, dof);
      }
      case CompiledAir.MUL -> {
        for (int p = 0; p < n; p++, xo += 4, yo += 4, dof += 4) Fp.mul(x, xo, y, yo, d, dof);
      }
      default -> {
        for (int p = 0; p < n; p++, xo += 4, dof += 4) Fp.inverse(x, xo, d, dof, scratch);
      }
    }
  }

  /** Offset of register r's value at row k in its table, or in the constant registers. */
  private int offset(long[][] tables, int r, int k) {
    return tables[r] == null ? 4 * r : 4 * (k & (period[r] - 1));
  }

  private void read(long[][] tables, int r, int k, long[] to, int at) {
    System.arraycopy(tables[r] == null ? registers : tables[r], offset(tables, r, k), to, at, 4);
  }

  /** One period of values extended by repetition to at least a block. */
  private long[] repeated(long[] values, int p) {
    if (p >= block) return values;
    long[] t = Arrays.copyOf(values, 4 * block);
    for (int k = p; k < block; k++) System.arraycopy(values, 4 * (k % p), t, 4 * k, 4);
    return t;
  }
}
