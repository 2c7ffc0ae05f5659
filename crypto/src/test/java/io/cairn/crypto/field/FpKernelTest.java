package io.cairn.crypto.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The specialised kernels (squaring, the inversion chain, table square roots) against BigInteger. */
class FpKernelTest {
  static final BigInteger P = Fp.MODULUS;
  static final BigInteger R = BigInteger.ONE.shiftLeft(256);

  @Provide
  Arbitrary<BigInteger> values() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
        P.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(251),
        P.shiftRight(1), P.shiftRight(1).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(128));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, edges));
  }

  /** Montgomery limbs of v. */
  static long[] mont(BigInteger v) {
    return Fp.canonicalLimbs(v.multiply(R).mod(P));
  }

  @Property(tries = 5000)
  void mulMatchesBigInteger(@ForAll("values") BigInteger a, @ForAll("values") BigInteger b) {
    long[] x = mont(a), y = mont(b), r = new long[4];
    Fp.mul(x, 0, y, 0, r, 0);
    assertArrayEquals(mont(a.multiply(b).mod(P)), r);
    long[] limbwise = new long[4];
    Fp.mul(x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3], limbwise, 0);
    assertArrayEquals(r, limbwise);
    // results may alias inputs
    Fp.mul(x, 0, y, 0, x, 0);
    assertArrayEquals(r, x);
  }

  @Provide
  Arbitrary<BigInteger> loose() {
    BigInteger top = BigInteger.ONE.shiftLeft(253);
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, top.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges = Arbitraries.of(top.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE),
        P.shiftLeft(1), P.shiftLeft(1).subtract(BigInteger.ONE), P.multiply(BigInteger.valueOf(3)),
        top.subtract(BigInteger.ONE).shiftRight(64).shiftLeft(64), BigInteger.ONE.shiftLeft(252));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, edges));
  }

  /** The kernels' bounds hold for unreduced inputs below 2^253 too: the output is still canonical. */
  @Property(tries = 3000)
  void mulAndSquareOfLooseInputs(@ForAll("loose") BigInteger a, @ForAll("loose") BigInteger b) {
    BigInteger rInv = R.modInverse(P);
    long[] x = Fp.canonicalLimbs(a), y = Fp.canonicalLimbs(b), r = new long[4];
    Fp.mul(x, 0, y, 0, r, 0);
    assertArrayEquals(Fp.canonicalLimbs(a.multiply(b).multiply(rInv).mod(P)), r);
    Fp.square(x, 0, r, 0);
    assertArrayEquals(Fp.canonicalLimbs(a.multiply(a).multiply(rInv).mod(P)), r);
  }

  @Property(tries = 3000)
  void squareIsMulBySelf(@ForAll("values") BigInteger a) {
    long[] x = mont(a), s = new long[4], m = new long[4];
    Fp.square(x, 0, s, 0);
    Fp.mul(x, 0, x, 0, m, 0);
    assertArrayEquals(m, s);
    assertArrayEquals(mont(a.multiply(a).mod(P)), s);
  }

  @Property(tries = 3000)
  void inverseChain(@ForAll("values") BigInteger a) {
    if (a.signum() == 0) return;
    long[] x = mont(a), r = new long[4], e = new long[4];
    Fp.inverse(x, 0, r, 0);
    assertArrayEquals(mont(a.modInverse(P)), r);
    Fp.inverseByExponent(x, 0, e, 0, new long[8]);
    assertArrayEquals(r, e);
  }

  @Property(tries = 300)
  void tableSquareRoot(@ForAll("values") BigInteger a) {
    Felt x = Felt.of(a);
    Felt root = Sqrt.sqrt(x);
    boolean square = a.signum() == 0 || a.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    assertEquals(square, root != null);
    if (root != null) {
      assertEquals(a, root.square().toBigInteger());
      assertEquals(true, root.toBigInteger().compareTo(P.shiftRight(1)) <= 0);
    }
  }
}
