package io.cairn.prover.prove;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneProof;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trees that leave their lowest layers out of memory (n_out_of_memory_merkle_layers) give the same commitments and proofs. */
class MerkleLowLayersTest {
  @Test
  void treesLeavingOutLowLayersGiveTheSameRootAndAuthenticationNodes() {
    int height = 9, width = 3;
    Random rnd = new Random(5);
    long[] data = new long[4 * width << height];
    for (int i = 0; i < data.length / 4; i++) Felt.of(rnd.nextLong() & Long.MAX_VALUE).writeTo(data, 4 * i);
    long[][] queries = {{0, 1, 2, 3}, {5, 77, 78, 300, 511}, {256}};
    // the lower layers use one hash, the top three poseidon3 (a layer boundary inside a recomputed subtree too)
    for (MerkleHashing hashing : new MerkleHashing[] {new MerkleHashing("keccak256_masked160_msb", "poseidon3", 0), new MerkleHashing("blake256_masked248_lsb", "poseidon3", 8)}) {
      TableCommitment full = TableCommitment.ofRows(hashing, data, width, height, 0);
      for (int k : new int[] {1, 2, 5, height}) {
        TableCommitment partial = TableCommitment.ofRows(hashing, data, width, height, k);
        assertEquals(k, partial.lowLayers());
        assertArrayEquals(full.root(), partial.root(), "root, k " + k);
        for (long[] q : queries) {
          TableCommitment.Decommitment d = partial.decommit(q);
          assertArrayEquals(full.authenticationNodes(q), d.nodes(), "k " + k);
          for (int i = 0; i < q.length; i++)
            assertArrayEquals(java.util.Arrays.copyOfRange(data, (int) (4 * width * q[i]), (int) (4 * width * (q[i] + 1))), d.rows()[i], "row " + q[i] + ", k " + k);
        }
      }
    }
  }

  @Test
  void budgetChoosesTheLeftOutLayers() {
    assertEquals(0, TableCommitment.lowLayers(TableCommitment.MAX_STORED_HEIGHT, 0));
    assertEquals(6, TableCommitment.lowLayers(TableCommitment.MAX_STORED_HEIGHT + 6, 0));
    assertEquals(7, TableCommitment.lowLayers(TableCommitment.MAX_STORED_HEIGHT + 6, 7));
    assertEquals(3, TableCommitment.lowLayers(3, 5));
  }

  @Test
  void proofDoesNotDependOnTheLeftOutLayers() throws Exception {
    ObjectNode params = StarkProverTest.params(2);
    StoneProof.PublicInput pi = StoneProof.parsePublicInput(StarkProverTest.publicInput());
    StoneProof.Parameters prm = StoneProof.parse(ProofFile.json(params, null, StarkProverTest.publicInput(), null, new byte[0])).parameters();
    byte[] reference = null;
    for (int k = 0; k <= 2; k++) {
      byte[] proof = StarkProver.prove(AirDescription.load("small"), pi, prm, 6, CairoTrace.of(StarkProverTest.run(), pi), new StarkProver.Options(0, true, null, k));
      if (reference == null) reference = proof;
      else assertArrayEquals(reference, proof, "n_out_of_memory_merkle_layers " + k);
    }
  }
}
