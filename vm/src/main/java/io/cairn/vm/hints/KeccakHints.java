package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.builtins.KeccakF;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** cairo_keccak / keccak hints (CL common/cairo_keccak/keccak.cairo, keccak_utils.keccak_func). */
final class KeccakHints {
  private KeccakHints() {}

  static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  static int stateSize(HintContext c) {
    int n = c.constant("KECCAK_STATE_SIZE_FELTS").intValueExact();
    if (n < 0 || n >= 100) throw new VmError("assert 0 <= _keccak_state_size_felts < 100");
    return n;
  }

  /** keccak_utils.keccak_func: Keccak-f on 25 little-endian 64-bit words. */
  static List<Object> keccakFunc(HintContext c, Relocatable from, int n) {
    long[] lanes = new long[25];
    if (n != 25) throw new VmError("keccak_func expects 25 64-bit words, got " + n);
    for (int i = 0; i < 25; i++) {
      BigInteger w = c.memory().getInt(from.add(i));
      if (w.bitLength() > 64) throw new VmError("keccak state word " + i + " exceeds 64 bits: " + w);
      lanes[i] = w.longValue();
    }
    return permuted(lanes);
  }

  static List<Object> permuted(long[] lanes) {
    KeccakF.permute(lanes);
    List<Object> out = new ArrayList<>();
    for (long l : lanes) out.add(new BigInteger(Long.toUnsignedString(l)));
    return out;
  }

  private static void finalizeKeccak(HintContext c, int maxBlock) {
    int n = stateSize(c);
    int block = c.constant("BLOCK_SIZE").intValueExact();
    if (block < 0 || block >= maxBlock) throw new VmError("assert 0 <= _block_size < " + maxBlock);
    if (n != 25) throw new VmError("keccak_func expects 25 64-bit words, got " + n);
    List<Object> one = new ArrayList<>();
    for (int i = 0; i < n; i++) one.add(BigInteger.ZERO);
    one.addAll(permuted(new long[25]));
    List<Object> padding = new ArrayList<>();
    for (int b = 0; b < block; b++) padding.addAll(one);
    c.writeArg(c.getPtr("keccak_ptr_end"), padding);
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.KECCAK_NONDET_LT_BYTES_IN_WORD, c ->
        c.writeAp(c.getInt("n_bytes").compareTo(c.constant("BYTES_IN_WORD")) < 0 ? 1 : 0));
    put(m, HintCodes.KECCAK_NONDET_GE_FULL_RATE, c ->
        c.writeAp(c.getInt("n_bytes").compareTo(c.constant("KECCAK_FULL_RATE_IN_BYTES")) >= 0 ? 1 : 0));
    Hint blockPermutation = c -> {
      int n = stateSize(c);
      Relocatable ptr = c.getPtr("keccak_ptr");
      c.writeArg(ptr, keccakFunc(c, ptr.add(-n), n));
    };
    put(m, HintCodes.BLOCK_PERMUTATION, blockPermutation);
    put(m, HintCodes.BLOCK_PERMUTATION_WHITELIST_V1, blockPermutation);
    put(m, HintCodes.BLOCK_PERMUTATION_WHITELIST_V2, c -> {
      int n = stateSize(c);
      c.writeArg(c.getPtr("output"), keccakFunc(c, c.getPtr("keccak_ptr_start"), n));
    });
    put(m, HintCodes.CAIRO_KECCAK_FINALIZE_V1, c -> finalizeKeccak(c, 10));
    put(m, HintCodes.CAIRO_KECCAK_FINALIZE_V2, c -> finalizeKeccak(c, 1000));
    put(m, HintCodes.CAIRO_KECCAK_INPUT_IS_FULL_WORD, c ->
        c.set("full_word", c.getInt("n_bytes").compareTo(BigInteger.valueOf(8)) >= 0 ? 1 : 0));
    put(m, HintCodes.KECCAK_WRITE_ARGS, c -> {
      Relocatable in = c.getPtr("inputs");
      BigInteger low = c.getInt("low"), high = c.getInt("high");
      c.writeArg(in, List.of(low.and(MASK_64), low.shiftRight(64)));
      c.writeArg(in.add(2), List.of(high.and(MASK_64), high.shiftRight(64)));
    });
    put(m, HintCodes.UNSAFE_KECCAK, c -> {
      Relocatable data = c.getPtr("data");
      long length = c.getInt("length").longValueExact();
      if (c.scopeHas("__keccak_max_size")) {
        BigInteger max = c.scopeGet("__keccak_max_size");
        if (BigInteger.valueOf(length).compareTo(max) > 0)
          throw new VmError("unsafe_keccak() can only be used with length<=" + max + ". Got: length=" + length + ".");
      }
      java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
      for (long wordI = 0, byteI = 0; byteI < length; wordI++, byteI += 16) {
        BigInteger word = c.memory().getInt(data.add(wordI));
        int nBytes = (int) Math.min(16, length - byteI);
        if (word.bitLength() > 8 * nBytes) throw new VmError("assert 0 <= word < 2 ** (8 * n_bytes)");
        byte[] be = word.toByteArray();
        byte[] out = new byte[nBytes];
        int k = Math.min(be.length, nBytes);
        System.arraycopy(be, be.length - k, out, nBytes - k, k);
        input.writeBytes(out);
      }
      byte[] h = io.cairn.crypto.hash.Keccak.keccak256(input.toByteArray());
      c.set("high", new BigInteger(1, java.util.Arrays.copyOfRange(h, 0, 16)));
      c.set("low", new BigInteger(1, java.util.Arrays.copyOfRange(h, 16, 32)));
    });
  }
}
