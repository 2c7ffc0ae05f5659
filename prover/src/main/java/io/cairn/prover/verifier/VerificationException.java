package io.cairn.prover.verifier;

/** A proof that is well formed but false: names the check that failed. Not an input error (exit code 1, not 2). */
public final class VerificationException extends RuntimeException {
  private final String check;

  public VerificationException(String check, String detail) {
    super(check + ": " + detail);
    this.check = check;
  }

  /** Short name of the failed check, e.g. "OODS", "proof of work", "FRI last layer". */
  public String check() {
    return check;
  }
}
