package io.cairn.lang.ast;

/**
 * A span of source text: 1-based lines and columns, end column exclusive, as cairo-compile reports
 * them in debug_info and in error messages.
 */
public record Location(
    SourceFile file, int startLine, int startCol, int endLine, int endCol, Location parent, String parentMessage) {

  public Location(SourceFile file, int startLine, int startCol, int endLine, int endCol) {
    this(file, startLine, startCol, endLine, endCol, null, null);
  }

  /** This location with {@code p} attached at the end of its parent chain (cairo-lang with_parent_location). */
  public Location withParent(Location p, String message) {
    if (parent == null) return new Location(file, startLine, startCol, endLine, endCol, p, message);
    return new Location(file, startLine, startCol, endLine, endCol, parent.withParent(p, message), parentMessage);
  }

  /** The span from the start of this location to the end of {@code other}. */
  public Location to(Location other) {
    if (other == null) return this;
    return new Location(file, startLine, startCol, other.endLine, other.endCol, parent, parentMessage);
  }

  /**
   * Like cairo-compile's LocationError: the parent locations first (outermost first), each with its
   * message, then {@code file:line:col: message} with the source line and a caret marker.
   */
  public String render(String message) {
    String own = renderOne(message);
    return parent == null ? own : parent.render(parentMessage) + "\n" + own;
  }

  /** {@code file:line:col: } followed by the source line and a caret marker, cairo-compile style. */
  private String renderOne(String message) {
    StringBuilder sb = new StringBuilder();
    sb.append(file.name()).append(':').append(startLine).append(':').append(startCol).append(": ");
    sb.append(message);
    String line = file.line(startLine);
    if (line != null) {
      sb.append('\n').append(line).append('\n');
      int caretEnd = endLine == startLine ? Math.max(endCol, startCol + 1) : line.length() + 1;
      sb.append(" ".repeat(Math.max(0, startCol - 1)));
      int width = caretEnd - startCol;
      sb.append(width <= 1 ? "^" : "^" + "*".repeat(Math.max(0, width - 2)) + "^");
    }
    return sb.toString();
  }
}
