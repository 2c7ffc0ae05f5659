package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.vm.memory.Relocatable;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The hints of cairo-lang's builtin_keccak/keccak.cairo and builtin_poseidon/poseidon.cairo on hand-built values. */
class BuiltinKeccakHintsTest {
  private static BigInteger hex(String s) {
    return new BigInteger(s, 16);
  }

  @Test
  void outputFeltsSplitAtTheirByteBoundaries() {
    // output0: 25 bytes 0x19..0x01 (high 9 bytes above bit 128).
    BigInteger output0 = hex("19181716151413121110" + "0f0e0d0c0b0a09080706050403020100".substring(0, 30));
    HintTester a = new HintTester(BuiltinKeccakHints.OUTPUT0_SPLIT).id("output0", "felt", output0)
        .id("output0_low", "felt").id("output0_high", "felt").run();
    assertEquals(output0.and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)), a.felt("output0_low"));
    assertEquals(output0.shiftRight(128), a.felt("output0_high"));
    // output1 = high (2 bytes) | mid (16 bytes) | low (7 bytes).
    BigInteger output1 = hex("abcd" + "00112233445566778899aabbccddeeff" + "01020304050607");
    HintTester b = new HintTester(BuiltinKeccakHints.OUTPUT1_SPLIT).id("output1", "felt", output1)
        .id("output1_low", "felt").id("output1_mid", "felt").id("output1_high", "felt").run();
    assertEquals(hex("01020304050607"), b.felt("output1_low"));
    assertEquals(hex("00112233445566778899aabbccddeeff"), b.felt("output1_mid"));
    assertEquals(hex("abcd"), b.felt("output1_high"));
  }

  @Test
  void inputWordsSplitAfterOneToFiveBytes() {
    Relocatable inputs = new Relocatable(1, 100);
    BigInteger word = hex("0807060504030201");
    for (int k = 1; k <= 5; k++) {
      int w = 3 * k;
      HintTester t = new HintTester(BuiltinKeccakHints.inputSplit(w, k)).id("inputs", "felt*", inputs)
          .id("high" + w, "felt").id("low" + w, "felt").memory(inputs.add(w), word).run();
      assertEquals(word.shiftRight(8 * k), t.felt("high" + w), "word " + w);
      assertEquals(word.and(BigInteger.ONE.shiftLeft(8 * k).subtract(BigInteger.ONE)), t.felt("low" + w), "word " + w);
    }
    assertEquals("ids.high3, ids.low3 = divmod(memory[ids.inputs + 3], 256)", BuiltinKeccakHints.inputSplit(3, 1));
    assertEquals("ids.high15, ids.low15 = divmod(memory[ids.inputs + 15], 256 ** 5)", BuiltinKeccakHints.inputSplit(15, 5));
  }

  @Test
  void byteCountsSplitIntoWords() {
    HintTester t = new HintTester(BuiltinKeccakHints.WORDS_AND_BYTES).id("n_bytes", "felt", 21)
        .id("n_words_to_copy", "felt").id("n_bytes_left", "felt").constant("BYTES_IN_WORD", 8).run();
    assertEquals(BigInteger.TWO, t.felt("n_words_to_copy"));
    assertEquals(BigInteger.valueOf(5), t.felt("n_bytes_left"));
  }

  @Test
  void poseidonLoopCountsTheElementsLeft() {
    Relocatable elements = new Relocatable(1, 100);
    for (int left : new int[] {0, 1, 2, 9, 10, 11}) {
      HintTester ten = new HintTester(BuiltinPoseidonHints.AT_LEAST_TEN_LEFT).id("elements", "felt*", elements)
          .id("elements_end", "felt*", elements.add(left)).run();
      assertEquals(BigInteger.valueOf(left >= 10 ? 1 : 0), ten.runner.memory().getInt(ten.fp), "ten, left " + left);
      HintTester two = new HintTester(BuiltinPoseidonHints.AT_LEAST_TWO_LEFT).id("elements", "felt*", elements)
          .id("elements_end", "felt*", elements.add(left)).run();
      assertEquals(BigInteger.valueOf(left >= 2 ? 1 : 0), two.runner.memory().getInt(two.fp), "two, left " + left);
    }
  }
}
