package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Curve hints checked against published secp256k1 multiples (SEC 2 generator G; 2G and 3G x-coordinates as listed in
 * the Bitcoin wiki / SEC test data) and field identities.
 */
class EcHintsTest {
  static final BigInteger SECP_P = SecpHints.SECP_P;
  static final BigInteger GX = new BigInteger("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", 16);
  static final BigInteger GY = new BigInteger("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", 16);
  static final BigInteger G2X = new BigInteger("C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5", 16);
  static final BigInteger G2Y = new BigInteger("1AE168FEA63DC339A3C58419466CEAEEF7F632653266D0E1236431A950CFE52A", 16);
  static final BigInteger G3X = new BigInteger("F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9", 16);

  static Object[] b3(BigInteger v) {
    BigInteger base = BigInteger.ONE.shiftLeft(86);
    return new Object[] {v.mod(base), v.shiftRight(86).mod(base), v.shiftRight(172)};
  }

  static Object[] point(BigInteger x, BigInteger y) {
    Object[] a = b3(x), b = b3(y);
    return new Object[] {a[0], a[1], a[2], b[0], b[1], b[2]};
  }

  @Test
  void doublingGGives2G() {
    HintTester s = new HintTester(HintCodes.EC_DOUBLE_SLOPE_V1).id("point", "SecpPoint", point(GX, GY)).run();
    BigInteger slope = (BigInteger) s.scopeVar("slope");
    HintTester x = new HintTester(HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V1).id("point", "SecpPoint", point(GX, GY))
        .id("slope", "BigInt3", b3(slope)).run();
    assertEquals(G2X, x.scopeVar("new_x"));
    HintTester y = new HintTester(HintCodes.EC_DOUBLE_ASSIGN_NEW_Y).scope("slope", slope).scope("x", GX).scope("y", GY)
        .scope("new_x", G2X).scope("SECP_P", SECP_P).run();
    assertEquals(G2Y, y.scopeVar("value"));
  }

  @Test
  void addingGAnd2GGives3G() {
    HintTester s = new HintTester(HintCodes.COMPUTE_SLOPE_V1).id("point0", "SecpPoint", point(GX, GY))
        .id("point1", "SecpPoint", point(G2X, G2Y)).run();
    BigInteger slope = (BigInteger) s.scopeVar("value");
    HintTester x = new HintTester(HintCodes.FAST_EC_ADD_ASSIGN_NEW_X).id("slope", "BigInt3", b3(slope))
        .id("point0", "SecpPoint", point(GX, GY)).id("point1", "SecpPoint", point(G2X, G2Y)).run();
    assertEquals(G3X, x.scopeVar("value"));
    // the same through the pt0/pt1 and the r1-style "external SECP_P" variants
    HintTester w = new HintTester(HintCodes.COMPUTE_SLOPE_WHITELIST).id("pt0", "SecpPoint", point(GX, GY))
        .id("pt1", "SecpPoint", point(G2X, G2Y)).run();
    assertEquals(slope, w.scopeVar("slope"));
    HintTester e = new HintTester(HintCodes.SQUARE_SLOPE_X_MOD_P).id("slope", "BigInt3", b3(slope))
        .id("point0", "SecpPoint", point(GX, GY)).id("point1", "SecpPoint", point(G2X, G2Y)).scope("SECP_P", SECP_P).run();
    assertEquals(G3X, e.scopeVar("new_x"));
  }

  @Test
  void isZeroFamily() {
    HintTester p = new HintTester(HintCodes.IS_ZERO_PACK_V2).id("x", "BigInt3", b3(BigInteger.valueOf(5))).run();
    assertEquals(BigInteger.valueOf(5), p.scopeVar("x"));
    HintTester inv = new HintTester(HintCodes.IS_ZERO_ASSIGN_SCOPE_VARS).scope("x", BigInteger.valueOf(5)).run();
    assertEquals(BigInteger.ONE, ((BigInteger) inv.scopeVar("x_inv")).multiply(BigInteger.valueOf(5)).mod(SECP_P));
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.IS_ZERO_NONDET).scope("x", BigInteger.ZERO).run().atAp());
    assertEquals(MaybeRelocatable.of(0), new HintTester(HintCodes.IS_ZERO_INT).scope("x", BigInteger.TWO).run().atAp());
  }

  @Test
  void packIsSignedPerLimb() {
    // limbs (P − 1, 0, 0) pack to −1, reduced mod SECP_P
    HintTester r = new HintTester(HintCodes.SECP_REDUCE).id("x", "BigInt3", HintTester.P.subtract(BigInteger.ONE), 0, 0).run();
    assertEquals(SECP_P.subtract(BigInteger.ONE), r.scopeVar("value"));
    HintTester r2 = new HintTester(HintCodes.REDUCE_V2).id("x", "BigInt3", 7, 0, 0).scope("SECP_P", BigInteger.valueOf(5)).run();
    assertEquals(BigInteger.TWO, r2.scopeVar("value"));
  }

  @Test
  void secp256r1ConstantsAreImportedIntoTheScope() {
    assertEquals(EcSecpHints.R1_P, new HintTester(HintCodes.IMPORT_SECP256R1_P).run().scopeVar("SECP_P"));
    assertEquals(EcSecpHints.R1_N, new HintTester(HintCodes.IMPORT_SECP256R1_N).run().scopeVar("N"));
    assertEquals(EcSecpHints.R1_P.subtract(BigInteger.valueOf(3)),
        new HintTester(HintCodes.IMPORT_SECP256R1_ALPHA).run().scopeVar("ALPHA"));
  }

  @Test
  void nondetBigint3WritesTheSplitValue() {
    BigInteger v = BigInteger.ONE.shiftLeft(180).add(BigInteger.TEN);
    HintTester t = new HintTester(HintCodes.NONDET_BIGINT3_V2).id("res", "BigInt3").scope("value", v).run();
    assertEquals(BigInteger.TEN, t.felt("res", 0));
    assertEquals(BigInteger.ZERO, t.felt("res", 1));
    assertEquals(BigInteger.ONE.shiftLeft(8), t.felt("res", 2));
  }

  @Test
  void getPointFromXPicksTheParityOfV() {
    Object[] x3 = b3(GX.pow(3).mod(SECP_P));
    HintTester t = new HintTester(HintCodes.SECP_GET_POINT_FROM_X).id("x_cube", "BigInt3", x3).id("v", "felt", 0)
        .constant("BETA", 7).run();
    assertEquals(GY, t.scopeVar("value")); // GY is even
    HintTester o = new HintTester(HintCodes.SECP_GET_POINT_FROM_X).id("x_cube", "BigInt3", x3).id("v", "felt", 1)
        .constant("BETA", 7).run();
    assertEquals(SECP_P.subtract(GY), o.scopeVar("value"));
  }

  @Test
  void starkCurveRecoverYAndRandomPointAreOnTheCurve() {
    // the STARK generator's x
    BigInteger gx = new BigInteger("1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca", 16);
    BigInteger gy = new BigInteger("5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f", 16);
    HintTester t = new HintTester(HintCodes.RECOVER_Y).id("x", "felt", gx).id("p", "EcPoint").run();
    BigInteger y = t.felt("p", 1);
    assertTrue(y.equals(gy) || y.equals(HintTester.P.subtract(gy)));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.RECOVER_Y).id("x", "felt", 0).id("p", "EcPoint").run()
        .felt("p", 1).signum()); // x = 0: β is not a square on the STARK curve
  }

  @Test
  void bigIntToUint256AndBitHelpers() {
    BigInteger base = BigInteger.ONE.shiftLeft(86);
    HintTester t = new HintTester(HintCodes.BIGINT_TO_UINT256).id("x", "BigInt3", 5, 1, 0).id("low", "felt")
        .constant("BASE", base).run();
    assertEquals(base.add(BigInteger.valueOf(5)), t.felt("low"));
    HintTester d = new HintTester(HintCodes.DI_BIT).id("scalar_u", "felt", 0b100).id("scalar_v", "felt", 0b100).id("m", "felt", 2)
        .id("dibit", "felt").run();
    assertEquals(BigInteger.valueOf(3), d.felt("dibit"));
    HintTester q = new HintTester(HintCodes.QUAD_BIT).id("scalar_u", "felt", 0b01).id("scalar_v", "felt", 0b10).id("m", "felt", 1)
        .id("quad_bit", "felt").run();
    assertEquals(BigInteger.valueOf(8 + 1), q.felt("quad_bit"));
  }

  @Test
  void ecRecoverProductModAndDiv() {
    HintTester p = new HintTester(HintCodes.EC_RECOVER_PRODUCT_MOD).id("a", "BigInt3", 100, 0, 0).id("b", "BigInt3", 7, 0, 0)
        .id("m", "BigInt3", 9, 0, 0).run();
    assertEquals(BigInteger.valueOf(700 % 9), p.scopeVar("value"));
    HintTester k = new HintTester(HintCodes.EC_RECOVER_PRODUCT_DIV_M).scope("product", BigInteger.valueOf(700))
        .scope("m", BigInteger.valueOf(9)).run();
    assertEquals(BigInteger.valueOf(77), k.scopeVar("value"));
  }

  @Test
  void chainedEcOpSeedsFromAllInputs() {
    Relocatable mArr = new Relocatable(1, 100), qArr = new Relocatable(1, 200);
    BigInteger gx = new BigInteger("1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca", 16);
    BigInteger gy = new BigInteger("5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f", 16);
    HintTester t = new HintTester(HintCodes.CHAINED_EC_OP_RANDOM_EC_POINT).id("p", "EcPoint", gx, gy).id("m", "felt*", mArr)
        .id("q", "EcPoint*", qArr).id("len", "felt", 1).id("s", "EcPoint").memory(mArr, 3).memory(qArr, gx, gy).run();
    BigInteger x = t.felt("s", 0), y = t.felt("s", 1);
    BigInteger beta = EcHints.BETA, p = HintTester.P;
    assertEquals(y.multiply(y).mod(p), x.pow(3).add(x).add(beta).mod(p));
  }
}
