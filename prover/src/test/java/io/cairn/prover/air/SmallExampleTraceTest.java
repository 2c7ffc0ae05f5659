package io.cairn.prover.air;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Stone's example proofs at their decommitted rows: the small layout on 8192 steps (16 ECDSA instances with the dummy
 * signature, 1024 Pedersen and range-check instances); with -Dcairn.slowTests=true also the 65536-step small and
 * recursive proofs (Stone v6).
 */
class SmallExampleTraceTest {
  @Test
  void small8192StepsEqualsStonesDecommittedRows() {
    StoneExampleRuns.assertDecommittedRowsMatch(StoneExampleRuns.run("stone-proofs/small/cairo0_stone5_keccak_160_lsb_example_proof.json"), 5);
  }

  @Test
  @EnabledIfSystemProperty(named = "cairn.slowTests", matches = "true")
  void small65536StepsEqualsStonesDecommittedRows() {
    StoneExampleRuns.assertDecommittedRowsMatch(StoneExampleRuns.run("stone-proofs/small/cairo0_stone6_keccak_160_lsb_example_proof.json"), 6);
  }

  @Test
  @EnabledIfSystemProperty(named = "cairn.slowTests", matches = "true")
  void recursive65536StepsEqualsStonesDecommittedRows() {
    StoneExampleRuns.assertDecommittedRowsMatch(StoneExampleRuns.run("stone-proofs/recursive/cairo0_stone6_keccak_160_lsb_example_proof.json"), 6);
  }
}
