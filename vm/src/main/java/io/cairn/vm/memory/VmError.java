package io.cairn.vm.memory;

/** A failed Cairo run: the program (or a hint) broke a VM rule. Not bad input to the tool itself. */
public class VmError extends RuntimeException {
  public VmError(String message) {
    super(message);
  }

  public VmError(String message, Throwable cause) {
    super(message, cause);
  }
}
