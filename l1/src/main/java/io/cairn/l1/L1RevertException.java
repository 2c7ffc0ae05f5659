package io.cairn.l1;

import java.util.List;

/**
 * The L1 contract refused a call: carries the decoded custom error (e.g. {@code FactNotRegistered}) and its arguments,
 * or the raw revert data when the selector is not one of ours.
 */
public final class L1RevertException extends RuntimeException {
  private final String errorName;
  private final List<String> arguments;
  private final String revertData;

  L1RevertException(String action, String errorName, List<String> arguments, String revertData) {
    super(action + " reverted: " + errorName + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")"));
    this.errorName = errorName;
    this.arguments = List.copyOf(arguments);
    this.revertData = revertData;
  }

  /** The custom error's name, e.g. {@code StateRootMismatch}; {@code "unknown"} when it could not be decoded. */
  public String errorName() {
    return errorName;
  }

  /** The error's arguments as 0x-hex strings. */
  public List<String> arguments() {
    return arguments;
  }

  /** The raw revert data, 0x-prefixed (may be "0x"). */
  public String revertData() {
    return revertData;
  }
}
