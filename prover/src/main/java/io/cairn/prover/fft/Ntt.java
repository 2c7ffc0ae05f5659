package io.cairn.prover.fft;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * Number-theoretic transforms over the Stark field on power-of-two subgroups, allocation-free in the butterflies on
 * {@code long[]} Montgomery limbs (4 longs per element, as {@link Fp} uses them).
 *
 * <p>Orders follow Stone: trace columns are given in natural row order (row i at g^i); evaluations on a coset
 * {@code offset·⟨ω⟩} come out in bit-reversed order (position bitrev(i) holds f(offset·ω^i)), which is how Stone's
 * LDE cosets and Merkle leaves are laid out.
 *
 * <p>Gentleman–Sande butterflies. The layers whose butterflies span more than a block of 2^13 elements
 * run one after the other over the whole array; the rest run block by block, so a block stays in the core's L2
 * cache through all of them. Large transforms split each stage over the cores. Scalings ride on the first layer: the
 * coset offset's powers multiply the inputs as they are read, and interpolation's n⁻¹ is folded into the first
 * layer's twiddles.
 *
 * <p>An instance holds the twiddles of one size and may be shared by threads; each call works in place on the
 * caller's array.
 */
public final class Ntt {
  private static final int LOG_BLOCK = 13; // 2^13 elements, 256 KB
  private static final int PARALLEL_MIN = 1 << 14; // smaller transforms stay on the caller's thread
  private static final int TASK = 1 << 11; // butterflies per parallel task in the long layers
  private static final int PLAIN = 0, SCALED = 1, COSET = 2; // how the first layer reads its inputs

  private final int logN;
  private final int n;
  private final long[] twiddles; // ω^j, j < n/2, Montgomery
  private final long[] inverseTwiddles; // ω^−j
  private final long[] scaledInverseTwiddles; // ω^−j·n⁻¹ (interpolation's first layer)
  private final long[] nInverse; // n⁻¹

  public Ntt(int logN) {
    if (logN < 1 || logN > 30) throw new IllegalArgumentException("NTT size 2^" + logN + " out of range [2, 2^30]");
    this.logN = logN;
    this.n = 1 << logN;
    Felt omega = rootOfUnity(logN);
    twiddles = powers(Felt.ONE, omega, n / 2);
    nInverse = new long[4];
    Felt nInv = Felt.of(n).inverse();
    nInv.writeTo(nInverse, 0);
    inverseTwiddles = powers(Felt.ONE, omega.inverse(), n / 2);
    scaledInverseTwiddles = powers(nInv, omega.inverse(), n / 2);
  }

  /** The generator of the order-2^logN subgroup Stone uses: 3^((p−1)/2^logN). */
  public static Felt rootOfUnity(int logN) {
    return Felt.of(3).pow(Felt.MODULUS.subtract(BigInteger.ONE).shiftRight(logN));
  }

  public int size() {
    return n;
  }

  /** start·base^i for i < count (computed in parallel chunks when long). */
  public static long[] powers(Felt start, Felt base, int count) {
    long[] r = new long[4 * count];
    long[] b = new long[4];
    base.writeTo(b, 0);
    int chunk = 1 << 12;
    IntStream range = IntStream.range(0, (count + chunk - 1) / chunk);
    (count >= PARALLEL_MIN ? range.parallel() : range)
        .forEach(
            k -> {
              int from = k * chunk, to = Math.min(count, from + chunk);
              start.mul(base.pow(from)).writeTo(r, 4 * from);
              for (int i = from + 1; i < to; i++) Fp.mul(r, 4 * (i - 1), b, 0, r, 4 * i);
            });
    return r;
  }

  /** In place: coefficients (natural order) → evaluations on ⟨ω⟩ in bit-reversed order. */
  public void forward(long[] a, int offset) {
    dif(a, offset, twiddles, PLAIN, null, a, offset);
  }

  /** In place: evaluations on ⟨ω⟩ in natural order → coefficients in natural order. */
  public void interpolate(long[] a, int offset) {
    dif(a, offset, inverseTwiddles, SCALED, null, a, offset);
    bitReverse(a, offset, logN);
  }

  /**
   * In place: coefficients (natural order) → evaluations on the coset {@code cosetOffset·⟨ω⟩}, bit-reversed; the
   * low-degree extension of one column onto one coset.
   */
  public void evaluateOnCoset(long[] a, int offset, Felt cosetOffset) {
    evaluateOnCoset(a, offset, powers(Felt.ONE, cosetOffset, n));
  }

  /** As {@link #evaluateOnCoset(long[], int, Felt)}, with the offset's powers c^i (i &lt; n) given, to share them. */
  public void evaluateOnCoset(long[] a, int offset, long[] offsetPowers) {
    evaluateOnCoset(a, offset, a, offset, offsetPowers);
  }

  /**
   * The coefficients at {@code from[fromOffset..]} (not modified, unless the same slice) evaluated on the coset whose
   * offset has the powers c^i (i &lt; n), bit-reversed, into {@code to[toOffset..]}: the first layer reads the
   * coefficients where they are, so no copy is needed.
   */
  public void evaluateOnCoset(long[] from, int fromOffset, long[] to, int toOffset, long[] offsetPowers) {
    if (offsetPowers.length != 4 * n) throw new IllegalArgumentException("expected " + n + " powers of the coset offset");
    dif(to, toOffset, twiddles, COSET, offsetPowers, from, fromOffset);
  }

  /**
   * Gentleman–Sande butterflies: natural-order input, bit-reversed output; the first layer reads per {@code first},
   * from {@code src} (the coset evaluation's coefficients) or in place.
   */
  private void dif(long[] a, int off, long[] tw, int first, long[] powers, long[] src, int srcOff) {
    boolean parallel = n >= PARALLEL_MIN;
    int block = Math.min(n, 1 << LOG_BLOCK);
    int half = n >>> 1;
    for (; 2 * half > block; half >>>= 1) {
      final int h = half, mode = h == n >>> 1 ? first : PLAIN, chunk = Math.min(h, TASK);
      IntStream tasks = IntStream.range(0, (n >>> 1) / chunk);
      (parallel ? tasks.parallel() : tasks)
          .forEach(
              k -> {
                int b = k * chunk, start = b / h * 2 * h, j = b % h;
                layer(a, off, start, h, j, j + chunk, tw, n / (2 * h), mode, powers, src, srcOff - off, new long[4]);
              });
    }
    final int innerHalf = half;
    IntStream blocks = IntStream.range(0, n / block);
    (parallel ? blocks.parallel() : blocks)
        .forEach(
            k -> {
              long[] t = new long[4];
              for (int h = innerHalf; h >= 1; h >>>= 1) {
                int mode = h == n >>> 1 ? first : PLAIN;
                for (int start = k * block; start < (k + 1) * block; start += 2 * h)
                  layer(a, off, start, h, 0, h, tw, n / (2 * h), mode, powers, src, srcOff - off, t);
              }
            });
  }

  /** Butterflies j0..j1−1 of the group at {@code start} of the layer with half-width h. */
  private void layer(
      long[] a, int off, int start, int h, int j0, int j1, long[] tw, int stride, int mode, long[] powers, long[] src, int shift, long[] t) {
    for (int j = j0; j < j1; j++) {
      int u = off + 4 * (start + j), v = u + 4 * h;
      if (mode == COSET) { // first layer: start = 0, h = n/2
        Fp.mul(src, u + shift, powers, 4 * j, a, u);
        Fp.mul(src, v + shift, powers, 4 * (j + h), a, v);
      }
      Fp.sub(a, u, a, v, t, 0);
      Fp.add(a, u, a, v, a, u);
      if (mode == SCALED) { // first layer, stride 1: n⁻¹ on both outputs
        Fp.mul(a, u, nInverse, 0, a, u);
        Fp.mul(t, 0, scaledInverseTwiddles, 4 * j, a, v);
      } else if (j == 0) System.arraycopy(t, 0, a, v, 4);
      else Fp.mul(t, 0, tw, 4 * j * stride, a, v);
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
