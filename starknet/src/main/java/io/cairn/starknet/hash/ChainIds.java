package io.cairn.starknet.hash;

import io.cairn.crypto.field.Felt;

/** Chain ids: ASCII short strings such as {@code SN_MAIN} and {@code SN_SEPOLIA}, or a felt given in hex. */
public final class ChainIds {
  private ChainIds() {}

  public static final Felt SN_MAIN = Felt.fromShortString("SN_MAIN");
  public static final Felt SN_SEPOLIA = Felt.fromShortString("SN_SEPOLIA");

  /**
   * Reads a chain id: 0x-prefixed text is a felt, anything else is an ASCII short string of at most 31 characters
   * (so {@code SN_MAIN}, {@code SN_SEPOLIA}, {@code SN_INTEGRATION_SEPOLIA} and custom names all work).
   */
  public static Felt parse(String text) {
    if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty chain id");
    if (text.startsWith("0x") || text.startsWith("0X")) return Felt.fromHex(text);
    return Felt.fromShortString(text);
  }
}
