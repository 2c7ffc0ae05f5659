package io.cairn.starknet.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Writes a Jackson tree byte for byte as CPython's {@code json.dumps} does with its defaults: separators {@code ", "}
 * and {@code ": "}, {@code ensure_ascii} (every character outside {@code ' '..'~'} escaped, as UTF-16 {@code \\uXXXX}
 * in lowercase hex), and optionally {@code sort_keys} (keys in code-point order). Starknet hashes such output (the
 * legacy hinted class hash, a Sierra ABI held as JSON), so the bytes must match exactly.
 *
 * <p>Writes straight into a growable byte array; no intermediate strings.
 */
final class PythonJson {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int size;
  private final boolean sortKeys;
  /**
   * cairo-lang's backward-compatibility space: pre-0.10 programs were dumped with {@code "a : felt"}, so string values
   * under the keys {@code cairo_type} and {@code value} get {@code ": "} → {@code " : "}, then {@code "  :"} →
   * {@code " :"} (pathfinder {@code add_extra_space_before_colon}; cairo-lang {@code add_backward_compatibility_space}).
   */
  private boolean spaceBeforeColon;

  PythonJson(int initialCapacity, boolean sortKeys) {
    this.buf = new byte[Math.max(16, initialCapacity)];
    this.sortKeys = sortKeys;
  }

  /** {@code json.dumps(node, sort_keys=sortKeys)} as ASCII bytes. */
  static byte[] dumps(JsonNode node, boolean sortKeys) {
    PythonJson w = new PythonJson(1024, sortKeys);
    w.value(node);
    return w.toBytes();
  }

  void spaceBeforeColon(boolean on) {
    spaceBeforeColon = on;
  }

  byte[] toBytes() {
    return Arrays.copyOf(buf, size);
  }

  int size() {
    return size;
  }

  /** The internal buffer; valid up to {@link #size()}. */
  byte[] buffer() {
    return buf;
  }

  void raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) buf[size++] = (byte) ascii.charAt(i);
  }

  void raw(char c) {
    ensure(1);
    buf[size++] = (byte) c;
  }

  void value(JsonNode n) {
    // instanceof chain, most frequent first: cheaper than a switch on getNodeType() in this hot recursion.
    if (n instanceof TextNode) {
      string(n.textValue());
    } else if (n instanceof ObjectNode) {
      object(n);
    } else if (n instanceof ArrayNode a) {
      raw('[');
      int k = a.size();
      for (int i = 0; i < k; i++) {
        if (i > 0) comma();
        value(a.get(i));
      }
      raw(']');
    } else if (n.isIntegralNumber()) {
      if (n.canConvertToLong()) integer(n.longValue());
      else raw(n.bigIntegerValue().toString());
    } else if (n.isNumber()) {
      raw(pythonFloatRepr(n.doubleValue()));
    } else if (n.isBoolean()) {
      raw(n.booleanValue() ? "true" : "false");
    } else if (n.isNull()) {
      raw("null");
    } else {
      throw new IllegalStateException("cannot serialize JSON node of type " + n.getNodeType());
    }
  }

  private void comma() {
    ensure(2);
    buf[size++] = ',';
    buf[size++] = ' ';
  }

  private void integer(long v) {
    if (v >= 0 && v < 10) {
      raw((char) ('0' + v));
    } else {
      raw(Long.toString(v));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void object(JsonNode n) {
    int k = n.size();
    if (k == 0) {
      raw("{}");
      return;
    }
    Map.Entry<String, JsonNode>[] fields = new Map.Entry[k];
    int i = 0;
    for (Map.Entry<String, JsonNode> field : n.properties()) fields[i++] = field;
    if (sortKeys && k > 1 && !isSorted(fields)) Arrays.sort(fields, BY_KEY);
    raw('{');
    for (i = 0; i < k; i++) {
      if (i > 0) comma();
      String key = fields[i].getKey();
      string(key);
      ensure(2);
      buf[size++] = ':';
      buf[size++] = ' ';
      JsonNode v = fields[i].getValue();
      if (spaceBeforeColon && v.isTextual() && (key.equals("cairo_type") || key.equals("value"))) {
        string(v.textValue().replace(": ", " : ").replace("  :", " :"));
      } else {
        value(v);
      }
    }
    raw('}');
  }

  /** Artifacts written by Python are sorted already; checking is cheaper than sorting. */
  private static boolean isSorted(Map.Entry<String, JsonNode>[] fields) {
    for (int i = 1; i < fields.length; i++)
      if (compareCodePoints(fields[i - 1].getKey(), fields[i].getKey()) > 0) return false;
    return true;
  }

  private static final Comparator<Map.Entry<String, JsonNode>> BY_KEY =
      (a, b) -> compareCodePoints(a.getKey(), b.getKey());

  /** Python orders str by code point; Java's compareTo by UTF-16 unit, which differs only above the surrogates. */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i), y = b.charAt(i);
      if (x != y) return Integer.compare(codePointRank(x), codePointRank(y));
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int codePointRank(char c) {
    if (c >= 0xD800 && c <= 0xDFFF) return c + 0x2000; // surrogates belong after U+FFFF
    if (c >= 0xE000) return c - 0x800;
    return c;
  }

  void string(String s) {
    int n = s.length();
    ensure(n + 2);
    buf[size++] = '"';
    int i = 0;
    // Fast path: plain printable ASCII is copied as is while the buffer has room for the worst case left.
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') break;
      buf[size++] = (byte) c;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
        ensure(1);
        buf[size++] = (byte) c;
      } else {
        escape(c);
      }
    }
    ensure(1);
    buf[size++] = '"';
  }

  /** Python's {@code hex(v)} of a felt, quoted: {@code "0x"} and lowercase digits without leading zeros. */
  void hexString(io.cairn.crypto.field.Felt f) {
    long[] c = f.canonicalLimbs();
    ensure(68);
    buf[size++] = '"';
    buf[size++] = '0';
    buf[size++] = 'x';
    boolean started = false;
    for (int limb = 3; limb >= 0; limb--) {
      for (int shift = 60; shift >= 0; shift -= 4) {
        int d = (int) (c[limb] >>> shift) & 15;
        if (d == 0 && !started) continue;
        started = true;
        buf[size++] = HEX[d];
      }
    }
    if (!started) buf[size++] = '0';
    buf[size++] = '"';
  }

  private void escape(char c) {
    ensure(6);
    buf[size++] = '\\';
    switch (c) {
      case '"' -> buf[size++] = '"';
      case '\\' -> buf[size++] = '\\';
      case '\n' -> buf[size++] = 'n';
      case '\r' -> buf[size++] = 'r';
      case '\t' -> buf[size++] = 't';
      case '\b' -> buf[size++] = 'b';
      case '\f' -> buf[size++] = 'f';
      default -> {
        buf[size++] = 'u';
        buf[size++] = HEX[(c >>> 12) & 15];
        buf[size++] = HEX[(c >>> 8) & 15];
        buf[size++] = HEX[(c >>> 4) & 15];
        buf[size++] = HEX[c & 15];
      }
    }
  }

  /** CPython's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16 on. */
  static String pythonFloatRepr(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (exp < -4 || exp >= 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) sb.append('0');
      sb.append(a);
    } else if (exp < 0) {
      sb.append("0.");
      for (int i = -1; i > exp; i--) sb.append('0');
      sb.append(digits);
    } else if (digits.length() <= exp + 1) {
      sb.append(digits);
      for (int i = digits.length(); i <= exp; i++) sb.append('0');
      sb.append(".0");
    } else {
      sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return sb.toString();
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
  }
}
