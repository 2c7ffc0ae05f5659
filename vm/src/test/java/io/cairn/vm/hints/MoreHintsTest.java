package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintTester.P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The remaining whitelist families: 384-bit field, ed25519/r1 variants, keccak/sha256/blake2s padding, bit helpers. */
class MoreHintsTest {
  static final BigInteger M128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
  static final BigInteger ED_P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  static BigInteger b(long v) {
    return BigInteger.valueOf(v);
  }

  static Object[] b3(BigInteger v) {
    return EcHintsTest.b3(v);
  }

  @Test
  void bitAndSplitHelpers() {
    HintTester s = new HintTester(HintCodes.SPLIT_64).id("a", "felt", BigInteger.ONE.shiftLeft(64).multiply(b(3)).add(b(7)))
        .id("low", "felt").id("high", "felt").run();
    assertEquals(b(7), s.felt("low"));
    assertEquals(b(3), s.felt("high"));
    HintTester a = new HintTester(HintCodes.A_B_BITAND_1).id("a", "felt", 5).id("b", "felt", 6).id("a_lsb", "felt").id("b_lsb", "felt").run();
    assertEquals(b(1), a.felt("a_lsb"));
    assertEquals(b(0), a.felt("b_lsb"));
    assertEquals(b(250), new HintTester(HintCodes.GET_FELT_BIT_LENGTH).id("x", "felt", BigInteger.ONE.shiftLeft(249))
        .id("bit_length", "felt").run().felt("bit_length"));
    assertEquals(b(1), new HintTester(HintCodes.IS_250_BITS).id("addr", "felt", BigInteger.ONE.shiftLeft(250).subtract(b(1)))
        .id("is_250", "felt").run().felt("is_250"));
    assertEquals(b(0), new HintTester(HintCodes.IS_250_BITS).id("addr", "felt", BigInteger.ONE.shiftLeft(250))
        .id("is_250", "felt").run().felt("is_250"));
    HintTester u = new HintTester(HintCodes.UINT384_SPLIT_128).id("a", "felt", BigInteger.ONE.shiftLeft(130).add(b(1)))
        .id("low", "felt").id("high", "felt").run();
    assertEquals(b(1), u.felt("low"));
    assertEquals(b(4), u.felt("high"));
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.EC_MUL_INNER).id("scalar", "felt", 9).run().atAp());
    assertEquals(b(3), new HintTester(HintCodes.HI_MAX_BITLEN).id("scalar_u", "BigInt3", 0, 0, 5).id("scalar_v", "BigInt3", 0, 0, 9)
        .id("len_hi", "felt").run().felt("len_hi")); // max(3, 4) − 1
  }

  @Test
  void addressBoundAndSplitInt() {
    BigInteger bound = BigInteger.ONE.shiftLeft(251).subtract(b(256));
    assertEquals(b(1), new HintTester(HintCodes.IS_ADDR_BOUNDED).id("addr", "felt", 5).id("is_small", "felt")
        .constant("ADDR_BOUND", bound).run().felt("is_small"));
    assertEquals(b(0), new HintTester(HintCodes.IS_ADDR_BOUNDED).id("addr", "felt", bound).id("is_small", "felt")
        .constant("ADDR_BOUND", bound).run().felt("is_small"));
    Relocatable out = new Relocatable(1, 100);
    HintTester t = new HintTester(HintCodes.SPLIT_INT).id("value", "felt", 1234).id("base", "felt", 100).id("bound", "felt", 100)
        .id("output", "felt*", out).run();
    assertEquals(MaybeRelocatable.of(34), t.runner.memory().get(out));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SPLIT_INT_ASSERT_RANGE).id("value", "felt", 1).run());
  }

  @Test
  void assertLeFeltOlderVersions() {
    assertThrows(VmError.class, () -> new HintTester(HintCodes.ASSERT_LE_FELT_V_0_6).id("a", "felt", 2).id("b", "felt", 1).run());
    HintTester t = new HintTester(HintCodes.ASSERT_LE_FELT_V_0_8).id("a", "felt", 1).id("b", "felt", 2).id("small_inputs", "felt").run();
    assertEquals(b(1), t.felt("small_inputs"));
    HintTester big = new HintTester(HintCodes.ASSERT_LE_FELT_V_0_8).id("a", "felt", 1).id("b", "felt", P.subtract(b(1)))
        .id("small_inputs", "felt").run();
    assertEquals(b(0), big.felt("small_inputs"));
  }

  @Test
  void quadResidueOnTheStarkField() {
    HintTester t = new HintTester(HintCodes.IS_QUAD_RESIDUE).id("x", "felt", 49).id("y", "felt").run();
    assertEquals(b(7), t.felt("y"));
    // 3 is not a square mod P (P ≡ 1 mod 3 and 3 is a non-residue for the STARK prime): y² = 3/3 = 1
    HintTester n = new HintTester(HintCodes.IS_QUAD_RESIDUE).id("x", "felt", 3).id("y", "felt").run();
    BigInteger y = n.felt("y");
    BigInteger ysq = y.multiply(y).mod(P);
    assertTrue(ysq.equals(b(3)) || ysq.equals(BigInteger.ONE), ysq.toString());
  }

  @Test
  void usortVerifyWalksPositions() {
    Map<BigInteger, List<Long>> pd = new TreeMap<>();
    pd.put(b(3), new ArrayList<>(List.of(0L, 2L)));
    HintTester v = new HintTester(HintCodes.USORT_VERIFY).id("value", "felt", 3).scope("positions_dict", pd).run();
    assertEquals(List.of(2L, 0L), v.scopeVar("positions"));
    HintTester b = new HintTester(HintCodes.USORT_VERIFY_MULTIPLICITY_BODY).id("next_item_index", "felt")
        .scope("positions", new ArrayList<>(List.of(2L, 0L))).scope("last_pos", 0L).run();
    assertEquals(BigInteger.ZERO, b.felt("next_item_index"));
    assertEquals(1L, b.scopeVar("last_pos"));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.USORT_VERIFY_MULTIPLICITY_ASSERT)
        .scope("positions", new ArrayList<>(List.of(1L))).run());
    HintTester e = new HintTester(HintCodes.USORT_ENTER_SCOPE).run();
    assertEquals(2, e.scopeDepth());
  }

  @Test
  void uint256Variants() {
    HintTester a = new HintTester(HintCodes.UINT256_ADD_LOW).id("a", "Uint256", M128, 0).id("b", "Uint256", 1, 0).id("carry_low", "felt")
        .constant("SHIFT", BigInteger.ONE.shiftLeft(128)).run();
    assertEquals(b(1), a.felt("carry_low"));
    HintTester c = new HintTester(HintCodes.UINT128_ADD).id("a", "felt", M128).id("b", "felt", 0).id("carry", "felt")
        .constant("SHIFT", BigInteger.ONE.shiftLeft(128)).run();
    assertEquals(b(0), c.felt("carry"));
    HintTester s = new HintTester(HintCodes.UINT256_SQRT_FELT).id("n", "Uint256", 0, 4).id("root", "felt").run();
    assertEquals(BigInteger.ONE.shiftLeft(65), s.felt("root")); // isqrt(4·2^128)
    HintTester d = new HintTester(HintCodes.UINT256_EXPANDED_UNSIGNED_DIV_REM).id("a", "Uint256", 100, 0)
        .id("div", "Uint384Expand", 7, 0, 0).id("quotient", "Uint256").id("remainder", "Uint256").run();
    assertEquals(b(14), d.felt("quotient", 0));
    assertEquals(b(2), d.felt("remainder", 0));
    // x = 7·2^384 + 3·2^256 + 2·2^128 + 5, div = 2^128 + 1 (Python divmod)
    HintTester u = new HintTester(HintCodes.UINT512_UNSIGNED_DIV_REM).id("x", "Uint512", 5, 2, 3, 7).id("div", "Uint256", 1, 1)
        .id("quotient", "Uint512").id("remainder", "Uint256").run();
    assertEquals(b(5), u.felt("quotient", 0));
    assertEquals(new BigInteger("340282366920938463463374607431768211452"), u.felt("quotient", 1));
    assertEquals(b(6), u.felt("quotient", 2));
    assertEquals(b(0), u.felt("remainder", 0));
    assertEquals(b(1), u.felt("remainder", 1));
    HintTester inv = new HintTester(HintCodes.UINT256_MUL_INV_MOD_P).id("a", "Uint256", 0, 0).id("b", "Uint256", 3, 0)
        .id("p", "Uint256", 7, 0).id("b_inverse_mod_p", "Uint256").run();
    assertEquals(b(5), inv.felt("b_inverse_mod_p", 0)); // 3·5 = 15 ≡ 1 mod 7
    HintTester inv2 = new HintTester(HintCodes.INV_MOD_P_UINT512).id("x", "Uint512", 3, 0, 0, 0).id("p", "Uint256", 11, 0)
        .id("x_inverse_mod_p", "Uint256").run();
    assertEquals(b(4), inv2.felt("x_inverse_mod_p", 0)); // 3·4 = 12 ≡ 1 mod 11
    HintTester xx = new HintTester(HintCodes.SPLIT_XX).id("xx", "Uint256", 81, 0).id("x", "Uint256").run();
    BigInteger x = ED_P.subtract(b(9)); // the even root of 81 mod 2^255 − 19
    assertEquals(x.and(M128), xx.felt("x", 0));
    assertEquals(x.shiftRight(128), xx.felt("x", 1));
  }

  @Test
  void uint256SquareRootsPickTheResidue() {
    // p = 7: 2 is a residue (3² = 9 ≡ 2), generator 3 is not
    HintTester t = new HintTester(HintCodes.UINT256_GET_SQUARE_ROOT).id("x", "Uint256", 2, 0).id("p", "Uint256", 7, 0)
        .id("generator", "Uint256", 3, 0).id("sqrt_x", "Uint256").id("sqrt_gx", "Uint256").id("success_x", "felt")
        .id("success_gx", "felt").run();
    assertEquals(b(1), t.felt("success_x"));
    assertEquals(b(0), t.felt("success_gx"));
    assertEquals(b(3), t.felt("sqrt_x", 0)); // min(3, 4)
    HintTester u = new HintTester(HintCodes.UINT384_GET_SQUARE_ROOT).id("x", "Uint384", 3, 0, 0).id("p", "Uint384", 7, 0, 0)
        .id("generator", "Uint384", 3, 0, 0).id("sqrt_x", "Uint384").id("sqrt_gx", "Uint384").id("success_x", "felt")
        .id("success_gx", "felt").run();
    assertEquals(b(0), u.felt("success_x"));
    assertEquals(b(1), u.felt("success_gx"));
    assertEquals(b(3), u.felt("sqrt_gx", 0)); // 3·3 = 9 ≡ 2, root min(3, 4)
  }

  @Test
  void uint384Family() {
    HintTester s = new HintTester(HintCodes.SUB_REDUCED_A_AND_REDUCED_B).id("a", "Uint384", 2, 0, 0).id("b", "Uint384", 5, 0, 0)
        .id("p", "Uint384", 11, 0, 0).id("res", "Uint384").run();
    assertEquals(b(8), s.felt("res", 0));
    HintTester d = new HintTester(HintCodes.UINT384_DIV).id("a", "Uint384", 0, 0, 0).id("b", "Uint384", 3, 0, 0)
        .id("p", "Uint384", 11, 0, 0).id("b_inverse_mod_p", "Uint384").run();
    assertEquals(b(4), d.felt("b_inverse_mod_p", 0));
    HintTester r = new HintTester(HintCodes.UINT384_SQRT).id("a", "Uint384", 0, 0, 1).id("root", "Uint384").run();
    assertEquals(BigInteger.ONE.shiftLeft(128), r.felt("root", 0).add(r.felt("root", 1).shiftLeft(128))); // isqrt(2^256)
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.UINT384_SIGNED_NN).id("a", "Uint384", 0, 0, 1).run().atAp());
    HintTester add = new HintTester(HintCodes.ADD_NO_UINT384_CHECK).id("a", "Uint384", M128, M128, 0).id("b", "Uint384", 1, 0, 0)
        .id("carry_d0", "felt").id("carry_d1", "felt").id("carry_d2", "felt").constant("SHIFT", BigInteger.ONE.shiftLeft(128)).run();
    assertEquals(b(1), add.felt("carry_d0"));
    assertEquals(b(1), add.felt("carry_d1"));
    assertEquals(b(0), add.felt("carry_d2"));
    Object[] a6 = {7, 0, 0, 0, 0, 1};
    for (String code : List.of(HintCodes.UNSIGNED_DIV_REM_UINT768_BY_UINT384_STRIPPED, HintCodes.UNSIGNED_DIV_REM_UINT768_BY_UINT384_STRIPPED_WL)) {
      HintTester q = new HintTester(code).id("a", "Uint768", a6).id("div", "Uint384", 0, 0, 1).id("quotient", "Uint768")
          .id("remainder", "Uint384").run();
      // a = 2^640 + 7, div = 2^256 → q = 2^384, r = 7
      assertEquals(b(1), q.felt("quotient", 3));
      assertEquals(b(7), q.felt("remainder", 0));
    }
  }

  @Test
  void ed25519VariantsUseTwoPow255Minus19() {
    BigInteger v = ED_P.shiftLeft(1);
    Object[] val = b3(v);
    HintTester z = new HintTester(HintCodes.VERIFY_ZERO_V3).id("val", "BigInt3", val).id("q", "felt").run();
    assertEquals(b(2), z.felt("q"));
    assertEquals(ED_P.subtract(b(5)), new HintTester(HintCodes.EC_NEGATE_EMBEDDED_SECP).id("point", "SecpPoint", 0, 0, 0, 5, 0, 0)
        .run().scopeVar("value"));
    assertEquals(b(3), new HintTester(HintCodes.REDUCE_ED25519).id("x", "BigInt3", b3(ED_P.add(b(3)))).run().scopeVar("value"));
    assertEquals(b(4), new HintTester(HintCodes.IS_ZERO_PACK_ED25519).id("x", "BigInt3", b3(ED_P.add(b(4)))).run().scopeVar("x"));
    BigInteger inv = (BigInteger) new HintTester(HintCodes.IS_ZERO_ASSIGN_SCOPE_VARS_ED25519).scope("x", b(2)).run().scopeVar("value");
    assertEquals(BigInteger.ONE, inv.shiftLeft(1).mod(ED_P));
  }

  @Test
  void externalSecpVariantsReadTheScope() {
    BigInteger p = b(101);
    assertEquals(b(3), new HintTester(HintCodes.IS_ZERO_PACK_EXTERNAL_SECP_V2).id("x", "BigInt3", 104, 0, 0).scope("SECP_P", p).run().scopeVar("x"));
    BigInteger inv = (BigInteger) new HintTester(HintCodes.IS_ZERO_ASSIGN_SCOPE_VARS_EXTERNAL_SECP).scope("x", b(3)).scope("SECP_P", p)
        .run().scopeVar("x_inv");
    assertEquals(BigInteger.ONE, inv.multiply(b(3)).mod(p));
    assertEquals(b(3), new HintTester(HintCodes.VERIFY_ZERO_EXTERNAL_SECP).id("val", "BigInt3", 303, 0, 0).id("q", "felt")
        .scope("SECP_P", p).run().felt("q"));
    assertEquals(b(3), new HintTester(HintCodes.VERIFY_ZERO_V2).id("val", "BigInt3", b3(SecpHints.SECP_P.multiply(b(3))))
        .id("q", "felt").run().felt("q"));
    HintTester d = new HintTester(HintCodes.DIV_MOD_N_PACKED_DIVMOD_EXTERNAL_N).id("a", "BigInt3", 6, 0, 0).id("b", "BigInt3", 4, 0, 0)
        .scope("N", b(11)).run();
    assertEquals(b(7), d.scopeVar("value")); // 6/4 mod 11: 4·7 = 28 ≡ 6
    HintTester k = new HintTester(HintCodes.DIV_MOD_N_SAFE_DIV_PLUS_ONE).scope("res", b(7)).scope("b", b(4)).scope("a", b(6))
        .scope("N", b(11)).run();
    assertEquals(b(3), k.scopeVar("value")); // (28 − 6)/11 + 1
  }

  @Test
  void secpCurveVariantsAgreeOnTwoG() {
    Object[] g = EcHintsTest.point(EcHintsTest.GX, EcHintsTest.GY);
    BigInteger slope = (BigInteger) new HintTester(HintCodes.EC_DOUBLE_SLOPE_V3).id("pt", "SecpPoint", g).run().scopeVar("slope");
    assertEquals(slope, new HintTester(HintCodes.EC_DOUBLE_SLOPE_EXTERNAL_CONSTS).id("point", "SecpPoint", g)
        .scope("SECP_P", SecpHints.SECP_P).scope("ALPHA", BigInteger.ZERO).run().scopeVar("slope"));
    assertEquals(EcHintsTest.G2X, new HintTester(HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V4).id("slope", "BigInt3", b3(slope))
        .id("pt", "SecpPoint", g).run().scopeVar("new_x"));
    assertEquals(EcHintsTest.G2X, new HintTester(HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V2).id("slope", "BigInt3", b3(slope))
        .id("point", "SecpPoint", g).scope("SECP_P", SecpHints.SECP_P).run().scopeVar("new_x"));
    Object[] g2 = EcHintsTest.point(EcHintsTest.G2X, EcHintsTest.G2Y);
    BigInteger s12 = (BigInteger) new HintTester(HintCodes.COMPUTE_SLOPE_SECP256R1_V1).id("point0", "SecpPoint", g).id("point1", "SecpPoint", g2)
        .scope("SECP_P", SecpHints.SECP_P).run().scopeVar("slope");
    assertEquals(EcHintsTest.G3X, new HintTester(HintCodes.FAST_EC_ADD_ASSIGN_NEW_X_V3).id("slope", "BigInt3", b3(s12))
        .id("pt0", "SecpPoint", g).id("pt1", "SecpPoint", g2).run().scopeVar("new_x"));
    HintTester y = new HintTester(HintCodes.FAST_EC_ADD_ASSIGN_NEW_Y).scope("slope", s12).scope("x0", EcHintsTest.GX)
        .scope("y0", EcHintsTest.GY).scope("new_x", EcHintsTest.G3X).scope("SECP_P", SecpHints.SECP_P).run();
    BigInteger g3y = (BigInteger) y.scopeVar("value");
    BigInteger pp = SecpHints.SECP_P;
    assertEquals(g3y.multiply(g3y).mod(pp), EcHintsTest.G3X.pow(3).add(b(7)).mod(pp)); // 3G is on the curve
  }

  @Test
  void keccakPaddingUsesThePermutationOfZero() {
    Relocatable end = new Relocatable(1, 100);
    HintTester t = new HintTester(HintCodes.CAIRO_KECCAK_FINALIZE_V2).id("keccak_ptr_end", "felt*", end)
        .constant("KECCAK_STATE_SIZE_FELTS", 25).constant("BLOCK_SIZE", 3).run();
    // Keccak-f[1600] of the zero state starts with lane 0xF1258F7940E1DDE7 (FIPS 202 known-answer)
    assertEquals(MaybeRelocatable.of(new BigInteger("F1258F7940E1DDE7", 16)), t.runner.memory().get(end.add(25)));
    assertEquals(MaybeRelocatable.of(new BigInteger("F1258F7940E1DDE7", 16)), t.runner.memory().get(end.add(50 + 25)));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.CAIRO_KECCAK_FINALIZE_V1).id("keccak_ptr_end", "felt*", end)
        .constant("KECCAK_STATE_SIZE_FELTS", 25).constant("BLOCK_SIZE", 10).run());
    assertEquals(b(1), new HintTester(HintCodes.CAIRO_KECCAK_INPUT_IS_FULL_WORD).id("n_bytes", "felt", 8).id("full_word", "felt")
        .run().felt("full_word"));
    assertEquals(b(0), new HintTester(HintCodes.SHA256_INPUT).id("n_bytes", "felt", 3).id("full_word", "felt").run().felt("full_word"));
  }

  @Test
  void unsafeKeccakOfEmptyInput() {
    HintTester t = new HintTester(HintCodes.UNSAFE_KECCAK).id("data", "felt*", new Relocatable(1, 100)).id("length", "felt", 0)
        .id("high", "felt").id("low", "felt").run();
    // keccak256("") = c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470
    assertEquals(new BigInteger("c5d2460186f7233c927e7db2dcc703c0", 16), t.felt("high"));
    assertEquals(new BigInteger("e500b653ca82273b7bfad8045d85a470", 16), t.felt("low"));
  }
}
