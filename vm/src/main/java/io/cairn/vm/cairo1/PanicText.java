package io.cairn.vm.cairo1;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Panic data (and debug-printed felts) as readable text, in the Cairo runner's format: each felt as {@code 0x…}
 * followed by {@code ('…')} when it reads as a short string; a serialized {@code ByteArray} (the magic felt, the
 * number of full 31-byte words, the words, the pending word and its length) as one quoted string.
 */
public final class PanicText {
  private PanicText() {}

  /** The felt that starts a serialized ByteArray in panic data. */
  public static final BigInteger BYTE_ARRAY_MAGIC =
      new BigInteger("46a6158a16a947e5916b2a2ca68501a45e93d7110e81aa2d6438b1c57c879a3", 16);

  private static final int BYTES_IN_WORD = 31;

  /** {@code Panicked with X.} for one item, {@code Panicked with (X, Y).} for several. */
  public static String describe(List<BigInteger> felts) {
    List<String> items = new ArrayList<>();
    for (Item i : items(felts)) items.add(i.string() ? "\"" + i.text() + "\"" : i.text());
    return "Panicked with " + (items.size() == 1 ? items.get(0) : "(" + String.join(", ", items) + ")") + ".";
  }

  /**
   * What the DebugPrint hint prints (Cairo's {@code print!}/{@code println!}): one ByteArray alone as its text;
   * otherwise each string on its own line and each felt as {@code [DEBUG]\t0x… ('…')}.
   */
  public static String debugText(List<BigInteger> felts) {
    List<Item> items = items(felts);
    if (items.size() == 1 && items.get(0).string()) return items.get(0).text();
    StringBuilder sb = new StringBuilder();
    for (Item i : items) sb.append(i.string() ? "" : "[DEBUG]\t").append(i.text()).append('\n');
    return sb.toString();
  }

  /** A decoded item: a ByteArray's text, or a felt as {@link #feltText}. */
  public record Item(String text, boolean string) {}

  /** The items: ByteArrays (after their magic felt) and single felts. */
  public static List<Item> items(List<BigInteger> felts) {
    List<Item> out = new ArrayList<>();
    int i = 0;
    while (i < felts.size()) {
      BigInteger first = felts.get(i++);
      if (first.equals(BYTE_ARRAY_MAGIC)) {
        int[] next = {i};
        String s = byteArray(felts, next);
        if (s != null) {
          out.add(new Item(s, true));
          i = next[0];
          continue;
        }
      }
      out.add(new Item(feltText(first), false));
    }
    return out;
  }

  /** {@code 0x…}, with {@code ('text')} when the felt reads as a short string. */
  public static String feltText(BigInteger v) {
    String s = shortString(v);
    return "0x" + v.toString(16) + (s == null ? "" : " ('" + s + "')");
  }

  /** The felt as a short string (printable ASCII, trailing NULs allowed), or null. */
  public static String shortString(BigInteger v) {
    StringBuilder sb = new StringBuilder();
    boolean ended = false;
    for (byte b : bytes(v)) {
      int c = b & 0xff;
      if (c == 0) ended = true;
      else if (ended) return null;
      else if (isGraphicOrSpace(c)) sb.append((char) c);
      else return null;
    }
    return sb.toString();
  }

  private static String byteArray(List<BigInteger> felts, int[] at) {
    int i = at[0];
    if (i >= felts.size()) return null;
    BigInteger nFull = felts.get(i++);
    if (nFull.bitLength() > 31 || nFull.intValue() > felts.size()) return null;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < nFull.intValue(); k++) {
      if (i >= felts.size()) return null;
      String w = word(felts.get(i++), BYTES_IN_WORD);
      if (w == null) return null;
      sb.append(w);
    }
    if (i + 1 >= felts.size()) return null;
    BigInteger pending = felts.get(i++), pendingLen = felts.get(i++);
    if (pendingLen.bitLength() > 31) return null;
    String w = word(pending, pendingLen.intValue());
    if (w == null) return null;
    at[0] = i;
    return sb.append(w).toString();
  }

  /** A word of exactly {@code length} bytes: NULs as \0, other non-printables as \xNN. */
  private static String word(BigInteger v, int length) {
    if (length == 0) return v.signum() == 0 ? "" : null;
    if (length > BYTES_IN_WORD) return null;
    byte[] b = bytes(v);
    if (b.length > length) return null;
    StringBuilder sb = new StringBuilder();
    sb.append("\\0".repeat(length - b.length));
    for (byte x : b) {
      int c = x & 0xff;
      if (c == 0) sb.append("\\0");
      else if (isGraphicOrSpace(c)) sb.append((char) c);
      else sb.append(String.format("\\x%02x", c));
    }
    return sb.toString();
  }

  /** Big-endian bytes without leading zeros ({0} for zero, as num-bigint gives). */
  private static byte[] bytes(BigInteger v) {
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) return java.util.Arrays.copyOfRange(b, 1, b.length);
    return b;
  }

  private static boolean isGraphicOrSpace(int c) {
    return (c >= 0x21 && c <= 0x7e) || c == ' ' || c == '\t' || c == '\n' || c == 0x0c || c == '\r';
  }
}
