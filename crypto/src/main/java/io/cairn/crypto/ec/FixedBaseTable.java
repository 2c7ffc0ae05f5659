package io.cairn.crypto.ec;

/**
 * Precomputed multiples for fast fixed-base scalar multiplication. The table covers the low {@code numBits} bits of
 * a scalar; bit b stands for 2^b·P below {@code split} and for 2^(b − split)·Q from {@code split} on, so one table
 * serves Pedersen's "low 248 bits times P0 plus high 4 bits times P1" as a single 252-bit multiplication. For each
 * window i of {@code window} bits it holds the affine points Σ (bits of d)·their bases, for d = 1 … 2^window − 1. A
 * multiplication is then one mixed addition per non-zero window and no doubling.
 */
public final class FixedBaseTable {
  private final int window, windows, numBits;
  // entry (i, d) at 8·((i << window) + d); d = 0 is unused
  private final long[] table;

  /** A table of P for the low {@code numBits} bits of a scalar. */
  public FixedBaseTable(EcPoint p, int numBits, int window) {
    this(p, numBits, null, numBits, window);
  }

  /**
   * @param low P, the point for bits below {@code split}
   * @param split the first bit that stands for Q (numBits when there is no Q)
   * @param high Q, or null when split = numBits
   * @param numBits scalar bits covered (≤ 256)
   * @param window bits per window (1 … 16)
   */
  public FixedBaseTable(EcPoint low, int split, EcPoint high, int numBits, int window) {
    if (low.isInfinity() || (high != null && high.isInfinity()))
      throw new IllegalArgumentException("fixed-base table of the point at infinity");
    if (window < 1 || window > 16) throw new IllegalArgumentException("window out of 1..16: " + window);
    if (numBits < 1 || numBits > 256 || split < 1 || split > numBits || (high == null) != (split == numBits))
      throw new IllegalArgumentException("bad bit layout: split " + split + " of " + numBits);
    this.window = window;
    this.numBits = numBits;
    this.windows = (numBits + window - 1) / window;
    int per = (1 << window) - 1;
    long[] t = new long[Jacobian.SCRATCH];
    // bitBase[b] = the point bit b stands for
    long[] bitBase = new long[Jacobian.SIZE * numBits];
    low.writeJacobian(bitBase, 0);
    for (int b = 1; b < numBits; b++) {
      int at = Jacobian.SIZE * b;
      if (b == split) high.writeJacobian(bitBase, at);
      else Jacobian.dbl(bitBase, at - Jacobian.SIZE, bitBase, at, t);
    }
    long[] jac = new long[Jacobian.SIZE * per];
    long[] scratch = new long[4 * per];
    table = new long[8 * (windows << window)];
    for (int i = 0; i < windows; i++) {
      int width = Math.min(window, numBits - i * window);
      int count = (1 << width) - 1;
      // entry d = entry (d without its lowest bit) + that bit's base
      for (int d = 1; d <= count; d++) {
        int lowBit = Integer.numberOfTrailingZeros(d);
        int base = Jacobian.SIZE * (i * window + lowBit);
        int rest = d & (d - 1);
        int at = Jacobian.SIZE * (d - 1);
        if (rest == 0) System.arraycopy(bitBase, base, jac, at, Jacobian.SIZE);
        else Jacobian.add(jac, Jacobian.SIZE * (rest - 1), bitBase, base, jac, at, t);
      }
      Jacobian.batchToAffine(jac, 0, count, table, 8 * ((i << window) + 1), scratch);
    }
  }

  /**
   * acc += s·P (with the split described above) for the low numBits bits of the scalar in canonical little-endian
   * limbs scalar[so..so+3]. {@code t} is scratch of {@link Jacobian#SCRATCH} longs.
   */
  public void accumulate(long[] acc, int ao, long[] scalar, int so, long[] t) {
    int w = window;
    for (int i = 0, bit = 0; i < windows; i++, bit += w) {
      int d = digit(scalar, so, bit, Math.min(w, numBits - bit));
      if (d != 0) Jacobian.addAffine(acc, ao, table, 8 * ((i << w) + d), acc, ao, t);
    }
  }

  /**
   * Copies the table points a scalar selects into {@code points} (8 longs each, from offset po) and returns how many
   * there are. Gathering first lets the memory loads overlap instead of stalling one addition each; the caller then
   * adds them with {@link Jacobian#addAffine}.
   */
  public int gather(long[] scalar, int so, long[] points, int po) {
    int w = window, n = 0;
    for (int i = 0, bit = 0; i < windows; i++, bit += w) {
      int d = digit(scalar, so, bit, Math.min(w, numBits - bit));
      if (d != 0) System.arraycopy(table, 8 * ((i << w) + d), points, po + 8 * n++, 8);
    }
    return n;
  }

  /** The most points {@link #gather} can return. */
  public int windows() {
    return windows;
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
}
