package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import java.math.BigInteger;
import java.util.Map;

/**
 * cairo-lang's {@code common/builtin_keccak/keccak.cairo} (keccak through the keccak builtin): splitting input words
 * at the state felts' byte boundaries, the output felts into a Uint256, and a byte count into words. These are not on
 * Starknet's whitelists; programs that import the module need them.
 */
final class BuiltinKeccakHints {
  private BuiltinKeccakHints() {}

  static final String OUTPUT0_SPLIT =
      "ids.output0_low = ids.output0 & ((1 << 128) - 1)\nids.output0_high = ids.output0 >> 128";
  static final String OUTPUT1_SPLIT =
      "tmp, ids.output1_low = divmod(ids.output1, 256 ** 7)\nids.output1_high, ids.output1_mid = divmod(tmp, 2 ** 128)";
  static final String WORDS_AND_BYTES =
      "ids.n_words_to_copy, ids.n_bytes_left = divmod(ids.n_bytes, ids.BYTES_IN_WORD)";

  /** The word-split hint of _prepare_full_block for inputs[word], cut after bytes bytes. */
  static String inputSplit(int word, int bytes) {
    return "ids.high" + word + ", ids.low" + word + " = divmod(memory[ids.inputs + " + word + "], 256"
        + (bytes == 1 ? "" : " ** " + bytes) + ")";
  }

  static void register(Map<String, Hint> m) {
    put(m, OUTPUT0_SPLIT, c -> {
      BigInteger v = c.getInt("output0");
      c.set("output0_low", v.and(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
      c.set("output0_high", v.shiftRight(128));
    });
    put(m, OUTPUT1_SPLIT, c -> {
      BigInteger[] tmp = c.getInt("output1").divideAndRemainder(BigInteger.ONE.shiftLeft(56));
      c.set("output1_low", tmp[1]);
      BigInteger[] hm = tmp[0].divideAndRemainder(BigInteger.ONE.shiftLeft(128));
      c.set("output1_high", hm[0]);
      c.set("output1_mid", hm[1]);
    });
    put(m, WORDS_AND_BYTES, c -> {
      BigInteger[] qr = c.getInt("n_bytes").divideAndRemainder(c.constant("BYTES_IN_WORD"));
      c.set("n_words_to_copy", qr[0]);
      c.set("n_bytes_left", qr[1]);
    });
    for (int k = 1; k <= 5; k++) {
      int word = 3 * k, bytes = k;
      put(m, inputSplit(word, bytes), c -> {
        BigInteger[] qr = c.memory().getInt(c.getPtr("inputs").add(word)).divideAndRemainder(BigInteger.ONE.shiftLeft(8 * bytes));
        c.set("high" + word, qr[0]);
        c.set("low" + word, qr[1]);
      });
    }
  }
}
