package io.cairn.state;

import io.cairn.crypto.field.Felt;

/**
 * A declared class as the store keeps it: the class JSON (Sierra or legacy Cairo 0) and, for Sierra, its CASM JSON.
 * The store does not parse or re-hash them; the declaring transaction's checks did.
 */
public record ClassDefinition(Felt classHash, Kind kind, byte[] definition, byte[] casm) {
  public enum Kind {
    SIERRA,
    LEGACY
  }
}
