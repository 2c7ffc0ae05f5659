package io.cairn.crypto.field;

import java.math.BigInteger;

/**
 * Tonelli–Shanks square roots. p − 1 = 2^192 · (2^59 + 17), and 3 generates the multiplicative group, so 3^q (q the
 * odd part) has order exactly 2^192.
 */
final class Sqrt {
  private Sqrt() {}

  private static final int TWO_ADICITY = 192;
  private static final BigInteger ODD_PART = BigInteger.ONE.shiftLeft(59).add(BigInteger.valueOf(17));
  private static final Felt ROOT_OF_UNITY = Felt.of(3).pow(ODD_PART);
  private static final BigInteger HALF_P = Felt.MODULUS.shiftRight(1);

  static Felt sqrt(Felt a) {
    if (a.isZero()) return Felt.ZERO;
    if (!a.isSquare()) return null;
    int m = TWO_ADICITY;
    Felt c = ROOT_OF_UNITY;
    Felt t = a.pow(ODD_PART);
    Felt r = a.pow(ODD_PART.add(BigInteger.ONE).shiftRight(1));
    while (!t.equals(Felt.ONE)) {
      int i = 0;
      Felt t2 = t;
      while (!t2.equals(Felt.ONE)) {
        t2 = t2.square();
        i++;
      }
      Felt b = c;
      for (int j = 0; j < m - i - 1; j++) b = b.square();
      m = i;
      c = b.square();
      t = t.mul(c);
      r = r.mul(b);
    }
    return r.toBigInteger().compareTo(HALF_P) > 0 ? r.neg() : r;
  }
}
