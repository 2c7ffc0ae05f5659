package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.Relocatable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cairo_blake2s hints: the BLAKE2s compression function on a Cairo instance (h, message, t, f) (RFC 7693 §3.2; CL
 * common/cairo_blake2s/blake2s_utils.compute_blake2s_func). The crypto module exposes only the padded hash.
 */
final class Blake2sHints {
  private Blake2sHints() {}

  static final int[] IV = {
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
  };
  static final int[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
  };

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.BLAKE2S_COMPUTE, c -> {
      Relocatable out = c.getPtr("output");
      int[] h = new int[8], msg = new int[16];
      for (int i = 0; i < 8; i++) h[i] = c.memory().getInt(out.add(i - 26)).intValue();
      for (int i = 0; i < 16; i++) msg[i] = c.memory().getInt(out.add(i - 18)).intValue();
      int t = c.memory().getInt(out.add(-2)).intValue();
      int f = c.memory().getInt(out.add(-1)).intValue();
      int[] r = compress(h, msg, t, 0, f, 0);
      List<Object> vals = new ArrayList<>();
      for (int x : r) vals.add(BigInteger.valueOf(Integer.toUnsignedLong(x)));
      c.writeArg(out, vals);
    });
    put(m, HintCodes.EXAMPLE_BLAKE2S_COMPRESS, c -> {
      int n = chunkSize(c);
      Relocatable start = c.getPtr("blake2s_start");
      int[] msg = new int[16];
      for (int i = 0; i < n && i < 16; i++) msg[i] = c.memory().getInt(start.add(i)).intValue();
      int[] r = compress(modifiedIv(), msg, c.getInt("n_bytes").intValue(), 0, 0xffffffff, 0);
      c.writeArg(c.getPtr("output"), words(r));
    });
    put(m, HintCodes.BLAKE2S_FINALIZE_V3, c -> {
      int instances = c.constant("N_PACKED_INSTANCES").intValueExact();
      if (instances < 0 || instances >= 20) throw new io.cairn.vm.memory.VmError("assert 0 <= _n_packed_instances < 20");
      int n = chunkSize(c);
      int[] iv = modifiedIv();
      int[] out = compress(iv, new int[16], 0, 0, 0xffffffff, 0);
      List<Object> one = new ArrayList<>();
      for (int i = 0; i < n; i++) one.add(BigInteger.ZERO);
      one.addAll(words(iv));
      one.add(BigInteger.ZERO);
      one.add(BigInteger.valueOf(0xffffffffL));
      one.addAll(words(out));
      List<Object> padding = new ArrayList<>();
      for (int i = 0; i < instances - 1; i++) padding.addAll(one);
      c.writeArg(c.getPtr("blake2s_ptr_end"), padding);
    });
  }

  static List<Object> words(int[] w) {
    List<Object> out = new ArrayList<>();
    for (int x : w) out.add(BigInteger.valueOf(Integer.toUnsignedLong(x)));
    return out;
  }

  static int chunkSize(HintContext c) {
    int n = c.constant("BLAKE2S_INPUT_CHUNK_SIZE_FELTS").intValueExact();
    if (n < 0 || n >= 100) throw new io.cairn.vm.memory.VmError("assert 0 <= _blake2s_input_chunk_size_felts < 100");
    return n;
  }

  static int[] modifiedIv() {
    int[] iv = IV.clone();
    iv[0] ^= 0x01010020;
    return iv;
  }

  static int[] compress(int[] h, int[] m, int t0, int t1, int f0, int f1) {
    int[] v = new int[16];
    System.arraycopy(h, 0, v, 0, 8);
    System.arraycopy(IV, 0, v, 8, 4);
    v[12] = IV[4] ^ t0;
    v[13] = IV[5] ^ t1;
    v[14] = IV[6] ^ f0;
    v[15] = IV[7] ^ f1;
    for (int i = 0; i < 10; i++) {
      int[] s = SIGMA[i];
      mix(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
      mix(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
      mix(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
      mix(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
      mix(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
      mix(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
      mix(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
      mix(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    int[] r = new int[8];
    for (int i = 0; i < 8; i++) r[i] = h[i] ^ v[i] ^ v[i + 8];
    return r;
  }

  private static void mix(int[] v, int a, int b, int c, int d, int x, int y) {
    v[a] = v[a] + v[b] + x;
    v[d] = Integer.rotateRight(v[d] ^ v[a], 16);
    v[c] = v[c] + v[d];
    v[b] = Integer.rotateRight(v[b] ^ v[c], 12);
    v[a] = v[a] + v[b] + y;
    v[d] = Integer.rotateRight(v[d] ^ v[a], 8);
    v[c] = v[c] + v[d];
    v[b] = Integer.rotateRight(v[b] ^ v[c], 7);
  }
}
