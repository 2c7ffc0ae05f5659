package io.cairn.prover.stone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Stone proof file ({@code cpu_air_prover --out_file}): parameters, public input and the proof transcript bytes.
 * Absent parameters take Stone's defaults. Malformed input raises {@link IllegalArgumentException} naming the JSON path.
 */
public record StoneProof(
    Parameters parameters, PublicInput publicInput, byte[] proof, List<String> annotations, JsonNode json) {

  /** The proof_parameters block. */
  public record Parameters(
      String channelHash,
      String commitmentHash,
      String verifierFriendlyCommitmentHash,
      int nVerifierFriendlyCommitmentLayers,
      boolean verifierFriendlyChannelUpdates,
      String powHash,
      String pageHash,
      int logNCosets,
      int[] friStepList,
      int lastLayerDegreeBound,
      int nQueries,
      int proofOfWorkBits) {}

  public record Segment(long beginAddr, long stopPtr) {}

  public record MemoryCell(long address, Felt value, int page) {}

  public record PublicInput(
      String layout,
      long rcMin,
      long rcMax,
      long nSteps,
      Map<String, Segment> segments,
      List<MemoryCell> publicMemory,
      JsonNode dynamicParams) {}

  public static StoneProof read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a readable JSON file: " + e.getMessage(), e);
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  public static StoneProof parse(JsonNode root) {
    if (root == null || !root.isObject()) throw new IllegalArgumentException("a Stone proof must be a JSON object");
    JsonNode pp = require(root, "proof_parameters", "");
    JsonNode stark = require(pp, "stark", "proof_parameters");
    JsonNode fri = require(stark, "fri", "proof_parameters.stark");
    String where = "proof_parameters.stark.fri.fri_step_list";
    JsonNode steps = require(fri, "fri_step_list", "proof_parameters.stark.fri");
    if (!steps.isArray() || steps.isEmpty()) throw new IllegalArgumentException(where + ": expected a non-empty array");
    int[] stepList = new int[steps.size()];
    for (int i = 0; i < stepList.length; i++) stepList[i] = intValue(steps.get(i), where + "[" + i + "]", 0, 10);
    String commitmentHash = text(pp, "commitment_hash", "keccak256_masked160_msb");
    Parameters params =
        new Parameters(
            text(pp, "channel_hash", "keccak256"),
            commitmentHash,
            text(pp, "verifier_friendly_commitment_hash", commitmentHash),
            pp.has("n_verifier_friendly_commitment_layers")
                ? intValue(pp.get("n_verifier_friendly_commitment_layers"), "proof_parameters.n_verifier_friendly_commitment_layers", 0, Integer.MAX_VALUE)
                : 0,
            pp.path("verifier_friendly_channel_updates").asBoolean(false),
            text(pp, "pow_hash", "blake256"),
            pp.has("statement") ? text(pp.get("statement"), "page_hash", "keccak256") : "keccak256",
            intValue(require(stark, "log_n_cosets", "proof_parameters.stark"), "proof_parameters.stark.log_n_cosets", 0, 16),
            stepList,
            intValue(require(fri, "last_layer_degree_bound", "proof_parameters.stark.fri"), "proof_parameters.stark.fri.last_layer_degree_bound", 1, 1 << 20),
            intValue(require(fri, "n_queries", "proof_parameters.stark.fri"), "proof_parameters.stark.fri.n_queries", 1, 1000),
            intValue(require(fri, "proof_of_work_bits", "proof_parameters.stark.fri"), "proof_parameters.stark.fri.proof_of_work_bits", 0, 63));
    PublicInput pi = parsePublicInput(require(root, "public_input", ""));
    String hex = require(root, "proof_hex", "").asText();
    if (!hex.startsWith("0x")) throw new IllegalArgumentException("proof_hex: expected 0x-prefixed hex");
    byte[] bytes;
    if (hex.length() % 2 != 0) throw new IllegalArgumentException("proof_hex: odd number of hex digits");
    try {
      bytes = HexFormat.of().parseHex(hex.substring(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("proof_hex: not hex: " + e.getMessage(), e);
    }
    List<String> annotations = new ArrayList<>();
    if (root.has("annotations")) for (JsonNode a : root.get("annotations")) annotations.add(a.asText());
    return new StoneProof(params, pi, bytes, annotations, root);
  }

  public static PublicInput parsePublicInput(JsonNode pi) {
    String p = "public_input";
    String layout = require(pi, "layout", p).asText();
    long rcMin = longValue(require(pi, "rc_min", p), p + ".rc_min");
    long rcMax = longValue(require(pi, "rc_max", p), p + ".rc_max");
    long nSteps = longValue(require(pi, "n_steps", p), p + ".n_steps");
    if (nSteps <= 0 || Long.bitCount(nSteps) != 1) throw new IllegalArgumentException(p + ".n_steps: must be a power of two, got " + nSteps);
    Map<String, Segment> segments = new LinkedHashMap<>();
    JsonNode segs = require(pi, "memory_segments", p);
    var it = segs.fields();
    while (it.hasNext()) {
      var e = it.next();
      String sp = p + ".memory_segments." + e.getKey();
      segments.put(e.getKey(), new Segment(longValue(require(e.getValue(), "begin_addr", sp), sp + ".begin_addr"), longValue(require(e.getValue(), "stop_ptr", sp), sp + ".stop_ptr")));
    }
    List<MemoryCell> memory = new ArrayList<>();
    JsonNode pm = require(pi, "public_memory", p);
    if (!pm.isArray()) throw new IllegalArgumentException(p + ".public_memory: expected an array");
    for (int i = 0; i < pm.size(); i++) {
      String cp = p + ".public_memory[" + i + "]";
      JsonNode c = pm.get(i);
      Felt value;
      try {
        value = Felt.parse(require(c, "value", cp).asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(cp + ".value: " + e.getMessage(), e);
      }
      memory.add(new MemoryCell(longValue(require(c, "address", cp), cp + ".address"), value, (int) longValue(require(c, "page", cp), cp + ".page")));
    }
    if (memory.isEmpty()) throw new IllegalArgumentException(p + ".public_memory: must not be empty");
    return new PublicInput(layout, rcMin, rcMax, nSteps, segments, memory, pi.get("dynamic_params"));
  }

  private static JsonNode require(JsonNode n, String key, String path) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) throw new IllegalArgumentException((path.isEmpty() ? "" : path + ".") + key + ": missing");
    return v;
  }

  private static String text(JsonNode n, String key, String dflt) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static long longValue(JsonNode v, String path) {
    if (!v.canConvertToLong() || !v.isIntegralNumber()) throw new IllegalArgumentException(path + ": expected an integer, got " + v);
    long x = v.asLong();
    if (x < 0) throw new IllegalArgumentException(path + ": must not be negative, got " + x);
    return x;
  }

  private static int intValue(JsonNode v, String path, int min, int max) {
    long x = longValue(v, path);
    if (x < min || x > max) throw new IllegalArgumentException(path + ": must lie in [" + min + ", " + max + "], got " + x);
    return (int) x;
  }
}
