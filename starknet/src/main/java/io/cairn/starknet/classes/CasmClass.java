package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Poseidon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled (CASM) contract class, as {@code starknet-sierra-compile} writes it.
 *
 * @param compilerVersion e.g. {@code "2.9.2"}, or null when the artifact omits it
 * @param bytecode the CASM words
 * @param segments {@code bytecode_segment_lengths}, or null when absent (then the bytecode is hashed as one leaf)
 * @param entryPoints selectors, bytecode offsets and builtin names
 * @param hints the {@code hints} array as the artifact holds it ({@code [[pc, [hint, …]], …]}), or null
 */
public record CasmClass(
    String compilerVersion,
    List<Felt> bytecode,
    BytecodeSegments segments,
    EntryPointsByType<CasmEntryPoint> entryPoints,
    JsonNode hints) {

  private static final Felt COMPILED_CLASS_V1 = Felt.fromShortString("COMPILED_CLASS_V1");

  public CasmClass {
    bytecode = List.copyOf(bytecode);
    if (segments != null && segments.totalLength() != bytecode.size())
      throw new IllegalArgumentException(
          "bytecode_segment_lengths cover " + segments.totalLength() + " words but the bytecode has " + bytecode.size());
  }

  /** The segment tree the hash follows: the declared one, or a single leaf over the whole bytecode. */
  public BytecodeSegments effectiveSegments() {
    return segments != null ? segments : new BytecodeSegments.Leaf(bytecode.size());
  }

  /**
   * The compiled class hash (cairo-lang {@code compiled_class_hash.py}; sequencer {@code starknet_api}
   * {@code compiled_class_hash.rs}): H(COMPILED_CLASS_V1, H(external), H(l1_handler), H(constructor), bytecode hash).
   */
  public Felt compiledClassHash(CompiledClassHashVersion version) {
    return hash(
        version,
        List.of(
            COMPILED_CLASS_V1,
            entryPointsHash(version, entryPoints.external()),
            entryPointsHash(version, entryPoints.l1Handler()),
            entryPointsHash(version, entryPoints.constructor()),
            bytecodeHash(version)));
  }

  /** The hash of the bytecode following its segment tree; a node hashes to 1 + H(len₀, h₀, len₁, h₁, …). */
  public Felt bytecodeHash(CompiledClassHashVersion version) {
    int[] cursor = {0};
    return segmentHash(version, effectiveSegments(), cursor);
  }

  private Felt segmentHash(CompiledClassHashVersion version, BytecodeSegments s, int[] cursor) {
    if (s instanceof BytecodeSegments.Leaf leaf) {
      int from = cursor[0];
      cursor[0] += leaf.length();
      return hash(version, bytecode.subList(from, cursor[0]));
    }
    List<BytecodeSegments> children = ((BytecodeSegments.Node) s).children();
    List<Felt> pairs = new ArrayList<>(2 * children.size());
    for (BytecodeSegments child : children) {
      pairs.add(Felt.of(child.totalLength()));
      pairs.add(segmentHash(version, child, cursor));
    }
    return hash(version, pairs).add(Felt.ONE);
  }

  private static Felt entryPointsHash(CompiledClassHashVersion version, List<CasmEntryPoint> eps) {
    List<Felt> flat = new ArrayList<>(3 * eps.size());
    for (CasmEntryPoint ep : eps) {
      flat.add(ep.selector());
      flat.add(Felt.of(ep.offset()));
      List<Felt> builtins = new ArrayList<>(ep.builtins().size());
      for (String b : ep.builtins()) builtins.add(Felt.fromShortString(b));
      flat.add(hash(version, builtins));
    }
    return hash(version, flat);
  }

  private static Felt hash(CompiledClassHashVersion version, List<Felt> felts) {
    return version == CompiledClassHashVersion.V1 ? Poseidon.hashMany(felts) : Blake2sFeltHash.hash(felts);
  }

  /** Reads a {@code *.compiled_contract_class.json} / {@code *.casm.json} (or the RPC's CASM shape). */
  static CasmClass fromJson(ObjectNode root) {
    Felt[] bytecode = Json.feltArray(Json.required(root, "$", "bytecode"), "$.bytecode");
    JsonNode lengths = root.get("bytecode_segment_lengths");
    BytecodeSegments segments = null;
    if (lengths != null && !lengths.isNull()) {
      segments = BytecodeSegments.parse(lengths, "$.bytecode_segment_lengths");
      if (segments.totalLength() != bytecode.length)
        throw Json.error(
            "$.bytecode_segment_lengths",
            "segments cover " + segments.totalLength() + " words but the bytecode has " + bytecode.length);
    }
    int length = bytecode.length;
    EntryPointsByType<CasmEntryPoint> eps =
        EntryPointsByType.parse(
            Json.required(root, "$", "entry_points_by_type"),
            "$.entry_points_by_type",
            (o, p) -> {
              Felt selector = Json.feltStringOrNumber(Json.required(o, p, "selector"), Json.child(p, "selector"));
              int offset = Json.codeOffset(Json.required(o, p, "offset"), Json.child(p, "offset"), length);
              JsonNode b = o.get("builtins");
              List<String> builtins = b == null || b.isNull() ? List.of() : Json.builtinNames(b, Json.child(p, "builtins"));
              return new CasmEntryPoint(selector, offset, builtins);
            });
    JsonNode cv = root.get("compiler_version");
    String compilerVersion = cv == null || cv.isNull() ? null : Json.text(cv, "$.compiler_version");
    JsonNode hints = root.get("hints");
    if (hints != null && !hints.isNull()) Json.array(hints, "$.hints");
    return new CasmClass(compilerVersion, Arrays.asList(bytecode), segments, eps, hints);
  }
}
