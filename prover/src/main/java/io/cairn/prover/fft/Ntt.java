package io.cairn.prover.fft;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.math.BigInteger;

/**
 * Number-theoretic transforms over the Stark field on power-of-two subgroups, allocation-free on {@code long[]}
 * Montgomery limbs (4 longs per element, as {@link Fp} uses them).
 *
 * <p>Orders follow Stone: trace columns are given in natural row order (row i at g^i); evaluations on a coset
 * {@code offset·⟨ω⟩} come out in bit-reversed order (position bitrev(i) holds f(offset·ω^i)), which is how Stone's
 * LDE cosets and Merkle leaves are laid out.
 *
 * <p>An instance holds the twiddles of one size and may be shared by threads; each call works in place on the
 * caller's array.
 */
public final class Ntt {
  private final int logN;
  private final int n;
  private final long[] twiddles; // ω^j, j < n/2, Montgomery
  private final long[] inverseTwiddles; // ω^−j
  private final long[] nInverse; // n⁻¹

  public Ntt(int logN) {
    if (logN < 1 || logN > 30) throw new IllegalArgumentException("NTT size 2^" + logN + " out of range [2, 2^30]");
    this.logN = logN;
    this.n = 1 << logN;
    Felt omega = rootOfUnity(logN);
    twiddles = powers(omega, n / 2);
    inverseTwiddles = powers(omega.inverse(), n / 2);
    nInverse = new long[4];
    Felt.of(n).inverse().writeTo(nInverse, 0);
  }

  /** The generator of the order-2^logN subgroup Stone uses: 3^((p−1)/2^logN). */
  public static Felt rootOfUnity(int logN) {
    return Felt.of(3).pow(Felt.MODULUS.subtract(BigInteger.ONE).shiftRight(logN));
  }

  public int size() {
    return n;
  }

  private static long[] powers(Felt base, int count) {
    long[] r = new long[4 * count];
    long[] b = new long[4];
    base.writeTo(b, 0);
    Felt.ONE.writeTo(r, 0);
    for (int i = 1; i < count; i++) Fp.mul(r, 4 * (i - 1), b, 0, r, 4 * i);
    return r;
  }

  /** In place: coefficients (natural order) → evaluations on ⟨ω⟩ in bit-reversed order. */
  public void forward(long[] a, int offset) {
    dif(a, offset, twiddles);
  }

  /** In place: evaluations on ⟨ω⟩ in natural order → coefficients in natural order. */
  public void interpolate(long[] a, int offset) {
    dif(a, offset, inverseTwiddles);
    bitReverse(a, offset, logN);
    for (int i = 0; i < n; i++) Fp.mul(a, offset + 4 * i, nInverse, 0, a, offset + 4 * i);
  }

  /**
   * In place: coefficients (natural order) → evaluations on the coset {@code cosetOffset·⟨ω⟩}, bit-reversed; the
   * low-degree extension of one column onto one coset.
   */
  public void evaluateOnCoset(long[] a, int offset, Felt cosetOffset) {
    long[] c = new long[4];
    long[] acc = new long[4];
    cosetOffset.writeTo(c, 0);
    Felt.ONE.writeTo(acc, 0);
    for (int i = 0; i < n; i++) {
      Fp.mul(a, offset + 4 * i, acc, 0, a, offset + 4 * i);
      Fp.mul(acc, 0, c, 0, acc, 0);
    }
    dif(a, offset, twiddles);
  }

  /** Gentleman–Sande butterflies: natural-order input, bit-reversed output. */
  private void dif(long[] a, int off, long[] tw) {
    long[] t = new long[4];
    for (int half = n >>> 1, stride = 1; half >= 1; half >>>= 1, stride <<= 1) {
      for (int start = 0; start < n; start += 2 * half) {
        for (int j = 0; j < half; j++) {
          int u = off + 4 * (start + j), v = u + 4 * half;
          Fp.sub(a, u, a, v, t, 0);
          Fp.add(a, u, a, v, a, u);
          if (j == 0) System.arraycopy(t, 0, a, v, 4);
          else Fp.mul(t, 0, tw, 4 * j * stride, a, v);
        }
      }
    }
  }

  /** Permutes 2^logN elements into bit-reversed index order, in place. */
  public static void bitReverse(long[] a, int offset, int logN) {
    int n = 1 << logN;
    for (int i = 0; i < n; i++) {
      int r = Integer.reverse(i) >>> (32 - logN);
      if (r > i) {
        int x = offset + 4 * i, y = offset + 4 * r;
        for (int k = 0; k < 4; k++) {
          long s = a[x + k];
          a[x + k] = a[y + k];
          a[y + k] = s;
        }
      }
    }
  }
}
