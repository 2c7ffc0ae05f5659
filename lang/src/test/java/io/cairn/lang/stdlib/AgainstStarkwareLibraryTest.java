package io.cairn.lang.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.crypto.hash.Keccak;
import io.cairn.lang.compiler.Compiler;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The same program against cairn.common and against cairo-lang's library (from the checkout that CAIRN_CAIRO_LANG_SRC
 * points at; skipped without it): the two independent implementations must agree with each other and with the
 * crypto module and BigInteger.
 */
class AgainstStarkwareLibraryTest {
  @Test
  void bothLibrariesAgree() {
    String lib = System.getenv("CAIRN_CAIRO_LANG_SRC");
    Assumptions.assumeTrue(lib != null, "CAIRN_CAIRO_LANG_SRC not set");
    String template = """
        %builtins output range_check bitwise keccak
        from LIB.cairo_builtins import BitwiseBuiltin, KeccakBuiltin
        from LIB.alloc import alloc
        from LIB.uint256 import Uint256, uint256_mul
        from LIB.builtin_keccak.keccak import keccak_uint256s_bigend
        from LIB.math import unsigned_div_rem

        func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}() {
            alloc_locals;
            let (a: Uint256*) = alloc();
            assert a[0] = Uint256(low=0x0123456789abcdef0123456789abcdef, high=0xfedcba9876543210fedcba9876543210);
            assert a[1] = Uint256(low=5, high=0);
            let (h) = keccak_uint256s_bigend(2, a);
            assert output_ptr[0] = h.low;
            assert output_ptr[1] = h.high;
            let (lo, hi) = uint256_mul(a[0], a[0]);
            assert output_ptr[2] = lo.low;
            assert output_ptr[3] = hi.high;
            let (q, r) = unsigned_div_rem(10 ** 30, 12345);
            assert output_ptr[4] = q;
            assert output_ptr[5] = r;
            let output_ptr = output_ptr + 6;
            return ();
        }
        """;
    List<BigInteger> theirs = run(template.replace("LIB", "starkware.cairo.common"), List.of(Path.of(lib)));
    List<BigInteger> ours = run(template.replace("LIB", "cairn.common"), List.of());
    assertEquals(theirs, ours);
    List<BigInteger> out = ours;
    byte[] input = new byte[64];
    byte[] a = new BigInteger("fedcba9876543210fedcba98765432100123456789abcdef0123456789abcdef", 16).toByteArray();
    System.arraycopy(a, a.length - 32, input, 0, 32);
    input[63] = 5;
    BigInteger digest = new BigInteger(1, Keccak.keccak256(input));
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    assertEquals(List.of(digest.and(mask), digest.shiftRight(128)), out.subList(0, 2));
    BigInteger x = new BigInteger("fedcba9876543210fedcba98765432100123456789abcdef0123456789abcdef", 16);
    BigInteger square = x.multiply(x);
    assertEquals(List.of(square.and(mask), square.shiftRight(384), BigInteger.TEN.pow(30).divide(BigInteger.valueOf(12345)),
        BigInteger.TEN.pow(30).mod(BigInteger.valueOf(12345))), out.subList(2, 6));
  }

  private static List<BigInteger> run(String src, List<Path> cairoPath) {
    String json = new Compiler(new Compiler.Options(cairoPath, false, true)).compile("both.cairo", src).toJson();
    CairoRunner r = new CairoRunner(Program.parse(json, "both.json"), RunConfig.of("all_cairo"), new HintProcessor());
    r.initialize();
    r.run();
    return r.output();
  }
}
