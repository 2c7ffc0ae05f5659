package io.cairn.state.trie;

import io.cairn.crypto.field.Felt;

/** The two-to-one hash of a trie: Pedersen for the contracts and storage tries, Poseidon for the classes trie. */
@FunctionalInterface
public interface NodeHash {
  Felt hash(Felt a, Felt b);
}
