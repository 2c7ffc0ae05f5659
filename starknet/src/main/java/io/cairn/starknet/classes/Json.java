package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import java.util.ArrayList;
import java.util.List;

/** Path-aware accessors over a parsed JSON tree: every failure names the JSON path of the bad value. */
final class Json {
  private Json() {}

  static String child(String path, String field) {
    return path + "." + field;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  static ClassFormatException error(String path, String problem) {
    return new ClassFormatException(path, problem);
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) return "nothing";
    if (n.isNull()) return "null";
    if (n.isObject()) return "an object";
    if (n.isArray()) return "an array";
    if (n.isTextual()) {
      String t = n.textValue();
      return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }
    if (n.isBoolean()) return "a boolean";
    return "the number " + n.asText();
  }

  static JsonNode required(ObjectNode o, String path, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) throw error(child(path, field), "missing");
    return n;
  }

  static ObjectNode object(JsonNode n, String path) {
    if (n instanceof ObjectNode o) return o;
    throw error(path, "expected an object, found " + describe(n));
  }

  static ArrayNode array(JsonNode n, String path) {
    if (n instanceof ArrayNode a) return a;
    throw error(path, "expected an array, found " + describe(n));
  }

  static String text(JsonNode n, String path) {
    if (n != null && n.isTextual()) return n.textValue();
    throw error(path, "expected a string, found " + describe(n));
  }

  /** A felt written as a 0x-hex (or decimal) string. */
  static Felt feltString(JsonNode n, String path) {
    String t = text(n, path);
    try {
      return Felt.parse(t);
    } catch (IllegalArgumentException e) {
      throw error(path, e.getMessage());
    }
  }

  /** A felt written either as a string (hex or decimal) or as a JSON integer. */
  static Felt feltStringOrNumber(JsonNode n, String path) {
    if (n != null && n.isIntegralNumber()) {
      try {
        return Felt.of(n.bigIntegerValue());
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }
    if (n != null && n.isTextual()) return feltString(n, path);
    throw error(path, "expected a felt (hex string or integer), found " + describe(n));
  }

  /** A non-negative int written as a JSON integer. */
  static int nonNegativeInt(JsonNode n, String path) {
    if (n != null && n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 0) return n.intValue();
    throw error(path, "expected a non-negative integer, found " + describe(n));
  }

  /** Each element of a JSON array of hex strings, as felts. */
  static Felt[] feltArray(JsonNode n, String path) {
    ArrayNode a = array(n, path);
    Felt[] out = new Felt[a.size()];
    for (int i = 0; i < out.length; i++) out[i] = feltString(a.get(i), index(path, i));
    return out;
  }

  /** An entry point's offset into code of {@code codeLength} words, written as an integer or a hex string. */
  static int codeOffset(JsonNode n, String path, int codeLength) {
    Felt offset = feltStringOrNumber(n, path);
    if (!offset.fitsInLong() || offset.longValueExact() >= codeLength)
      throw error(path, "offset " + offset.toDecimal() + " is outside the code (" + codeLength + " words)");
    return (int) offset.longValueExact();
  }

  /** Builtin names, each hashed as a short string: ASCII, at most 31 characters. */
  static List<String> builtinNames(JsonNode n, String path) {
    List<String> names = stringList(n, path);
    for (int i = 0; i < names.size(); i++) {
      String b = names.get(i);
      if (b.length() > 31 || !b.chars().allMatch(c -> c < 0x80))
        throw error(index(path, i), "not a builtin name (ASCII, at most 31 characters): \"" + b + "\"");
    }
    return names;
  }

  static List<String> stringList(JsonNode n, String path) {
    ArrayNode a = array(n, path);
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) out.add(text(a.get(i), index(path, i)));
    return List.copyOf(out);
  }
}
