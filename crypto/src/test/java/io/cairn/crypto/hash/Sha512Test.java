package io.cairn.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** FIPS 180-4 known answers, and the JDK's SHA-512 as an independent implementation across block boundaries. */
class Sha512Test {
  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void fipsKnownAnswers() {
    assertEquals(
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
            + "454d4423643ce80e2a9ac94fa54ca49f",
        hex(Sha512.sha512("abc".getBytes(StandardCharsets.US_ASCII))));
    assertEquals(
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f"
            + "63b931bd47417a81a538327af927da3e",
        hex(Sha512.sha512(new byte[0])));
  }

  @Test
  void agreesWithTheJdkAcrossPaddingBoundaries() throws Exception {
    MessageDigest jdk = MessageDigest.getInstance("SHA-512");
    for (int n : new int[] {1, 111, 112, 127, 128, 129, 239, 240, 300}) {
      byte[] m = new byte[n];
      for (int i = 0; i < n; i++) m[i] = (byte) (i * 31 + 7);
      assertEquals(hex(jdk.digest(m)), hex(Sha512.sha512(m)), "length " + n);
    }
  }
}
