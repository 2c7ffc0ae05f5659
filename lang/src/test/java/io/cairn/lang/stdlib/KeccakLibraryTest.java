package io.cairn.lang.stdlib;

import static io.cairn.lang.stdlib.StdlibRunner.failsWith;
import static io.cairn.lang.stdlib.StdlibRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.crypto.hash.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** cairn.common.builtin_keccak.keccak against the crypto module's Keccak-256 (and Ethereum's known digests). */
class KeccakLibraryTest {
  static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

  private static BigInteger le(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) r[i] = b[b.length - 1 - i];
    return new BigInteger(1, r);
  }

  private static byte[] be32(BigInteger v) {
    byte[] out = new byte[32];
    byte[] raw = v.toByteArray();
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] le32(BigInteger v) {
    byte[] b = be32(v);
    byte[] r = new byte[32];
    for (int i = 0; i < 32; i++) r[i] = b[31 - i];
    return r;
  }

  private static String program(String body) {
    return """
        %builtins output range_check bitwise keccak
        from cairn.common.cairo_builtins import BitwiseBuiltin, KeccakBuiltin
        from cairn.common.builtin_keccak.keccak import keccak, keccak_bigend, keccak_uint256s, keccak_uint256s_bigend, keccak_felts, keccak_felts_bigend
        from cairn.common.uint256 import Uint256
        from cairn.common.serialize import serialize_word
        from cairn.common.alloc import alloc

        func out{output_ptr: felt*}(v: Uint256) {
            serialize_word(v.low);
            serialize_word(v.high);
            return ();
        }

        func main{output_ptr: felt*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*, keccak_ptr: KeccakBuiltin*}() {
            alloc_locals;
        """ + body + """
            return ();
        }
        """;
  }

  private static List<BigInteger> digests(List<BigInteger> out) {
    List<BigInteger> d = new ArrayList<>();
    for (int i = 0; i < out.size(); i += 2) d.add(out.get(i + 1).shiftLeft(128).add(out.get(i)));
    return d;
  }

  @Test
  void bytesOfAnyLengthHashLikeEthereum() {
    // Lengths around the word (8) and block (136) boundaries.
    int[] lengths = {0, 1, 7, 8, 12, 135, 136, 137, 300};
    Random rnd = new Random(3);
    for (int n : lengths) {
      byte[] data = new byte[n];
      rnd.nextBytes(data);
      StringBuilder body = new StringBuilder("    let (inputs) = alloc();\n");
      for (int w = 0; w * 8 < n; w++) {
        byte[] word = java.util.Arrays.copyOfRange(data, w * 8, Math.min(n, w * 8 + 8));
        body.append("    assert inputs[").append(w).append("] = ").append(le(word)).append(";\n");
      }
      body.append("    let (d) = keccak(inputs, ").append(n).append(");\n    out(d);\n");
      body.append("    let (d) = keccak_bigend(inputs, ").append(n).append(");\n    out(d);\n");
      List<BigInteger> d = digests(run(program(body.toString())));
      byte[] expected = Keccak.keccak256(data);
      assertEquals(List.of(le(expected), new BigInteger(1, expected)), d, "length " + n);
    }
    // keccak256("") is Ethereum's well-known empty hash.
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        String.format("%064x", new BigInteger(1, Keccak.keccak256(new byte[0]))));
  }

  @Test
  void uint256sAndFelts() {
    BigInteger a = new BigInteger("123456789abcdef0123456789abcdef0fedcba9876543210fedcba9876543210", 16);
    BigInteger b = BigInteger.valueOf(5);
    List<BigInteger> d = digests(run(program("""
            let (numbers: Uint256*) = alloc();
            assert numbers[0] = Uint256(low=LOW_A, high=HIGH_A);
            assert numbers[1] = Uint256(low=5, high=0);
            let (h) = keccak_uint256s(2, numbers);
            out(h);
            let (h) = keccak_uint256s_bigend(2, numbers);
            out(h);
            let (felts) = alloc();
            assert felts[0] = 5;
            assert felts[1] = -1;
            let (h) = keccak_felts(2, felts);
            out(h);
            let (h) = keccak_felts_bigend(2, felts);
            out(h);
        """.replace("LOW_A", a.mod(TWO_128).toString()).replace("HIGH_A", a.shiftRight(128).toString()))));
    byte[] leInput = concat(le32(a), le32(b));
    byte[] beInput = concat(be32(a), be32(b));
    BigInteger minusOne = io.cairn.vm.memory.Field.P.subtract(BigInteger.ONE);
    assertEquals(List.of(
        le(Keccak.keccak256(leInput)),
        new BigInteger(1, Keccak.keccak256(beInput)),
        le(Keccak.keccak256(concat(le32(b), le32(minusOne)))),
        new BigInteger(1, Keccak.keccak256(concat(be32(b), be32(minusOne))))), d);
    assertEquals(le(Keccak.keccak256("x".getBytes(StandardCharsets.US_ASCII))), le(Keccak.keccak256(new byte[] {'x'})));
    failsWith(program("""
            let (inputs) = alloc();
            assert inputs[0] = 2 ** 64;
            let (d) = keccak(inputs, 8);
        """), "keccak: an input word is not below 2**64.");
    failsWith(program("""
            let (inputs) = alloc();
            assert inputs[0] = 256;
            let (d) = keccak(inputs, 1);
        """), "keccak: the last word has more than n_bytes % 8 bytes.");
  }

  private static byte[] concat(byte[] x, byte[] y) {
    byte[] out = new byte[x.length + y.length];
    System.arraycopy(x, 0, out, 0, x.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
