package io.cairn.crypto.ec;

/**
 * Precomputed multiples of one fixed point P for fast scalar multiplication by the bit field
 * s' = (s >> bitOffset) mod 2^numBits of a scalar s: for each window i of {@code window} bits of s', the affine points
 * d·2^(i·window)·P for d = 1 … 2^window − 1. A multiple then costs one mixed addition per non-zero window and no
 * doubling. (The bit field lets Pedersen multiply the low 248 and the high 4 bits of one felt by different points.)
 */
public final class FixedBaseTable {
  private final int window, windows, bitOffset, numBits;
  // entry (i, d) at 8·((i << window) + d); d = 0 is unused
  private final long[] table;

  /**
   * @param base the fixed point (not at infinity)
   * @param bitOffset the first scalar bit this table covers (lower bits are ignored)
   * @param numBits how many scalar bits it covers
   * @param window bits per window (1 … 16)
   */
  public FixedBaseTable(EcPoint base, int bitOffset, int numBits, int window) {
    if (base.isInfinity()) throw new IllegalArgumentException("fixed-base table of the point at infinity");
    if (window < 1 || window > 16) throw new IllegalArgumentException("window out of 1..16: " + window);
    if (bitOffset < 0 || numBits < 1 || bitOffset + numBits > 256)
      throw new IllegalArgumentException("bit range out of 0..256: " + bitOffset + "+" + numBits);
    this.window = window;
    this.bitOffset = bitOffset;
    this.numBits = numBits;
    this.windows = (numBits + window - 1) / window;
    int per = (1 << window) - 1;
    long[] t = new long[Jacobian.SCRATCH];
    long[] jac = new long[Jacobian.SIZE * windows * per];
    long[] windowBase = new long[Jacobian.SIZE];
    base.writeJacobian(windowBase, 0);
    for (int i = 0; i < windows; i++) {
      int first = Jacobian.SIZE * i * per;
      System.arraycopy(windowBase, 0, jac, first, Jacobian.SIZE);
      for (int d = 2; d <= per; d++) {
        int at = first + Jacobian.SIZE * (d - 1);
        Jacobian.add(jac, at - Jacobian.SIZE, windowBase, 0, jac, at, t);
      }
      for (int k = 0; k < window; k++) Jacobian.dbl(windowBase, 0, windowBase, 0, t);
    }
    long[] affine = new long[8 * windows * per];
    Jacobian.batchToAffine(jac, 0, windows * per, affine, 0, new long[4 * windows * per]);
    table = new long[8 * (windows << window)];
    for (int i = 0; i < windows; i++)
      System.arraycopy(affine, 8 * i * per, table, 8 * ((i << window) + 1), 8 * per);
  }

  /**
   * acc += s'·P, with s' the bit field this table covers of the scalar in canonical little-endian limbs
   * scalar[so..so+3]. {@code t} is scratch of {@link Jacobian#SCRATCH} longs.
   */
  public void accumulate(long[] acc, int ao, long[] scalar, int so, long[] t) {
    int end = bitOffset + numBits;
    int w = window;
    for (int i = 0, bit = bitOffset; i < windows; i++, bit += w) {
      int width = Math.min(w, end - bit);
      int d = digit(scalar, so, bit, width);
      if (d != 0) Jacobian.addAffine(acc, ao, table, 8 * ((i << w) + d), acc, ao, t);
    }
  }

  /** r = s·P, with s read as in {@link #accumulate}. */
  public void multiply(long[] scalar, int so, long[] r, int ro, long[] t) {
    Jacobian.setInfinity(r, ro);
    accumulate(r, ro, scalar, so, t);
  }

  static int digit(long[] s, int so, int bit, int width) {
    int limb = bit >>> 6, sh = bit & 63;
    long v = s[so + limb] >>> sh;
    if (sh + width > 64 && limb < 3) v |= s[so + limb + 1] << (64 - sh);
    return (int) (v & ((1L << width) - 1));
  }

  /** Bytes the table's points occupy. */
  public long memoryBytes() {
    return 8L * table.length;
  }

  public int window() {
    return window;
  }
}
