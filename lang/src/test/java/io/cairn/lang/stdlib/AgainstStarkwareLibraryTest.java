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
    assertEquals(runBroad("starkware.cairo.common", List.of(Path.of(lib))), runBroad("cairn.common", List.of()));
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

  /** Many functions of both libraries on the same inputs: every output must agree. */
  private static List<BigInteger> runBroad(String lib, List<Path> cairoPath) {
    String src = """
        %builtins output pedersen range_check bitwise keccak poseidon
        from LIB.cairo_builtins import HashBuiltin, BitwiseBuiltin, PoseidonBuiltin, KeccakBuiltin
        from LIB.alloc import alloc
        from LIB.serialize import serialize_word
        from LIB.math import split_felt, assert_le_felt, sqrt, signed_div_rem, abs_value, sign, split_int, horner_eval, is_quad_residue
        from LIB.math_cmp import is_nn, is_le, is_le_felt, is_in_range
        from LIB.pow import pow
        from LIB.hash_state import hash_felts, hash_felts_no_padding
        from LIB.builtin_poseidon.poseidon import poseidon_hash_many
        from LIB.usort import usort
        from LIB.find_element import find_element, search_sorted
        from LIB.dict import dict_write, dict_read
        from LIB.default_dict import default_dict_new, default_dict_finalize
        from LIB.dict_access import DictAccess
        from LIB.uint256 import Uint256, uint256_add, uint256_sub, uint256_unsigned_div_rem, uint256_sqrt, uint256_signed_div_rem, uint256_mul_div_mod, uint256_shl, uint256_shr, uint256_xor, word_reverse_endian
        from LIB.builtin_keccak.keccak import keccak_felts, keccak
        from LIB.memcpy import memcpy

        func out_u{output_ptr: felt*}(v: Uint256) {
            serialize_word(v.low);
            serialize_word(v.high);
            return ();
        }

        func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*, poseidon_ptr: PoseidonBuiltin*}() {
            alloc_locals;
            let (h, l) = split_felt(-12345);
            serialize_word(h);
            serialize_word(l);
            assert_le_felt(2 ** 200, -1);
            let x = sqrt(10 ** 40 + 12345);
            serialize_word(x);
            let (q, r) = signed_div_rem(-1000, 7, 2 ** 64);
            serialize_word(q);
            serialize_word(r);
            let x = abs_value(-99);
            serialize_word(x);
            let x = sign(-99);
            serialize_word(x);
            let (limbs) = alloc();
            split_int(0xabcdef, 3, 256, 256, limbs);
            serialize_word(limbs[0] + limbs[1] * 1000 + limbs[2] * 1000000);
            let (h2) = horner_eval(3, limbs, 17);
            serialize_word(h2);
            let x = is_quad_residue(5);
            serialize_word(x);
            let x = is_nn(-3);
            serialize_word(x);
            let x = is_le(7, 3);
            serialize_word(x);
            let x = is_le_felt(-1, 3);
            serialize_word(x);
            let x = is_in_range(5, 1, 10);
            serialize_word(x);
            let (p) = pow(3, 100);
            serialize_word(p);
            let (data) = alloc();
            assert data[0] = 9;
            assert data[1] = 3;
            assert data[2] = 9;
            assert data[3] = 1;
            let (hf) = hash_felts{hash_ptr=pedersen_ptr}(data, 4);
            serialize_word(hf);
            let (hn) = hash_felts_no_padding{hash_ptr=pedersen_ptr}(data, 4, 7);
            serialize_word(hn);
            let (ph) = poseidon_hash_many(3, data);
            serialize_word(ph);
            let (n, values, counts) = usort(4, data);
            serialize_word(n);
            serialize_word(values[0] + values[1] * 10 + values[2] * 100);
            serialize_word(counts[0] + counts[1] * 10 + counts[2] * 100);
            let (copy) = alloc();
            memcpy(copy, values, 3);
            let (e) = find_element(copy, 1, 3, 3);
            serialize_word(e - copy);
            let (e, found) = search_sorted(copy, 1, 3, 4);
            serialize_word((e - copy) * 10 + found);
            let (d) = default_dict_new(5);
            let dict_ptr = d;
            with dict_ptr {
                dict_write(10, 1);
                dict_write(2, 3);
                let (v) = dict_read(10);
                dict_write(10, v + 1);
                let (v) = dict_read(7);
            }
            let (start, end) = default_dict_finalize(d, dict_ptr, 5);
            serialize_word((cast(end, felt) - cast(start, felt)) / DictAccess.SIZE);
            serialize_word(start[0].key * 100 + start[0].new_value);
            serialize_word(start[1].key * 100 + start[1].new_value);
            serialize_word(start[2].key * 100 + start[2].new_value);
            local a: Uint256 = Uint256(low=0xfedcba9876543210fedcba9876543210, high=0x8123456789abcdef0123456789abcdef);
            local b: Uint256 = Uint256(low=0x1234567, high=0x89);
            let (s, c) = uint256_add(a, a);
            out_u(s);
            serialize_word(c);
            let (s) = uint256_sub(b, a);
            out_u(s);
            let (qq, rr) = uint256_unsigned_div_rem(a, b);
            out_u(qq);
            out_u(rr);
            let (sq) = uint256_sqrt(a);
            out_u(sq);
            let (qs, rs) = uint256_signed_div_rem(a, b);
            out_u(qs);
            out_u(rs);
            let (ql, qh, rm) = uint256_mul_div_mod(a, a, b);
            out_u(ql);
            out_u(qh);
            out_u(rm);
            let (sh) = uint256_shl(a, Uint256(low=5, high=0));
            out_u(sh);
            let (sh) = uint256_shr(a, Uint256(low=129, high=0));
            out_u(sh);
            let (xo) = uint256_xor(a, b);
            out_u(xo);
            let (w) = word_reverse_endian(0x0102030405060708090a0b0c0d0e0f10);
            serialize_word(w);
            let (kf) = keccak_felts(4, data);
            out_u(kf);
            let (words) = alloc();
            assert words[0] = 0x6f77206f6c6c6548;
            assert words[1] = 0x21646c72;
            let (kh) = keccak(words, 12);
            out_u(kh);
            return ();
        }
        """.replace("LIB", lib);
    return run(src, cairoPath);
  }

  private static List<BigInteger> run(String src, List<Path> cairoPath) {
    String json = new Compiler(new Compiler.Options(cairoPath, false, true)).compile("both.cairo", src).toJson();
    CairoRunner r = new CairoRunner(Program.parse(json, "both.json"), RunConfig.of("all_cairo"), new HintProcessor());
    r.initialize();
    r.run();
    return r.output();
  }
}
