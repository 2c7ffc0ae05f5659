package io.cairn.state.trie;

/** A Merkle proof that does not check out: a node is missing, mis-hashed, or the path is malformed. */
public final class InvalidProofException extends IllegalArgumentException {
  public InvalidProofException(String message) {
    super("invalid proof: " + message);
  }
}
