package io.cairn.crypto.ec;

/**
 * Variable-base scalar multiplication and multi-scalar multiplication with 4-bit fixed windows. Scalars are
 * little-endian 4×64-bit limbs; bases are affine points (8 longs). For a fixed base use {@link FixedBaseTable}.
 */
public final class ScalarMul {
  private ScalarMul() {}

  static final int W = 4;
  private static final int PER = (1 << W) - 1;

  /** Reusable buffers for {@link #multiply}: keep one per thread to multiply without allocating. */
  public static final class Workspace {
    final long[] multiples = new long[Jacobian.SIZE * PER];
    final long[] affine = new long[Jacobian.AFFINE_SIZE * PER];
    final long[] inverses = new long[4 * PER];
    final long[] scratch = new long[Jacobian.SCRATCH];
  }

  /**
   * r = s·Q for an affine Q at q[qo..qo+7]. The 15 multiples are made affine with one batch inversion, so each of
   * the up to 63 window additions is a mixed one (8M + 3S instead of 11M + 5S).
   */
  public static void multiply(long[] q, int qo, long[] s, int so, long[] r, int ro, Workspace ws) {
    long[] m = ws.multiples, a = ws.affine, t = ws.scratch;
    Jacobian.setInfinity(r, ro);
    int top = Scalars.topBit(s, so);
    if (top < 0) return;
    fillMultiples(q, qo, m, 0, t);
    Jacobian.batchToAffine(m, 0, PER, a, 0, ws.inverses); // d·Q ≠ ∞ for d < 16: Q has prime order n
    for (int win = top / W; win >= 0; win--) {
      if (!Jacobian.isInfinity(r, ro)) for (int k = 0; k < W; k++) Jacobian.dbl(r, ro, r, ro, t);
      int d = FixedBaseTable.digit(s, so, W * win, W);
      if (d != 0) Jacobian.addAffine(r, ro, a, Jacobian.AFFINE_SIZE * (d - 1), r, ro, t);
    }
  }

  /** r = Σ sᵢ·Qᵢ for n affine points (8 longs each) and n scalars (4 limbs each). */
  public static void multiScalar(long[] points, long[] scalars, int n, long[] r, int ro) {
    long[] t = new long[Jacobian.SCRATCH];
    long[] m = new long[Jacobian.SIZE * PER * n];
    int top = -1;
    for (int i = 0; i < n; i++) {
      fillMultiples(points, 8 * i, m, Jacobian.SIZE * PER * i, t);
      top = Math.max(top, Scalars.topBit(scalars, 4 * i));
    }
    Jacobian.setInfinity(r, ro);
    for (int win = top / W; win >= 0 && top >= 0; win--) {
      if (!Jacobian.isInfinity(r, ro)) for (int k = 0; k < W; k++) Jacobian.dbl(r, ro, r, ro, t);
      for (int i = 0; i < n; i++) {
        int d = FixedBaseTable.digit(scalars, 4 * i, W * win, W);
        if (d != 0) Jacobian.add(r, ro, m, Jacobian.SIZE * (PER * i + d - 1), r, ro, t);
      }
    }
  }

  /** m[mo + 12·(d−1)] = d·Q for d = 1 … 15, in Jacobian form. */
  private static void fillMultiples(long[] q, int qo, long[] m, int mo, long[] t) {
    System.arraycopy(q, qo, m, mo, 8);
    System.arraycopy(StarkCurve.ONE_MONT, 0, m, mo + 8, 4);
    for (int d = 2; d <= PER; d++) {
      int at = mo + Jacobian.SIZE * (d - 1);
      Jacobian.addAffine(m, at - Jacobian.SIZE, q, qo, m, at, t);
    }
  }
}
