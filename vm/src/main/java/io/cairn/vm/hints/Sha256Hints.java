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
 * common/cairo_sha256/sha256_utils.py). The crypto module exposes only the padded hash.
 */
final class Sha256Hints {
  private Sha256Hints() {}

  static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };
  static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
  };

  static int[] schedule(int[] msg) {
    int[] w = new int[64];
    System.arraycopy(msg, 0, w, 0, 16);
    for (int i = 16; i < 64; i++) {
      int s0 = Integer.rotateRight(w[i - 15], 7) ^ Integer.rotateRight(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      int s1 = Integer.rotateRight(w[i - 2], 17) ^ Integer.rotateRight(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    return w;
  }

  static int[] compress(int[] state, int[] w) {
    int a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int ch = (e & f) ^ (~e & g);
      int t1 = h + s1 + ch + K[i] + w[i];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int maj = (a & b) ^ (a & c) ^ (b & c);
      int t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    return new int[] {
      state[0] + a, state[1] + b, state[2] + c, state[3] + d, state[4] + e, state[5] + f, state[6] + g, state[7] + h
    };
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
