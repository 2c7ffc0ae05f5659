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

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.KECCAK_NONDET_LT_BYTES_IN_WORD, c ->
        c.writeAp(c.getInt("n_bytes").compareTo(c.constant("BYTES_IN_WORD")) < 0 ? 1 : 0));
    put(m, HintCodes.KECCAK_NONDET_GE_FULL_RATE, c ->
        c.writeAp(c.getInt("n_bytes").compareTo(c.constant("KECCAK_FULL_RATE_IN_BYTES")) >= 0 ? 1 : 0));
    put(m, HintCodes.BLOCK_PERMUTATION, c -> {
      int n = c.constant("KECCAK_STATE_SIZE_FELTS").intValueExact();
      if (n < 0 || n >= 100) throw new VmError("assert 0 <= _keccak_state_size_felts < 100");
      Relocatable ptr = c.getPtr("keccak_ptr");
      long[] lanes = new long[25];
      if (n != 25) throw new VmError("keccak_func expects 25 64-bit words, got " + n);
      for (int i = 0; i < 25; i++) {
        BigInteger w = c.memory().getInt(ptr.add(i - 25));
        if (w.bitLength() > 64) throw new VmError("keccak state word " + i + " exceeds 64 bits: " + w);
        lanes[i] = w.longValue();
      }
      KeccakF.permute(lanes);
      List<Object> out = new ArrayList<>();
      for (long l : lanes) out.add(new BigInteger(Long.toUnsignedString(l)));
      c.writeArg(ptr, out);
    });
  }
}
