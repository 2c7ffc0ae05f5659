package io.cairn.vm.cairo1;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Panic text in the Cairo runner's format; felts built here from ASCII so the expectations are independent. */
class PanicTextTest {
  private static BigInteger ascii(String s) {
    return new BigInteger(1, s.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void shortStringsShowHexAndText() {
    // 'Out of gas' = 0x4f7574206f6620676173
    assertEquals("Panicked with 0x4f7574206f6620676173 ('Out of gas').", PanicText.describe(List.of(ascii("Out of gas"))));
    // several items are a tuple; a non-text felt is hex only; zero is the empty short string
    assertEquals(
        "Panicked with (0x6f6b ('ok'), 0x1ff, 0x0 ('')).",
        PanicText.describe(List.of(ascii("ok"), BigInteger.valueOf(0x1ff), BigInteger.ZERO)));
  }

  @Test
  void byteArraysDecodeToOneQuotedString() {
    // "Hello, world! This is longer than thirty-one bytes." = 51 bytes: one full 31-byte word, 20 pending bytes
    String text = "Hello, world! This is longer than thirty-one bytes.";
    assertEquals(51, text.length());
    List<BigInteger> felts = new ArrayList<>();
    felts.add(PanicText.BYTE_ARRAY_MAGIC);
    felts.add(BigInteger.ONE);
    felts.add(ascii(text.substring(0, 31)));
    felts.add(ascii(text.substring(31)));
    felts.add(BigInteger.valueOf(20));
    assertEquals("Panicked with \"" + text + "\".", PanicText.describe(felts));
    // followed by a felt: a tuple
    felts.add(ascii("x"));
    assertEquals("Panicked with (\"" + text + "\", 0x78 ('x')).", PanicText.describe(felts));
  }

  @Test
  void aBrokenByteArrayFallsBackToFelts() {
    // pending length 1 but the pending word has 2 bytes: not a ByteArray, so the magic prints as a felt
    List<BigInteger> felts = List.of(PanicText.BYTE_ARRAY_MAGIC, BigInteger.ZERO, ascii("ab"), BigInteger.ONE);
    String s = PanicText.describe(felts);
    assertTrue(s.startsWith("Panicked with (0x46a6158a16a947e5916b2a2ca68501a45e93d7110e81aa2d6438b1c57c879a3, 0x0 (''), 0x6162 ('ab'), 0x1"), s);
  }

  @Test
  void leadingNulsAndNonPrintablesInAByteArrayAreEscaped() {
    // pending word 0x0041 of length 3 = "\0\0A"; a full word may not carry a byte beyond 31
    List<BigInteger> felts = List.of(PanicText.BYTE_ARRAY_MAGIC, BigInteger.ZERO, BigInteger.valueOf(0x0141), BigInteger.valueOf(3));
    assertEquals("Panicked with \"\\0\\x01A\".", PanicText.describe(felts));
  }
}
