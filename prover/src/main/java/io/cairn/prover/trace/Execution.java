package io.cairn.prover.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.field.Felt;
import io.cairn.vm.builtins.EcdsaBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.runner.RelocatedMemory;
import io.cairn.vm.runner.RunOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What trace generation reads from an execution: the relocated (pc, ap, fp) of every step, the relocated memory, and
 * the ECDSA signatures by builtin instance — from a run of Cairn's VM ({@link #of(RunOutput)}; a run read back from
 * cairo-run's files has no signatures: add the AIR private input's with {@link #withSignatures}).
 */
public record Execution(long[] trace, Memory memory, Map<Integer, Signature> signatures) {

  /** Relocated memory: canonical limbs (little-endian) of the cell at an address. */
  public interface Memory {
    boolean has(long address);

    long limb(long address, int k);
  }

  /** One signature of the ECDSA builtin's private input: public key x, message hash, r and w = s⁻¹ mod n. */
  public record Signature(Felt publicKeyX, Felt message, Felt r, Felt w) {}

  public int steps() {
    return trace.length / 3;
  }

  public long pc(int step) {
    return trace[3 * step];
  }

  public long ap(int step) {
    return trace[3 * step + 1];
  }

  public long fp(int step) {
    return trace[3 * step + 2];
  }

  /** A run of the VM (its trace must have been kept). */
  @SuppressWarnings("unchecked")
  public static Execution of(RunOutput run) {
    if (run.trace() == null) throw new IllegalArgumentException("the run kept no trace (run with the trace on)");
    RelocatedMemory m = run.memory();
    Memory memory =
        new Memory() {
          @Override
          public boolean has(long address) {
            return m.has(address);
          }

          @Override
          public long limb(long address, int k) {
            return m.limb(address, k);
          }
        };
    Map<Integer, Signature> signatures = new HashMap<>();
    if (run.runner() != null)
      for (SimpleBuiltin b : run.runner().builtins()) {
        if (!(b instanceof EcdsaBuiltin)) continue;
        for (Object o : (List<Object>) b.airPrivateInput(run.runner().memory()).get(b.name())) {
          Map<String, Object> e = (Map<String, Object>) o;
          Map<String, Object> si = (Map<String, Object>) e.get("signature_input");
          signatures.put(
              ((Number) e.get("index")).intValue(),
              new Signature(Felt.fromHex((String) e.get("pubkey")), Felt.fromHex((String) e.get("msg")), Felt.fromHex((String) si.get("r")), Felt.fromHex((String) si.get("w"))));
        }
      }
    return new Execution(run.trace(), memory, signatures);
  }

  /** The same execution with the signatures of an AIR private input (e.g. a run read back from cairo-run's files). */
  public Execution withSignatures(Map<Integer, Signature> signatures) {
    return new Execution(trace, memory, signatures);
  }

  /**
   * The signatures of an AIR private input's {@code ecdsa} list (index, pubkey, msg, signature_input.r/w), as Stone's
   * {@code SignatureBuiltinProverContext::ParsePrivateInput} reads them; null or absent gives none.
   */
  public static Map<Integer, Signature> signatures(JsonNode ecdsa) {
    Map<Integer, Signature> signatures = new HashMap<>();
    if (ecdsa == null || ecdsa.isNull()) return signatures;
    if (!ecdsa.isArray()) throw new IllegalArgumentException("private input ecdsa: expected an array");
    for (int i = 0; i < ecdsa.size(); i++) {
      JsonNode e = ecdsa.get(i);
      try {
        signatures.put(
            e.get("index").asInt(),
            new Signature(
                Felt.parse(e.get("pubkey").asText()),
                Felt.parse(e.get("msg").asText()),
                Felt.parse(e.get("signature_input").get("r").asText()),
                Felt.parse(e.get("signature_input").get("w").asText())));
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException("private input ecdsa[" + i + "]: expected index, pubkey, msg, signature_input.r and .w (" + ex.getMessage() + ")", ex);
      }
    }
    return signatures;
  }
}
