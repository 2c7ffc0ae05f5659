package io.cairn.starknet.classes;

/**
 * A class file that does not have the shape its kind requires. The message names the source (usually the file), the
 * JSON path of the offending value ({@code $.program.data[3]}) and what was wrong, on one line.
 */
public final class ClassFormatException extends IllegalArgumentException {
  private final String source;
  private final String jsonPath;
  private final String problem;

  public ClassFormatException(String source, String jsonPath, String problem) {
    super(format(source, jsonPath, problem));
    this.source = source;
    this.jsonPath = jsonPath;
    this.problem = problem;
  }

  /** Without a source yet; the reader that knows the file name attaches it with {@link #withSource}. */
  ClassFormatException(String jsonPath, String problem) {
    this(null, jsonPath, problem);
  }

  private static String format(String source, String jsonPath, String problem) {
    String where = jsonPath == null || jsonPath.isEmpty() ? "" : jsonPath + ": ";
    return (source == null ? "" : source + ": ") + where + problem.replace('\n', ' ');
  }

  ClassFormatException withSource(String newSource) {
    return new ClassFormatException(newSource, jsonPath, problem);
  }

  /** Where the value was read from, or null. */
  public String source() {
    return source;
  }

  /** JSONPath-style location of the bad value ({@code $} is the document). */
  public String jsonPath() {
    return jsonPath;
  }

  public String problem() {
    return problem;
  }
}
