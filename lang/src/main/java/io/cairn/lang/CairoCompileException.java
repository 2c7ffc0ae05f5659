package io.cairn.lang;

import io.cairn.lang.ast.Location;
import java.util.List;

/**
 * Bad Cairo source: each message is already rendered cairo-compile style (file:line:col, the line
 * and a caret). Several errors may be reported at once.
 */
public class CairoCompileException extends IllegalArgumentException {
  private final List<String> errors;

  public CairoCompileException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public CairoCompileException(Location location, String message) {
    this(List.of(location == null ? message : location.render(message)));
  }

  public List<String> errors() {
    return errors;
  }
}
