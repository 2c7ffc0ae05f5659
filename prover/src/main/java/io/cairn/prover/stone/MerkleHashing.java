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

  /** The hash of the leaf layer of a tree of the given height (log2 of the row count). */
  public String leafHash(int height) {
    return verifierFriendlyLayers >= height + 1 ? verifierFriendlyHash : commitmentHash;
  }

  /** The hash of the parents of nodes at depth {@code childDepth} (leaves are at depth height, the root at 0). */
  public String nodeHash(int childDepth) {
    return verifierFriendlyLayers >= childDepth ? verifierFriendlyHash : commitmentHash;
  }

  /** The leaf of a row of {@code count} elements at {@code row[off..]} (Montgomery limbs), into {@code out[outOff..+32)}. */
  public void leaf(long[] row, int off, int count, int height, byte[] out, int outOff, StoneHashes.Scratch s) {
    StoneHashes.hashTableRow(leafHash(height), row, off, count, out, outOff, s);
  }

  /** The parent of the two nodes at {@code children[off..off+64)}, into {@code out[outOff..+32)}. */
  public void node(byte[] children, int off, int childDepth, byte[] out, int outOff, StoneHashes.Scratch s) {
    StoneHashes.hashNode(nodeHash(childDepth), children, off, out, outOff, s);
  }

  /** The leaf of one table row in a tree of the given height. */
  public byte[] leaf(Felt[] row, int height) {
    long[] limbs = new long[4 * row.length];
    for (int i = 0; i < row.length; i++) row[i].writeTo(limbs, 4 * i);
    byte[] out = new byte[32];
    leaf(limbs, 0, row.length, height, out, 0, new StoneHashes.Scratch());
    return out;
  }

  /** The parent of two nodes at depth {@code childDepth}. */
  public byte[] node(byte[] left, byte[] right, int childDepth) {
    byte[] both = java.util.Arrays.copyOf(left, 64);
    System.arraycopy(right, 0, both, 32, 32);
    byte[] out = new byte[32];
    node(both, 0, childDepth, out, 0, new StoneHashes.Scratch());
    return out;
  }
}
