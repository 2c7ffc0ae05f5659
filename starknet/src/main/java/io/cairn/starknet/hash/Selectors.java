package io.cairn.starknet.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import java.nio.charset.StandardCharsets;

/** Entry-point selectors: starknet_keccak of the function name, with the two default entry points mapped to 0. */
public final class Selectors {
  private Selectors() {}

  /** The selector of {@code constructor}. */
  public static final Felt CONSTRUCTOR = fromName("constructor");

  public static Felt fromName(String name) {
    if (name.equals("__default__") || name.equals("__l1_default__")) return Felt.ZERO;
    return Keccak.starknetKeccak(name.getBytes(StandardCharsets.UTF_8));
  }
}
