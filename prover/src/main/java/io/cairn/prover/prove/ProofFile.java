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

  public static void write(Path file, ObjectNode json) {
    try {
      Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
