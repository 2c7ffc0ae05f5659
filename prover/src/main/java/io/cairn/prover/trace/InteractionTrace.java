package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;

/**
 * The interaction (second) trace table, drawn after the main trace is committed (Stone's
 * {@code CpuAir::GetInteractionTrace}): the running products of the permutation arguments — memory:
 * {@code cum_prod[k] = ∏_{i≤k} (z − (a_i + α·v_i)) / (z − (a'_i + α·v'_i))} over the memory pool and memory/sorted;
 * 16-bit range check and diluted pool: {@code ∏ (z − r_i) / (z − r'_i)} over the pool and its sorted column — and
 * the diluted check's cumulative value ({@code c_0 = 1, c_i = c_{i−1}·(1 + z·d_i) + α·d_i²} with d_i the step of the
 * sorted column). Cells no argument uses stay zero.
 */
public final class InteractionTrace {
  private final long[][] columns; // Montgomery limbs, 4 per row

  private InteractionTrace(long[][] columns) {
    this.columns = columns;
  }

  public Felt get(int column, int row) {
    return Felt.fromMontgomeryLimbs(columns[column], 4 * row);
  }

  /** Column {@code c} as Montgomery limbs (4 per row); shared, not a copy. */
  public long[] column(int c) {
    return columns[c];
  }

  public int columnCount() {
    return columns.length;
  }

  /**
   * The interaction trace of a layout's main trace.
   *
   * @param elements the interaction elements in Stone's order: memory z, memory α, range-check z, then (layouts with
   *     a diluted check) diluted permutation z, diluted z, diluted α
   */
  public static InteractionTrace of(MainTrace main, TraceLayout layout, Felt[] elements) {
    int n = main.rows();
    long[][] cols = new long[layout.interactionColumns()][4 * n];
    long[] el = new long[4 * elements.length];
    for (int i = 0; i < elements.length; i++) elements[i].writeTo(el, 4 * i);
    rangeProduct(main, layout.rangeCheckPool(), layout.rangeCheckSorted(), el, 8, cols, layout.rangeCheckCumProd());
    memoryProduct(main, layout.memPool(), new VirtualColumn(layout.memorySorted(), 2, 0), el, cols, layout.memoryCumProd());
    if (layout.diluted() != null) {
      if (elements.length < 6) throw new IllegalArgumentException("layout " + layout.name() + " takes 6 interaction elements, got " + elements.length);
      DilutedColumns d = layout.diluted();
      rangeProduct(main, d.pool(), d.sorted(), el, 12, cols, layout.dilutedCumProd());
      cumulativeValue(main, d.sorted(), el, 16, 20, cols, layout.dilutedCumValue());
    }
    return new InteractionTrace(cols);
  }

  /**
   * The small layout's interaction trace with its columns given one by one (kept for callers of the first version).
   *
   * @param elements the interaction elements in Stone's order: memory z, memory α, range-check z
   */
  public static InteractionTrace of(MainTrace main, CpuColumns layout, int memorySorted, int rangeCheckSorted, Felt[] elements) {
    int n = main.rows();
    long[][] cols = new long[2][4 * n];
    long[] el = new long[4 * 3];
    for (int i = 0; i < 3; i++) elements[i].writeTo(el, 4 * i);
    rangeProduct(main, new VirtualColumn(layout.offsets(), 1, 0), new VirtualColumn(rangeCheckSorted, 1, 0), el, 8, cols, new VirtualColumn(0, 1, 0));
    memoryProduct(main, new VirtualColumn(layout.memPool(), 2, 0), new VirtualColumn(memorySorted, 2, 0), el, cols, new VirtualColumn(1, 2, 0));
    return new InteractionTrace(cols);
  }

  /** ∏ (z − pool_k) / (z − sorted_k) over the units of a single-value pool, z at el[zAt]. */
  private static void rangeProduct(MainTrace main, VirtualColumn pool, VirtualColumn sorted, long[] el, int zAt, long[][] out, VirtualColumn cum) {
    int units = main.rows() / pool.step();
    long[] num = new long[4 * units], den = new long[4 * units];
    long[] p = main.column(pool.column()), s = main.column(sorted.column());
    for (int k = 0; k < units; k++) {
      Fp.sub(el, zAt, p, 4 * pool.row(k), num, 4 * k);
      Fp.sub(el, zAt, s, 4 * sorted.row(k), den, 4 * k);
    }
    runningProduct(num, den, units, out[cum.column()], cum);
  }

  /** ∏ (z − (a + α·v)) / (z − (a' + α·v')) over memory units (address at row(k), value at row(k) + 1). */
  private static void memoryProduct(MainTrace main, VirtualColumn pool, VirtualColumn sorted, long[] el, long[][] out, VirtualColumn cum) {
    int units = main.rows() / pool.step();
    long[] num = new long[4 * units], den = new long[4 * units];
    long[] p = main.column(pool.column()), s = main.column(sorted.column());
    long[] t = new long[4];
    for (int k = 0; k < units; k++) {
      int pr = pool.row(k), sr = sorted.row(k);
      Fp.mul(el, 4, p, 4 * (pr + 1), t, 0);
      Fp.add(t, 0, p, 4 * pr, t, 0);
      Fp.sub(el, 0, t, 0, num, 4 * k);
      Fp.mul(el, 4, s, 4 * (sr + 1), t, 0);
      Fp.add(t, 0, s, 4 * sr, t, 0);
      Fp.sub(el, 0, t, 0, den, 4 * k);
    }
    runningProduct(num, den, units, out[cum.column()], cum);
  }

  private static void runningProduct(long[] num, long[] den, int units, long[] out, VirtualColumn cum) {
    Fp.batchInverse(den, 0, units, new long[4 * units]);
    long[] acc = {0, 0, 0, 0};
    Felt.ONE.writeTo(acc, 0);
    for (int k = 0; k < units; k++) {
      Fp.mul(acc, 0, num, 4 * k, acc, 0);
      Fp.mul(acc, 0, den, 4 * k, acc, 0);
      System.arraycopy(acc, 0, out, 4 * cum.row(k), 4);
    }
  }

  /** The diluted check's cumulative value over the sorted column (z at el[zAt], α at el[alphaAt]). */
  private static void cumulativeValue(MainTrace main, VirtualColumn sorted, long[] el, int zAt, int alphaAt, long[][] out, VirtualColumn cum) {
    int units = main.rows() / sorted.step();
    long[] s = main.column(sorted.column()), o = out[cum.column()];
    long[] val = new long[4], one = new long[4], diff = new long[4], t = new long[4];
    Felt.ONE.writeTo(one, 0);
    System.arraycopy(one, 0, val, 0, 4);
    System.arraycopy(val, 0, o, 4 * cum.row(0), 4);
    for (int k = 1; k < units; k++) {
      Fp.sub(s, 4 * sorted.row(k), s, 4 * sorted.row(k - 1), diff, 0);
      Fp.mul(el, zAt, diff, 0, t, 0);
      Fp.add(t, 0, one, 0, t, 0);
      Fp.mul(val, 0, t, 0, val, 0);
      Fp.square(diff, 0, t, 0);
      Fp.mul(t, 0, el, alphaAt, t, 0);
      Fp.add(val, 0, t, 0, val, 0);
      System.arraycopy(val, 0, o, 4 * cum.row(k), 4);
    }
  }
}
