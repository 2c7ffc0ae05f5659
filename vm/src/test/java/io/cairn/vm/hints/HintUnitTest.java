package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintTester.P;
import static io.cairn.vm.hints.HintTester.big;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per hint family on a tiny VM; expected values are worked out independently (by hand, Python's divmod /
 * math.isqrt / hashlib, or the published SHA-256 and BLAKE2s digests).
 */
class HintUnitTest {
  static final BigInteger RC_BOUND = BigInteger.ONE.shiftLeft(128);

  static BigInteger b(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void assertNnAcceptsSmallAndRejectsNegative() {
    new HintTester(HintCodes.ASSERT_NN).id("a", "felt", 5).run();
    VmError e = assertThrows(VmError.class, () -> new HintTester(HintCodes.ASSERT_NN).id("a", "felt", P.subtract(b(1))).run());
    assertTrue(e.getMessage().contains("is out of range"), e.getMessage());
  }

  @Test
  void isNnWritesZeroForNonNegative() {
    assertEquals(MaybeRelocatable.of(0), new HintTester(HintCodes.IS_NN).id("a", "felt", 3).run().atAp());
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.IS_NN).id("a", "felt", RC_BOUND).run().atAp());
    // (-a - 1) % P for a = P - 1 is 0 → in range → 0
    assertEquals(MaybeRelocatable.of(0), new HintTester(HintCodes.IS_NN_OUT_OF_RANGE).id("a", "felt", P.subtract(b(1))).run().atAp());
  }

  @Test
  void isLeFeltAndAssertLtFelt() {
    assertEquals(MaybeRelocatable.of(0), new HintTester(HintCodes.IS_LE_FELT).id("a", "felt", 4).id("b", "felt", 4).run().atAp());
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.IS_LE_FELT).id("a", "felt", 5).id("b", "felt", 4).run().atAp());
    assertThrows(VmError.class, () -> new HintTester(HintCodes.ASSERT_LT_FELT).id("a", "felt", 4).id("b", "felt", 4).run());
    new HintTester(HintCodes.ASSERT_LT_FELT).id("a", "felt", 3).id("b", "felt", 4).run();
  }

  @Test
  void assertLeFeltSplitsTheTwoShortArcs() {
    // a = 5, b = P - 10: arcs (5, 0), (9, 2), (P - 15, 1) → excluded = 1; short arcs 5 and 9 go to the range checks
    BigInteger p3h = P.divide(b(3)).shiftRight(128).add(BigInteger.ONE), p2h = P.divide(b(2)).shiftRight(128).add(BigInteger.ONE);
    Relocatable rc = new Relocatable(1, 100);
    HintTester t = new HintTester(HintCodes.ASSERT_LE_FELT).id("a", "felt", 5).id("b", "felt", P.subtract(b(10)))
        .id("range_check_ptr", "felt*", rc).constant("PRIME_OVER_3_HIGH", p3h).constant("PRIME_OVER_2_HIGH", p2h).run();
    assertEquals(1, t.scopeVar("excluded"));
    assertEquals(MaybeRelocatable.of(5), t.runner.memory().get(rc));
    assertEquals(MaybeRelocatable.of(0), t.runner.memory().get(rc.add(1)));
    assertEquals(MaybeRelocatable.of(9), t.runner.memory().get(rc.add(2)));
    assertEquals(MaybeRelocatable.of(0), t.runner.memory().get(rc.add(3)));
    assertEquals(MaybeRelocatable.of(0), new HintTester(HintCodes.ASSERT_LE_FELT_EXCLUDED_0).scope("excluded", 0).run().atAp());
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.ASSERT_LE_FELT_EXCLUDED_1).scope("excluded", 0).run().atAp());
    assertThrows(VmError.class, () -> new HintTester(HintCodes.ASSERT_LE_FELT_EXCLUDED_2).scope("excluded", 1).run());
  }

  @Test
  void unsignedDivRemAndSignedDivRem() {
    HintTester t = new HintTester(HintCodes.UNSIGNED_DIV_REM).id("value", "felt", 1000).id("div", "felt", 7)
        .id("q", "felt").id("r", "felt").run();
    assertEquals(b(142), t.felt("q"));
    assertEquals(b(6), t.felt("r"));
    // value = -1000, div = 7, bound = 2^64: Python divmod gives q = -143, r = 1
    HintTester s = new HintTester(HintCodes.SIGNED_DIV_REM).id("value", "felt", P.subtract(b(1000))).id("div", "felt", 7)
        .id("bound", "felt", BigInteger.ONE.shiftLeft(64)).id("r", "felt").id("biased_q", "felt").run();
    assertEquals(b(1), s.felt("r"));
    assertEquals(new BigInteger("18446744073709551473"), s.felt("biased_q"));
  }

  @Test
  void sqrtAndUint256Sqrt() {
    HintTester t = new HintTester(HintCodes.SQRT).id("value", "felt", BigInteger.ONE.shiftLeft(100).add(b(12345))).id("root", "felt").run();
    assertEquals(new BigInteger("1125899906842624"), t.felt("root"));
    HintTester u = new HintTester(HintCodes.UINT256_SQRT).id("n", "Uint256", 0, 1).id("root", "Uint256").run();
    assertEquals(BigInteger.ONE.shiftLeft(64), u.felt("root", 0)); // isqrt(2^128)
    assertEquals(BigInteger.ZERO, u.felt("root", 1));
  }

  @Test
  void splitFeltAndAssert250Bits() {
    BigInteger maxHigh = new BigInteger("10633823966279327296825105735305134080");
    HintTester t = new HintTester(HintCodes.SPLIT_FELT).id("value", "felt", P.subtract(b(1))).id("low", "felt").id("high", "felt")
        .constant("MAX_HIGH", maxHigh).constant("MAX_LOW", 0).run();
    assertEquals(BigInteger.ZERO, t.felt("low"));
    assertEquals(maxHigh, t.felt("high"));
    HintTester a = new HintTester(HintCodes.ASSERT_250_BITS).id("value", "felt", BigInteger.ONE.shiftLeft(130).add(b(9)))
        .id("high", "felt").id("low", "felt").constant("UPPER_BOUND", BigInteger.ONE.shiftLeft(250))
        .constant("SHIFT", BigInteger.ONE.shiftLeft(128)).run();
    assertEquals(b(4), a.felt("high"));
    assertEquals(b(9), a.felt("low"));
  }

  @Test
  void assertNotZeroAndNotEqual() {
    assertThrows(VmError.class, () -> new HintTester(HintCodes.ASSERT_NOT_ZERO).id("value", "felt", 0).run());
    new HintTester(HintCodes.ASSERT_NOT_ZERO).id("value", "felt", 1).run();
    assertThrows(VmError.class, () -> new HintTester(HintCodes.ASSERT_NOT_EQUAL).id("a", "felt", 3).id("b", "felt", 3).run());
    VmError e = assertThrows(VmError.class,
        () -> new HintTester(HintCodes.ASSERT_NOT_EQUAL).id("a", "felt", 3).id("b", "felt", new Relocatable(1, 0)).run());
    assertTrue(e.getMessage().contains("non-comparable"), e.getMessage());
  }

  @Test
  void isPositiveAndPow() {
    assertEquals(b(0), new HintTester(HintCodes.IS_POSITIVE).id("value", "felt", P.subtract(b(5))).id("is_positive", "felt").run().felt("is_positive"));
    assertEquals(b(1), new HintTester(HintCodes.IS_POSITIVE).id("value", "felt", 5).id("is_positive", "felt").run().felt("is_positive"));
    HintTester t = new HintTester(HintCodes.POW).id("locs", "Locs").id("prev_locs", "Locs", 0, 13).run();
    assertEquals(b(1), t.felt("locs", 0));
  }

  @Test
  void memcpyLoopCountsDown() {
    HintTester t = new HintTester(HintCodes.MEMCPY_ENTER_SCOPE).id("len", "felt", 2).run();
    assertEquals(2, t.scopeDepth());
    assertEquals(b(2), t.scopeVar("n"));
    HintTester c = new HintTester(HintCodes.MEMCPY_CONTINUE_COPYING).id("continue_copying", "felt").scope("n", b(2)).run();
    assertEquals(b(1), c.felt("continue_copying"));
    HintTester d = new HintTester(HintCodes.MEMSET_CONTINUE_LOOP).id("continue_loop", "felt").scope("n", b(1)).run();
    assertEquals(b(0), d.felt("continue_loop"));
  }

  @Test
  void segmentsAddWritesANewSegmentAtAp() {
    HintTester t = new HintTester(HintCodes.SEGMENTS_ADD).run();
    Relocatable r = assertInstanceOf(Relocatable.class, t.atAp());
    assertEquals(0, r.offset());
    assertEquals(t.runner.memory().segmentCount() - 1, r.segment());
  }

  @Test
  void findElementAndSearchSortedLower() {
    Relocatable arr = new Relocatable(1, 100);
    HintTester t = new HintTester(HintCodes.FIND_ELEMENT).id("array_ptr", "felt*", arr).id("elm_size", "felt", 2)
        .id("n_elms", "felt", 3).id("key", "felt", 30).id("index", "felt").memory(arr, 10, 1, 20, 2, 30, 3).run();
    assertEquals(b(2), t.felt("index"));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.FIND_ELEMENT).id("array_ptr", "felt*", arr).id("elm_size", "felt", 2)
        .id("n_elms", "felt", 3).id("key", "felt", 31).id("index", "felt").memory(arr, 10, 1, 20, 2, 30, 3).run());
    HintTester s = new HintTester(HintCodes.SEARCH_SORTED_LOWER).id("array_ptr", "felt*", arr).id("elm_size", "felt", 2)
        .id("n_elms", "felt", 3).id("key", "felt", 15).id("index", "felt").memory(arr, 10, 1, 20, 2, 30, 3).run();
    assertEquals(b(1), s.felt("index"));
  }

  @Test
  void uint256AddSubDivMod() {
    BigInteger shift = BigInteger.ONE.shiftLeft(128), max = shift.subtract(BigInteger.ONE);
    HintTester t = new HintTester(HintCodes.UINT256_ADD).id("a", "Uint256", max, 1).id("b", "Uint256", 1, 2)
        .id("carry_low", "felt").id("carry_high", "felt").constant("SHIFT", shift).run();
    assertEquals(b(1), t.felt("carry_low"));
    assertEquals(b(0), t.felt("carry_high"));
    HintTester s = new HintTester(HintCodes.UINT256_SUB).id("a", "Uint256", 0, 0).id("b", "Uint256", 1, 0).id("res", "Uint256").run();
    assertEquals(max, s.felt("res", 0));
    assertEquals(max, s.felt("res", 1));
    // a = 5·2^128 + 7, div = 2^128 + 3 → (4, 2^128 − 5)
    HintTester d = new HintTester(HintCodes.UINT256_UNSIGNED_DIV_REM).id("a", "Uint256", 7, 5).id("div", "Uint256", 3, 1)
        .id("quotient", "Uint256").id("remainder", "Uint256").run();
    assertEquals(b(4), d.felt("quotient", 0));
    assertEquals(shift.subtract(b(5)), d.felt("remainder", 0));
    assertEquals(b(0), d.felt("remainder", 1));
  }

  @Test
  void uint256MulDivModAndSignedNn() {
    // (2^128)·(2^128) / 3 = 2^256 / 3
    HintTester t = new HintTester(HintCodes.UINT256_MUL_DIV_MOD).id("a", "Uint256", 0, 1).id("b", "Uint256", 0, 1)
        .id("div", "Uint256", 3, 0).id("quotient_low", "Uint256").id("quotient_high", "Uint256").id("remainder", "Uint256").run();
    BigInteger q = BigInteger.ONE.shiftLeft(256).divide(b(3));
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    assertEquals(q.and(mask), t.felt("quotient_low", 0));
    assertEquals(q.shiftRight(128), t.felt("quotient_low", 1));
    assertEquals(b(0), t.felt("quotient_high", 0));
    assertEquals(b(1), t.felt("remainder", 0));
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.UINT256_SIGNED_NN).id("a", "Uint256", 0, 5).run().atAp());
    assertEquals(MaybeRelocatable.of(0),
        new HintTester(HintCodes.UINT256_SIGNED_NN).id("a", "Uint256", 0, BigInteger.ONE.shiftLeft(127)).run().atAp());
  }

  @Test
  void secpSplitAndDivModN() {
    BigInteger x = BigInteger.ONE.shiftLeft(200).add(b(12345));
    HintTester t = new HintTester(HintCodes.SECP_SPLIT_VALUE_TO_RES).id("res", "BigInt3").scope("value", x).run();
    assertEquals(b(12345), t.felt("res", 0));
    assertEquals(b(0), t.felt("res", 1));
    assertEquals(b(268435456), t.felt("res", 2));
    HintTester d = new HintTester(HintCodes.SECP_DIV_MOD_N).id("a", "BigInt3", 123456789, 0, 0).id("b", "BigInt3", 987654321, 0, 0).run();
    assertEquals(new BigInteger("107910063528821358878257778514775146305143531658105583492973276109805552980824"), d.scopeVar("value"));
  }

  @Test
  void secpVerifyZeroComputesQuotient() {
    // val = 2·SECP_P packed: d0..d2 of 2·SECP_P
    BigInteger v = SecpHints.SECP_P.shiftLeft(1);
    BigInteger base = BigInteger.ONE.shiftLeft(86);
    HintTester t = new HintTester(HintCodes.SECP_VERIFY_ZERO)
        .id("val", "BigInt3", v.mod(base), v.shiftRight(86).mod(base), v.shiftRight(172)).id("q", "felt").run();
    assertEquals(b(2), t.felt("q"));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SECP_VERIFY_ZERO).id("val", "BigInt3", 1, 0, 0).id("q", "felt").run());
  }

  @Test
  void ecNegateTakesMinusYModP() {
    HintTester t = new HintTester(HintCodes.EC_NEGATE).id("point", "SecpPoint", 0, 0, 0, 5, 0, 0).run();
    assertEquals(SecpHints.SECP_P.subtract(b(5)), t.scopeVar("value"));
  }

  @Test
  void usortSortsAndCountsMultiplicities() {
    Relocatable in = new Relocatable(1, 100);
    HintTester t = new HintTester(HintCodes.USORT_BODY).id("input", "felt*", in).id("input_len", "felt", 4)
        .id("output_len", "felt").id("output", "felt*").id("multiplicities", "felt*").memory(in, 3, 1, 3, 2)
        .scope("__usort_max_size", null).run();
    assertEquals(b(3), t.felt("output_len"));
    Relocatable out = (Relocatable) t.cell("output", 0), mult = (Relocatable) t.cell("multiplicities", 0);
    long[] sorted = {1, 2, 3}, counts = {1, 1, 2};
    for (int i = 0; i < 3; i++) {
      assertEquals(MaybeRelocatable.of(sorted[i]), t.runner.memory().get(out.add(i)));
      assertEquals(MaybeRelocatable.of(counts[i]), t.runner.memory().get(mult.add(i)));
    }
  }

  @Test
  void dictNewReadWrite() {
    Map<MaybeRelocatable, MaybeRelocatable> init = new HashMap<>();
    init.put(MaybeRelocatable.of(1), MaybeRelocatable.of(10));
    HintTester t = new HintTester(HintCodes.DICT_NEW).scope("initial_dict", init).run();
    Relocatable base = assertInstanceOf(Relocatable.class, t.atAp());
    DictManager dm = (DictManager) t.scopeVar("__dict_manager");
    assertEquals(MaybeRelocatable.of(10), dm.tracker(base).get(MaybeRelocatable.of(1)));
    assertThrows(VmError.class, () -> dm.tracker(base.add(3)));
  }

  @Test
  void squashDictOrdersKeysAndAccesses() {
    HintTester t = new HintTester(HintCodes.SQUASH_DICT_INNER_NEXT_KEY).id("next_key", "felt")
        .scope("keys", new ArrayList<>(List.of(b(9), b(4)))).run();
    assertEquals(b(4), t.felt("next_key"));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SQUASH_DICT_INNER_NEXT_KEY).id("next_key", "felt")
        .scope("keys", new ArrayList<>()).run());
    HintTester c = new HintTester(HintCodes.SQUASH_DICT_INNER_CHECK_ACCESS_INDEX).id("loop_temps", "LoopTemps")
        .scope("current_access_indices", new ArrayList<>(List.of(9L, 5L))).scope("current_access_index", 2L).run();
    assertEquals(b(2), c.felt("loop_temps", 0)); // 5 − 2 − 1
  }

  @Test
  void blake2sFinalizePaddingUsesTheEmptyMessageDigest() {
    // One padding instance (N_PACKED_INSTANCES = 2): 16 zero words, modified IV, [0, 0xffffffff], then
    // compress(modified IV, zeros, t=0, f=~0) = BLAKE2s("") as little-endian words (hashlib).
    HintTester t = new HintTester(HintCodes.BLAKE2S_FINALIZE_V3).id("blake2s_ptr_end", "felt*", new Relocatable(1, 100))
        .constant("N_PACKED_INSTANCES", 2).constant("BLAKE2S_INPUT_CHUNK_SIZE_FELTS", 16).run();
    long[] expected = {0x307a2169L, 0x94809079L, 0xd02111e1L, 0x7c4a3542L, 0x48b6551fL, 0x1ea5a12cL, 0xfd0d251bL, 0xf9eed01eL};
    for (int i = 0; i < 8; i++)
      assertEquals(MaybeRelocatable.of(expected[i]), t.runner.memory().get(new Relocatable(1, 100 + 16 + 8 + 2 + i)));
  }

  @Test
  void sha256CompressionOfThePaddedAbcBlockIsTheDigest() {
    Object[] block = {0x61626380L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x18};
    Relocatable in = new Relocatable(1, 200), out = new Relocatable(1, 300);
    HintTester t = new HintTester(HintCodes.SHA256_MAIN_CONSTANT_INPUT_LENGTH).id("sha256_start", "felt*", in)
        .id("output", "felt*", out).constant("SHA256_INPUT_CHUNK_SIZE_FELTS", 16).memory(in, block).run();
    long[] digest = {0xba7816bfL, 0x8f01cfeaL, 0x414140deL, 0x5dae2223L, 0xb00361a3L, 0x96177a9cL, 0xb410ff61L, 0xf20015adL};
    for (int i = 0; i < 8; i++) assertEquals(MaybeRelocatable.of(digest[i]), t.runner.memory().get(out.add(i)));
  }

  @Test
  void keccakNondetComparisons() {
    assertEquals(MaybeRelocatable.of(1), new HintTester(HintCodes.KECCAK_NONDET_LT_BYTES_IN_WORD).id("n_bytes", "felt", 3)
        .constant("BYTES_IN_WORD", 8).run().atAp());
    assertEquals(MaybeRelocatable.of(0), new HintTester(HintCodes.KECCAK_NONDET_GE_FULL_RATE).id("n_bytes", "felt", 3)
        .constant("KECCAK_FULL_RATE_IN_BYTES", 136).run().atAp());
    HintTester w = new HintTester(HintCodes.KECCAK_WRITE_ARGS).id("inputs", "felt*", new Relocatable(1, 50))
        .id("low", "felt", BigInteger.ONE.shiftLeft(64).add(b(3))).id("high", "felt", 7).run();
    assertEquals(MaybeRelocatable.of(3), w.runner.memory().get(new Relocatable(1, 50)));
    assertEquals(MaybeRelocatable.of(1), w.runner.memory().get(new Relocatable(1, 51)));
    assertEquals(MaybeRelocatable.of(7), w.runner.memory().get(new Relocatable(1, 52)));
  }

  @Test
  void uint384DivRemAndSqrt() {
    BigInteger a = BigInteger.ONE.shiftLeft(300).add(b(17));
    BigInteger m = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    HintTester t = new HintTester(HintCodes.UINT384_UNSIGNED_DIV_REM)
        .id("a", "Uint384", a.and(m), a.shiftRight(128).and(m), a.shiftRight(256)).id("div", "Uint384", 1000, 0, 0)
        .id("quotient", "Uint384").id("remainder", "Uint384").run();
    BigInteger[] qr = a.divideAndRemainder(b(1000));
    assertEquals(qr[1], t.felt("remainder", 0));
    assertEquals(qr[0].and(m), t.felt("quotient", 0));
    assertEquals(qr[0].shiftRight(256), t.felt("quotient", 2));
  }

  @Test
  void tonelliShanksAgreesWithSquaring() {
    BigInteger p = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    for (long v = 2; v < 40; v++) {
      BigInteger sq = b(v).multiply(b(v)).mod(p);
      assertTrue(Uint384Hints.isQuadResidue(sq, p));
      BigInteger r = Uint384Hints.sqrtMod(sq, p);
      assertEquals(sq, r.multiply(r).mod(p));
      assertTrue(r.compareTo(p.subtract(r)) <= 0);
    }
  }

  @Test
  void relocationRuleAndTemporarySegment() {
    HintTester t = new HintTester(HintCodes.TEMPORARY_ARRAY).id("temporary_array", "felt*").run();
    Relocatable r = assertInstanceOf(Relocatable.class, t.cell("temporary_array", 0));
    assertEquals(-1, r.segment());
  }
}
