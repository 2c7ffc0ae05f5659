package io.cairn.crypto.hash;

/** BLAKE2s-256 (RFC 7693), unkeyed. */
public final class Blake2s {
  private Blake2s() {}

  public static byte[] blake2s256(byte[] data) {
    throw new UnsupportedOperationException("Blake2s: not yet implemented");
  }
}
