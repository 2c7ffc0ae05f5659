package io.cairn.crypto.hash;

import io.cairn.crypto.field.Felt;
import java.util.List;

/** Starknet's Poseidon: the Hades permutation of width 3, 8 full and 83 partial rounds. */
public final class Poseidon {
  private Poseidon() {}

  /** poseidon_hash(x, y) = perm([x, y, 2])[0]. */
  public static Felt hash(Felt x, Felt y) {
    throw new UnsupportedOperationException("Poseidon: not yet implemented");
  }

  /** poseidon_hash_single(x) = perm([x, 0, 1])[0]. */
  public static Felt hashSingle(Felt x) {
    throw new UnsupportedOperationException("Poseidon: not yet implemented");
  }

  /** poseidon_hash_many: sponge with rate 2, padded with 1 then zeros. */
  public static Felt hashMany(List<Felt> values) {
    throw new UnsupportedOperationException("Poseidon: not yet implemented");
  }

  public static Felt hashMany(Felt... values) {
    return hashMany(List.of(values));
  }
}
