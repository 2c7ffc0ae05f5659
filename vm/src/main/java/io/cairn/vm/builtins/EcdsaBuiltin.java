package io.cairn.vm.builtins;

import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECDSA builtin: cells pubkey, msg, checked against a signature a hint supplies with {@code add_signature} once both
 * are written (CL builtins/signature/signature_builtin_runner.py).
 */
public final class EcdsaBuiltin extends SimpleBuiltin {
  /** Stark curve order, for w = s⁻¹ in the prover input. */
  public static final BigInteger EC_ORDER =
      new BigInteger("800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f", 16);

  private final Map<Integer, BigInteger[]> signatures = new TreeMap<>();

  public EcdsaBuiltin(boolean included, Integer ratio) {
    super("ecdsa", included, ratio, 1, 2, 2, 1);
  }

  /** The hint side: {@code ecdsa_builtin.add_signature(addr, (r, s))}. */
  public void addSignature(Relocatable addr, BigInteger r, BigInteger s) {
    if (addr.segment() != base.segment()) throw new VmError("Signature address " + addr + " is not in the ecdsa segment.");
    signatures.put((int) addr.offset(), new BigInteger[] {r, s});
  }

  @Override
  protected void validate(Memory memory, int segment, int offset) {
    int pub = offset - offset % 2;
    if (!memory.isWritten(segment, pub) || !memory.isWritten(segment, pub + 1)) return;
    BigInteger[] sig = signatures.get(pub);
    if (sig == null)
      throw new VmError(
          "Signature hint is missing for ECDSA builtin at address " + segment + ":" + pub
              + ". Add it using 'ecdsa_builtin.add_signature'.");
    BigInteger pk = intAt(memory, pub), msg = intAt(memory, pub + 1);
    boolean ok;
    try {
      ok = Ecdsa.verify(Felt.of(pk), Felt.of(msg), Felt.of(sig[0]), Felt.of(sig[1]));
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    if (!ok)
      throw new VmError(
          "Signature (" + sig[0] + ", " + sig[1] + "), is invalid, with respect to the public key " + pk
              + ", and the message hash " + msg + ".");
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    return null;
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<Integer, BigInteger[]> e : signatures.entrySet()) {
      int pub = e.getKey();
      MaybeRelocatable pk = memory.get(base.segment(), pub), msg = memory.get(base.segment(), pub + 1);
      if (!(pk instanceof IntValue p) || !(msg instanceof IntValue m)) continue;
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", pub / 2);
      entry.put("pubkey", hex(p.value()));
      entry.put("msg", hex(m.value()));
      Map<String, Object> si = new LinkedHashMap<>();
      si.put("r", hex(e.getValue()[0]));
      si.put("w", hex(e.getValue()[1].modInverse(EC_ORDER)));
      entry.put("signature_input", si);
      out.add(entry);
    }
    return Map.of(name, out);
  }
}
