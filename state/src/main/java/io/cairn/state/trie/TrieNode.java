package io.cairn.state.trie;

import io.cairn.crypto.field.Felt;

/**
 * A stored inner node of a Starknet Merkle-Patricia trie. Leaves are not nodes: a leaf is its value, found at depth
 * {@code height}. Nodes are content-addressed: a node is stored under its own hash.
 */
public sealed interface TrieNode {
  /** This node's hash under {@code h}. */
  Felt hash(NodeHash h);

  /** A node with two non-empty children. */
  record Binary(Felt left, Felt right) implements TrieNode {
    @Override
    public Felt hash(NodeHash h) {
      return h.hash(left, right);
    }
  }

  /**
   * A path of {@code length} bits (most significant first, read from {@code path}) down to {@code child}, the only
   * non-empty descendant: a binary node or a leaf, never another edge.
   */
  record Edge(Felt child, Felt path, int length) implements TrieNode {
    public Edge {
      if (length < 1 || length > 255) throw new IllegalArgumentException("edge length " + length + " out of range");
    }

    @Override
    public Felt hash(NodeHash h) {
      return h.hash(child, path).add(Felt.of(length));
    }
  }
}
