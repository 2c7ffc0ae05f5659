package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;

/**
 * Which hash each layer of a Stone table commitment uses: the top {@code n_verifier_friendly_commitment_layers}
 * layers (counted from the root, the leaf layer being number height + 1) use the verifier-friendly hash, the others
 * the commitment hash. Shared by the prover's trees and the verifier's decommitment check.
 */
public record MerkleHashing(String commitmentHash, String verifierFriendlyHash, int verifierFriendlyLayers) {
  public static MerkleHashing of(StoneProof.Parameters p) {
    return new MerkleHashing(p.commitmentHash(), p.verifierFriendlyCommitmentHash(), p.nVerifierFriendlyCommitmentLayers());
  }

  /** The leaf of one table row in a tree of the given height (log2 of the row count). */
  public byte[] leaf(Felt[] row, int height) {
    return StoneHashes.hashTableRow(verifierFriendlyLayers >= height + 1 ? verifierFriendlyHash : commitmentHash, row);
  }

  /** The parent of two nodes at depth {@code childDepth} (leaves are at depth height, the root at 0). */
  public byte[] node(byte[] left, byte[] right, int childDepth) {
    return StoneHashes.hashNode(verifierFriendlyLayers >= childDepth ? verifierFriendlyHash : commitmentHash, left, right);
  }
}
