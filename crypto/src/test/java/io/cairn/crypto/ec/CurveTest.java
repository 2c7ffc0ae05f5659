package io.cairn.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Group laws of the Stark curve, with {@link AffineOracle} (BigInteger, affine) as the oracle. */
class CurveTest {
  static final BigInteger N = AffineOracle.N;

  static EcPoint point(BigInteger[] a) {
    return a == null ? EcPoint.INFINITY : EcPoint.of(Felt.of(a[0]), Felt.of(a[1]));
  }

  static BigInteger[] oracle(EcPoint p) {
    return p.isInfinity() ? null : new BigInteger[] {p.x().toBigInteger(), p.y().toBigInteger()};
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, N.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges =
        Arbitraries.of(
            BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(251), BigInteger.ONE.shiftLeft(64), BigInteger.valueOf(15), BigInteger.valueOf(16));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, any), net.jqwik.api.Tuple.of(2, edges));
  }

  @Property(tries = 40)
  void scalarMultiplicationMatchesOracle(@ForAll("scalars") BigInteger k) {
    BigInteger[] expected = AffineOracle.mul(k, AffineOracle.G);
    assertEquals(point(expected), StarkCurve.GENERATOR.multiply(k));
    // the fixed-base table path
    long[] r = new long[Jacobian.SIZE];
    StarkCurve.generatorTable().multiply(Scalars.limbs(k), 0, r, 0, new long[Jacobian.SCRATCH]);
    assertEquals(point(expected), EcPoint.fromJacobian(r, 0));
  }

  @Property(tries = 40)
  void groupLaws(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b, @ForAll("scalars") BigInteger c) {
    EcPoint g = StarkCurve.GENERATOR;
    EcPoint pa = g.multiply(a), pb = g.multiply(b), pc = g.multiply(c);
    assertEquals(point(AffineOracle.add(oracle(pa), oracle(pb))), pa.add(pb));
    assertEquals(pa.add(pb), pb.add(pa));
    assertEquals(pa.add(pb).add(pc), pa.add(pb.add(pc)));
    assertEquals(g.multiply(a.add(b)), pa.add(pb));
    assertEquals(pa.twice(), pa.add(pa));
    assertEquals(point(AffineOracle.add(oracle(pa), oracle(pa))), pa.twice());
    assertEquals(EcPoint.INFINITY, pa.add(pa.negate()));
    assertEquals(pa, pa.add(EcPoint.INFINITY));
    assertEquals(pa, EcPoint.INFINITY.add(pa));
    assertEquals(pb.multiply(a), pa.multiply(b));
    assertEquals(pa.sub(pb), pa.add(pb.negate()));
    assertTrue(pa.isOnCurve());
  }

  /** The Jacobian point of p with Z = λ (X·λ², Y·λ³), so the mixed addition sees a Z other than one. */
  static long[] scaledJacobian(EcPoint p, BigInteger lambda) {
    long[] j = new long[Jacobian.SIZE], l = new long[4], l2 = new long[4];
    p.writeJacobian(j, 0);
    Felt.of(lambda).writeTo(l, 0);
    io.cairn.crypto.field.Fp.square(l, 0, l2, 0);
    io.cairn.crypto.field.Fp.mul(j, 0, l2, 0, j, 0);
    io.cairn.crypto.field.Fp.mul(l2, 0, l, 0, l2, 0);
    io.cairn.crypto.field.Fp.mul(j, 4, l2, 0, j, 4);
    System.arraycopy(l, 0, j, 8, 4);
    return j;
  }

  @Property(tries = 40)
  void mixedAdditionMatchesOracle(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll("scalars") BigInteger lambda) {
    if (lambda.signum() == 0) lambda = BigInteger.TWO;
    EcPoint g = StarkCurve.GENERATOR, pa = g.multiply(a), pb = g.multiply(b);
    long[] t = new long[Jacobian.SCRATCH], r = new long[Jacobian.SIZE], q = new long[8];
    if (pb.isInfinity() || pa.isInfinity()) return; // affine operands only; infinity on the left is the Z = 0 case
    long[] j = scaledJacobian(pa, lambda);
    pb.writeAffine(q, 0);
    Jacobian.addAffine(j, 0, q, 0, r, 0, t);
    assertEquals(point(AffineOracle.add(oracle(pa), oracle(pb))), EcPoint.fromJacobian(r, 0));
    pa.writeAffine(q, 0); // the doubling case
    Jacobian.addAffine(j, 0, q, 0, r, 0, t);
    assertEquals(pa.twice(), EcPoint.fromJacobian(r, 0));
    pa.negate().writeAffine(q, 0); // the inverse case
    Jacobian.addAffine(j, 0, q, 0, j, 0, t);
    assertTrue(Jacobian.isInfinity(j, 0));
    Jacobian.addAffine(j, 0, q, 0, j, 0, t); // from infinity
    assertEquals(pa.negate(), EcPoint.fromJacobian(j, 0));
  }

  @Property(tries = 15)
  void multiScalarMatchesSumOfProducts(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll("scalars") BigInteger c, @ForAll("scalars") BigInteger k) {
    EcPoint g = StarkCurve.GENERATOR;
    EcPoint q1 = g.multiply(k), q2 = g.multiply(k.add(BigInteger.ONE)); // q2 − q1 = G: adjacent-point edge case
    EcPoint[] pts = {g, q1, q2, EcPoint.INFINITY};
    BigInteger[] ks = {a, b, c, BigInteger.TEN};
    EcPoint expected = g.multiply(a).add(q1.multiply(b)).add(q2.multiply(c));
    assertEquals(expected, EcPoint.multiScalarMultiply(pts, ks));
  }

  @Test
  void orderAndEdgeCases() {
    EcPoint g = StarkCurve.GENERATOR;
    assertEquals(EcPoint.INFINITY, g.multiply(N));
    assertEquals(g.negate(), g.multiply(N.subtract(BigInteger.ONE)));
    assertEquals(g, g.multiply(N.add(BigInteger.ONE)));
    assertEquals(g.negate(), g.multiply(BigInteger.ONE.negate()));
    assertEquals(EcPoint.INFINITY, EcPoint.INFINITY.twice());
    // MSM terms that cancel: k·G + (n − k)·G
    BigInteger k = new BigInteger("123456789abcdef", 16);
    assertEquals(EcPoint.INFINITY, EcPoint.multiScalarMultiply(new EcPoint[] {g, g}, new BigInteger[] {k, N.subtract(k)}));
    assertThrows(IllegalArgumentException.class, () -> EcPoint.of(Felt.ONE, Felt.ONE));
    assertThrows(ArithmeticException.class, EcPoint.INFINITY::x);
  }

  @Test
  void fromXPicksCairoLangsRootAndRejectsNonResidues() {
    EcPoint g = StarkCurve.GENERATOR;
    EcPoint p = EcPoint.fromX(g.x());
    assertTrue(p.equals(g) || p.equals(g.negate()));
    assertTrue(p.y().toBigInteger().compareTo(AffineOracle.P.shiftRight(1)) <= 0);
    int rejected = 0;
    for (int x = 0; x < 40; x++) {
      EcPoint q = EcPoint.fromX(Felt.of(x));
      BigInteger rhs = BigInteger.valueOf(x).pow(3).add(BigInteger.valueOf(x)).add(AffineOracle.BETA).mod(AffineOracle.P);
      boolean square = rhs.signum() == 0
          || rhs.modPow(AffineOracle.P.subtract(BigInteger.ONE).shiftRight(1), AffineOracle.P).equals(BigInteger.ONE);
      if (square) assertTrue(q.isOnCurve());
      else {
        assertNull(q);
        rejected++;
      }
    }
    assertTrue(rejected > 0, "some x in 0..39 must have no point");
  }

  @Test
  void jacobianKernelsAliasSafely() {
    long[] t = new long[Jacobian.SCRATCH];
    EcPoint g = StarkCurve.GENERATOR, g3 = g.multiply(BigInteger.valueOf(3));
    long[] j = new long[Jacobian.SIZE], q = new long[8];
    g3.writeJacobian(j, 0);
    g.writeAffine(q, 0);
    Jacobian.subAffine(j, 0, q, 0, j, 0, t);
    assertEquals(g.twice(), EcPoint.fromJacobian(j, 0));
    long[] k = new long[Jacobian.SIZE];
    g3.writeJacobian(k, 0);
    Jacobian.sub(k, 0, j, 0, k, 0, t);
    assertEquals(g, EcPoint.fromJacobian(k, 0));
    Jacobian.negate(k, 0, k, 0);
    assertEquals(g.negate(), EcPoint.fromJacobian(k, 0));
    assertTrue(Jacobian.equal(k, 0, k, 0, t));
    assertFalse(Jacobian.equal(k, 0, j, 0, t));
  }

  @Test
  void everyPedersenConstantPointIsOnTheCurve() throws Exception {
    String json = Files.readString(Fixtures.require("starknet-hashes/pedersen_params.json"));
    String points = json.substring(json.indexOf("\"CONSTANT_POINTS\""));
    Matcher m = Pattern.compile("\\[\\s*(\\d+),\\s*(\\d+)\\s*\\]").matcher(points);
    List<EcPoint> all = new ArrayList<>();
    while (m.find()) all.add(EcPoint.of(Felt.parse(m.group(1)), Felt.parse(m.group(2))));
    assertEquals(506, all.size());
    assertEquals(StarkCurve.GENERATOR, all.get(1));
  }
}
