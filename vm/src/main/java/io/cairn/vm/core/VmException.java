package io.cairn.vm.core;

import io.cairn.vm.memory.VmError;

/** A run failure located at a pc, with its source location and Cairo traceback when debug info allows. */
public final class VmException extends VmError {
  private final long pc;
  private final String inner;

  public VmException(String message, long pc, String inner, Throwable cause) {
    super(message, cause);
    this.pc = pc;
    this.inner = inner;
  }

  /** Offset of the failing pc in its segment. */
  public long pc() {
    return pc;
  }

  /** The underlying error message, without location and traceback. */
  public String inner() {
    return inner;
  }
}
