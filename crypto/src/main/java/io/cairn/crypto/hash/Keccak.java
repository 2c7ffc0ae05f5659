package io.cairn.crypto.hash;

import io.cairn.crypto.field.Felt;

/** Keccak-256 (Ethereum's, not SHA3-256) and Starknet's 250-bit starknet_keccak. */
public final class Keccak {
  private Keccak() {}

  public static byte[] keccak256(byte[] data) {
    throw new UnsupportedOperationException("Keccak: not yet implemented");
  }

  /** keccak256(data) with the top 6 bits cleared: Starknet's starknet_keccak. */
  public static Felt starknetKeccak(byte[] data) {
    throw new UnsupportedOperationException("Keccak: not yet implemented");
  }
}
