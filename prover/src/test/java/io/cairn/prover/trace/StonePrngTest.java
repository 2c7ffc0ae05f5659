package io.cairn.prover.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Stone's own hash-chain vectors (randomness/hash_chain_test.cc, PyHashChainUpdateParity). */
class StonePrngTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void reproducesStoneHashChainVectors() {
    StonePrng prng = new StonePrng(hex("00000000deadbeef"));
    byte[] b = new byte[8];
    prng.randomBytes(b);
    assertArrayEquals(hex("077ce230834467e7"), b);
    for (int i = 1; i < 1000; i++) prng.randomBytes(b);
    assertArrayEquals(hex("d17478d231c2af63"), b);
    prng.mixSeed(hex("000000dabadabada"), 0);
    prng.randomBytes(b);
    assertArrayEquals(hex("a0dabd71eeab82ac"), b);
  }

  @Test
  void uniformBigIntStaysInRange() {
    StonePrng prng = new StonePrng(new byte[0]);
    long[] min = {5, 0, 0, 0}, max = {1000, 0, 0, 0};
    for (int i = 0; i < 200; i++) {
      long[] v = prng.uniformBigInt(min, max);
      assertTrue(v[0] >= 5 && v[0] <= 1000 && v[1] == 0 && v[2] == 0 && v[3] == 0, () -> java.util.Arrays.toString(v));
    }
  }
}
