package io.cairn.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.crypto.field.Felt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keccak-256, SHA-256 and BLAKE2s-256 against published known answers. */
class DigestTest {
  static final HexFormat HEX = HexFormat.of();

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void keccak256KnownAnswers() {
    // Ethereum's keccak256("") and keccak256("abc")
    assertEquals(
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        HEX.formatHex(Keccak.keccak256(new byte[0])));
    assertEquals(
        "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        HEX.formatHex(Keccak.keccak256(ascii("abc"))));
    // ERC-20 Transfer event topic
    assertEquals(
        "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
        HEX.formatHex(Keccak.keccak256(ascii("Transfer(address,address,uint256)"))));
  }

  @Test
  void keccakAcrossBlockBoundaries() {
    // 135, 136 and 137 bytes straddle the 136-byte rate; compare the buffer variant with the array variant and
    // check that a one-byte change changes the digest (the padding byte must not overwrite data)
    for (int n : new int[] {135, 136, 137, 272, 300}) {
      byte[] d = new byte[n + 3];
      new Random(n).nextBytes(d);
      byte[] slice = java.util.Arrays.copyOfRange(d, 2, 2 + n);
      byte[] out = new byte[40];
      Keccak.keccak256(d, 2, n, out, 5, new long[25]);
      assertArrayEquals(Keccak.keccak256(slice), java.util.Arrays.copyOfRange(out, 5, 37));
    }
  }

  /** The permutation and absorption checked against the JDK's SHA3-256, which differs from Keccak-256 only in padding. */
  @Test
  void permutationAgreesWithJdkSha3() throws Exception {
    MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
    Random rnd = new Random(3);
    for (int n = 0; n < 420; n += 17) {
      byte[] d = new byte[n];
      rnd.nextBytes(d);
      long[] a = new long[25];
      int p = 0;
      for (; n - p >= Keccak.RATE_BYTES; p += Keccak.RATE_BYTES) {
        for (int i = 0; i < Keccak.RATE_BYTES; i++) a[i >>> 3] ^= (d[p + i] & 0xffL) << (8 * (i & 7));
        Keccak.keccakF1600(a);
      }
      for (int i = 0; p + i < n; i++) a[i >>> 3] ^= (d[p + i] & 0xffL) << (8 * (i & 7));
      a[(n - p) >>> 3] ^= 0x06L << (8 * ((n - p) & 7));
      a[16] ^= 0x80L << 56;
      Keccak.keccakF1600(a);
      byte[] out = new byte[32];
      for (int i = 0; i < 32; i++) out[i] = (byte) (a[i >>> 3] >>> (8 * (i & 7)));
      assertArrayEquals(sha3.digest(d), out, "length " + n);
    }
  }

  @Test
  void keccakF1600OnZeroState() {
    // Keccak team's KeccakF-1600 intermediate values: first lane after one permutation of the zero state
    long[] a = new long[25];
    Keccak.keccakF1600(a);
    assertEquals(0xF1258F7940E1DDE7L, a[0]);
    assertEquals(0x84D5CCF933C0478AL, a[1]);
    Keccak.keccakF1600(a);
    assertEquals(0x2D5C954DF96ECB3CL, a[0]);
  }

  @Test
  void starknetKeccak() {
    assertEquals(
        "0x240060cdb34fcc260f41eac7474ee1d7c80b7e3607daff9ac67c7ea2ebb1c44",
        Keccak.starknetKeccak(ascii("execute")).toHex());
    assertEquals(
        "0xc14cfe23f3fa7ce7b1f8db7d7682305b1692293f71a61cc06637f0d8d8b6c8",
        Keccak.starknetKeccak(ascii("myFunction")).toHex());
    // the mask keeps 250 bits
    assertEquals(true, Keccak.starknetKeccak(ascii("x")).toBigInteger().bitLength() <= 250);
  }

  @Test
  void sha256KnownAnswers() throws Exception {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HEX.formatHex(Sha256.sha256(new byte[0])));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HEX.formatHex(Sha256.sha256(ascii("abc"))));
    assertEquals(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        HEX.formatHex(Sha256.sha256(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    MessageDigest jdk = MessageDigest.getInstance("SHA-256");
    Random rnd = new Random(7);
    for (int n = 0; n < 200; n += 7) {
      byte[] d = new byte[n];
      rnd.nextBytes(d);
      assertArrayEquals(jdk.digest(d), Sha256.sha256(d), "length " + n);
    }
  }

  @Test
  void sha256ProcessBlockIsOneCompression() {
    // "abc" padded to one block, processed from the initial state, is SHA-256("abc")
    int[] block = new int[16];
    block[0] = 0x61626380;
    block[15] = 24;
    int[] state = Sha256.initialState();
    Sha256.processBlock(state, 0, block, 0);
    assertEquals(0xba7816bf, state[0]);
    assertEquals(0xf20015ad, state[7]);
    // the scratch variant, at offsets, with a dirty schedule buffer
    int[] wide = new int[20];
    System.arraycopy(Sha256.initialState(), 0, wide, 3, 8);
    int[] blocks = new int[21];
    System.arraycopy(block, 0, blocks, 5, 16);
    int[] w = new int[64];
    java.util.Arrays.fill(w, 0x5a5a5a5a);
    Sha256.processBlock(wide, 3, blocks, 5, w);
    assertArrayEquals(state, java.util.Arrays.copyOfRange(wide, 3, 11));
  }

  @Test
  void blake2sKnownAnswers() {
    // RFC 7693 Appendix B: BLAKE2s-256("abc")
    assertEquals(
        "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982",
        HEX.formatHex(Blake2s.blake2s256(ascii("abc"))));
    assertEquals(
        "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9",
        HEX.formatHex(Blake2s.blake2s256(new byte[0])));
  }

  @Test
  void blake2sOfOneAndTwoFullBlocks() {
    // Reference keyless vectors from the BLAKE2 repository (blake2s-kat.txt, in = 00 01 02 …): lengths 64 and 65
    byte[] in = new byte[65];
    for (int i = 0; i < in.length; i++) in[i] = (byte) i;
    assertEquals(
        "56f34e8b96557e90c1f24b52d0c89d51086acf1b00f634cf1dde9233b8eaaa3e",
        HEX.formatHex(Blake2s.blake2s256(java.util.Arrays.copyOf(in, 64))));
    assertEquals(
        "1b53ee94aaf34e4b159d48de352c7f0661d0a40edff95a0b1639b4090e974472",
        HEX.formatHex(Blake2s.blake2s256(in)));
  }

  @Test
  void blake2sCompressionMatchesWholeHash() {
    // one block "abc": h = IV ^ param block, t = 3, last block flag set
    int[] h = Blake2s.initialState();
    int[] m = new int[16];
    m[0] = 0x00636261;
    Blake2s.compress(h, 0, m, 0, 3, 0, 0xffffffff, 0);
    assertEquals(0x8c5e8c50, h[0]);
  }

  static Felt felt(String hex) {
    return Felt.fromHex(hex);
  }
}
