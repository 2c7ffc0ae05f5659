package io.cairn.prover.air;

import org.junit.jupiter.api.Test;

/**
 * The small layout on Stone's 8192-step example (16 ECDSA instances with the dummy signature, 1024 Pedersen and range
 * check instances): our traces hold, at the proof's queries, the values Stone decommitted.
 */
class SmallExampleTraceTest {
  @Test
  void tracesEqualStonesDecommittedRows() {
    StoneExampleRuns.assertDecommittedRowsMatch(StoneExampleRuns.run("stone-proofs/small/cairo0_stone5_keccak_160_lsb_example_proof.json"), 5);
  }
}
