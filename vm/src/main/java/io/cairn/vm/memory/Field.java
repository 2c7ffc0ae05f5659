package io.cairn.vm.memory;

import io.cairn.crypto.field.Fp;
import java.math.BigInteger;

/**
 * Stark-field helpers on canonical (non-Montgomery) limbs, the form VM memory keeps values in so that small
 * integers, addresses and relocated output read straight off the low limb.
 */
public final class Field {
  private Field() {}

  public static final BigInteger P = Fp.MODULUS;
  public static final BigInteger HALF_P = P.shiftRight(1);
  private static final long P0 = 1L, P3 = 0x0800000000000011L;
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final long[] R2 = Fp.canonicalLimbs(BigInteger.ONE.shiftLeft(512).mod(P));

  /** r = a + b mod p on canonical limbs (operands must be reduced). */
  public static void add(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long s0 = a0 + b[bo];
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long t = a1 + b[bo + 1];
    long c1 = Long.compareUnsigned(t, a1) < 0 ? 1 : 0;
    long s1 = t + c;
    c1 += (Long.compareUnsigned(s1, t) < 0) ? 1 : 0;
    t = a2 + b[bo + 2];
    long c2 = Long.compareUnsigned(t, a2) < 0 ? 1 : 0;
    long s2 = t + c1;
    c2 += (Long.compareUnsigned(s2, t) < 0) ? 1 : 0;
    long s3 = a3 + b[bo + 3] + c2;
    // reduce once if s >= p
    if (Long.compareUnsigned(s3, P3) > 0
        || (s3 == P3 && (s2 != 0 || s1 != 0 || Long.compareUnsigned(s0, P0) >= 0))) {
      long d0 = s0 - P0;
      long br = Long.compareUnsigned(s0, P0) < 0 ? 1 : 0;
      long d1 = s1 - br;
      br = (s1 == 0 && br == 1) ? 1 : 0;
      long d2 = s2 - br;
      br = (s2 == 0 && br == 1) ? 1 : 0;
      s3 = s3 - P3 - br;
      s0 = d0;
      s1 = d1;
      s2 = d2;
    }
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = s3;
  }

  public static void sub(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    Fp.sub(a, ao, b, bo, r, ro);
  }

  /** r = a·b mod p on canonical limbs: mont(a)·b·R⁻¹ = a·b. */
  public static void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    long[] t = new long[4];
    Fp.mul(a, ao, R2, 0, t, 0);
    Fp.mul(t, 0, b, bo, r, ro);
  }

  /** r = a / b mod p on canonical limbs; b must be non-zero. */
  public static void div(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    BigInteger q = toBig(a, ao).multiply(toBig(b, bo).modInverse(P)).mod(P);
    fromBig(q, r, ro);
  }

  public static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  public static BigInteger toBig(long[] a, int ao) {
    byte[] b = new byte[33];
    for (int i = 0; i < 4; i++) {
      long l = a[ao + i];
      for (int j = 0; j < 8; j++) b[32 - (i * 8 + j)] = (byte) (l >>> (8 * j));
    }
    return new BigInteger(b);
  }

  /** Writes v mod p as canonical limbs. */
  public static void fromBig(BigInteger v, long[] r, int ro) {
    if (v.signum() < 0 || v.compareTo(P) >= 0) v = v.mod(P);
    if (v.bitLength() < 64) {
      r[ro] = v.longValue();
      r[ro + 1] = r[ro + 2] = r[ro + 3] = 0;
      return;
    }
    for (int i = 0; i < 4; i++) {
      r[ro + i] = v.longValue();
      v = v.shiftRight(64);
    }
  }

  /** The value as a signed integer in (−p/2, p/2], as long; fails if it does not fit. */
  public static long toSignedLong(BigInteger v, String what) {
    BigInteger s = v.mod(P);
    if (s.compareTo(HALF_P) > 0) s = s.subtract(P);
    if (s.bitLength() > 62) throw new VmError(what + " out of range: " + v);
    return s.longValue();
  }

  /**
   * The signed value of canonical limbs when it lies in [−2^62, 2^63): values just below p are negative.
   * Returns Long.MIN_VALUE when the value is outside that range.
   */
  public static long signedSmall(long l0, long l1, long l2, long l3) {
    if ((l1 | l2 | l3) == 0 && l0 >= 0) return l0;
    if (l3 == P3 && (l1 | l2 | l0) == 0) return -1; // p − 1
    if (l3 == P3 - 1 && l2 == -1L && l1 == -1L) {
      long v = l0 - 1; // p − x has low limb 1 − x with a borrow through the middle limbs
      if (v < 0 && v >= -(1L << 62)) return v;
    }
    return Long.MIN_VALUE;
  }

  public static BigInteger unsignedToBig(long v) {
    return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(TWO_64);
  }
}
