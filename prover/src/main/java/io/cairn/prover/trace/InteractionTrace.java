package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.stream.IntStream;

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

  /** Units per parallel task of the running products. */
  private static final int CHUNK = 1 << 13;

  private interface Fraction {
    /** Writes numerator and denominator of unit k into num[no..], den[do..]. */
    void of(int k, long[] num, int no, long[] den, int dof, long[] scratch);
  }

  /** ∏ (z − pool_k) / (z − sorted_k) over the units of a single-value pool, z at el[zAt]. */
  private static void rangeProduct(MainTrace main, VirtualColumn pool, VirtualColumn sorted, long[] el, int zAt, long[][] out, VirtualColumn cum) {
    int units = main.rows() / pool.step();
    long[] p = main.column(pool.column()), s = main.column(sorted.column());
    runningProduct(
        units,
        (k, num, no, den, dof, t) -> {
          Fp.sub(el, zAt, p, 4 * pool.row(k), num, no);
          Fp.sub(el, zAt, s, 4 * sorted.row(k), den, dof);
        },
        out[cum.column()],
        cum);
  }

  /** ∏ (z − (a + α·v)) / (z − (a' + α·v')) over memory units (address at row(k), value at row(k) + 1). */
  private static void memoryProduct(MainTrace main, VirtualColumn pool, VirtualColumn sorted, long[] el, long[][] out, VirtualColumn cum) {
    int units = main.rows() / pool.step();
    long[] p = main.column(pool.column()), s = main.column(sorted.column());
    runningProduct(
        units,
        (k, num, no, den, dof, t) -> {
          int pr = pool.row(k), sr = sorted.row(k);
          Fp.mul(el, 4, p, 4 * (pr + 1), t, 0);
          Fp.add(t, 0, p, 4 * pr, t, 0);
          Fp.sub(el, 0, t, 0, num, no);
          Fp.mul(el, 4, s, 4 * (sr + 1), t, 0);
          Fp.add(t, 0, s, 4 * sr, t, 0);
          Fp.sub(el, 0, t, 0, den, dof);
        },
        out[cum.column()],
        cum);
  }

  /**
   * out[row(k)] = ∏_{i≤k} num_i / den_i, in parallel chunks: each chunk batch-inverts its denominators and takes its
   * local prefix products, then every chunk is scaled by the product of the chunks before it.
   */
  private static void runningProduct(int units, Fraction f, long[] out, VirtualColumn cum) {
    int chunks = (units + CHUNK - 1) / CHUNK;
    long[] totals = new long[4 * chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int from = c * CHUNK, len = Math.min(CHUNK, units - from);
              long[] num = new long[4 * len], den = new long[4 * len], t = new long[4];
              for (int i = 0; i < len; i++) f.of(from + i, num, 4 * i, den, 4 * i, t);
              Fp.batchInverse(den, 0, len, new long[4 * len]);
              long[] acc = new long[4];
              Felt.ONE.writeTo(acc, 0);
              for (int i = 0; i < len; i++) {
                Fp.mul(acc, 0, num, 4 * i, acc, 0);
                Fp.mul(acc, 0, den, 4 * i, acc, 0);
                System.arraycopy(acc, 0, out, 4 * cum.row(from + i), 4);
              }
              System.arraycopy(acc, 0, totals, 4 * c, 4);
            });
    // prefix of the chunk totals: chunk c is scaled by the product of chunks 0..c−1
    long[] scale = new long[4 * chunks];
    Felt.ONE.writeTo(scale, 0);
    for (int c = 1; c < chunks; c++) Fp.mul(scale, 4 * (c - 1), totals, 4 * (c - 1), scale, 4 * c);
    IntStream.range(1, chunks)
        .parallel()
        .forEach(
            c -> {
              int from = c * CHUNK, len = Math.min(CHUNK, units - from);
              for (int i = 0; i < len; i++) {
                int o = 4 * cum.row(from + i);
                Fp.mul(out, o, scale, 4 * c, out, o);
              }
            });
  }

  /**
   * The diluted check's cumulative value over the sorted column (z at el[zAt], α at el[alphaAt]): the affine recurrence
   * c_k = (1 + z·d_k)·c_{k−1} + α·d_k², in parallel chunks (each chunk's composed map, a scan of them, then each chunk
   * from its starting value).
   */
  private static void cumulativeValue(MainTrace main, VirtualColumn sorted, long[] el, int zAt, int alphaAt, long[][] out, VirtualColumn cum) {
    int units = main.rows() / sorted.step();
    long[] s = main.column(sorted.column()), o = out[cum.column()];
    int chunks = (units + CHUNK - 1) / CHUNK;
    long[] maps = new long[8 * chunks]; // per chunk (A, B): c_end = A·c_start + B, over units from max(1, start)
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              long[] a = new long[4], b = new long[4], m = new long[8];
              Felt.ONE.writeTo(a, 0);
              int from = Math.max(1, c * CHUNK), to = Math.min(units, (c + 1) * CHUNK);
              for (int k = from; k < to; k++) {
                step(s, sorted, k, el, zAt, alphaAt, m);
                // (A, B) ← (m_a·A, m_a·B + m_b)
                Fp.mul(a, 0, m, 0, a, 0);
                Fp.mul(b, 0, m, 0, b, 0);
                Fp.add(b, 0, m, 4, b, 0);
              }
              System.arraycopy(a, 0, maps, 8 * c, 4);
              System.arraycopy(b, 0, maps, 8 * c + 4, 4);
            });
    long[] starts = new long[4 * chunks]; // value before each chunk's first unit (c_0 = 1 for chunk 0)
    Felt.ONE.writeTo(starts, 0);
    long[] t = new long[4];
    for (int c = 1; c < chunks; c++) {
      Fp.mul(maps, 8 * (c - 1), starts, 4 * (c - 1), t, 0);
      Fp.add(t, 0, maps, 8 * (c - 1) + 4, starts, 4 * c);
    }
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              long[] val = new long[4], m = new long[8], u = new long[4];
              System.arraycopy(starts, 4 * c, val, 0, 4);
              int from = c * CHUNK, to = Math.min(units, (c + 1) * CHUNK);
              for (int k = from; k < to; k++) {
                if (k > 0) {
                  step(s, sorted, k, el, zAt, alphaAt, m);
                  Fp.mul(val, 0, m, 0, u, 0);
                  Fp.add(u, 0, m, 4, val, 0);
                }
                System.arraycopy(val, 0, o, 4 * cum.row(k), 4);
              }
            });
  }

  /** The map of unit k: m[0..3] = 1 + z·d, m[4..7] = α·d², d = sorted_k − sorted_{k−1}. */
  private static void step(long[] s, VirtualColumn sorted, int k, long[] el, int zAt, int alphaAt, long[] m) {
    Fp.sub(s, 4 * sorted.row(k), s, 4 * sorted.row(k - 1), m, 4);
    Fp.mul(el, zAt, m, 4, m, 0);
    Fp.add(m, 0, ONE, 0, m, 0);
    Fp.square(m, 4, m, 4);
    Fp.mul(m, 4, el, alphaAt, m, 4);
  }

  private static final long[] ONE = new long[4];

  static {
    Felt.ONE.writeTo(ONE, 0);
  }
}
