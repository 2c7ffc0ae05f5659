package io.cairn.crypto.ec;

import java.math.BigInteger;

/** Conversions between integers and the little-endian 4×64-bit limbs the point kernels read scalars from. */
final class Scalars {
  private Scalars() {}

  static long[] limbs(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) throw new IllegalArgumentException("scalar out of [0, 2^256): " + v);
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) r[i] = v.shiftRight(64 * i).longValue();
    return r;
  }

  /** Index of the highest set bit of the limbs, or −1 for zero. */
  static int topBit(long[] s, int so) {
    for (int i = 3; i >= 0; i--) if (s[so + i] != 0) return 64 * i + 63 - Long.numberOfLeadingZeros(s[so + i]);
    return -1;
  }
}
