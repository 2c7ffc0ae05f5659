package io.cairn.lang.stdlib;

import static io.cairn.lang.stdlib.StdlibRunner.fails;
import static io.cairn.lang.stdlib.StdlibRunner.failsWith;
import static io.cairn.lang.stdlib.StdlibRunner.ints;
import static io.cairn.lang.stdlib.StdlibRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cairn.common.math, math_cmp, pow, bool, alloc, memcpy, memset, serialize: values from Python's integer semantics. */
class MathLibraryTest {
  static final String HEADER = """
      %builtins output range_check
      from cairn.common.serialize import serialize_word
      from cairn.common.math import assert_not_zero, assert_not_equal, assert_nn, assert_le, assert_lt, assert_nn_le, assert_in_range, assert_250_bit, split_felt, assert_le_felt, assert_lt_felt, abs_value, sign, unsigned_div_rem, signed_div_rem, safe_div, safe_mult, split_int, sqrt, horner_eval, is_quad_residue, assert_is_power_of_2
      from cairn.common.math_cmp import is_not_zero, is_nn, is_le, is_nn_le, is_in_range, is_le_felt
      from cairn.common.pow import pow, signed_pow
      from cairn.common.bool import TRUE, FALSE
      from cairn.common.alloc import alloc
      from cairn.common.memcpy import memcpy
      from cairn.common.memset import memset
      """;

  private static String main(String body) {
    return HEADER + "\nfunc main{output_ptr: felt*, range_check_ptr}() {\n    alloc_locals;\n" + body + "\n    return ();\n}\n";
  }

  @Test
  void assertionsPassOnGoodValues() {
    List<BigInteger> out = run(main("""
        assert_not_zero(5);
        assert_not_equal(3, 4);
        assert_nn(0);
        assert_nn(2 ** 128 - 1);
        assert_le(7, 7);
        assert_lt(6, 7);
        assert_nn_le(3, 9);
        assert_in_range(5, 5, 6);
        assert_250_bit(2 ** 250 - 1);
        assert_le_felt(5, -1);
        assert_le_felt(3, 5);
        assert_le_felt(5, 5);
        assert_lt_felt(3, 5);
        assert_le_felt(-2, -1);
        assert_lt_felt(2 ** 200, 2 ** 200 + 1);
        serialize_word(TRUE + FALSE);
        """));
    assertEquals(ints(1), out);
  }

  @Test
  void assertLeFailsNamingTheValuesAndThePc() {
    String err = fails(main("    assert_le(8, 7);"));
    assertTrue(err.contains("assert_le failed: a = 8 is greater than b = 7."), err);
    assertTrue(err.contains("pc"), err);
    failsWith(main("    assert_lt(7, 7);"), "assert_lt failed: a = 7 is not less than b = 7.");
    failsWith(main("    assert_nn(-1);"), "assert_nn failed");
    failsWith(main("    assert_not_zero(0);"), "assert_not_zero failed");
    failsWith(main("    assert_not_equal(9, 9);"), "assert_not_equal failed: a = b = 9.");
    failsWith(main("    assert_250_bit(2 ** 250);"), "is not below 2**250");
    failsWith(main("    assert_le_felt(-1, 5);"), "assert_le_felt failed");
    failsWith(main("    assert_lt_felt(5, 5);"), "assert_lt_felt failed");
    failsWith(main("    assert_in_range(6, 5, 6);"), "assert_le failed");
  }

  @Test
  void splitFeltGivesTheCanonicalHalves() {
    // -1 = PRIME - 1 = (2**123 + 17 * 2**64) * 2**128.
    List<BigInteger> out = run(main("""
        let (h, l) = split_felt(-1);
        serialize_word(h);
        serialize_word(l);
        let (h, l) = split_felt(2 ** 130 + 5);
        serialize_word(h);
        serialize_word(l);
        """));
    BigInteger maxHigh = BigInteger.ONE.shiftLeft(123).add(BigInteger.valueOf(17).shiftLeft(64));
    assertEquals(List.of(maxHigh, BigInteger.ZERO, BigInteger.valueOf(4), BigInteger.valueOf(5)), out);
  }

  @Test
  void divisionsMatchPythonsDivmod() {
    List<BigInteger> out = run(main("""
        let (q, r) = unsigned_div_rem(100, 7);
        serialize_word(q);
        serialize_word(r);
        let (q, r) = signed_div_rem(-100, 7, 1000);
        serialize_word(q);
        serialize_word(r);
        let (q, r) = signed_div_rem(100, 7, 1000);
        serialize_word(q);
        serialize_word(r);
        let d = safe_div(91, 7);
        serialize_word(d);
        let m = safe_mult(2 ** 64, 2 ** 63);
        serialize_word(m);
        """));
    // divmod(-100, 7) == (-15, 5).
    assertEquals(ints(14, 2, -15, 5, 14, 2, 13, 1L << 63).subList(0, 7), out.subList(0, 7));
    assertEquals(BigInteger.ONE.shiftLeft(127), out.get(7));
    failsWith(main("    let (q, r) = unsigned_div_rem(1, 0);"), "unsigned_div_rem: div = 0x0 is out of the valid range.");
    failsWith(main("    let (q, r) = signed_div_rem(-100, 7, 10);"), "is out of the range [-10, 10)");
    failsWith(main("    let d = safe_div(92, 7);"), "safe_div: the value is not divisible by div.");
    failsWith(main("    let m = safe_mult(2 ** 64, 2 ** 64);"), "safe_mult: the product overflows 128 bits.");
  }

  @Test
  void signsSquareRootsPowersAndPolynomials() {
    List<BigInteger> out = run(main("""
        let a = abs_value(-42);
        serialize_word(a);
        let a = abs_value(42);
        serialize_word(a);
        let s = sign(-3);
        serialize_word(s);
        let s = sign(0);
        serialize_word(s);
        let s = sign(3);
        serialize_word(s);
        let r = sqrt(1000000);
        serialize_word(r);
        let r = sqrt(99);
        serialize_word(r);
        let (p) = pow(3, 13);
        serialize_word(p);
        let (p) = pow(7, 0);
        serialize_word(p);
        let (coefficients) = alloc();
        assert coefficients[0] = 1;
        assert coefficients[1] = 2;
        assert coefficients[2] = 3;
        let (h) = horner_eval(3, coefficients, 10);
        serialize_word(h);
        """));
    assertEquals(ints(42, 42, -1, 0, 1, 1000, 9, 1594323, 1, 321), out);
    // 2**250 - 1 needs 250 bits of the exponent; (2**125)**2 needs the top root.
    List<BigInteger> big = run(main("""
        let (p) = pow(2, 250);
        serialize_word(p);
        let r = sqrt(2 ** 250 - 1);
        serialize_word(r);
        """));
    assertEquals(BigInteger.ONE.shiftLeft(250), big.get(0));
    assertEquals(BigInteger.ONE.shiftLeft(125).subtract(BigInteger.ONE), big.get(1));
    failsWith(main("    let r = sqrt(2 ** 250);"), "sqrt: value");
  }

  @Test
  void comparisonsReturnZeroOrOne() {
    List<BigInteger> out = run(main("""
        let x = is_nn(0);
        serialize_word(x);
        let x = is_nn(-1);
        serialize_word(x);
        let x = is_nn(2 ** 200);
        serialize_word(x);
        let x = is_le(3, 4);
        serialize_word(x);
        let x = is_le(5, 4);
        serialize_word(x);
        let x = is_nn_le(-1, 4);
        serialize_word(x);
        let x = is_nn_le(2, 4);
        serialize_word(x);
        let x = is_in_range(4, 2, 4);
        serialize_word(x);
        let x = is_in_range(3, 2, 4);
        serialize_word(x);
        let x = is_le_felt(-1, 2);
        serialize_word(x);
        let x = is_le_felt(2, -1);
        serialize_word(x);
        let x = is_not_zero(0);
        serialize_word(x);
        let x = is_not_zero(-7);
        serialize_word(x);
        """));
    assertEquals(ints(1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1), out);
  }

  @Test
  void splitIntAndArrays() {
    List<BigInteger> out = run(main("""
        let (limbs) = alloc();
        split_int(0x1234, 4, 16, 16, limbs);
        serialize_word(limbs[0]);
        serialize_word(limbs[3]);
        let (src) = alloc();
        assert src[0] = 7;
        assert src[1] = 8;
        assert src[2] = 9;
        let (dst) = alloc();
        memcpy(dst, src, 3);
        serialize_word(dst[0] + dst[1] * 10 + dst[2] * 100);
        let (zeros) = alloc();
        memset(zeros, 5, 4);
        serialize_word(zeros[0] + zeros[3]);
        """));
    assertEquals(ints(4, 1, 987, 10), out);
    failsWith(main("""
        let (limbs) = alloc();
        split_int(0x12345, 4, 16, 16, limbs);
        """), "split_int: value is out of range.");
  }

  @Test
  void residuesPowersOfTwoAndSignedPowers() {
    // 3 is not a square modulo PRIME; 4 and 0 are.
    List<BigInteger> out = run(main("""
        let q = is_quad_residue(4);
        serialize_word(q);
        let q = is_quad_residue(3);
        serialize_word(q);
        let q = is_quad_residue(0);
        serialize_word(q);
        let q = is_quad_residue(12);
        serialize_word(q);
        assert_is_power_of_2(1, 0);
        assert_is_power_of_2(2 ** 250, 250);
        let p = signed_pow(2, -3);
        serialize_word(p * 8);
        let p = signed_pow(3, 4);
        serialize_word(p);
        """));
    assertEquals(ints(1, 0, 1, 0, 1, 81), out);
    failsWith(main("    assert_is_power_of_2(2 ** 10, 9);"), "assert_is_power_of_2: x is not a power of 2 up to 2**max_pow.");
    failsWith(main("    assert_is_power_of_2(6, 200);"), "assert_is_power_of_2");
  }

  @Test
  void feltComparisonsHoldAgainstADishonestRun() {
    // Skipping the hint's own check and claiming the cheap path for 5 <= 3: the range check fails.
    failsWith(main("    assert_le_felt(5, 3);"),
        java.util.Map.of(io.cairn.vm.hints.cairn.CairnHints.ASSERT_LE_FELT, c -> c.set("small", 1)), "is out of range");
    // Claiming the general path for 5 < 3: the split halves are compared and fail.
    failsWith(main("    assert_lt_felt(5, 3);"),
        java.util.Map.of(io.cairn.vm.hints.cairn.CairnHints.ASSERT_LT_FELT, c -> c.set("small", 0)), "assert_lt failed");
  }
}
