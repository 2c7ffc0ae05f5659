package io.cairn.state.trie;

import io.cairn.crypto.field.Felt;

/** Where a trie finds its stored nodes, by hash. Implementations must be safe for concurrent reads. */
@FunctionalInterface
public interface NodeSource {
  /** The node stored under {@code hash}, or null when there is none. */
  TrieNode node(Felt hash);
}
