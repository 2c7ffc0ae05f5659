package io.cairn.prover.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.field.Felt;
import io.cairn.vm.builtins.EcdsaBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.runner.RelocatedMemory;
import io.cairn.vm.runner.RunOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What trace generation reads from an execution: the relocated (pc, ap, fp) of every step, the relocated memory, and
 * the ECDSA signatures by builtin instance — from a run of Cairn's VM ({@link #of(RunOutput)}) or from cairo-run's
 * files, as Stone's cpu_air_prover takes them ({@link #read}).
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

  /**
   * cairo-run's files: the trace file (per step ap, fp, pc as u64 little-endian), the memory file (per cell the
   * address as u64 and the value as 32 bytes, little-endian) and the AIR private input's {@code ecdsa} list (index,
   * pubkey, msg, signature_input.r/w; absent or null when the layout has no ECDSA builtin).
   */
  public static Execution read(Path traceFile, Path memoryFile, JsonNode ecdsa) throws IOException {
    byte[] t = Files.readAllBytes(traceFile);
    if (t.length % 24 != 0) throw new IllegalArgumentException(traceFile + ": " + t.length + " bytes is not a whole number of 24-byte trace entries");
    ByteBuffer tb = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
    long[] trace = new long[t.length / 8];
    for (int i = 0; i < trace.length / 3; i++) {
      long ap = tb.getLong(), fp = tb.getLong(), pc = tb.getLong();
      trace[3 * i] = pc;
      trace[3 * i + 1] = ap;
      trace[3 * i + 2] = fp;
    }
    long size = Files.size(memoryFile);
    if (size % 40 != 0) throw new IllegalArgumentException(memoryFile + ": " + size + " bytes is not a whole number of 40-byte memory cells");
    long maxAddress = 0;
    byte[] cell = new byte[40];
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(memoryFile))) {
      for (long i = 0; i < size / 40; i++) {
        in.readNBytes(cell, 0, 40);
        maxAddress = Math.max(maxAddress, ByteBuffer.wrap(cell).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
      }
    }
    if (maxAddress >= Integer.MAX_VALUE / 5) throw new IllegalArgumentException(memoryFile + ": address " + maxAddress + " is too large");
    long[] cells = new long[4 * (int) (maxAddress + 1)];
    boolean[] present = new boolean[(int) (maxAddress + 1)];
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(memoryFile))) {
      for (long i = 0; i < size / 40; i++) {
        in.readNBytes(cell, 0, 40);
        ByteBuffer b = ByteBuffer.wrap(cell).order(ByteOrder.LITTLE_ENDIAN);
        int a = (int) b.getLong(0);
        for (int k = 0; k < 4; k++) cells[4 * a + k] = b.getLong(8 + 8 * k);
        present[a] = true;
      }
    }
    Memory memory =
        new Memory() {
          @Override
          public boolean has(long address) {
            return address >= 0 && address < present.length && present[(int) address];
          }

          @Override
          public long limb(long address, int k) {
            return has(address) ? cells[4 * (int) address + k] : 0;
          }
        };
    Map<Integer, Signature> signatures = new HashMap<>();
    if (ecdsa != null && !ecdsa.isNull())
      for (int i = 0; i < ecdsa.size(); i++) {
        JsonNode e = ecdsa.get(i);
        String p = "ecdsa[" + i + "]";
        try {
          signatures.put(
              e.get("index").asInt(),
              new Signature(
                  Felt.parse(e.get("pubkey").asText()),
                  Felt.parse(e.get("msg").asText()),
                  Felt.parse(e.get("signature_input").get("r").asText()),
                  Felt.parse(e.get("signature_input").get("w").asText())));
        } catch (RuntimeException ex) {
          throw new IllegalArgumentException("private input " + p + ": expected index, pubkey, msg, signature_input.r/w (" + ex.getMessage() + ")", ex);
        }
      }
    return new Execution(trace, memory, signatures);
  }
}
