package io.cairn.starknet.classes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Reads contract classes from JSON and tells their kinds apart by content: {@code sierra_program} marks a Sierra
 * class, {@code program} a Cairo 0 class, {@code bytecode} a compiled (CASM) class.
 *
 * <p>Accepts the compilers' artifacts ({@code *.contract_class.json}, {@code *.casm.json}, {@code starknet-compile-
 * deprecated} output) and the JSON-RPC shapes (an ABI string; a Cairo 0 {@code program} as base64 of gzip). Debug
 * information ({@code sierra_program_debug_info}, {@code program.debug_info}) is skipped while parsing, never built
 * into a tree: it is most of a large artifact and no hash reads it.
 */
public final class ContractClasses {
  private ContractClasses() {}

  private static final ObjectMapper MAPPER = mapper();

  private static ObjectMapper mapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    return new ObjectMapper(factory);
  }

  /** A Sierra or Cairo 0 class from a file. */
  public static ContractClass loadClass(Path file) throws IOException {
    return parseClass(Files.readAllBytes(file), file.toString());
  }

  /** A compiled (CASM) class from a file. */
  public static CasmClass loadCasm(Path file) throws IOException {
    return parseCasm(Files.readAllBytes(file), file.toString());
  }

  /** A Sierra or Cairo 0 class; {@code source} names the input in error messages. */
  public static ContractClass parseClass(byte[] json, String source) {
    try {
      ObjectNode root = readRoot(json);
      if (root.has("sierra_program")) return SierraClass.fromJson(root);
      if (root.has("program")) return LegacyClass.fromJson(root);
      if (root.has("bytecode"))
        throw Json.error("$", "this is a compiled (CASM) class; its hash is the compiled class hash, not a class hash");
      throw Json.error("$", "neither a Sierra class (no sierra_program) nor a Cairo 0 class (no program)");
    } catch (ClassFormatException e) {
      throw e.withSource(source);
    }
  }

  /** A compiled (CASM) class; {@code source} names the input in error messages. */
  public static CasmClass parseCasm(byte[] json, String source) {
    try {
      ObjectNode root = readRoot(json);
      if (root.has("bytecode")) return CasmClass.fromJson(root);
      if (root.has("sierra_program"))
        throw Json.error("$", "this is a Sierra class, not a compiled (CASM) class; compile it to CASM first");
      if (root.has("program")) throw Json.error("$", "this is a Cairo 0 class; it has no compiled class hash");
      throw Json.error("$", "not a compiled (CASM) class (no bytecode)");
    } catch (ClassFormatException e) {
      throw e.withSource(source);
    }
  }

  private static ObjectNode readRoot(byte[] json) {
    try (JsonParser p = MAPPER.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) throw Json.error("$", "empty input, expected a JSON object");
      if (first != JsonToken.START_OBJECT) throw Json.error("$", "expected a JSON object, found " + first.asString());
      ObjectNode root = MAPPER.getNodeFactory().objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("sierra_program_debug_info")) {
          p.skipChildren();
        } else if (name.equals("program") && t == JsonToken.START_OBJECT) {
          root.set(name, readProgram(p));
        } else if (name.equals("program") && t == JsonToken.VALUE_STRING) {
          root.set(name, readCompressedProgram(p.getText()));
        } else {
          root.set(name, MAPPER.readTree(p));
        }
      }
      if (p.nextToken() != null) throw Json.error("$", "unexpected content after the top-level object");
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw Json.error("$", "cannot read JSON: " + e.getMessage());
    }
  }

  /** The program object, with its {@code debug_info} skipped unparsed (it is recorded as null). */
  private static ObjectNode readProgram(JsonParser p) throws IOException {
    ObjectNode program = MAPPER.getNodeFactory().objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("debug_info")) {
        p.skipChildren();
        program.putNull(name);
      } else {
        program.set(name, MAPPER.readTree(p));
      }
    }
    return program;
  }

  /** JSON-RPC's DEPRECATED_CONTRACT_CLASS holds the program as base64 of its gzip-compressed JSON. */
  private static ObjectNode readCompressedProgram(String base64) {
    byte[] raw;
    try {
      raw = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw Json.error("$.program", "a string program must be base64 of gzip-compressed JSON: " + e.getMessage());
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw));
        JsonParser p = MAPPER.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw Json.error("$.program", "the decompressed program is not a JSON object");
      return readProgram(p);
    } catch (JsonProcessingException e) {
      ClassFormatException inner = malformed(e);
      throw Json.error("$.program", "in the decompressed program: " + inner.getMessage());
    } catch (IOException e) {
      throw Json.error("$.program", "a string program must be base64 of gzip-compressed JSON: " + e.getMessage());
    }
  }

  private static ClassFormatException malformed(JsonProcessingException e) {
    JsonStreamContext ctx = e.getProcessor() instanceof JsonParser jp ? jp.getParsingContext() : null;
    String where =
        e.getLocation() == null
            ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return Json.error(path(ctx), "malformed JSON" + where + ": " + e.getOriginalMessage());
  }

  /** JSONPath-style name of a parser position: {@code $.program.data[3]}. */
  static String path(JsonStreamContext ctx) {
    if (ctx == null) return "$";
    StringBuilder sb = new StringBuilder();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) sb.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      else if (c.inObject() && c.getCurrentName() != null) sb.insert(0, "." + c.getCurrentName());
    }
    return "$" + sb;
  }

  /** Exposed for the JSON-to-model readers' tests. */
  static JsonNode readTree(byte[] json) {
    return readRoot(json);
  }
}
