package io.cairn.crypto.field;

import java.math.BigInteger;

/**
 * Square roots in the Stark field. p − 1 = 2^192 · q with q = 2^59 + 17 odd, so Tonelli–Shanks would need up to
 * ~192²/2 squarings; instead the discrete logarithm of a^q in the order-2^192 subgroup is read eight bits at a time
 * against precomputed powers of its generator g = 3^q (Sarkar's table method): about 550 field operations per root,
 * with 24 × 256 precomputed elements (192 KiB).
 */
final class Sqrt {
  private Sqrt() {}

  private static final int WINDOWS = 24; // 192 / 8
  /** INV_POWERS[(j·256 + v)·4] = g^(−v·2^(8j)), Montgomery limbs. */
  private static final long[] INV_POWERS = new long[WINDOWS * 256 * 4];
  /** Open-addressed map from ω^d (ω = g^(2^184), a primitive 256th root of unity) to d, keyed on its low limb. */
  private static final long[] KEYS = new long[1024];
  private static final int[] VALUES = new int[1024];

  private static final BigInteger HALF_P = Fp.MODULUS.shiftRight(1);

  static {
    BigInteger q = BigInteger.ONE.shiftLeft(59).add(BigInteger.valueOf(17));
    Felt g = Felt.of(3).pow(q);
    long[] base = new long[4];
    g.inverse().writeTo(base, 0);
    for (int j = 0; j < WINDOWS; j++) {
      int row = j * 256 * 4;
      System.arraycopy(Fp.ONE_MONT, 0, INV_POWERS, row, 4);
      for (int v = 1; v < 256; v++) Fp.mul(INV_POWERS, row + 4 * (v - 1), base, 0, INV_POWERS, row + 4 * v);
      for (int k = 0; k < 8; k++) Fp.square(base, 0, base, 0);
    }
    java.util.Arrays.fill(VALUES, -1);
    int top = (WINDOWS - 1) * 256 * 4;
    for (int d = 0; d < 256; d++) {
      long key = INV_POWERS[top + 4 * ((256 - d) & 255)]; // ω^d = ω^(−(256 − d))
      int slot = slot(key);
      while (VALUES[slot] >= 0) slot = (slot + 1) & (KEYS.length - 1);
      KEYS[slot] = key;
      VALUES[slot] = d;
    }
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 54); // 10 bits
  }

  /** d with ω^d equal to y[yo..], or −1 when y is not a 256th root of unity. */
  private static int log256(long[] y, int yo) {
    int top = (WINDOWS - 1) * 256 * 4;
    for (int slot = slot(y[yo]); VALUES[slot] >= 0; slot = (slot + 1) & (KEYS.length - 1)) {
      if (KEYS[slot] != y[yo]) continue;
      int d = VALUES[slot];
      if (Fp.equal(y, yo, INV_POWERS, top + 4 * ((256 - d) & 255))) return d;
    }
    return -1;
  }

  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[4 * WINDOWS + 16]);

  /**
   * Writes a square root of a (Montgomery limbs) into r and returns true, or returns false when a is not a square.
   * The root written is the one whose canonical value is at most (p−1)/2.
   */
  static boolean sqrt(long[] a, int ao, long[] r, int ro) {
    if (Fp.isZero(a, ao)) {
      r[ro] = r[ro + 1] = r[ro + 2] = r[ro + 3] = 0;
      return true;
    }
    long[] t = SCRATCH.get();
    int xs = 0, v = 4 * WINDOWS, z = v + 4, y = v + 8, c = v + 12;
    // v = a^((q−1)/2) = a^(8·(2^55 + 1))
    System.arraycopy(a, ao, t, v, 4);
    for (int i = 0; i < 55; i++) Fp.square(t, v, t, v);
    Fp.mul(t, v, a, ao, t, v);
    for (int i = 0; i < 3; i++) Fp.square(t, v, t, v);
    Fp.mul(a, ao, t, v, t, z); // z = a^((q+1)/2)
    Fp.mul(t, z, t, v, t, xs); // x = a^q, in the subgroup of order 2^192
    for (int j = 1; j < WINDOWS; j++) {
      System.arraycopy(t, xs + 4 * (j - 1), t, xs + 4 * j, 4);
      for (int k = 0; k < 8; k++) Fp.square(t, xs + 4 * j, t, xs + 4 * j);
    }
    // x = g^d; read d's bytes from the bottom: y_k = x^(2^(184−8k)) · g^(−(d mod 2^(8k))·2^(184−8k)) = ω^(d_k)
    int[] digits = new int[WINDOWS];
    for (int k = 0; k < WINDOWS; k++) {
      System.arraycopy(t, xs + 4 * (WINDOWS - 1 - k), t, y, 4);
      for (int i = 0; i < k; i++) {
        int row = WINDOWS - 1 - k + i;
        if (digits[i] != 0) Fp.mul(t, y, INV_POWERS, 4 * (row * 256 + digits[i]), t, y);
      }
      int d = log256(t, y);
      if (d < 0) return false; // x is not in the subgroup: a is not a square
      digits[k] = d;
    }
    if ((digits[0] & 1) != 0) return false; // an odd logarithm: a is not a square
    // root = z · g^(−d/2)
    System.arraycopy(t, z, t, c, 4);
    for (int j = 0; j < WINDOWS; j++) {
      int e = (digits[j] >>> 1) | (j + 1 < WINDOWS ? (digits[j + 1] & 1) << 7 : 0);
      if (e != 0) Fp.mul(t, c, INV_POWERS, 4 * (j * 256 + e), t, c);
    }
    // the smaller of the two roots, as cairo-lang returns
    long[] canon = new long[4];
    Fp.fromMontgomery(t, c, canon, 0);
    if (greaterThanHalf(canon)) Fp.neg(t, c, t, c);
    System.arraycopy(t, c, r, ro, 4);
    return true;
  }

  private static boolean greaterThanHalf(long[] c) {
    long[] h = HALF_LIMBS;
    for (int i = 3; i >= 0; i--) {
      int cmp = Long.compareUnsigned(c[i], h[i]);
      if (cmp != 0) return cmp > 0;
    }
    return false;
  }

  private static final long[] HALF_LIMBS = Fp.canonicalLimbs(HALF_P);

  static Felt sqrt(Felt a) {
    long[] t = new long[4];
    a.writeTo(t, 0);
    return sqrt(t, 0, t, 0) ? Felt.fromMontgomeryLimbs(t, 0) : null;
  }
}
