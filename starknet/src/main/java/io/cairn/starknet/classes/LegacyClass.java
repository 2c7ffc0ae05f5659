package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Cairo 0 ("deprecated") contract class.
 *
 * @param abi the ABI as the artifact holds it (a JSON array, or null when absent)
 * @param program the program object without {@code debug_info}, which the hash ignores and the reader skips
 * @param entryPoints selectors and offsets into {@code program.data}
 * @param data the bytecode ({@code program.data})
 * @param builtins {@code program.builtins}, in order
 */
public record LegacyClass(
    JsonNode abi, ObjectNode program, EntryPointsByType<LegacyEntryPoint> entryPoints, List<Felt> data, List<String> builtins)
    implements ContractClass {

  /** The fields of cairo-lang's {@code Program} schema; anything else would not survive its {@code dump()}. */
  private static final Set<String> PROGRAM_FIELDS =
      Set.of(
          "attributes",
          "builtins",
          "compiler_version",
          "data",
          "debug_info",
          "hints",
          "identifiers",
          "main_scope",
          "prime",
          "reference_manager");

  public LegacyClass {
    data = List.copyOf(data);
    builtins = List.copyOf(builtins);
  }

  /** cairo-lang {@code compute_deprecated_class_hash}: a Pedersen hash chain over the class's parts. */
  @Override
  public Felt classHash() {
    return Pedersen.hashOnElements(
        Felt.ZERO, // deprecated compiled class version
        entryPointsHash(entryPoints.external()),
        entryPointsHash(entryPoints.l1Handler()),
        entryPointsHash(entryPoints.constructor()),
        Pedersen.hashOnElements(builtinFelts()),
        hintedClassHash(),
        Pedersen.hashOnElements(data));
  }

  /** cairo-lang {@code compute_deprecated_hinted_class_hash}: starknet_keccak of {@link #hintedClassJson()}. */
  public Felt hintedClassHash() {
    return Keccak.starknetKeccak(hintedClassJson());
  }

  private List<Felt> builtinFelts() {
    List<Felt> out = new ArrayList<>(builtins.size());
    for (String b : builtins) out.add(Felt.fromShortString(b));
    return out;
  }

  private static Felt entryPointsHash(List<LegacyEntryPoint> eps) {
    List<Felt> flat = new ArrayList<>(2 * eps.size());
    for (LegacyEntryPoint ep : eps) {
      flat.add(ep.selector());
      flat.add(Felt.of(ep.offset()));
    }
    return Pedersen.hashOnElements(flat);
  }

  /**
   * The exact bytes cairo-lang hashes for the hinted class hash: {@code json.dumps({"abi": abi, "program": program},
   * sort_keys=True)} where the program is as {@code Program.dump()} renders it with {@code debug_info=None}, empty
   * {@code attributes} dropped, and in each attribute an empty {@code accessible_scopes} and a null {@code
   * flow_tracking_data} dropped; {@code hints} keyed by pc in numeric order; {@code data} and {@code prime} as Python's
   * {@code hex()}; and, for programs without {@code compiler_version} (before Cairo 0.10), the old {@code "a : felt"}
   * spacing in {@code identifiers} and {@code reference_manager}.
   */
  public byte[] hintedClassJson() {
    PythonJson w = new PythonJson(estimateSize(), true);
    w.raw("{\"abi\": ");
    w.value(abi == null ? NullNode.instance : abi);
    w.raw(", \"program\": {");
    JsonNode attributes = program.get("attributes");
    if (attributes != null && attributes.size() > 0) {
      w.raw("\"attributes\": ");
      w.value(trimmedAttributes((ArrayNode) attributes));
      w.raw(", ");
    }
    w.raw("\"builtins\": ");
    w.value(program.get("builtins"));
    JsonNode compilerVersion = program.get("compiler_version");
    boolean legacySpacing = compilerVersion == null || compilerVersion.isNull();
    if (!legacySpacing) {
      w.raw(", \"compiler_version\": ");
      w.value(compilerVersion);
    }
    w.raw(", \"data\": [");
    for (int i = 0, n = data.size(); i < n; i++) {
      if (i > 0) w.raw(", ");
      w.hexString(data.get(i));
    }
    w.raw("], \"debug_info\": null, \"hints\": ");
    writeHints(w, (ObjectNode) program.get("hints"));
    w.raw(", \"identifiers\": ");
    w.spaceBeforeColon(legacySpacing);
    w.value(program.get("identifiers"));
    w.spaceBeforeColon(false);
    w.raw(", \"main_scope\": ");
    w.value(program.get("main_scope"));
    w.raw(", \"prime\": \"0x");
    w.raw(new BigInteger(stripHexPrefix(program.get("prime").textValue()), 16).toString(16));
    w.raw("\", \"reference_manager\": ");
    w.spaceBeforeColon(legacySpacing);
    w.value(program.get("reference_manager"));
    w.spaceBeforeColon(false);
    w.raw("}}");
    return w.toBytes();
  }

  private int estimateSize() {
    return 64 * data.size() + (1 << 16);
  }

  private static ArrayNode trimmedAttributes(ArrayNode attributes) {
    ArrayNode out = attributes.deepCopy();
    for (JsonNode a : out) {
      if (!(a instanceof ObjectNode o)) continue;
      JsonNode scopes = o.get("accessible_scopes");
      if (scopes != null && scopes.isArray() && scopes.isEmpty()) o.remove("accessible_scopes");
      JsonNode flow = o.get("flow_tracking_data");
      if (flow != null && flow.isNull()) o.remove("flow_tracking_data");
    }
    return out;
  }

  /** Python's dict keyed by int: json.dumps sorts the ints numerically, then writes them as strings. */
  private static void writeHints(PythonJson w, ObjectNode hints) {
    int n = hints.size();
    long[] pcs = new long[n];
    String[] keys = new String[n];
    int i = 0;
    for (Iterator<String> it = hints.fieldNames(); it.hasNext(); i++) {
      keys[i] = it.next();
      pcs[i] = Long.parseLong(keys[i].strip());
    }
    Integer[] order = new Integer[n];
    for (i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Long.compare(pcs[a], pcs[b]));
    w.raw('{');
    for (i = 0; i < n; i++) {
      if (i > 0) w.raw(", ");
      w.raw('"');
      w.raw(Long.toString(pcs[order[i]]));
      w.raw("\": ");
      w.value(hints.get(keys[order[i]]));
    }
    w.raw('}');
  }

  private static String stripHexPrefix(String s) {
    String t = s.strip();
    return t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
  }

  /** Reads a class from {@code {abi, entry_points_by_type, program}} whose program has been parsed to a tree. */
  static LegacyClass fromJson(ObjectNode root) {
    ObjectNode program = Json.object(Json.required(root, "$", "program"), "$.program");
    for (Map.Entry<String, JsonNode> field : program.properties()) {
      String name = field.getKey();
      if (!PROGRAM_FIELDS.contains(name))
        throw Json.error("$.program." + name, "unknown program field (cairo-lang's Program has no such field)");
    }
    program.remove("debug_info");
    String p = "$.program";
    Felt[] data = Json.feltArray(Json.required(program, p, "data"), p + ".data");
    List<String> builtins = Json.builtinNames(Json.required(program, p, "builtins"), p + ".builtins");
    JsonNode prime = Json.required(program, p, "prime");
    String primeText = Json.text(prime, p + ".prime");
    if (!stripHexPrefix(primeText).matches("[0-9a-fA-F]+"))
      throw Json.error(p + ".prime", "expected a hex integer, found \"" + primeText + "\"");
    Json.text(Json.required(program, p, "main_scope"), p + ".main_scope");
    Json.required(program, p, "identifiers");
    Json.required(program, p, "reference_manager");
    ObjectNode hints = Json.object(Json.required(program, p, "hints"), p + ".hints");
    for (Iterator<String> it = hints.fieldNames(); it.hasNext(); ) {
      String pc = it.next();
      if (!pc.strip().matches("\\d{1,18}")) throw Json.error(p + ".hints." + pc, "hint key is not a pc");
    }
    JsonNode attributes = program.get("attributes");
    if (attributes != null && !attributes.isNull()) {
      ArrayNode a = Json.array(attributes, p + ".attributes");
      for (int i = 0; i < a.size(); i++) {
        String ap = p + ".attributes[" + i + "]";
        ObjectNode o = Json.object(a.get(i), ap);
        JsonNode scopes = o.get("accessible_scopes");
        if (scopes != null && !scopes.isArray()) Json.array(scopes, ap + ".accessible_scopes");
      }
    } else {
      program.remove("attributes");
    }
    JsonNode cv = program.get("compiler_version");
    if (cv != null && !cv.isNull()) Json.text(cv, p + ".compiler_version");

    int length = data.length;
    EntryPointsByType<LegacyEntryPoint> eps =
        EntryPointsByType.parse(
            Json.required(root, "$", "entry_points_by_type"),
            "$.entry_points_by_type",
            (o, path) -> {
              Felt selector = Json.feltStringOrNumber(Json.required(o, path, "selector"), Json.child(path, "selector"));
              int offset = Json.codeOffset(Json.required(o, path, "offset"), Json.child(path, "offset"), length);
              return new LegacyEntryPoint(selector, offset);
            });
    JsonNode abi = root.get("abi");
    return new LegacyClass(abi, program, eps, Arrays.asList(data), builtins);
  }
}
