package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneProof;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The recursive layout's trace against Stone's own proof of a fibonacci run (integrity's example, Stone v5, 16384
 * steps), re-run by {@link StoneExampleRuns}: the traces equal the rows Stone decommitted, the constraints hold, and
 * (slow, opt-in) both traces commit to the proof's first two roots.
 */
class RecursiveTraceTest {
  static final String PROOF = "stone-proofs/recursive/cairo0_stone5_keccak_160_lsb_example_proof.json";

  static StoneExampleRuns.Run fixture() {
    return StoneExampleRuns.run(PROOF);
  }

  /** Our traces hold, at the proof's queries, the values Stone decommitted. */
  @Test
  void tracesEqualStonesDecommittedRows() {
    StoneExampleRuns.assertDecommittedRowsMatch(fixture(), 5);
  }

  /** Every constraint of recursive.air on every row of the 262144-row trace. */
  @Test
  void recursiveConstraintsHold() {
    StoneExampleRuns.Run f = fixture();
    AirDescription air = AirDescription.load("recursive");
    Map<String, Felt> ext = new CpuAirValues(air, f.proof().publicInput()).external(f.elements(), Felt.ONE, f.main().rows());
    int n = f.main().rows();
    List<String> failed = SmallTraceTest.failures(air, f.main(), f.interaction(), ext, 20, 0, n);
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed);
  }

  /** The full commitments (1M-row Poseidon trees, minutes on two cores): with -Dcairn.slowTests=true. */
  @Test
  @EnabledIfSystemProperty(named = "cairn.slowTests", matches = "true")
  void traceAndInteractionCommitmentsEqualStonesRoots() {
    StoneExampleRuns.Run f = fixture();
    List<String> roots = SmallTraceTest.annotated(f.proof(), "Commit on Trace: Commitment: Hash\\(0x([0-9a-f]+)\\)");
    StoneProof.Parameters prm = f.proof().parameters();
    int logTrace = Integer.numberOfTrailingZeros(f.main().rows());
    Lde lde = new Lde(logTrace, prm.logNCosets());
    MerkleHashing hashing = MerkleHashing.of(prm);
    long[][] cols = new long[f.main().columnCount()][];
    for (int c = 0; c < cols.length; c++) cols[c] = f.main().column(c);
    assertEquals(pad(roots.get(0)), HexFormat.of().formatHex(new TableCommitment(hashing, lde.extendAll(cols), logTrace + prm.logNCosets()).root()), "trace commitment");
    long[][] icols = new long[f.interaction().columnCount()][];
    for (int c = 0; c < icols.length; c++) icols[c] = f.interaction().column(c);
    assertEquals(pad(roots.get(1)), HexFormat.of().formatHex(new TableCommitment(hashing, lde.extendAll(icols), logTrace + prm.logNCosets()).root()), "interaction commitment");
  }

  private static String pad(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }
}
