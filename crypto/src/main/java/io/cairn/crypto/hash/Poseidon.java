package io.cairn.crypto.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Starknet's Poseidon: the Hades permutation of width 3 (rate 2, capacity 1), S-box x³, 4 full rounds, 83 partial
 * rounds, 4 full rounds, MDS [[3,1,1],[1,−1,1],[1,1,−2]], round keys ark[i][j] = sha256("Hades" + (3i+j)) mod p.
 *
 * <p>The kernel {@link #permute(long[], int)} works on a caller's {@code long[]} of three Montgomery-form elements
 * (the {@link Fp} layout) and allocates nothing: the VM's poseidon builtin, the prover's channel and Merkle trees
 * and the state tries call it directly.
 *
 * <p>Partial rounds use the usual constant-folding trick: only lane 2 passes the S-box, so the keys of lanes 0 and 1
 * can be pushed through the (linear) MDS into the next round. After folding, each partial round adds a single key
 * to lane 2, and the leftover is added to the first full round after the partial ones. The output is identical.
 */
public final class Poseidon {
  private Poseidon() {}

  public static final int FULL_ROUNDS = 8;
  public static final int PARTIAL_ROUNDS = 83;
  public static final int ROUNDS = FULL_ROUNDS + PARTIAL_ROUNDS;

  /** Longs per state: three field elements of four limbs. */
  public static final int STATE_LONGS = 12;

  /** Keys of the 8 full rounds, 3 elements each, Montgomery form (the first after-partial round already folded). */
  private static final long[] FULL_KEYS = new long[FULL_ROUNDS * 3 * 4];

  /** One folded key per partial round, for lane 2, Montgomery form. */
  private static final long[] PARTIAL_KEYS = new long[PARTIAL_ROUNDS * 4];

  static {
    BigInteger[][] ark = roundKeys();
    int half = FULL_ROUNDS / 2;
    for (int r = 0; r < half; r++) for (int j = 0; j < 3; j++) putMont(FULL_KEYS, (r * 3 + j) * 4, ark[r][j]);
    BigInteger p = Fp.MODULUS;
    BigInteger c0 = BigInteger.ZERO, c1 = BigInteger.ZERO, c2 = BigInteger.ZERO; // pending lane offsets
    for (int i = 0; i < PARTIAL_ROUNDS; i++) {
      BigInteger[] k = ark[half + i];
      BigInteger e0 = k[0].add(c0), e1 = k[1].add(c1), e2 = k[2].add(c2);
      putMont(PARTIAL_KEYS, i * 4, e2.mod(p));
      // (e0, e1, 0) bypasses the S-box and goes through the MDS: M·(e0, e1, 0)
      c0 = e0.multiply(BigInteger.valueOf(3)).add(e1).mod(p);
      c1 = e0.subtract(e1).mod(p);
      c2 = e0.add(e1).mod(p);
    }
    BigInteger[] carry = {c0, c1, c2};
    for (int r = half; r < FULL_ROUNDS; r++) {
      BigInteger[] k = ark[r + PARTIAL_ROUNDS];
      for (int j = 0; j < 3; j++) {
        BigInteger v = r == half ? k[j].add(carry[j]).mod(p) : k[j];
        putMont(FULL_KEYS, (r * 3 + j) * 4, v);
      }
    }
  }

  /** The unfolded round keys ark[round][lane], as Starknet defines them (for tests and documentation). */
  public static BigInteger[][] roundKeys() {
    BigInteger[][] ark = new BigInteger[ROUNDS][3];
    for (int i = 0; i < ROUNDS; i++) {
      for (int j = 0; j < 3; j++) {
        byte[] d = Sha256.sha256(("Hades" + (3 * i + j)).getBytes(StandardCharsets.US_ASCII));
        ark[i][j] = new BigInteger(1, d).mod(Fp.MODULUS);
      }
    }
    return ark;
  }

  private static void putMont(long[] dst, int off, BigInteger v) {
    long[] l = Fp.canonicalLimbs(v);
    Fp.toMontgomery(l, 0, dst, off);
  }

  // ---------------------------------------------------------------------------------------------
  // Felt API

  /** poseidon_hash(x, y) = perm([x, y, 2])[0]. */
  public static Felt hash(Felt x, Felt y) {
    long[] s = new long[STATE_LONGS];
    x.writeTo(s, 0);
    y.writeTo(s, 4);
    Felt.TWO.writeTo(s, 8);
    permute(s, 0);
    return Felt.fromMontgomeryLimbs(s, 0);
  }

  /** poseidon_hash_single(x) = perm([x, 0, 1])[0]. */
  public static Felt hashSingle(Felt x) {
    long[] s = new long[STATE_LONGS];
    x.writeTo(s, 0);
    Felt.ONE.writeTo(s, 8);
    permute(s, 0);
    return Felt.fromMontgomeryLimbs(s, 0);
  }

  /** poseidon_hash_many: sponge with rate 2 from [0, 0, 0], input padded with 1 then zeros to even length. */
  public static Felt hashMany(List<Felt> values) {
    int n = values.size();
    long[] in = new long[4 * n];
    for (int i = 0; i < n; i++) values.get(i).writeTo(in, 4 * i);
    long[] s = new long[STATE_LONGS];
    hashMany(in, 0, n, s);
    return Felt.fromMontgomeryLimbs(s, 0);
  }

  public static Felt hashMany(Felt... values) {
    return hashMany(List.of(values));
  }

  // ---------------------------------------------------------------------------------------------
  // Kernels on Montgomery limbs

  /**
   * poseidon_hash_many over {@code count} Montgomery elements at {@code in[off..]}; the result is left in
   * {@code state[0..3]} ({@code state} is a caller's scratch of {@link #STATE_LONGS} longs). No allocation.
   */
  public static void hashMany(long[] in, int off, int count, long[] state) {
    java.util.Arrays.fill(state, 0, STATE_LONGS, 0L);
    int i = 0;
    for (; i + 2 <= count; i += 2) {
      Fp.add(state, 0, in, off + 4 * i, state, 0);
      Fp.add(state, 4, in, off + 4 * i + 4, state, 4);
      permute(state, 0);
    }
    if (i < count) {
      Fp.add(state, 0, in, off + 4 * i, state, 0);
      addOne(state, 4);
    } else {
      addOne(state, 0);
    }
    permute(state, 0);
  }

  /** poseidon_hash(x, y) over Montgomery limbs: result into {@code r[ro..ro+3]}; {@code state} is scratch. */
  public static void hash(long[] x, int xo, long[] y, int yo, long[] r, int ro, long[] state) {
    System.arraycopy(x, xo, state, 0, 4);
    System.arraycopy(y, yo, state, 4, 4);
    Felt.TWO.writeTo(state, 8);
    permute(state, 0);
    System.arraycopy(state, 0, r, ro, 4);
  }

  private static final long[] ONE_MONT = new long[4];

  static {
    Felt.ONE.writeTo(ONE_MONT, 0);
  }

  private static void addOne(long[] s, int o) {
    Fp.add(s, o, ONE_MONT, 0, s, o);
  }

  /** The Hades permutation, in place on three Montgomery elements at {@code s[o..o+11]}. */
  public static void permute(long[] s, int o) {
    permute(s, o, MDS_SCRATCH.get());
  }

  /** Longs of scratch that {@link #permute(long[], int, long[])} needs. */
  public static final int SCRATCH_LONGS = 16;

  /** As {@link #permute(long[], int)}, with a caller's scratch of {@link #SCRATCH_LONGS} longs (no thread-local). */
  public static void permute(long[] s, int o, long[] t) {
    int half = FULL_ROUNDS / 2;
    for (int r = 0; r < half; r++) fullRound(s, o, r, t);
    for (int i = 0; i < PARTIAL_ROUNDS; i++) {
      Fp.add(s, o + 8, PARTIAL_KEYS, 4 * i, s, o + 8);
      cube(s, o + 8);
      mds(s, o, t);
    }
    for (int r = half; r < FULL_ROUNDS; r++) fullRound(s, o, r, t);
  }

  private static void fullRound(long[] s, int o, int r, long[] t) {
    int k = r * 12;
    Fp.add(s, o, FULL_KEYS, k, s, o);
    Fp.add(s, o + 4, FULL_KEYS, k + 4, s, o + 4);
    Fp.add(s, o + 8, FULL_KEYS, k + 8, s, o + 8);
    cube(s, o);
    cube(s, o + 4);
    cube(s, o + 8);
    mds(s, o, t);
  }

  /** x ← x³: a dedicated squaring, then one product. */
  private static void cube(long[] s, int o) {
    long a0 = s[o], a1 = s[o + 1], a2 = s[o + 2], a3 = s[o + 3];
    Fp.square(s, o, s, o);
    Fp.mul(s[o], s[o + 1], s[o + 2], s[o + 3], a0, a1, a2, a3, s, o);
  }

  /**
   * M·s with M = [[3,1,1],[1,−1,1],[1,1,−2]]: t = s0+s1+s2; (t + 2s0, t + 2p − 2s1, t + 3p − 3s2), computed on
   * unreduced 256-bit sums (each below 6p < 2^255) with one reduction per lane — cheaper than nine modular
   * additions. Carries are computed without branches: they are data-dependent and would mispredict.
   */
  private static void mds(long[] s, int o, long[] t) {
    addRaw(s, o, s, o + 4, t, 0);
    addRaw(t, 0, s, o + 8, t, 0); // t = s0 + s1 + s2 < 3p
    addRaw(s, o, s, o, t, 4);
    addRaw(t, 0, t, 4, t, 4); // t + 2 s0 < 5p
    addRaw(t, 0, TWO_P, 0, t, 8);
    addRaw(s, o + 4, s, o + 4, t, 12);
    subRaw(t, 8, t, 12, s, o + 4); // t + 2p − 2 s1, in [0, 5p)
    addRaw(t, 0, THREE_P, 0, t, 8);
    addRaw(s, o + 8, s, o + 8, t, 12);
    addRaw(t, 12, s, o + 8, t, 12);
    subRaw(t, 8, t, 12, s, o + 8); // t + 3p − 3 s2, in [0, 6p)
    reduceSmall(t, 4, s, o);
    reduceSmall(s, o + 4, s, o + 4);
    reduceSmall(s, o + 8, s, o + 8);
  }

  private static final long[] TWO_P = Fp.canonicalLimbs(Fp.MODULUS.shiftLeft(1));
  private static final long[] THREE_P = Fp.canonicalLimbs(Fp.MODULUS.multiply(BigInteger.valueOf(3)));
  private static final long P3 = Fp.canonicalLimbs(Fp.MODULUS)[3];

  /** r = a + b on 4 limbs without reduction (the caller keeps the sum below 2^256). */
  private static void addRaw(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2];
    long s0 = a0 + b0;
    long c = ((a0 & b0) | ((a0 | b0) & ~s0)) >>> 63;
    long s1 = a1 + b1 + c;
    c = ((a1 & b1) | ((a1 | b1) & ~s1)) >>> 63;
    long s2 = a2 + b2 + c;
    c = ((a2 & b2) | ((a2 | b2) & ~s2)) >>> 63;
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = a[ao + 3] + b[bo + 3] + c;
  }

  /** r = a − b on 4 limbs without reduction (the caller guarantees a ≥ b). */
  private static void subRaw(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2];
    long d0 = a0 - b0;
    long c = ((~a0 & b0) | ((~a0 | b0) & d0)) >>> 63;
    long d1 = a1 - b1 - c;
    c = ((~a1 & b1) | ((~a1 | b1) & d1)) >>> 63;
    long d2 = a2 - b2 - c;
    c = ((~a2 & b2) | ((~a2 | b2) & d2)) >>> 63;
    r[ro] = d0;
    r[ro + 1] = d1;
    r[ro + 2] = d2;
    r[ro + 3] = a[ao + 3] - b[bo + 3] - c;
  }

  /**
   * r = v mod p for v < 8p: q = ⌊v / 2^251⌋ overestimates ⌊v / p⌋ by at most one, so v − q·p lies in (−p, p), and a
   * negative result gets p back (masked, without a branch). p = (1, 0, 0, P3) makes q·p two limb products.
   */
  private static void reduceSmall(long[] v, int vo, long[] r, int ro) {
    long v0 = v[vo], v1 = v[vo + 1], v2 = v[vo + 2], v3 = v[vo + 3];
    long q = v3 >>> 59;
    long d0 = v0 - q;
    long c = ((~v0 & q) | ((~v0 | q) & d0)) >>> 63;
    long d1 = v1 - c;
    c = (~v1 & d1) >>> 63;
    long d2 = v2 - c;
    c = (~v2 & d2) >>> 63;
    long d3 = v3 - q * P3 - c; // |v − q·p| < p < 2^252: the sign bit tells
    long neg = d3 >> 63;
    long e0 = d0 + (neg & 1);
    c = (d0 & ~e0) >>> 63;
    long e1 = d1 + c;
    c = (d1 & ~e1) >>> 63;
    long e2 = d2 + c;
    c = (d2 & ~e2) >>> 63;
    r[ro] = e0;
    r[ro + 1] = e1;
    r[ro + 2] = e2;
    r[ro + 3] = d3 + (neg & P3) + c;
  }

  private static final ThreadLocal<long[]> MDS_SCRATCH = ThreadLocal.withInitial(() -> new long[SCRATCH_LONGS]);
}
