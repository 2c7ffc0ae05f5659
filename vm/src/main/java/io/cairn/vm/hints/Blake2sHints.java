package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.Relocatable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cairo_blake2s hints: the BLAKE2s compression function on a Cairo instance (h, message, t, f) (RFC 7693 §3.2; CL
 * common/cairo_blake2s/blake2s_utils.compute_blake2s_func).
 */
final class Blake2sHints {
  private Blake2sHints() {}

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

  /** IV with the parameter block folded in (digest length 32, no key): blake2s_utils' modified_iv. */
  static int[] modifiedIv() {
    return io.cairn.crypto.hash.Blake2s.initialState();
  }

  /** blake2s_compress: h' = F(h, m, t, f) via the crypto module's compression function. */
  static int[] compress(int[] h, int[] m, int t0, int t1, int f0, int f1) {
    int[] r = h.clone();
    io.cairn.crypto.hash.Blake2s.compress(r, 0, m, 0, t0, t1, f0, f1);
    return r;
  }

}
