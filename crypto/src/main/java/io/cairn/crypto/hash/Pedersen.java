package io.cairn.crypto.hash;

import io.cairn.crypto.field.Felt;
import java.util.List;

/** Starknet's Pedersen hash over the Stark curve, with cairo-lang's constant points. */
public final class Pedersen {
  private Pedersen() {}

  /** H(a, b). */
  public static Felt hash(Felt a, Felt b) {
    throw new UnsupportedOperationException("Pedersen: not yet implemented");
  }

  /** cairo-lang's compute_hash_on_elements: H(…H(H(0, d1), d2)…, n). */
  public static Felt hashOnElements(List<Felt> elements) {
    Felt acc = Felt.ZERO;
    for (Felt e : elements) acc = hash(acc, e);
    return hash(acc, Felt.of(elements.size()));
  }

  public static Felt hashOnElements(Felt... elements) {
    return hashOnElements(List.of(elements));
  }
}
