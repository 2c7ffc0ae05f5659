package io.cairn.vm.syscall;

import java.math.BigInteger;

/**
 * Affine arithmetic on the short-Weierstrass curves y² = x³ + ax + b of the secp256k1_* and secp256r1_* syscalls.
 * Both have cofactor 1 (every point on the curve is in the group) and p ≡ 3 (mod 4), so square roots are one
 * exponentiation. Points are {@code BigInteger[2]}; the point at infinity is {@link #INFINITY}, read back as (0, 0)
 * the way blockifier's get_xy does.
 */
final class SecpCurve {
  static final BigInteger[] INFINITY = {BigInteger.ZERO, BigInteger.ZERO};

  static final SecpCurve K1 =
      new SecpCurve(
          "secp256k1",
          hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"),
          BigInteger.ZERO,
          BigInteger.valueOf(7),
          hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
  static final SecpCurve R1 =
      new SecpCurve(
          "secp256r1",
          hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
          hex("ffffffff00000001000000000000000000000000fffffffffffffffffffffffc"),
          hex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
          hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"));

  final String name;
  final BigInteger p, a, b, n;
  private final BigInteger sqrtExponent;

  private SecpCurve(String name, BigInteger p, BigInteger a, BigInteger b, BigInteger n) {
    this.name = name;
    this.p = p;
    this.a = a;
    this.b = b;
    this.n = n;
    this.sqrtExponent = p.add(BigInteger.ONE).shiftRight(2);
  }

  private static BigInteger hex(String s) {
    return new BigInteger(s, 16);
  }

  static boolean isInfinity(BigInteger[] pt) {
    return pt[0].signum() == 0 && pt[1].signum() == 0;
  }

  /** x³ + ax + b mod p. */
  private BigInteger rhs(BigInteger x) {
    return x.multiply(x).add(a).multiply(x).add(b).mod(p);
  }

  /** (0, 0) stands for infinity; otherwise the point must satisfy the curve equation. Coordinates are below p. */
  boolean isOnCurve(BigInteger x, BigInteger y) {
    if (x.signum() == 0 && y.signum() == 0) return true;
    return y.multiply(y).mod(p).equals(rhs(x));
  }

  /** The point with abscissa x whose ordinate has the given parity (odd when true), or null when x³+ax+b is no square. */
  BigInteger[] pointFromX(BigInteger x, boolean oddY) {
    BigInteger r = rhs(x);
    BigInteger y = r.modPow(sqrtExponent, p);
    if (!y.multiply(y).mod(p).equals(r)) return null;
    if (y.testBit(0) != oddY && y.signum() != 0) y = p.subtract(y);
    return new BigInteger[] {x, y};
  }

  BigInteger[] add(BigInteger[] u, BigInteger[] v) {
    if (isInfinity(u)) return v;
    if (isInfinity(v)) return u;
    BigInteger slope;
    if (u[0].equals(v[0])) {
      if (!u[1].equals(v[1]) || u[1].signum() == 0) return INFINITY;
      slope = u[0].multiply(u[0]).multiply(BigInteger.valueOf(3)).add(a).multiply(u[1].shiftLeft(1).modInverse(p)).mod(p);
    } else {
      slope = v[1].subtract(u[1]).multiply(v[0].subtract(u[0]).modInverse(p)).mod(p);
    }
    BigInteger x = slope.multiply(slope).subtract(u[0]).subtract(v[0]).mod(p);
    BigInteger y = slope.multiply(u[0].subtract(x)).subtract(u[1]).mod(p);
    return new BigInteger[] {x, y};
  }

  /** k·P with k reduced modulo the group order, as blockifier does (the scalar field element of the u256). */
  BigInteger[] mul(BigInteger[] pt, BigInteger k) {
    k = k.mod(n);
    BigInteger[] acc = INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = add(acc, acc);
      if (k.testBit(i)) acc = add(acc, pt);
    }
    return acc;
  }
}
