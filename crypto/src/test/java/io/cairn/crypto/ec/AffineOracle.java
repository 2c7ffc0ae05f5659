package io.cairn.crypto.ec;

import java.math.BigInteger;

/** Textbook affine arithmetic on the Stark curve with BigInteger: slow, obviously right, the tests' oracle. */
public final class AffineOracle {
  private AffineOracle() {}

  public static final BigInteger P =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);
  public static final BigInteger BETA =
      new BigInteger("3141592653589793238462643383279502884197169399375105820974944592307816406665");
  public static final BigInteger N =
      new BigInteger("3618502788666131213697322783095070105526743751716087489154079457884512865583");
  public static final BigInteger[] G = {
    new BigInteger("1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca", 16),
    new BigInteger("5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f", 16)
  };

  /** null is the point at infinity. */
  public static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    if (a == null) return b;
    if (b == null) return a;
    BigInteger lambda;
    if (a[0].equals(b[0])) {
      if (a[1].add(b[1]).mod(P).signum() == 0) return null;
      lambda = a[0].pow(2).multiply(BigInteger.valueOf(3)).add(BigInteger.ONE)
          .multiply(a[1].shiftLeft(1).modInverse(P)).mod(P);
    } else {
      lambda = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P)).mod(P);
    }
    BigInteger x = lambda.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
    BigInteger y = lambda.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
    return new BigInteger[] {x, y};
  }

  public static BigInteger[] neg(BigInteger[] a) {
    return a == null ? null : new BigInteger[] {a[0], a[1].negate().mod(P)};
  }

  public static BigInteger[] mul(BigInteger k, BigInteger[] a) {
    BigInteger[] r = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      r = add(r, r);
      if (k.testBit(i)) r = add(r, a);
    }
    return r;
  }

  public static boolean onCurve(BigInteger[] a) {
    return a == null || a[1].pow(2).mod(P).equals(a[0].pow(3).add(a[0]).add(BETA).mod(P));
  }
}
