package io.cairn.crypto.field;

import java.math.BigInteger;

/**
 * Arithmetic kernels of the Stark field, p = 2^251 + 17·2^192 + 1, over 4×64-bit little-endian limbs in
 * Montgomery form (R = 2^256).
 *
 * <p>Every kernel reads its operands from {@code long[]} slices and writes its result into a caller's slice, so hot
 * loops (hashes, the VM, NTT, Merkle) run without allocation. Results may alias inputs. Values are kept canonical
 * (fully reduced below p) so limb equality is value equality.
 *
 * <p>p ≡ 1 mod 2^64, so the Montgomery factor −p⁻¹ mod 2^64 is −1 and the reduction multiplier is simply −t₀; p's
 * two middle limbs are zero, which leaves one multiplication per reduction round.
 */
public final class Fp {
  private Fp() {}

  /** Limbs per element. */
  public static final int LIMBS = 4;

  /** The top limb of p; the others are 1, 0, 0. */
  static final long P3 = 0x0800000000000011L;

  public static final BigInteger MODULUS =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

  /** R mod p: the Montgomery form of 1. */
  static final long[] ONE_MONT = canonicalLimbs(BigInteger.ONE.shiftLeft(256).mod(MODULUS));

  /** R² mod p: multiplying by it moves a canonical value into Montgomery form. */
  static final long[] R2 = canonicalLimbs(BigInteger.ONE.shiftLeft(512).mod(MODULUS));

  // ---------------------------------------------------------------------------------------------
  // Multiplication (benchmark before refactoring: everything above this class sits on it)

  /** r = a·b·R⁻¹ mod p. */
  public static void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    mul(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3], r, ro);
  }

  /** r = a² · R⁻¹ mod p. */
  public static void square(long[] a, int ao, long[] r, int ro) {
    square(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], r, ro);
  }

  /**
   * Montgomery square: the six cross products once, doubled by a shift, plus the four diagonal squares (10
   * multiplications against 16), then a separate reduction of the 512-bit product with one m·P3 per round.
   */
  static void square(long a0, long a1, long a2, long a3, long[] r, int ro) {
    long t0, t1, t2, t3, t4, t5, t6, t7;
    long lo, hi, s, u, c, k, m, pend;
    // cross products a_i·a_j, i < j
    t1 = a0 * a1;
    c = Math.unsignedMultiplyHigh(a0, a1);
    lo = a0 * a2;
    t2 = lo + c;
    c = Math.unsignedMultiplyHigh(a0, a2) + (Long.compareUnsigned(t2, lo) < 0 ? 1L : 0L);
    lo = a0 * a3;
    t3 = lo + c;
    t4 = Math.unsignedMultiplyHigh(a0, a3) + (Long.compareUnsigned(t3, lo) < 0 ? 1L : 0L);
    lo = a1 * a2;
    s = t3 + lo;
    c = Math.unsignedMultiplyHigh(a1, a2) + (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    t3 = s;
    lo = a1 * a3;
    hi = Math.unsignedMultiplyHigh(a1, a3);
    s = t4 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    t5 = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t4 = u;
    lo = a2 * a3;
    s = t5 + lo;
    t6 = Math.unsignedMultiplyHigh(a2, a3) + (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    t5 = s;
    // doubled
    t7 = t6 >>> 63;
    t6 = (t6 << 1) | (t5 >>> 63);
    t5 = (t5 << 1) | (t4 >>> 63);
    t4 = (t4 << 1) | (t3 >>> 63);
    t3 = (t3 << 1) | (t2 >>> 63);
    t2 = (t2 << 1) | (t1 >>> 63);
    t1 = t1 << 1;
    // plus the diagonal squares
    t0 = a0 * a0;
    hi = Math.unsignedMultiplyHigh(a0, a0);
    s = t1 + hi;
    c = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    t1 = s;
    lo = a1 * a1;
    hi = Math.unsignedMultiplyHigh(a1, a1);
    s = t2 + lo;
    k = (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    k += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t2 = u;
    s = t3 + hi;
    c = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    u = s + k;
    c += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t3 = u;
    lo = a2 * a2;
    hi = Math.unsignedMultiplyHigh(a2, a2);
    s = t4 + lo;
    k = (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    k += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t4 = u;
    s = t5 + hi;
    c = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    u = s + k;
    c += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t5 = u;
    lo = a3 * a3;
    hi = Math.unsignedMultiplyHigh(a3, a3);
    s = t6 + lo;
    k = (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    k += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t6 = u;
    s = t7 + hi;
    t7 = s + k;
    // Montgomery reduction, four rounds of t += m·p with m = −t_i; a round's carry out of t_(i+4) is
    // folded into the next round's addition at the same limb
    pend = 0;
    m = -t0;
    c = t0 != 0 ? 1L : 0L;
    t1 += c;
    c = (c != 0 && t1 == 0) ? 1L : 0L;
    t2 += c;
    c = (c != 0 && t2 == 0) ? 1L : 0L;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t3 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t3 = u;
    s = t4 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t4 = u;
    m = -t1;
    c = t1 != 0 ? 1L : 0L;
    t2 += c;
    c = (c != 0 && t2 == 0) ? 1L : 0L;
    t3 += c;
    c = (c != 0 && t3 == 0) ? 1L : 0L;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t4 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t4 = u;
    s = t5 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t5 = u;
    m = -t2;
    c = t2 != 0 ? 1L : 0L;
    t3 += c;
    c = (c != 0 && t3 == 0) ? 1L : 0L;
    t4 += c;
    c = (c != 0 && t4 == 0) ? 1L : 0L;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t5 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t5 = u;
    s = t6 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t6 = u;
    m = -t3;
    c = t3 != 0 ? 1L : 0L;
    t4 += c;
    c = (c != 0 && t4 == 0) ? 1L : 0L;
    t5 += c;
    c = (c != 0 && t5 == 0) ? 1L : 0L;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t6 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t6 = u;
    s = t7 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1L : 0L);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t7 = u;
    // the result t4..t7 is below 2p (pend is zero)
    reduceOnce(t4, t5, t6, t7, r, ro);
  }

  /**
   * Montgomery product of two canonical elements given limb by limb, written canonical into r[ro..ro+3].
   *
   * <p>Coarsely integrated operand scanning in the "no-carry" form (p's top limb is below 2^62, so the running
   * value never needs a fifth limb), fully unrolled. p = (1, 0, 0, P3): the reduction multiplier of each round is
   * m = −t₀, m·p's low limb cancels t₀ with a carry exactly when t₀ ≠ 0, and only m·P3 needs a multiplication.
   */
  public static void mul(
      long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3, long[] r, int ro) {
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    long lo, hi, s, u, m, A, C;
    // round 0: t = (t + a·b0 + m·p) / 2^64
    t0 = a0 * b0;
    A = Math.unsignedMultiplyHigh(a0, b0);
    m = -t0;
    C = t0 != 0 ? 1L : 0L;
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    u = lo + A;
    A = hi + (Long.compareUnsigned(u, lo) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t0 = s;
    lo = a2 * b0;
    hi = Math.unsignedMultiplyHigh(a2, b0);
    u = lo + A;
    A = hi + (Long.compareUnsigned(u, lo) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t1 = s;
    lo = a3 * b0;
    hi = Math.unsignedMultiplyHigh(a3, b0);
    u = lo + A;
    A = hi + (Long.compareUnsigned(u, lo) < 0 ? 1L : 0L);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t2 = u;
    t3 = C + A;
    // round 1: t = (t + a·b1 + m·p) / 2^64
    lo = a0 * b1;
    s = t0 + lo;
    A = Math.unsignedMultiplyHigh(a0, b1) + (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    t0 = s;
    m = -t0;
    C = t0 != 0 ? 1L : 0L;
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    s = t1 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t0 = s;
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    s = t2 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t1 = s;
    lo = a3 * b1;
    hi = Math.unsignedMultiplyHigh(a3, b1);
    s = t3 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t2 = u;
    t3 = C + A;
    // round 2: t = (t + a·b2 + m·p) / 2^64
    lo = a0 * b2;
    s = t0 + lo;
    A = Math.unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    t0 = s;
    m = -t0;
    C = t0 != 0 ? 1L : 0L;
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    s = t1 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t0 = s;
    lo = a2 * b2;
    hi = Math.unsignedMultiplyHigh(a2, b2);
    s = t2 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t1 = s;
    lo = a3 * b2;
    hi = Math.unsignedMultiplyHigh(a3, b2);
    s = t3 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t2 = u;
    t3 = C + A;
    // round 3: t = (t + a·b3 + m·p) / 2^64
    lo = a0 * b3;
    s = t0 + lo;
    A = Math.unsignedMultiplyHigh(a0, b3) + (Long.compareUnsigned(s, lo) < 0 ? 1L : 0L);
    t0 = s;
    m = -t0;
    C = t0 != 0 ? 1L : 0L;
    lo = a1 * b3;
    hi = Math.unsignedMultiplyHigh(a1, b3);
    s = t1 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t0 = s;
    lo = a2 * b3;
    hi = Math.unsignedMultiplyHigh(a2, b3);
    s = t2 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1L : 0L;
    t1 = s;
    lo = a3 * b3;
    hi = Math.unsignedMultiplyHigh(a3, b3);
    s = t3 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1L : 0L;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1L : 0L);
    t2 = u;
    t3 = C + A;
    // t < 2p: one conditional subtraction makes it canonical
    reduceOnce(t0, t1, t2, t3, r, ro);
  }

  /**
   * Writes x − p when x ≥ p, else x. Requires x < 2p. A branch here, unlike in {@link #add}: after a Montgomery
   * product x ≥ p is rare, so the jump is predicted and cheaper than a masked select (measured).
   */
  private static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro) {
    if (geP(t0, t1, t2, t3)) {
      // subtract p = (1, 0, 0, P3)
      long borrow = t0 == 0 ? 1L : 0L;
      t0 = t0 - 1;
      long n1 = t1 - borrow;
      borrow = (t1 == 0 && borrow == 1) ? 1L : 0L;
      t1 = n1;
      long n2 = t2 - borrow;
      borrow = (t2 == 0 && borrow == 1) ? 1L : 0L;
      t2 = n2;
      t3 = t3 - P3 - borrow;
    }
    r[ro] = t0;
    r[ro + 1] = t1;
    r[ro + 2] = t2;
    r[ro + 3] = t3;
  }

  private static boolean geP(long t0, long t1, long t2, long t3) {
    int cmp = Long.compareUnsigned(t3, P3);
    if (cmp != 0) return cmp > 0;
    if (t2 != 0 || t1 != 0) return true;
    return t0 != 0; // t0 ≥ 1
  }

  // ---------------------------------------------------------------------------------------------
  // Addition and subtraction (form-agnostic: they work the same on Montgomery and canonical limbs)

  /** r = a + b mod p. Branch-free: the carries and the final choice are computed with masks, not jumps. */
  public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    // s = a + b; carry out of x + y + c is ((x & y) | ((x | y) & ~s)) >>> 63
    long s0 = a0 + b0;
    long c = ((a0 & b0) | ((a0 | b0) & ~s0)) >>> 63;
    long s1 = a1 + b1 + c;
    c = ((a1 & b1) | ((a1 | b1) & ~s1)) >>> 63;
    long s2 = a2 + b2 + c;
    c = ((a2 & b2) | ((a2 | b2) & ~s2)) >>> 63;
    long s3 = a3 + b3 + c; // both < 2^252: no carry out of the top limb
    // d = s − p with p = (1, 0, 0, P3); borrow out of x − y − w is ((~x & y) | (~(x ^ y) & d)) >>> 63
    long d0 = s0 - 1;
    long w = (~s0 & d0) >>> 63; // y = 1 for this limb: borrow exactly when s0 = 0
    long d1 = s1 - w;
    w = (~s1 & d1) >>> 63;
    long d2 = s2 - w;
    w = (~s2 & d2) >>> 63;
    long d3 = s3 - P3 - w; // s3 < 2^62: the sign of d3 is the final borrow
    long keep = d3 >> 63; // all ones when s < p
    r[ro] = (s0 & keep) | (d0 & ~keep);
    r[ro + 1] = (s1 & keep) | (d1 & ~keep);
    r[ro + 2] = (s2 & keep) | (d2 & ~keep);
    r[ro + 3] = (s3 & keep) | (d3 & ~keep);
  }

  /** r = a − b mod p. Branch-free. */
  public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long d0 = a0 - b0;
    long w = ((~a0 & b0) | (~(a0 ^ b0) & d0)) >>> 63;
    long d1 = a1 - b1 - w;
    w = ((~a1 & b1) | (~(a1 ^ b1) & d1)) >>> 63;
    long d2 = a2 - b2 - w;
    w = ((~a2 & b2) | (~(a2 ^ b2) & d2)) >>> 63;
    long d3 = a3 - b3 - w; // both top limbs < 2^60: the sign of d3 is the final borrow
    // on a borrow add p = (1, 0, 0, P3); the wrapped value plus p lands in [0, p)
    long fix = d3 >>> 63;
    long e0 = d0 + fix;
    long c = ((d0 & fix) | ((d0 | fix) & ~e0)) >>> 63;
    long e1 = d1 + c;
    c = (d1 & ~e1) >>> 63;
    long e2 = d2 + c;
    c = (d2 & ~e2) >>> 63;
    r[ro] = e0;
    r[ro + 1] = e1;
    r[ro + 2] = e2;
    r[ro + 3] = d3 + (P3 & -fix) + c;
  }

  /** r = −a mod p. */
  public static void neg(long[] a, int ao, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    if ((a0 | a1 | a2 | a3) == 0) {
      r[ro] = r[ro + 1] = r[ro + 2] = r[ro + 3] = 0;
      return;
    }
    // p − a, with p = (1, 0, 0, P3)
    long d0 = 1 - a0;
    long borrow = Long.compareUnsigned(1, a0) < 0 ? 1L : 0L;
    long d1 = -a1 - borrow;
    borrow = (a1 != 0 || borrow == 1) ? 1L : 0L;
    long d2 = -a2 - borrow;
    borrow = (a2 != 0 || borrow == 1) ? 1L : 0L;
    long d3 = P3 - a3 - borrow;
    r[ro] = d0;
    r[ro + 1] = d1;
    r[ro + 2] = d2;
    r[ro + 3] = d3;
  }

  /** r = 2a mod p. */
  public static void dbl(long[] a, int ao, long[] r, int ro) {
    add(a, ao, a, ao, r, ro);
  }

  // ---------------------------------------------------------------------------------------------
  // Exponentiation, inversion, square roots

  /** r = a^e for a Montgomery-form a and a little-endian limb exponent e. */
  public static void pow(long[] a, int ao, long[] e, long[] r, int ro) {
    long[] acc = {ONE_MONT[0], ONE_MONT[1], ONE_MONT[2], ONE_MONT[3]};
    long[] base = {a[ao], a[ao + 1], a[ao + 2], a[ao + 3]};
    int top = 64 * e.length - 1;
    while (top >= 0 && ((e[top >>> 6] >>> (top & 63)) & 1) == 0) top--;
    for (int bit = top; bit >= 0; bit--) {
      square(acc, 0, acc, 0);
      if (((e[bit >>> 6] >>> (bit & 63)) & 1) != 0) mul(acc, 0, base, 0, acc, 0);
    }
    System.arraycopy(acc, 0, r, ro, 4);
  }


  private static final ThreadLocal<long[]> INVERSE_SCRATCH = ThreadLocal.withInitial(() -> new long[8]);

  /** r = a⁻¹ (Montgomery form in and out). Throws on zero. */
  public static void inverse(long[] a, int ao, long[] r, int ro) {
    inverse(a, ao, r, ro, INVERSE_SCRATCH.get());
  }

  // ---- binary GCD inversion (Pornin, "Optimized Binary GCD for Modular Inversion", 2020) ----
  // 17 outer rounds of 30 inner steps on 62-bit approximations of a and b (low 30 bits, top 32 bits); the inner
  // steps collect their effect in small factors f0, g0, f1, g1 that are then applied to the full values. 510 ≥ 2·252 − 1
  // steps always reach gcd = 1. u and v track a and b as multiples of the input; each round replaces them by
  // (u·f + v·g)·2^−64 mod p (one exact linear combination and a single Montgomery reduction round, four products in
  // all instead of four full Montgomery products), so the final v is off by 2^(−64·17) besides the 2^510 of the steps;
  // one final product undoes both and the input's Montgomery factor: a⁻¹R = mont(v, R³·2^(64·17 − 510)).
  private static final int GCD_ROUNDS = 17, GCD_STEPS = 30;
  private static final long[] GCD_FIX = canonicalLimbs(BigInteger.TWO.modPow(
      BigInteger.valueOf(3 * 256 + 64L * GCD_ROUNDS - (long) GCD_ROUNDS * GCD_STEPS), MODULUS));

  /** r = a⁻¹ with a caller's scratch of 8 longs (binary GCD; see above). */
  public static void inverse(long[] a, int ao, long[] r, int ro, long[] scratch) {
    if (isZero(a, ao)) throw new ArithmeticException("inverse of zero in the Stark field");
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = 1, b1 = 0, b2 = 0, b3 = P3; // b = p
    // u = 1, v = 0 (plain integers at the start; the scale 2^(−64j) is tracked implicitly)
    long[] uv = scratch; // u at 0, v at 4
    uv[0] = 1;
    uv[1] = uv[2] = uv[3] = 0;
    uv[4] = uv[5] = uv[6] = uv[7] = 0;
    long[] fac = GCD_FACTORS.get(); // new a, b at 0..7, their signs at 8, 9, new u, v at 10..17, products at 20..29
    for (int round = 0; round < GCD_ROUNDS; round++) {
      // approximations: low 30 bits and the top 32 bits of the longer of a and b
      int n = Math.max(Math.max(bitLength(a0, a1, a2, a3), bitLength(b0, b1, b2, b3)), 62);
      long aa = (a0 & 0x3FFFFFFFL) | (bits32(a0, a1, a2, a3, n - 32) << 30);
      long bb = (b0 & 0x3FFFFFFFL) | (bits32(b0, b1, b2, b3, n - 32) << 30);
      // the factor pairs travel packed as f + 2^32·g (|f|, |g| ≤ 2^30, so the packed sums are exact): one swap, one
      // subtraction and one shift per step serve both
      long fg0 = 1, fg1 = 1L << 32;
      for (int step = 0; step < GCD_STEPS; step++) {
        long odd = -(aa & 1);
        long swap = odd & ((aa - bb) >> 63);
        long t = (aa ^ bb) & swap;
        aa ^= t;
        bb ^= t;
        t = (fg0 ^ fg1) & swap;
        fg0 ^= t;
        fg1 ^= t;
        aa -= bb & odd;
        fg0 -= fg1 & odd;
        aa >>= 1;
        fg1 <<= 1;
      }
      long f0 = (int) fg0, g0 = (fg0 - f0) >> 32, f1 = (int) fg1, g1 = (fg1 - f1) >> 32;
      // (a, b) ← ((a·f0 + b·g0) / 2^30, (a·f1 + b·g1) / 2^30), made non-negative (negating the factors to match)
      linear(a0, a1, a2, a3, f0, b0, b1, b2, b3, g0, fac, 0);
      linear(a0, a1, a2, a3, f1, b0, b1, b2, b3, g1, fac, 4);
      if (fac[8] < 0) {
        f0 = -f0;
        g0 = -g0;
      }
      if (fac[9] < 0) {
        f1 = -f1;
        g1 = -g1;
      }
      a0 = fac[0];
      a1 = fac[1];
      a2 = fac[2];
      a3 = fac[3];
      b0 = fac[4];
      b1 = fac[5];
      b2 = fac[6];
      b3 = fac[7];
      // (u, v) ← (u·f0 + v·g0, u·f1 + v·g1) · 2^−64
      combine(uv, f0, g0, fac, 10);
      combine(uv, f1, g1, fac, 14);
      System.arraycopy(fac, 10, uv, 0, 8);
    }
    // b is now gcd = 1 and v·input = 2^510 (scaled): fix the scale
    mul(uv, 4, GCD_FIX, 0, r, ro);
  }

  private static final ThreadLocal<long[]> GCD_FACTORS = ThreadLocal.withInitial(() -> new long[30]);

  private static int bitLength(long x0, long x1, long x2, long x3) {
    if (x3 != 0) return 256 - Long.numberOfLeadingZeros(x3);
    if (x2 != 0) return 192 - Long.numberOfLeadingZeros(x2);
    if (x1 != 0) return 128 - Long.numberOfLeadingZeros(x1);
    return 64 - Long.numberOfLeadingZeros(x0);
  }

  /** Bits [pos, pos + 32) of x (pos ≥ 0). */
  private static long bits32(long x0, long x1, long x2, long x3, int pos) {
    int limb = pos >>> 6, sh = pos & 63;
    long lo = limb == 0 ? x0 : limb == 1 ? x1 : limb == 2 ? x2 : x3;
    long hi = limb == 0 ? x1 : limb == 1 ? x2 : limb == 2 ? x3 : 0;
    long v = sh == 0 ? lo : (lo >>> sh) | (hi << (64 - sh));
    return v & 0xFFFFFFFFL;
  }

  /**
   * out[o..o+3] = |x·f + y·g| / 2^30 for non-negative 256-bit x, y and signed factors |f|, |g| ≤ 2^30 (the division is
   * exact); out[8 + o/4] = −1 when the value was negative, else 0. Products at out[20..29].
   */
  private static void linear(long x0, long x1, long x2, long x3, long f, long y0, long y1, long y2, long y3, long g,
      long[] out, int o) {
    long[] w = out;
    signedProduct(x0, x1, x2, x3, f, w, 20);
    signedProduct(y0, y1, y2, y3, g, w, 25);
    // five-limb two's complement sum
    long r0 = w[20] + w[25];
    long c = ((w[20] & w[25]) | ((w[20] | w[25]) & ~r0)) >>> 63;
    long r1 = w[21] + w[26] + c;
    c = ((w[21] & w[26]) | ((w[21] | w[26]) & ~r1)) >>> 63;
    long r2 = w[22] + w[27] + c;
    c = ((w[22] & w[27]) | ((w[22] | w[27]) & ~r2)) >>> 63;
    long r3 = w[23] + w[28] + c;
    c = ((w[23] & w[28]) | ((w[23] | w[28]) & ~r3)) >>> 63;
    long r4 = w[24] + w[29] + c;
    // exact arithmetic shift right by 30
    r0 = (r0 >>> 30) | (r1 << 34);
    r1 = (r1 >>> 30) | (r2 << 34);
    r2 = (r2 >>> 30) | (r3 << 34);
    r3 = (r3 >>> 30) | (r4 << 34);
    long neg = r4 >> 63;
    negateIf(r0, r1, r2, r3, 0, neg, out, o, 4);
    out[8 + (o >>> 2)] = neg;
  }

  /** 2^33·p as five limbs: added to the signed sum it makes it non-negative without changing it mod p. */
  private static final long OFF0 = 1L << 33, OFF3 = P3 << 33, OFF4 = P3 >>> 31;

  /**
   * out[o..o+3] = (u·f + v·g)·2^−64 mod p, canonical, for canonical u = uv[0..3], v = uv[4..7] and |f|, |g| ≤ 2^30.
   * The exact signed sum plus 2^33·p is non-negative; one Montgomery round (m = −s0 clears the low limb since
   * p ≡ 1 mod 2^64; m·p adds only m·P3 at limbs 3–4) divides it by 2^64, leaving less than 2p; one masked subtraction.
   * Adding the offset instead of taking the absolute value and negating back saves the sign's mispredicted branch
   * (3.35 → 3.10 µs an inversion). Uses out[20..29] as scratch.
   */
  private static void combine(long[] uv, long f, long g, long[] out, int o) {
    long[] w = out;
    signedProduct(uv[0], uv[1], uv[2], uv[3], f, w, 20);
    signedProduct(uv[4], uv[5], uv[6], uv[7], g, w, 25);
    // S = u·f + v·g + 2^33·p: |u·f + v·g| < 2^283 < 2^33·p, so S is non-negative, below 2^286
    long x0 = w[20], y0 = w[25];
    long s0 = x0 + y0;
    long c = ((x0 & y0) | ((x0 | y0) & ~s0)) >>> 63;
    long x1 = w[21], y1 = w[26];
    long s1 = x1 + y1 + c;
    c = ((x1 & y1) | ((x1 | y1) & ~s1)) >>> 63;
    long x2 = w[22], y2 = w[27];
    long s2 = x2 + y2 + c;
    c = ((x2 & y2) | ((x2 | y2) & ~s2)) >>> 63;
    long x3 = w[23], y3 = w[28];
    long s3 = x3 + y3 + c;
    c = ((x3 & y3) | ((x3 | y3) & ~s3)) >>> 63;
    long s4 = w[24] + w[29] + c;
    long t = s0 + OFF0;
    c = ((s0 & OFF0) | ((s0 | OFF0) & ~t)) >>> 63;
    s0 = t;
    t = s1 + c;
    c = (s1 & ~t) >>> 63;
    s1 = t;
    t = s2 + c;
    c = (s2 & ~t) >>> 63;
    s2 = t;
    t = s3 + OFF3 + c;
    c = ((s3 & OFF3) | ((s3 | OFF3) & ~t)) >>> 63;
    s3 = t;
    s4 = s4 + OFF4 + c;
    // (S + m·p) / 2^64 with m = −s0: limb 0 cancels with a carry exactly when s0 ≠ 0; below 2^222 + p < 2p
    long m = -s0;
    c = s0 != 0 ? 1L : 0L;
    long t0 = s1 + c;
    c = (s1 & ~t0) >>> 63;
    long t1 = s2 + c;
    c = (s2 & ~t1) >>> 63;
    long lo = m * P3, hi = Math.unsignedMultiplyHigh(m, P3);
    long y = s3 + lo;
    long c2 = ((s3 & lo) | ((s3 | lo) & ~y)) >>> 63;
    long t2 = y + c;
    c2 += (y & ~t2) >>> 63;
    long t3 = s4 + hi + c2;
    // subtract p once if needed
    long d0 = t0 - 1;
    long bw = (~t0 & d0) >>> 63;
    long d1 = t1 - bw;
    bw = (~t1 & d1) >>> 63;
    long d2 = t2 - bw;
    bw = (~t2 & d2) >>> 63;
    long d3 = t3 - P3 - bw;
    long keep = d3 >> 63; // all ones when t < p
    out[o] = (t0 & keep) | (d0 & ~keep);
    out[o + 1] = (t1 & keep) | (d1 & ~keep);
    out[o + 2] = (t2 & keep) | (d2 & ~keep);
    out[o + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** w[wo..wo+4] = x·f as five-limb two's complement, for |f| ≤ 2^62. */
  private static void signedProduct(long x0, long x1, long x2, long x3, long f, long[] w, int wo) {
    long mask = f >> 63;
    long m = (f ^ mask) - mask; // |f|
    long lo, c;
    long p0 = x0 * m;
    c = Math.unsignedMultiplyHigh(x0, m);
    lo = x1 * m;
    long p1 = lo + c;
    c = Math.unsignedMultiplyHigh(x1, m) + (Long.compareUnsigned(p1, lo) < 0 ? 1L : 0L);
    lo = x2 * m;
    long p2 = lo + c;
    c = Math.unsignedMultiplyHigh(x2, m) + (Long.compareUnsigned(p2, lo) < 0 ? 1L : 0L);
    lo = x3 * m;
    long p3 = lo + c;
    long p4 = Math.unsignedMultiplyHigh(x3, m) + (Long.compareUnsigned(p3, lo) < 0 ? 1L : 0L);
    negateIf(p0, p1, p2, p3, p4, mask, w, wo, 5);
  }

  /** Writes (x ^ mask) − mask over `limbs` limbs (4 or 5): x, or its two's complement negation when mask is −1. */
  private static void negateIf(long x0, long x1, long x2, long x3, long x4, long mask, long[] r, int ro, int limbs) {
    long k = -mask;
    x0 ^= mask;
    x1 ^= mask;
    x2 ^= mask;
    x3 ^= mask;
    x4 ^= mask;
    long t0 = x0 + k;
    k = ((x0 & k) | ((x0 | k) & ~t0)) >>> 63;
    long t1 = x1 + k;
    k = (x1 & ~t1) >>> 63;
    long t2 = x2 + k;
    k = (x2 & ~t2) >>> 63;
    long t3 = x3 + k;
    k = (x3 & ~t3) >>> 63;
    r[ro] = t0;
    r[ro + 1] = t1;
    r[ro + 2] = t2;
    r[ro + 3] = t3;
    if (limbs == 5) r[ro + 4] = x4 + k;
  }

  /**
   * r = a⁻¹ = a^(p−2) by an addition chain, kept as an independent second implementation (tests compare the two).
   * p − 2 = (2^59 + 2^4)·2^192 + (2^192 − 1): 266 squarings and 17 products.
   */
  static void inverseByExponent(long[] a, int ao, long[] r, int ro, long[] scratch) {
    if (isZero(a, ao)) throw new ArithmeticException("inverse of zero in the Stark field");
    long[] x16 = scratch; // a^(2^16 − 1), built as a^(2^k − 1) for k = 1, 2, 4, 8, 16
    long[] acc = scratch;
    System.arraycopy(a, ao, x16, 0, 4);
    for (int k = 1; k < 16; k <<= 1) {
      System.arraycopy(x16, 0, x16, 4, 4);
      for (int i = 0; i < k; i++) square(x16, 4, x16, 4);
      mul(x16, 4, x16, 0, x16, 0);
    }
    // acc = a^(2^59 + 2^4)
    System.arraycopy(a, ao, acc, 4, 4);
    for (int i = 0; i < 55; i++) square(acc, 4, acc, 4);
    mul(acc, 4, a, ao, acc, 4);
    for (int i = 0; i < 4; i++) square(acc, 4, acc, 4);
    // then twelve blocks of sixteen ones
    for (int block = 0; block < 12; block++) {
      for (int i = 0; i < 16; i++) square(acc, 4, acc, 4);
      mul(acc, 4, x16, 0, acc, 4);
    }
    System.arraycopy(acc, 4, r, ro, 4);
  }

  /**
   * Inverts {@code count} elements of {@code a} in place with one field inversion (Montgomery's trick).
   * {@code scratch} must hold at least 4·count longs. Zeros are an error.
   */
  public static void batchInverse(long[] a, int ao, int count, long[] scratch) {
    if (count == 0) return;
    // scratch[i] = a0·…·ai
    System.arraycopy(a, ao, scratch, 0, 4);
    for (int i = 1; i < count; i++) mul(scratch, 4 * (i - 1), a, ao + 4 * i, scratch, 4 * i);
    long[] inv = new long[4];
    inverse(scratch, 4 * (count - 1), inv, 0);
    long[] tmp = new long[4];
    for (int i = count - 1; i > 0; i--) {
      // a_i⁻¹ = inv · prefix(i−1); then inv ← inv · a_i
      mul(inv, 0, scratch, 4 * (i - 1), tmp, 0);
      mul(inv, 0, a, ao + 4 * i, inv, 0);
      System.arraycopy(tmp, 0, a, ao + 4 * i, 4);
    }
    System.arraycopy(inv, 0, a, ao, 4);
  }

  // ---------------------------------------------------------------------------------------------
  // Form conversions

  /** Montgomery form of canonical limbs. */
  public static void toMontgomery(long[] a, int ao, long[] r, int ro) {
    mul(a, ao, R2, 0, r, ro);
  }

  /** Canonical limbs of a Montgomery-form value (multiply by 1). */
  public static void fromMontgomery(long[] a, int ao, long[] r, int ro) {
    mul(a[ao], a[ao + 1], a[ao + 2], a[ao + 3], 1, 0, 0, 0, r, ro);
  }

  public static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  public static boolean equal(long[] a, int ao, long[] b, int bo) {
    return a[ao] == b[bo] && a[ao + 1] == b[bo + 1] && a[ao + 2] == b[bo + 2] && a[ao + 3] == b[bo + 3];
  }

  /** Little-endian limbs of a non-negative integer below 2^256. */
  public static long[] canonicalLimbs(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) throw new IllegalArgumentException("not a 256-bit value: " + v);
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) r[i] = v.shiftRight(64 * i).longValue();
    return r;
  }

  /** True when the canonical limbs are below p. */
  public static boolean isCanonical(long l0, long l1, long l2, long l3) {
    return !geP(l0, l1, l2, l3);
  }
}
