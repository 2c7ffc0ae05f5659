package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.starknet.hash.Addresses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Sierra (Cairo 1+) contract class.
 *
 * @param sierraProgram the program felts (the first six encode the Sierra and compiler versions)
 * @param contractClassVersion {@code "0.1.0"} for every class so far
 * @param entryPoints selectors and Sierra function indices
 * @param abi the ABI exactly as the class hash sees it: the declared string, or, when the artifact held the ABI as
 *     JSON, that JSON as Python's {@code json.dumps} writes it by default (cairo-lang {@code
 *     convert_sierra_program_abi_to_string})
 */
public record SierraClass(
    List<Felt> sierraProgram, String contractClassVersion, EntryPointsByType<SierraEntryPoint> entryPoints, String abi)
    implements ContractClass {

  private static final String CLASS_VERSION_PREFIX = "CONTRACT_CLASS_V";

  public SierraClass {
    sierraProgram = List.copyOf(sierraProgram);
  }

  /** cairo-lang {@code py_compute_class_hash}; the result is reduced below 2^251 − 256 ({@code ADDR_BOUND}). */
  @Override
  public Felt classHash() {
    return Addresses.normalize(
        Poseidon.hashMany(
            Felt.fromShortString(CLASS_VERSION_PREFIX + contractClassVersion),
            entryPointsHash(entryPoints.external()),
            entryPointsHash(entryPoints.l1Handler()),
            entryPointsHash(entryPoints.constructor()),
            Keccak.starknetKeccak(abi.getBytes(StandardCharsets.UTF_8)),
            Poseidon.hashMany(sierraProgram)));
  }

  private static Felt entryPointsHash(List<SierraEntryPoint> eps) {
    List<Felt> flat = new ArrayList<>(2 * eps.size());
    for (SierraEntryPoint ep : eps) {
      flat.add(ep.selector());
      flat.add(Felt.of(ep.functionIdx()));
    }
    return Poseidon.hashMany(flat);
  }

  /** Reads the compiler's {@code *.contract_class.json} or the JSON-RPC {@code CONTRACT_CLASS} shape. */
  static SierraClass fromJson(ObjectNode root) {
    Felt[] program = Json.feltArray(Json.required(root, "$", "sierra_program"), "$.sierra_program");
    JsonNode versionNode = root.get("contract_class_version");
    String version = versionNode == null ? "0.1.0" : Json.text(versionNode, "$.contract_class_version");
    if (CLASS_VERSION_PREFIX.length() + version.length() > 31 || !version.chars().allMatch(c -> c > 0x20 && c < 0x7f))
      throw Json.error("$.contract_class_version", "not a class version: \"" + version + "\"");
    EntryPointsByType<SierraEntryPoint> eps =
        EntryPointsByType.parse(
            Json.required(root, "$", "entry_points_by_type"),
            "$.entry_points_by_type",
            (o, p) ->
                new SierraEntryPoint(
                    Json.feltString(Json.required(o, p, "selector"), Json.child(p, "selector")),
                    Json.nonNegativeInt(Json.required(o, p, "function_idx"), Json.child(p, "function_idx"))));
    return new SierraClass(Arrays.asList(program), version, eps, abiText(root.get("abi")));
  }

  private static String abiText(JsonNode abi) {
    if (abi == null || abi.isNull()) return "";
    if (abi.isTextual()) return abi.textValue();
    if (abi.isArray()) return new String(PythonJson.dumps(abi, false), StandardCharsets.US_ASCII);
    throw Json.error("$.abi", "expected the ABI as a string or a JSON array, found " + Json.describe(abi));
  }
}
