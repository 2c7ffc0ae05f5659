package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;

/**
 * The interaction (second) trace table: the running products of the permutation arguments, drawn after the main trace
 * is committed. Memory: {@code cum_prod[k] = ∏_{i≤k} (z − (a_i + α·v_i)) / (z − (a'_i + α·v'_i))} over the memory pool
 * (original) and memory/sorted units; 16-bit range check: {@code ∏ (z − r_i) / (z − r'_i)} over the pool and its
 * sorted column. Stone's layout small: range-check product in interaction column 0 (step 1), memory product in
 * interaction column 1 (step 2, odd rows unused).
 */
public final class InteractionTrace {
  private final Felt[][] columns;

  private InteractionTrace(Felt[][] columns) {
    this.columns = columns;
  }

  public Felt get(int column, int row) {
    return columns[column][row];
  }

  /** Column {@code c} as Montgomery limbs (4 per row), a fresh array. */
  public long[] column(int c) {
    Felt[] col = columns[c];
    long[] out = new long[4 * col.length];
    for (int r = 0; r < col.length; r++) col[r].writeTo(out, 4 * r);
    return out;
  }

  /**
   * The interaction trace of a layout's main trace (Stone's {@code CpuAir::GetInteractionTrace}).
   *
   * @param elements the interaction elements in Stone's order: memory z, memory α, range-check z
   */
  public static InteractionTrace of(MainTrace main, TraceLayout layout, Felt[] elements) {
    return of(main, layout.cpu(), layout.memorySorted(), layout.rangeCheckSorted(), elements);
  }

  public int columnCount() {
    return columns.length;
  }

  /**
   * @param elements the interaction elements in Stone's order: memory z, memory α, range-check z
   */
  public static InteractionTrace of(MainTrace main, CpuColumns layout, int memorySorted, int rangeCheckSorted, Felt[] elements) {
    int n = main.rows();
    Felt memZ = elements[0], alpha = elements[1], rcZ = elements[2];
    Felt[][] cols = new Felt[2][n];
    java.util.Arrays.fill(cols[1], Felt.ZERO);

    Felt[] den = new Felt[n];
    for (int r = 0; r < n; r++) den[r] = rcZ.sub(main.get(rangeCheckSorted, r));
    Felt[] inv = Felt.batchInverse(den);
    Felt acc = Felt.ONE;
    for (int r = 0; r < n; r++) {
      acc = acc.mul(rcZ.sub(main.get(layout.offsets(), r))).mul(inv[r]);
      cols[0][r] = acc;
    }

    int units = n / 2;
    Felt[] mden = new Felt[units];
    for (int k = 0; k < units; k++) mden[k] = memZ.sub(main.get(memorySorted, 2 * k).add(alpha.mul(main.get(memorySorted, 2 * k + 1))));
    Felt[] minv = Felt.batchInverse(mden);
    acc = Felt.ONE;
    int pool = layout.memPool();
    for (int k = 0; k < units; k++) {
      acc = acc.mul(memZ.sub(main.get(pool, 2 * k).add(alpha.mul(main.get(pool, 2 * k + 1))))).mul(minv[k]);
      cols[1][2 * k] = acc;
    }
    return new InteractionTrace(cols);
  }
}
