package io.cairn.lang.ast;

/** A Cairo source file: the name shown in locations and its text. */
public record SourceFile(String name, String text) {
  /** The 1-based line {@code n} without its newline, or null. */
  public String line(int n) {
    int start = 0;
    for (int i = 1; i < n; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) return null;
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }
}
