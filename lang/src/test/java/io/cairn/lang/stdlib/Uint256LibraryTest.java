package io.cairn.lang.stdlib;

import static io.cairn.lang.stdlib.StdlibRunner.failsWith;
import static io.cairn.lang.stdlib.StdlibRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** cairn.common.uint256 against java.math.BigInteger on random and edge operands. */
class Uint256LibraryTest {
  static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private static String lit(BigInteger v) {
    return "Uint256(low=0x" + v.mod(TWO_128).toString(16) + ", high=0x" + v.shiftRight(128).toString(16) + ")";
  }

  /** Outputs a Uint256 as a single felt-free pair: low then high. */
  private static BigInteger join(List<BigInteger> out, int i) {
    return out.get(i + 1).shiftLeft(128).add(out.get(i));
  }

  @Test
  void arithmeticMatchesBigInteger() {
    Random rnd = new Random(7);
    List<BigInteger[]> cases = new ArrayList<>();
    cases.add(new BigInteger[] {TWO_256.subtract(BigInteger.ONE), TWO_256.subtract(BigInteger.ONE)});
    cases.add(new BigInteger[] {TWO_128.subtract(BigInteger.ONE), BigInteger.ONE});
    cases.add(new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(3)});
    cases.add(new BigInteger[] {new BigInteger(256, rnd), new BigInteger(200, rnd)});
    cases.add(new BigInteger[] {new BigInteger(256, rnd), new BigInteger(256, rnd)});
    cases.add(new BigInteger[] {new BigInteger(90, rnd), new BigInteger(250, rnd)});
    for (BigInteger[] c : cases) {
      BigInteger a = c[0], b = c[1];
      List<BigInteger> out = run("""
          %builtins output range_check bitwise
          from cairn.common.cairo_builtins import BitwiseBuiltin
          from cairn.common.uint256 import Uint256, uint256_add, uint256_sub, uint256_mul, uint256_unsigned_div_rem, uint256_lt, uint256_le, uint256_eq, uint256_neg, uint256_not, uint256_and, uint256_or, uint256_xor, uint256_sqrt, uint256_signed_lt, uint256_check
          from cairn.common.serialize import serialize_word

          func out{output_ptr: felt*}(v: Uint256) {
              serialize_word(v.low);
              serialize_word(v.high);
              return ();
          }

          func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
              alloc_locals;
              local a: Uint256 = A;
              local b: Uint256 = B;
              uint256_check(a);
              let (s, carry) = uint256_add(a, b);
              out(s);
              serialize_word(carry);
              let (d) = uint256_sub(a, b);
              out(d);
              let (lo, hi) = uint256_mul(a, b);
              out(lo);
              out(hi);
              let (q, r) = uint256_unsigned_div_rem(a, b);
              out(q);
              out(r);
              let (x) = uint256_lt(a, b);
              serialize_word(x);
              let (x) = uint256_le(b, a);
              serialize_word(x);
              let (x) = uint256_eq(a, a);
              serialize_word(x);
              let (n) = uint256_neg(b);
              out(n);
              let (n) = uint256_not(a);
              out(n);
              let (y0) = uint256_and(a, b);
              out(y0);
              let (y1) = uint256_or(a, b);
              out(y1);
              let (y2) = uint256_xor(a, b);
              out(y2);
              let (y3) = uint256_sqrt(a);
              out(y3);
              let (x) = uint256_signed_lt(a, b);
              serialize_word(x);
              return ();
          }
          """.replace("A;", lit(a) + ";").replace("B;", lit(b) + ";"));
      // Limbs are below 2**128 < PRIME/2, so the signed output reading is the value itself.
      BigInteger sum = a.add(b);
      BigInteger[] qr = a.divideAndRemainder(b);
      BigInteger product = a.multiply(b);
      BigInteger sa = a.testBit(255) ? a.subtract(TWO_256) : a, sb = b.testBit(255) ? b.subtract(TWO_256) : b;
      List<BigInteger> expected = List.of(
          sum.mod(TWO_256), BigInteger.valueOf(sum.compareTo(TWO_256) >= 0 ? 1 : 0), a.subtract(b).mod(TWO_256),
          product.mod(TWO_256), product.shiftRight(256), qr[0], qr[1],
          BigInteger.valueOf(a.compareTo(b) < 0 ? 1 : 0), BigInteger.valueOf(b.compareTo(a) <= 0 ? 1 : 0), BigInteger.ONE,
          b.negate().mod(TWO_256), TWO_256.subtract(BigInteger.ONE).subtract(a), a.and(b), a.or(b), a.xor(b), a.sqrt(),
          BigInteger.valueOf(sa.compareTo(sb) < 0 ? 1 : 0));
      List<BigInteger> actual = new ArrayList<>();
      int i = 0;
      actual.add(join(out, i)); i += 2;
      actual.add(out.get(i)); i += 1;
      actual.add(join(out, i)); i += 2;
      actual.add(join(out, i)); i += 2;
      actual.add(join(out, i)); i += 2;
      actual.add(join(out, i)); i += 2;
      actual.add(join(out, i)); i += 2;
      actual.add(out.get(i++));
      actual.add(out.get(i++));
      actual.add(out.get(i++));
      for (int k = 0; k < 6; k++) {
        actual.add(join(out, i));
        i += 2;
      }
      actual.add(out.get(i));
      assertEquals(expected, actual, "a = " + a + ", b = " + b);
    }
  }

  @Test
  void conversionsShiftsAndFailures() {
    List<BigInteger> out = run("""
        %builtins output range_check
        from cairn.common.uint256 import Uint256, uint256_shl, uint256_shr, uint256_pow2, felt_to_uint256, uint256_to_felt, uint256_signed_nn, uint256_cond_neg
        from cairn.common.serialize import serialize_word

        func main{output_ptr: felt*, range_check_ptr}() {
            alloc_locals;
            let (p) = uint256_pow2(Uint256(low=130, high=0));
            serialize_word(p.high);
            let (p) = uint256_pow2(Uint256(low=256, high=0));
            serialize_word(p.low + p.high);
            let (s) = uint256_shl(Uint256(low=3, high=0), Uint256(low=127, high=0));
            serialize_word(s.low);
            serialize_word(s.high);
            let (s) = uint256_shr(Uint256(low=0, high=1), Uint256(low=1, high=0));
            serialize_word(s.low);
            let (s) = uint256_shr(Uint256(low=5, high=5), Uint256(low=300, high=0));
            serialize_word(s.low + s.high);
            let u = felt_to_uint256(-1);
            serialize_word(u.low);
            let f = uint256_to_felt(Uint256(low=7, high=1));
            serialize_word(f);
            let (nn) = uint256_signed_nn(Uint256(low=0, high=2 ** 127));
            serialize_word(nn);
            let (n) = uint256_cond_neg(Uint256(low=1, high=0), 1);
            serialize_word(n.high);
            return ();
        }
        """);
    assertEquals(List.of(BigInteger.valueOf(4), BigInteger.ZERO, BigInteger.ONE.shiftLeft(127), BigInteger.ONE,
        BigInteger.ONE.shiftLeft(127), BigInteger.ZERO, BigInteger.ZERO, TWO_128.add(BigInteger.valueOf(7)),
        BigInteger.ZERO, TWO_128.subtract(BigInteger.ONE)), out);
    failsWith("""
        %builtins range_check
        from cairn.common.uint256 import Uint256, uint256_unsigned_div_rem
        func main{range_check_ptr}() {
            let (q, r) = uint256_unsigned_div_rem(Uint256(low=1, high=0), Uint256(low=0, high=0));
            return ();
        }
        """, "uint256_unsigned_div_rem: division by zero.");
    failsWith("""
        %builtins range_check
        from cairn.common.uint256 import Uint256, uint256_to_felt
        func main{range_check_ptr}() {
            let f = uint256_to_felt(Uint256(low=0, high=2 ** 128 - 1));
            return ();
        }
        """, "uint256_to_felt: the value does not fit in a felt.");
    failsWith("""
        %builtins range_check
        from cairn.common.uint256 import Uint256, assert_uint256_lt
        func main{range_check_ptr}() {
            assert_uint256_lt(Uint256(low=2, high=0), Uint256(low=1, high=0));
            return ();
        }
        """, "assert_uint256_lt failed");
  }

  @Test
  void mulDivModAndSignedDivisionMatchBigIntegerAndTheEvm() {
    Random rnd = new Random(11);
    BigInteger[][] cases = {
      {new BigInteger(256, rnd), new BigInteger(256, rnd), new BigInteger(100, rnd)},
      {TWO_256.subtract(BigInteger.ONE), TWO_256.subtract(BigInteger.ONE), BigInteger.valueOf(3)},
      {new BigInteger(256, rnd), new BigInteger(256, rnd), new BigInteger(256, rnd)},
    };
    for (BigInteger[] c : cases) {
      List<BigInteger> out = run("""
          %builtins output range_check
          from cairn.common.uint256 import Uint256, uint256_mul_div_mod, uint256_signed_div_rem
          from cairn.common.serialize import serialize_word

          func out{output_ptr: felt*}(v: Uint256) {
              serialize_word(v.low);
              serialize_word(v.high);
              return ();
          }

          func main{output_ptr: felt*, range_check_ptr}() {
              alloc_locals;
              let (ql, qh, r) = uint256_mul_div_mod(A, B, D);
              out(ql);
              out(qh);
              out(r);
              let (q, r) = uint256_signed_div_rem(A, D);
              out(q);
              out(r);
              return ();
          }
          """.replace("A,", lit(c[0]) + ",").replace("B,", lit(c[1]) + ",").replace("D)", lit(c[2]) + ")"));
      BigInteger[] qr = c[0].multiply(c[1]).divideAndRemainder(c[2]);
      BigInteger sa = c[0].testBit(255) ? c[0].subtract(TWO_256) : c[0];
      BigInteger sd = c[2].testBit(255) ? c[2].subtract(TWO_256) : c[2];
      BigInteger[] sqr = sa.divideAndRemainder(sd); // truncates toward zero, remainder takes a's sign: SDIV/SMOD
      assertEquals(List.of(qr[0].mod(TWO_256), qr[0].shiftRight(256), qr[1], sqr[0].mod(TWO_256), sqr[1].mod(TWO_256)),
          List.of(join(out, 0), join(out, 2), join(out, 4), join(out, 6), join(out, 8)));
    }
    // (-2**255) / (-1) = -2**255 in the EVM.
    List<BigInteger> out = run("""
        %builtins output range_check
        from cairn.common.uint256 import Uint256, uint256_signed_div_rem
        from cairn.common.serialize import serialize_word
        func main{output_ptr: felt*, range_check_ptr}() {
            let (q, r) = uint256_signed_div_rem(Uint256(low=0, high=2 ** 127), Uint256(low=2 ** 128 - 1, high=2 ** 128 - 1));
            serialize_word(q.low);
            serialize_word(q.high);
            serialize_word(r.low + r.high);
            return ();
        }
        """);
    assertEquals(List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(127), BigInteger.ZERO), out);
  }
}
