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
    hash(x, xo, y, yo, r, ro, state, MDS_SCRATCH.get());
  }

  /** As above, with the permutation's scratch ({@link #SCRATCH_LONGS} longs) given too: no thread-local lookup. */
  public static void hash(long[] x, int xo, long[] y, int yo, long[] r, int ro, long[] state, long[] scratch) {
    System.arraycopy(x, xo, state, 0, 4);
    System.arraycopy(y, yo, state, 4, 4);
    System.arraycopy(TWO_MONT, 0, state, 8, 4);
    permute(state, 0, scratch);
    System.arraycopy(state, 0, r, ro, 4);
  }

  private static final long[] ONE_MONT = new long[4], TWO_MONT = new long[4];

  static {
    Felt.ONE.writeTo(ONE_MONT, 0);
    Felt.TWO.writeTo(TWO_MONT, 0);
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
    // the key of round 0 goes in first; from then on each round's linear layer also adds the next round's key
    Fp.add(s, o, NEXT_KEYS, 0, s, o);
    Fp.add(s, o + 4, NEXT_KEYS, 4, s, o + 4);
    Fp.add(s, o + 8, NEXT_KEYS, 8, s, o + 8);
    int half = FULL_ROUNDS / 2;
    int r = 0;
    for (; r < half; r++) {
      cube(s, o);
      cube(s, o + 4);
      cube(s, o + 8);
      mdsAddKey(s, o, NEXT_KEYS, 12 * (r + 1));
    }
    for (int end = half + PARTIAL_ROUNDS; r < end; r++) {
      cube(s, o + 8);
      mdsAddKey(s, o, NEXT_KEYS, 12 * (r + 1));
    }
    for (; r < ROUNDS; r++) {
      cube(s, o);
      cube(s, o + 4);
      cube(s, o + 8);
      mdsAddKey(s, o, NEXT_KEYS, 12 * (r + 1));
    }
  }

  /**
   * The key added before round r's S-box at [12r, 12r + 12) (three lanes; lanes 0 and 1 are zero in the folded
   * partial rounds), and zeros after the last round.
   */
  private static final long[] NEXT_KEYS = new long[12 * (ROUNDS + 1)];

  static {
    int half = FULL_ROUNDS / 2;
    for (int r = 0; r < half; r++) System.arraycopy(FULL_KEYS, 12 * r, NEXT_KEYS, 12 * r, 12);
    for (int i = 0; i < PARTIAL_ROUNDS; i++) System.arraycopy(PARTIAL_KEYS, 4 * i, NEXT_KEYS, 12 * (half + i) + 8, 4);
    for (int r = half; r < FULL_ROUNDS; r++) {
      System.arraycopy(FULL_KEYS, 12 * r, NEXT_KEYS, 12 * (r + PARTIAL_ROUNDS), 12);
    }
  }

  /** x ← x³: a dedicated squaring, then one product. */
  private static void cube(long[] s, int o) {
    long a0 = s[o], a1 = s[o + 1], a2 = s[o + 2], a3 = s[o + 3];
    Fp.square(s, o, s, o);
    Fp.mul(s[o], s[o + 1], s[o + 2], s[o + 3], a0, a1, a2, a3, s, o);
  }

  /** Carry out of {@code x + y} given the wrapped sum {@code s = x + y}. */
  private static long carry(long s, long x) {
    return Long.compareUnsigned(s, x) < 0 ? 1L : 0L;
  }

  /**
   * s ← M·s + k with M = [[3,1,1],[1,−1,1],[1,1,−2]], all in registers: t = s0+s1+s2; (t + 2s0 + k0,
   * t + 2(p − s1) + k1, t + 3(p − s2) + k2), each below 7p < 2^255 unreduced, then one reduction per lane. Folding
   * the next round's key in here saves its modular addition. Inputs canonical; outputs canonical.
   */
  private static void mdsAddKey(long[] s, int o, long[] k, int ko) {
    long a0 = s[o], a1 = s[o + 1], a2 = s[o + 2], a3 = s[o + 3];
    long b0 = s[o + 4], b1 = s[o + 5], b2 = s[o + 6], b3 = s[o + 7];
    long c0 = s[o + 8], c1 = s[o + 9], c2 = s[o + 10], c3 = s[o + 11];
    long x, y, cy, t0, t1, t2, t3;
    // t = a + b + c: per limb the carries of both sums add up (at most 2)
    x = a0 + b0;
    cy = carry(x, a0);
    t0 = x + c0;
    cy += carry(t0, x);
    x = a1 + b1;
    long cn = carry(x, a1);
    y = x + c1;
    cn += carry(y, x);
    t1 = y + cy;
    cn += carry(t1, y);
    x = a2 + b2;
    cy = carry(x, a2);
    y = x + c2;
    cy += carry(y, x);
    t2 = y + cn;
    cy += carry(t2, y);
    t3 = a3 + b3 + c3 + cy;
    // lane 0: t + 2a + k0
    long d0 = a0 << 1, d1 = (a1 << 1) | (a0 >>> 63), d2 = (a2 << 1) | (a1 >>> 63), d3 = (a3 << 1) | (a2 >>> 63);
    lane(t0, t1, t2, t3, d0, d1, d2, d3, k, ko, s, o);
    // lane 1: t + 2(p − b) + k1, p = (1, 0, 0, P3)
    long e0 = 1 - b0;
    long w = Long.compareUnsigned(b0, 1) > 0 ? 1L : 0L;
    long e1 = -b1 - w;
    w = (b1 | w) != 0 ? 1L : 0L;
    long e2 = -b2 - w;
    w = (b2 | w) != 0 ? 1L : 0L;
    long e3 = P3 - b3 - w;
    lane(t0, t1, t2, t3, e0 << 1, (e1 << 1) | (e0 >>> 63), (e2 << 1) | (e1 >>> 63), (e3 << 1) | (e2 >>> 63),
        k, ko + 4, s, o + 4);
    // lane 2: t + 3(p − c) + k2
    e0 = 1 - c0;
    w = Long.compareUnsigned(c0, 1) > 0 ? 1L : 0L;
    e1 = -c1 - w;
    w = (c1 | w) != 0 ? 1L : 0L;
    e2 = -c2 - w;
    w = (c2 | w) != 0 ? 1L : 0L;
    e3 = P3 - c3 - w;
    // 3e = e + 2e
    d0 = e0 << 1;
    d1 = (e1 << 1) | (e0 >>> 63);
    d2 = (e2 << 1) | (e1 >>> 63);
    d3 = (e3 << 1) | (e2 >>> 63);
    x = e0 + d0;
    cy = carry(x, e0);
    e0 = x;
    x = e1 + d1;
    cn = carry(x, e1);
    y = x + cy;
    cn += carry(y, x);
    e1 = y;
    x = e2 + d2;
    cy = carry(x, e2);
    y = x + cn;
    cy += carry(y, x);
    e2 = y;
    e3 = e3 + d3 + cy;
    lane(t0, t1, t2, t3, e0, e1, e2, e3, k, ko + 8, s, o + 8);
  }

  /** r = (t + d + k) mod p for t + d + k < 8p. Package-private for the tests of its rare correction step. */
  static void lane(
      long t0, long t1, long t2, long t3, long d0, long d1, long d2, long d3, long[] k, int ko, long[] r, int ro) {
    long k0 = k[ko], k1 = k[ko + 1], k2 = k[ko + 2], k3 = k[ko + 3];
    long x, v0, v1, v2, v3, cy, cn, y;
    x = t0 + d0;
    cy = carry(x, t0);
    v0 = x + k0;
    cy += carry(v0, x);
    x = t1 + d1;
    cn = carry(x, t1);
    y = x + k1;
    cn += carry(y, x);
    v1 = y + cy;
    cn += carry(v1, y);
    x = t2 + d2;
    cy = carry(x, t2);
    y = x + k2;
    cy += carry(y, x);
    v2 = y + cn;
    cy += carry(v2, y);
    v3 = t3 + d3 + k3 + cy;
    // q = ⌊v / 2^251⌋ overestimates ⌊v / p⌋ by at most one: v − q·p in (−p, p), and p comes back when negative
    long q = v3 >>> 59;
    long e0 = v0 - q;
    long c = Long.compareUnsigned(v0, q) < 0 ? 1L : 0L;
    long e1 = v1 - c;
    c = (v1 == 0 ? c : 0);
    long e2 = v2 - c;
    c = (v2 == 0 ? c : 0);
    long e3 = v3 - q * P3 - c;
    long neg = e3 >> 63;
    long f0 = e0 + (neg & 1);
    c = (e0 & ~f0) >>> 63;
    long f1 = e1 + c;
    c = (e1 & ~f1) >>> 63;
    long f2 = e2 + c;
    c = (e2 & ~f2) >>> 63;
    r[ro] = f0;
    r[ro + 1] = f1;
    r[ro + 2] = f2;
    r[ro + 3] = e3 + (neg & P3) + c;
  }

  private static final long P3 = Fp.canonicalLimbs(Fp.MODULUS)[3];

  private static final ThreadLocal<long[]> MDS_SCRATCH = ThreadLocal.withInitial(() -> new long[SCRATCH_LONGS]);
}
