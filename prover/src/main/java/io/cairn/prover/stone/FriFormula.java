package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.math.BigInteger;

/** Stone's FRI folding formula (fri_folder.cc), shared by the prover's layers and the verifier's queries. */
public final class FriFormula {
  private FriFormula() {}

  static final BigInteger P = Felt.MODULUS;
  static final Felt GENERATOR = Felt.of(3);

  /**
   * Folds a coset of 2^k values (in Stone's bit-reversed coset order) into one value of the next layer: the first
   * half and the second half fold recursively (the second with x⁻¹·ω_n), then the pair combines as
   * f(x) + f(−x) + λ·x⁻¹·(f(x) − f(−x)) with λ and x⁻¹ raised to n/2 (Stone's FRI folder; no division by 2).
   */
  public static Felt fold(Felt[] v, Felt point, Felt xInv) {
    int k = Integer.numberOfTrailingZeros(v.length);
    if (v.length != 1 << k) throw new IllegalArgumentException("a FRI coset of " + v.length + " elements");
    long[] limbs = new long[4 * v.length], p = new long[4], x = new long[4], r = new long[4];
    for (int i = 0; i < v.length; i++) v[i].writeTo(limbs, 4 * i);
    point.writeTo(p, 0);
    xInv.writeTo(x, 0);
    fold(limbs, 0, k, p, x, cosetTwiddles(k), r, 0, new long[scratchLongs(k)]);
    return Felt.fromMontgomeryLimbs(r, 0);
  }

  /**
   * The recursion above, level by level on Montgomery limbs: the 2^(k−1) pairs first, pair b at x⁻¹·w[b] (w from
   * {@link #cosetTwiddles}); a block at the next level uses the x⁻¹ of its first half, squared, and λ squared.
   * Folds {@code v[off..off + 4·2^k)} with λ = {@code point} and the coset's x⁻¹ into {@code r[ro..ro+3]}.
   */
  public static void fold(long[] v, int off, int k, long[] point, long[] xInv, long[] w, long[] r, int ro, long[] scratch) {
    if (k == 0) {
      System.arraycopy(v, off, r, ro, 4);
      return;
    }
    int half = 1 << (k - 1), xs = 4 * half, lambda = 8 * half, tmp = lambda + 4; // scratch: values, x⁻¹s, λ, temporary
    System.arraycopy(point, 0, scratch, lambda, 4);
    for (int b = 0; b < half; b++) {
      Fp.mul(xInv, 0, w, 4 * b, scratch, xs + 4 * b);
      combine(v, off + 8 * b, v, off + 8 * b + 4, scratch, lambda, scratch, xs + 4 * b, scratch, 4 * b, scratch, tmp);
    }
    for (int n = half / 2; n >= 1; n /= 2) {
      Fp.square(scratch, lambda, scratch, lambda);
      for (int b = 0; b < n; b++) {
        Fp.square(scratch, xs + 8 * b, scratch, xs + 4 * b);
        combine(scratch, 8 * b, scratch, 8 * b + 4, scratch, lambda, scratch, xs + 4 * b, scratch, 4 * b, scratch, tmp);
      }
    }
    System.arraycopy(scratch, 0, r, ro, 4);
  }

  /** out = g0 + g1 + λ·x⁻¹·(g0 − g1); out may be g0's slot. */
  private static void combine(long[] a, int g0, long[] b, int g1, long[] l, int lo, long[] x, int xo, long[] out, int oo, long[] t, int to) {
    Fp.sub(a, g0, b, g1, t, to);
    Fp.mul(t, to, x, xo, t, to);
    Fp.mul(t, to, l, lo, t, to);
    Fp.add(t, to, a, g0, t, to);
    Fp.add(t, to, b, g1, out, oo);
  }

  /** Longs of scratch {@link #fold(long[], int, int, long[], long[], long[], long[], int, long[])} needs. */
  public static int scratchLongs(int k) {
    return 8 * Math.max(1, 1 << (k - 1)) + 8;
  }

  /** w[b] = ω_{2^k}^−bitrev(b) over k − 1 bits, for the 2^(k−1) pairs of a coset of 2^k (Montgomery limbs). */
  public static long[] cosetTwiddles(int k) {
    int half = k == 0 ? 1 : 1 << (k - 1);
    long[] w = new long[4 * half];
    for (int b = 0; b < half; b++) {
      int rev = k <= 1 ? 0 : Integer.reverse(b) >>> (33 - k);
      INVERSE_ROOTS[k].pow(rev).writeTo(w, 4 * b);
    }
    return w;
  }

  /** ω_{2^k}⁻¹ for the coset sizes FRI steps use (k ≤ 16). */
  private static final Felt[] INVERSE_ROOTS = new Felt[17];

  static {
    for (int k = 0; k <= 16; k++) INVERSE_ROOTS[k] = rootOfUnity(1 << k).inverse();
  }

  /** 3^((p−1)/n), the primitive n-th root of unity Stone's FFT bases use. */
  public static Felt rootOfUnity(int n) {
    return GENERATOR.pow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)));
  }

}
