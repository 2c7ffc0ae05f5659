package io.cairn.prover.verifier;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneProof;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prover's table commitment decommits so that the verifier's Merkle check (validated on real Stone proofs)
 * accepts it, with each hash configuration, and rejects a changed authentication node.
 */
class TableCommitmentRoundTripTest {
  @ParameterizedTest
  @CsvSource({
    "keccak256_masked160_lsb, poseidon3, 1000, 7, 3",
    "keccak256_masked160_msb, keccak256_masked160_msb, 0, 6, 2",
    "keccak256_masked160_lsb, poseidon3, 3, 8, 16",
    "blake256_masked248_lsb, poseidon3, 0, 5, 4",
  })
  void decommitmentVerifies(String hash, String friendly, int layers, int height, int columns) {
    MerkleHashing hashing = new MerkleHashing(hash, friendly, layers);
    Random rnd = new Random(height * 31L + columns);
    long[][] cols = new long[columns][4 << height];
    for (long[] c : cols) for (int i = 0; i < 1 << height; i++) Felt.of(rnd.nextLong() & Long.MAX_VALUE).writeTo(c, 4 * i);
    TableCommitment tree = new TableCommitment(hashing, cols, height);
    TreeSet<Long> picked = new TreeSet<>();
    for (int i = 0; i < 5; i++) picked.add((long) rnd.nextInt(1 << height));
    long[] rows = picked.stream().mapToLong(Long::longValue).toArray();

    ByteArrayOutputStream proof = new ByteArrayOutputStream();
    for (long r : rows) for (Felt v : tree.row((int) r)) proof.writeBytes(io.cairn.prover.air.CpuAirValues.montgomeryForm(v).toBytesBE());
    proof.writeBytes(tree.authenticationNodes(rows));
    byte[] bytes = proof.toByteArray();

    StoneVerifier.Merkle merkle = merkle(hashing, bytes);
    merkle.decommitTable("t", tree.root(), rows, columns, height);

    byte[] bad = bytes.clone();
    bad[bad.length - 1] ^= 1;
    assertThrows(VerificationException.class, () -> merkle(hashing, bad).decommitTable("t", tree.root(), rows, columns, height));
  }

  static StoneVerifier.Merkle merkle(MerkleHashing h, byte[] bytes) {
    StoneProof.Parameters p =
        new StoneProof.Parameters("poseidon3", h.commitmentHash(), h.verifierFriendlyHash(), h.verifierFriendlyLayers(), true, "keccak256", "pedersen", 2, new int[] {0}, 1, 1, 0);
    return new StoneVerifier.Merkle(p, new ProofStream(bytes, false));
  }
}
