package io.cairn.vm.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.vm.memory.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code cairo-compile} program (FORMATS.md §1): bytecode, builtins, hints, identifiers, references, attributes and
 * debug info. Compiler versions 0.10 to 0.14 share this shape.
 */
public final class Program {
  private final String source;
  private final BigInteger[] data;
  private final List<String> builtins;
  private final Map<Integer, List<HintSpec>> hints;
  private final List<Reference> references;
  private final Map<String, JsonNode> identifiers;
  private final String mainScope;
  private final List<Attribute> attributes;
  private final Map<Integer, Location> locations;
  private final String compilerVersion;

  /** A hint attached to a pc. */
  public record HintSpec(
      String code, List<String> accessibleScopes, int apGroup, int apOffset, Map<String, Integer> referenceIds) {}

  /** A reference_manager entry: a Cairo expression valid at pc under an ap-tracking state. */
  public record Reference(int pc, String value, int apGroup, int apOffset) {}

  /** A with_attr scope (error_message) covering [startPc, endPc). */
  public record Attribute(String name, String value, int startPc, int endPc) {}

  /** Source location of an instruction. */
  public record Location(String file, int startLine, int startCol) {
    @Override
    public String toString() {
      return file + ":" + startLine + ":" + startCol;
    }
  }

  private Program(
      String source,
      BigInteger[] data,
      List<String> builtins,
      Map<Integer, List<HintSpec>> hints,
      List<Reference> references,
      Map<String, JsonNode> identifiers,
      String mainScope,
      List<Attribute> attributes,
      Map<Integer, Location> locations,
      String compilerVersion) {
    this.source = source;
    this.data = data;
    this.builtins = builtins;
    this.hints = hints;
    this.references = references;
    this.identifiers = identifiers;
    this.mainScope = mainScope;
    this.attributes = attributes;
    this.locations = locations;
    this.compilerVersion = compilerVersion;
  }

  public static Program load(Path file) {
    try {
      return parse(MAPPER.readTree(Files.readAllBytes(file)), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Program parse(String json, String name) {
    try {
      return parse(MAPPER.readTree(json), name);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Parses the JSON tree; a contract class's nested {@code program} is accepted too. */
  public static Program parse(JsonNode root, String name) {
    if (root == null || !root.isObject()) throw bad(name, "$", "expected a JSON object");
    if (!root.has("data") && root.path("program").isObject()) root = root.get("program");
    JsonNode prime = root.get("prime");
    if (prime != null && !prime.isNull()) {
      BigInteger p = parseInt(prime.asText(), name, "$.prime");
      if (!p.equals(Field.P)) throw bad(name, "$.prime", "unsupported prime " + prime.asText());
    }
    JsonNode dataNode = root.get("data");
    if (dataNode == null || !dataNode.isArray()) throw bad(name, "$.data", "missing or not an array");
    BigInteger[] data = new BigInteger[dataNode.size()];
    for (int i = 0; i < data.length; i++) {
      BigInteger v = parseInt(dataNode.get(i).asText(), name, "$.data[" + i + "]");
      if (v.signum() < 0 || v.compareTo(Field.P) >= 0) throw bad(name, "$.data[" + i + "]", "not a field element");
      data[i] = v;
    }
    List<String> builtins = new ArrayList<>();
    for (JsonNode b : root.path("builtins")) builtins.add(b.asText());
    Map<Integer, List<HintSpec>> hints = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> hit = root.path("hints").fields();
    while (hit.hasNext()) {
      Map.Entry<String, JsonNode> e = hit.next();
      int pc;
      try {
        pc = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw bad(name, "$.hints", "hint pc '" + e.getKey() + "' is not a number");
      }
      List<HintSpec> list = new ArrayList<>();
      int k = 0;
      for (JsonNode h : e.getValue()) {
        String path = "$.hints." + pc + "[" + k++ + "]";
        JsonNode code = h.get("code");
        if (code == null || !code.isTextual()) throw bad(name, path + ".code", "missing");
        List<String> scopes = new ArrayList<>();
        for (JsonNode s : h.path("accessible_scopes")) scopes.add(s.asText());
        JsonNode ftd = h.path("flow_tracking_data");
        Map<String, Integer> refs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> rit = ftd.path("reference_ids").fields();
        while (rit.hasNext()) {
          Map.Entry<String, JsonNode> r = rit.next();
          refs.put(r.getKey(), r.getValue().asInt());
        }
        list.add(
            new HintSpec(
                code.asText(),
                List.copyOf(scopes),
                ftd.path("ap_tracking").path("group").asInt(),
                ftd.path("ap_tracking").path("offset").asInt(),
                Collections.unmodifiableMap(refs)));
      }
      hints.put(pc, List.copyOf(list));
    }
    List<Reference> references = new ArrayList<>();
    for (JsonNode r : root.path("reference_manager").path("references")) {
      references.add(
          new Reference(
              r.path("pc").asInt(),
              r.path("value").asText(),
              r.path("ap_tracking_data").path("group").asInt(),
              r.path("ap_tracking_data").path("offset").asInt()));
    }
    Map<String, JsonNode> identifiers = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> iit = root.path("identifiers").fields();
    while (iit.hasNext()) {
      Map.Entry<String, JsonNode> e = iit.next();
      identifiers.put(e.getKey(), e.getValue());
    }
    List<Attribute> attributes = new ArrayList<>();
    for (JsonNode a : root.path("attributes")) {
      attributes.add(
          new Attribute(
              a.path("name").asText(),
              a.path("value").asText(),
              a.path("start_pc").asInt(),
              a.path("end_pc").asInt()));
    }
    Map<Integer, Location> locations = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> lit =
        root.path("debug_info").path("instruction_locations").fields();
    while (lit.hasNext()) {
      Map.Entry<String, JsonNode> e = lit.next();
      JsonNode inst = e.getValue().path("inst");
      try {
        locations.put(
            Integer.parseInt(e.getKey()),
            new Location(
                inst.path("input_file").path("filename").asText("?"),
                inst.path("start_line").asInt(),
                inst.path("start_col").asInt()));
      } catch (NumberFormatException ignored) {
        // a malformed location only loses debug output
      }
    }
    String mainScope = root.path("main_scope").asText("__main__");
    JsonNode cv = root.get("compiler_version");
    return new Program(
        name,
        data,
        List.copyOf(builtins),
        hints,
        references,
        identifiers,
        mainScope.isEmpty() ? "__main__" : mainScope,
        attributes,
        locations,
        cv == null || cv.isNull() ? null : cv.asText());
  }

  static BigInteger parseInt(String s, String file, String path) {
    try {
      s = s.trim();
      boolean neg = s.startsWith("-");
      if (neg) s = s.substring(1);
      BigInteger v =
          s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
      return neg ? v.negate() : v;
    } catch (NumberFormatException e) {
      throw bad(file, path, "not an integer: '" + s + "'");
    }
  }

  private static IllegalArgumentException bad(String file, String path, String what) {
    return new IllegalArgumentException(file + ": " + path + ": " + what);
  }

  public String name() {
    return source;
  }

  public int size() {
    return data.length;
  }

  public BigInteger word(int i) {
    return data[i];
  }

  public List<String> builtins() {
    return builtins;
  }

  public Map<Integer, List<HintSpec>> hints() {
    return hints;
  }

  public List<Reference> references() {
    return references;
  }

  public Map<String, JsonNode> identifiers() {
    return identifiers;
  }

  public String mainScope() {
    return mainScope;
  }

  public List<Attribute> attributes() {
    return attributes;
  }

  public String compilerVersion() {
    return compilerVersion;
  }

  /** Source location of the instruction at pc, or null without debug info. */
  public Location location(int pc) {
    return locations.get(pc);
  }

  /** Follows alias identifiers to the definition. */
  public JsonNode identifier(String fullName) {
    JsonNode n = identifiers.get(fullName);
    int guard = 0;
    while (n != null && "alias".equals(n.path("type").asText()) && guard++ < 64) {
      n = identifiers.get(n.path("destination").asText());
    }
    return n;
  }

  /** The pc of a label or function (e.g. {@code __main__.main}), or -1. */
  public int labelPc(String fullName) {
    JsonNode n = identifier(fullName);
    if (n == null || !n.has("pc")) return -1;
    return n.get("pc").asInt();
  }

  /** The pc of {@code main}, failing clearly when absent. */
  public int mainPc() {
    int pc = labelPc(mainScope + ".main");
    if (pc < 0) throw new IllegalArgumentException(source + ": missing main()");
    return pc;
  }

  /** Resolves a name visible from the given scopes (innermost last), like the compiler does for ids. */
  public String resolve(List<String> accessibleScopes, String name) {
    for (int i = accessibleScopes.size() - 1; i >= 0; i--) {
      String full = accessibleScopes.get(i) + "." + name;
      if (resolvePrefix(full) != null) return resolvePrefix(full);
    }
    return resolvePrefix(name);
  }

  /** Resolves aliases on the longest existing prefix of a dotted name; returns the full resolved name or null. */
  private String resolvePrefix(String full) {
    if (identifiers.containsKey(full)) {
      JsonNode n = identifiers.get(full);
      if ("alias".equals(n.path("type").asText())) return resolvePrefix(n.path("destination").asText());
      return full;
    }
    int dot = full.lastIndexOf('.');
    if (dot < 0) return null;
    String head = resolvePrefix(full.substring(0, dot));
    if (head == null || head.equals(full.substring(0, dot))) return null;
    return resolvePrefix(head + full.substring(dot));
  }
}
