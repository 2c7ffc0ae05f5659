package io.cairn.crypto.hash;

/** SHA-256 (FIPS 180-4). */
public final class Sha256 {
  private Sha256() {}

  public static byte[] sha256(byte[] data) {
    throw new UnsupportedOperationException("SHA-256: not yet implemented");
  }
}
