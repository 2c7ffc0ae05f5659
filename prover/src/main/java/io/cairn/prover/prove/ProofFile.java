package io.cairn.prover.prove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Stone's proof file ({@code cpu_air_prover --out_file}): proof_parameters, prover_config, public_input, optionally
 * private_input, and proof_hex — keys in Stone's (alphabetical) order, so {@code StoneProof.read} and Stone's own
 * tools read it.
 */
public final class ProofFile {
  private ProofFile() {}

  public static ObjectNode json(JsonNode parameters, JsonNode proverConfig, JsonNode publicInput, JsonNode privateInput, byte[] proof) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    if (privateInput != null) root.set("private_input", privateInput);
    root.put("proof_hex", "0x" + HexFormat.of().formatHex(proof));
    root.set("proof_parameters", parameters);
    if (proverConfig != null) root.set("prover_config", proverConfig);
    root.set("public_input", publicInput);
    return root;
  }

  /**
   * Parameters for a trace of 2^logTrace rows when none are given: those of Stone's e2e cpu_air_params.json (poseidon3
   * channel and top commitment layers, keccak256_masked160_lsb below, 18 queries, 2 cosets (log), 24 proof-of-work
   * bits, pedersen pages) with fri_step_list [0, 4, 4, …, r] down to a last layer of degree < 128.
   */
  public static ObjectNode defaultParameters(int logTrace) {
    ObjectMapper om = new ObjectMapper();
    ObjectNode p = om.createObjectNode();
    p.put("field", "PrimeField0");
    p.put("channel_hash", "poseidon3");
    p.put("commitment_hash", "keccak256_masked160_lsb");
    p.put("n_verifier_friendly_commitment_layers", 1000);
    p.put("pow_hash", "keccak256");
    p.putObject("statement").put("page_hash", "pedersen");
    ObjectNode stark = p.putObject("stark");
    ObjectNode fri = stark.putObject("fri");
    int logLast = Math.min(7, logTrace);
    var steps = fri.putArray("fri_step_list");
    steps.add(0);
    for (int rest = logTrace - logLast; rest > 0; rest -= Math.min(4, rest)) steps.add(Math.min(4, rest));
    fri.put("last_layer_degree_bound", 1 << logLast);
    fri.put("n_queries", 18);
    fri.put("proof_of_work_bits", 24);
    stark.put("log_n_cosets", 2);
    p.put("use_extension_field", false);
    p.put("verifier_friendly_channel_updates", true);
    p.put("verifier_friendly_commitment_hash", "poseidon3");
    return p;
  }

  /** Stone's cpu_air_prover_config.json, echoed into proof files when none is given (Cairn's prover takes none of its knobs). */
  public static ObjectNode defaultProverConfig() {
    ObjectNode c = new ObjectMapper().createObjectNode();
    ObjectNode lde = c.putObject("cached_lde_config");
    lde.put("store_full_lde", false);
    lde.put("use_fft_for_eval", false);
    c.put("constraint_polynomial_task_size", 256);
    c.put("n_out_of_memory_merkle_layers", 0);
    c.put("table_prover_n_tasks_per_segment", 32);
    return c;
  }

  public static void write(Path file, ObjectNode json) {
    try {
      Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
