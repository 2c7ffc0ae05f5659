package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cairo_sha256 hints: the SHA-256 message schedule and compression function on 32-bit words (FIPS 180-4 §6.2.2; CL
 * common/cairo_sha256/sha256_utils.py).
 */
final class Sha256Hints {
  private Sha256Hints() {}

  static final int[] IV = io.cairn.crypto.hash.Sha256.initialState();

  /** compute_message_schedule. */
  static int[] schedule(int[] msg) {
    int[] w = new int[64];
    System.arraycopy(msg, 0, w, 0, 16);
    io.cairn.crypto.hash.Sha256.expand(w);
    return w;
  }

  /** sha2_compress_function: returns the new state. */
  static int[] compress(int[] state, int[] w) {
    int[] r = state.clone();
    io.cairn.crypto.hash.Sha256.compress(r, 0, w);
    return r;
  }

  static int[] read(HintContext c, Relocatable at, int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) r[i] = c.memory().getInt(at.add(i)).intValue();
    return r;
  }

  static int chunkSize(HintContext c) {
    int n = c.constant("SHA256_INPUT_CHUNK_SIZE_FELTS").intValueExact();
    if (n < 0 || n >= 100) throw new VmError("assert 0 <= _sha256_input_chunk_size_felts < 100");
    if (n != 16) throw new VmError("sha256 message chunks must be 16 words, got " + n);
    return n;
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.SHA256_INPUT, c -> c.set("full_word", c.getInt("n_bytes").compareTo(BigInteger.valueOf(4)) >= 0 ? 1 : 0));
    put(m, HintCodes.SHA256_MAIN_CONSTANT_INPUT_LENGTH, c -> {
      int n = chunkSize(c);
      c.writeArg(c.getPtr("output"), Blake2sHints.words(compress(IV, schedule(read(c, c.getPtr("sha256_start"), n)))));
    });
    put(m, HintCodes.SHA256_MAIN_ARBITRARY_INPUT_LENGTH, c -> {
      int n = chunkSize(c);
      int s = c.constant("SHA256_STATE_SIZE_FELTS").intValueExact();
      if (s != 8) throw new VmError("sha256 state must be 8 words, got " + s);
      int[] state = read(c, c.getPtr("state"), s);
      c.writeArg(c.getPtr("output"), Blake2sHints.words(compress(state, schedule(read(c, c.getPtr("sha256_start"), n)))));
    });
    put(m, HintCodes.SHA256_FINALIZE, c -> {
      int block = c.constant("BLOCK_SIZE").intValueExact();
      if (block < 0 || block >= 20) throw new VmError("assert 0 <= _block_size < 20");
      int n = chunkSize(c);
      int[] out = compress(IV, schedule(new int[16]));
      List<Object> one = new ArrayList<>();
      for (int i = 0; i < n; i++) one.add(BigInteger.ZERO);
      one.addAll(Blake2sHints.words(IV));
      one.addAll(Blake2sHints.words(out));
      List<Object> padding = new ArrayList<>();
      for (int i = 0; i < block - 1; i++) padding.addAll(one);
      c.writeArg(c.getPtr("sha256_ptr_end"), padding);
    });
  }
}
