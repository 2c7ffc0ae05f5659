package io.cairn.crypto.ec;

import io.cairn.crypto.field.Felt;

/** ECDSA over the Stark curve as Starknet uses it (RFC 6979 deterministic k). */
public final class Ecdsa {
  private Ecdsa() {}

  /** A signature (r, s). */
  public record Signature(Felt r, Felt s) {}

  /** The x coordinate of privateKey·G. */
  public static Felt publicKey(Felt privateKey) {
    throw new UnsupportedOperationException("ECDSA: not yet implemented");
  }

  public static Signature sign(Felt privateKey, Felt messageHash) {
    throw new UnsupportedOperationException("ECDSA: not yet implemented");
  }

  /** Verifies against a public key given as x alone (either y is accepted, as Starknet does). */
  public static boolean verify(Felt publicKeyX, Felt messageHash, Felt r, Felt s) {
    throw new UnsupportedOperationException("ECDSA: not yet implemented");
  }
}
