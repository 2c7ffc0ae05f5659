package io.cairn.lang.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * The line breaks and comments between two tokens inside an expression (cairo-lang's {@code Notes}): cairo-lang
 * prints them back when it formats tuples in reference values.
 *
 * @param startsNewLine a line break comes before any comment
 * @param comments the comments, each with its leading {@code //}
 */
public record Notes(boolean startsNewLine, List<String> comments) {
  public static final Notes NONE = new Notes(false, List.of());

  public boolean empty() {
    return !startsNewLine && comments.isEmpty();
  }

  /** These notes followed by {@code next} (the two sides of a comma): cairo-lang's {@code Notes.__add__}. */
  public Notes merge(Notes next) {
    if (empty()) return next;
    List<String> all = new ArrayList<>(comments);
    all.addAll(next.comments);
    return new Notes(startsNewLine, List.copyOf(all));
  }

  /** As cairo-lang prints them: a line break, or two spaces before a first comment; each comment on its line. */
  public String format() {
    StringBuilder code = new StringBuilder();
    if (startsNewLine) code.append('\n');
    else if (!comments.isEmpty()) code.append("  ");
    for (String comment : comments) {
      String body = comment.substring(2).strip();
      code.append("//").append(body.isEmpty() ? "" : " " + body).append('\n');
    }
    return code.toString();
  }
}
