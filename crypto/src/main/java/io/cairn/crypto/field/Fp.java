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
    c = Math.unsignedMultiplyHigh(a0, a2) + (Long.compareUnsigned(t2, lo) < 0 ? 1 : 0);
    lo = a0 * a3;
    t3 = lo + c;
    t4 = Math.unsignedMultiplyHigh(a0, a3) + (Long.compareUnsigned(t3, lo) < 0 ? 1 : 0);
    lo = a1 * a2;
    s = t3 + lo;
    c = Math.unsignedMultiplyHigh(a1, a2) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t3 = s;
    lo = a1 * a3;
    hi = Math.unsignedMultiplyHigh(a1, a3);
    s = t4 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    t5 = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t4 = u;
    lo = a2 * a3;
    s = t5 + lo;
    t6 = Math.unsignedMultiplyHigh(a2, a3) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
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
    c = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    t1 = s;
    lo = a1 * a1;
    hi = Math.unsignedMultiplyHigh(a1, a1);
    s = t2 + lo;
    k = (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    k += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    s = t3 + hi;
    c = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    u = s + k;
    c += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t3 = u;
    lo = a2 * a2;
    hi = Math.unsignedMultiplyHigh(a2, a2);
    s = t4 + lo;
    k = (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    k += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t4 = u;
    s = t5 + hi;
    c = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    u = s + k;
    c += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t5 = u;
    lo = a3 * a3;
    hi = Math.unsignedMultiplyHigh(a3, a3);
    s = t6 + lo;
    k = (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    k += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t6 = u;
    s = t7 + hi;
    t7 = s + k;
    // Montgomery reduction, four rounds of t += m·p with m = −t_i; a round's carry out of t_(i+4) is
    // folded into the next round's addition at the same limb
    pend = 0;
    m = -t0;
    c = t0 != 0 ? 1 : 0;
    t1 += c;
    c = (c != 0 && t1 == 0) ? 1 : 0;
    t2 += c;
    c = (c != 0 && t2 == 0) ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t3 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t3 = u;
    s = t4 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t4 = u;
    m = -t1;
    c = t1 != 0 ? 1 : 0;
    t2 += c;
    c = (c != 0 && t2 == 0) ? 1 : 0;
    t3 += c;
    c = (c != 0 && t3 == 0) ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t4 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t4 = u;
    s = t5 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t5 = u;
    m = -t2;
    c = t2 != 0 ? 1 : 0;
    t3 += c;
    c = (c != 0 && t3 == 0) ? 1 : 0;
    t4 += c;
    c = (c != 0 && t4 == 0) ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t5 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t5 = u;
    s = t6 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t6 = u;
    m = -t3;
    c = t3 != 0 ? 1 : 0;
    t4 += c;
    c = (c != 0 && t4 == 0) ? 1 : 0;
    t5 += c;
    c = (c != 0 && t5 == 0) ? 1 : 0;
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = t6 + lo;
    hi += (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    u = s + c;
    hi += (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t6 = u;
    s = t7 + hi;
    k = (Long.compareUnsigned(s, hi) < 0 ? 1 : 0);
    u = s + pend;
    pend = k + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
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
    C = t0 != 0 ? 1 : 0;
    lo = a1 * b0;
    hi = Math.unsignedMultiplyHigh(a1, b0);
    u = lo + A;
    A = hi + (Long.compareUnsigned(u, lo) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t0 = s;
    lo = a2 * b0;
    hi = Math.unsignedMultiplyHigh(a2, b0);
    u = lo + A;
    A = hi + (Long.compareUnsigned(u, lo) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t1 = s;
    lo = a3 * b0;
    hi = Math.unsignedMultiplyHigh(a3, b0);
    u = lo + A;
    A = hi + (Long.compareUnsigned(u, lo) < 0 ? 1 : 0);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = C + A;
    // round 1: t = (t + a·b1 + m·p) / 2^64
    lo = a0 * b1;
    s = t0 + lo;
    A = Math.unsignedMultiplyHigh(a0, b1) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t0 = s;
    m = -t0;
    C = t0 != 0 ? 1 : 0;
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    s = t1 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t0 = s;
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    s = t2 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t1 = s;
    lo = a3 * b1;
    hi = Math.unsignedMultiplyHigh(a3, b1);
    s = t3 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = C + A;
    // round 2: t = (t + a·b2 + m·p) / 2^64
    lo = a0 * b2;
    s = t0 + lo;
    A = Math.unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t0 = s;
    m = -t0;
    C = t0 != 0 ? 1 : 0;
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    s = t1 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t0 = s;
    lo = a2 * b2;
    hi = Math.unsignedMultiplyHigh(a2, b2);
    s = t2 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t1 = s;
    lo = a3 * b2;
    hi = Math.unsignedMultiplyHigh(a3, b2);
    s = t3 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = C + A;
    // round 3: t = (t + a·b3 + m·p) / 2^64
    lo = a0 * b3;
    s = t0 + lo;
    A = Math.unsignedMultiplyHigh(a0, b3) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    t0 = s;
    m = -t0;
    C = t0 != 0 ? 1 : 0;
    lo = a1 * b3;
    hi = Math.unsignedMultiplyHigh(a1, b3);
    s = t1 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t0 = s;
    lo = a2 * b3;
    hi = Math.unsignedMultiplyHigh(a2, b3);
    s = t2 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    s = u + C;
    C = Long.compareUnsigned(s, u) < 0 ? 1 : 0;
    t1 = s;
    lo = a3 * b3;
    hi = Math.unsignedMultiplyHigh(a3, b3);
    s = t3 + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + A;
    A = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    lo = m * P3;
    hi = Math.unsignedMultiplyHigh(m, P3);
    s = u + lo;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    u = s + C;
    C = hi + (Long.compareUnsigned(u, s) < 0 ? 1 : 0);
    t2 = u;
    t3 = C + A;
    // t < 2p: one conditional subtraction makes it canonical
    reduceOnce(t0, t1, t2, t3, r, ro);
  }

  /** Writes x − p when x ≥ p, else x. Requires x < 2p. */
  private static void reduceOnce(long t0, long t1, long t2, long t3, long[] r, int ro) {
    if (geP(t0, t1, t2, t3)) {
      // subtract p = (1, 0, 0, P3)
      long borrow = t0 == 0 ? 1 : 0;
      t0 = t0 - 1;
      long n1 = t1 - borrow;
      borrow = (t1 == 0 && borrow == 1) ? 1 : 0;
      t1 = n1;
      long n2 = t2 - borrow;
      borrow = (t2 == 0 && borrow == 1) ? 1 : 0;
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

  /** r = a + b mod p. */
  public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long s0 = a0 + b0;
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long s1 = a1 + b1;
    long k = Long.compareUnsigned(s1, a1) < 0 ? 1 : 0;
    s1 += c;
    k += (s1 == 0 && c == 1) ? 1 : 0;
    c = k;
    long s2 = a2 + b2;
    k = Long.compareUnsigned(s2, a2) < 0 ? 1 : 0;
    s2 += c;
    k += (s2 == 0 && c == 1) ? 1 : 0;
    long s3 = a3 + b3 + k; // both < 2^252: no overflow out of the top limb
    reduceOnce(s0, s1, s2, s3, r, ro);
  }

  /** r = a − b mod p. */
  public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    long d0 = a0 - b0;
    long borrow = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
    long d1 = a1 - b1 - borrow;
    borrow = (Long.compareUnsigned(a1, b1) < 0 || (a1 == b1 && borrow == 1)) ? 1 : 0;
    long d2 = a2 - b2 - borrow;
    borrow = (Long.compareUnsigned(a2, b2) < 0 || (a2 == b2 && borrow == 1)) ? 1 : 0;
    long d3 = a3 - b3 - borrow;
    borrow = (Long.compareUnsigned(a3, b3) < 0 || (a3 == b3 && borrow == 1)) ? 1 : 0;
    if (borrow != 0) {
      // add p = (1, 0, 0, P3); the wrapped value plus p lands in [0, p)
      d0 += 1;
      long c = d0 == 0 ? 1 : 0;
      d1 += c;
      c = (d1 == 0 && c == 1) ? 1 : 0;
      d2 += c;
      c = (d2 == 0 && c == 1) ? 1 : 0;
      d3 += P3 + c;
    }
    r[ro] = d0;
    r[ro + 1] = d1;
    r[ro + 2] = d2;
    r[ro + 3] = d3;
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
    long borrow = Long.compareUnsigned(1, a0) < 0 ? 1 : 0;
    long d1 = -a1 - borrow;
    borrow = (a1 != 0 || borrow == 1) ? 1 : 0;
    long d2 = -a2 - borrow;
    borrow = (a2 != 0 || borrow == 1) ? 1 : 0;
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

  /**
   * r = a⁻¹ = a^(p−2) with a caller's scratch of 8 longs. p − 2 = (2^59 + 2^4)·2^192 + (2^192 − 1): the top part
   * costs 59 squarings and one product, the 192 trailing ones twelve blocks of a^(2^16 − 1): 266 squarings and 17
   * products in all, against 251 and ~190 for square-and-multiply.
   */
  public static void inverse(long[] a, int ao, long[] r, int ro, long[] scratch) {
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
