package io.cairn.crypto.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Field laws with BigInteger as the oracle. */
class FeltPropertyTest {
  static final BigInteger P = Felt.MODULUS;

  @Provide
  Arbitrary<BigInteger> fieldValues() {
    // Edge values near 0, near p and at limb boundaries are where carries go wrong.
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges =
        Arbitraries.of(
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TWO,
            P.subtract(BigInteger.ONE),
            P.subtract(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(64),
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(192),
            BigInteger.ONE.shiftLeft(251),
            P.shiftRight(1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, any), net.jqwik.api.Tuple.of(2, edges));
  }

  @Property(tries = 2000)
  void addSubMulMatchBigInteger(@ForAll("fieldValues") BigInteger a, @ForAll("fieldValues") BigInteger b) {
    Felt fa = Felt.of(a), fb = Felt.of(b);
    assertEquals(a.add(b).mod(P), fa.add(fb).toBigInteger());
    assertEquals(a.subtract(b).mod(P), fa.sub(fb).toBigInteger());
    assertEquals(a.multiply(b).mod(P), fa.mul(fb).toBigInteger());
    assertEquals(a.negate().mod(P), fa.neg().toBigInteger());
  }

  @Property(tries = 500)
  void ringLaws(
      @ForAll("fieldValues") BigInteger a, @ForAll("fieldValues") BigInteger b, @ForAll("fieldValues") BigInteger c) {
    Felt x = Felt.of(a), y = Felt.of(b), z = Felt.of(c);
    assertEquals(x.mul(y.add(z)), x.mul(y).add(x.mul(z)));
    assertEquals(x.mul(y).mul(z), x.mul(y.mul(z)));
    assertEquals(x.add(y), y.add(x));
    assertEquals(x.mul(y), y.mul(x));
    assertEquals(x, x.add(y).sub(y));
  }

  @Property(tries = 300)
  void inverseAndPow(@ForAll("fieldValues") BigInteger a) {
    Felt x = Felt.of(a);
    if (x.isZero()) {
      assertThrows(ArithmeticException.class, x::inverse);
      return;
    }
    assertEquals(Felt.ONE, x.mul(x.inverse()));
    assertEquals(a.modInverse(P), x.inverse().toBigInteger());
    assertEquals(a.modPow(BigInteger.valueOf(12345), P), x.pow(12345).toBigInteger());
  }

  @Property(tries = 200)
  void sqrtOfSquares(@ForAll("fieldValues") BigInteger a) {
    Felt x = Felt.of(a);
    Felt r = x.square().sqrt();
    assertEquals(x.square(), r.square());
    assertTrue(r.toBigInteger().compareTo(P.shiftRight(1)) <= 0);
    // Euler's criterion decides the non-squares
    boolean square = a.signum() == 0 || a.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    Felt s = x.sqrt();
    if (square) assertEquals(x, s.square());
    else assertNull(s);
  }

  @Property(tries = 50)
  void batchInverseMatchesSingle(@ForAll("fieldValues") BigInteger a, @ForAll("fieldValues") BigInteger b) {
    Felt[] v = {Felt.of(a).add(Felt.ONE), Felt.of(b).add(Felt.TWO), Felt.of(7)};
    for (Felt f : v) if (f.isZero()) return;
    Felt[] inv = Felt.batchInverse(v);
    for (int i = 0; i < v.length; i++) assertEquals(v[i].inverse(), inv[i]);
  }

  @Property(tries = 500)
  void conversionsRoundTrip(@ForAll("fieldValues") BigInteger a) {
    Felt x = Felt.of(a);
    assertEquals(x, Felt.fromHex(x.toHex()));
    assertEquals("0x" + a.toString(16), x.toHex());
    assertEquals(x, Felt.parse(x.toDecimal()));
    assertEquals(x, Felt.fromBytesBE(x.toBytesBE()));
    assertEquals(x, Felt.fromBytesLE(x.toBytesLE()));
    assertEquals(x, Felt.fromBigIntegerReduced(x.toSignedBigInteger()));
    assertEquals(x, Felt.parse(x.toPaddedHex()));
  }

  @Test
  void rejectsOutOfRangeAndMalformed() {
    assertThrows(IllegalArgumentException.class, () -> Felt.parse("0x" + P.toString(16)));
    assertThrows(IllegalArgumentException.class, () -> Felt.parse(P.toString()));
    assertThrows(IllegalArgumentException.class, () -> Felt.parse("0xzz"));
    assertThrows(IllegalArgumentException.class, () -> Felt.parse("12a"));
    assertThrows(IllegalArgumentException.class, () -> Felt.parse(""));
    assertEquals(Felt.MAX, Felt.parse("-1"));
    assertEquals(Felt.MAX, Felt.of(-1));
    assertEquals(BigInteger.valueOf(-5), Felt.of(-5).toSignedBigInteger());
    assertEquals(Felt.parse("0x616263"), Felt.fromShortString("abc"));
  }
}
