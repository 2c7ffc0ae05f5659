package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.runner.RunOutput;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole main and interaction trace of the small layout (CPU, memory, range check, Pedersen, range-check builtin,
 * ECDSA with Stone's dummy signature) on the 512-step fibonacci: every constraint of small.air holds on every row of
 * its domain, and the LDE commitments equal the trace and interaction roots of Stone's proof of the same run.
 */
class SmallTraceTest {
  static final String PROOF = "stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json";

  record Fixture(RunOutput run, StoneProof proof, MainTrace main, Felt[] elements, InteractionTrace interaction) {}

  private static Fixture fixture;

  static synchronized Fixture fixture() {
    if (fixture == null) {
      StoneProof proof = StoneProof.read(Fixtures.require(PROOF));
      RunOutput run = CpuTraceTest.smallFibonacci();
      MainTrace main = MainTrace.build(run, TraceLayout.SMALL, proof.publicInput());
      Felt[] el = annotated(proof, "Interaction element #\\d+: Field Element\\((0x[0-9a-f]+)\\)").stream().map(Felt::fromHex).toArray(Felt[]::new);
      fixture = new Fixture(run, proof, main, el, InteractionTrace.of(main, TraceLayout.SMALL, el));
    }
    return fixture;
  }

  static List<String> annotated(StoneProof proof, String regex) {
    List<String> out = new ArrayList<>();
    Pattern p = Pattern.compile(regex);
    for (String a : proof.annotations()) {
      Matcher m = p.matcher(a);
      if (m.find()) out.add(m.group(1));
    }
    return out;
  }

  /** Names (with row) of the constraints that fail on some row of their domain. */
  static List<String> failures(AirDescription air, MainTrace t, InteractionTrace it, Map<String, Felt> external, int maxFailures) {
    int n = t.rows();
    Felt g = Ntt.rootOfUnity(Integer.numberOfTrailingZeros(n));
    Felt[][] ped = EcConstants.pedersenPoints();
    Felt[] ecX = EcConstants.ecdsaX(), ecY = EcConstants.ecdsaY();
    Map<String, Felt> ext = new java.util.HashMap<>(external);
    List<String> failed = new ArrayList<>();
    Felt point = Felt.ONE;
    Felt[] mask = new Felt[air.mask.size()];
    for (int row = 0; row < n && failed.size() < maxFailures; row++, point = point.mul(g)) {
      for (int m = 0; m < mask.length; m++) {
        AirDescription.MaskEntry e = air.mask.get(m);
        int r = (row + e.row()) % n;
        mask[m] = e.column() < t.columnCount() ? t.get(e.column(), r) : it.get(e.column() - t.columnCount(), r);
      }
      // periodic columns on trace rows: Pedersen's period is 512 rows, ECDSA's generator powers step 32 rows
      ext.put("pedersen__points__x", ped[0][row % 512]);
      ext.put("pedersen__points__y", ped[1][row % 512]);
      ext.put("ecdsa__generator_points__x", row % 32 == 0 ? ecX[(row / 32) % 256] : Felt.ZERO);
      ext.put("ecdsa__generator_points__y", row % 32 == 0 ? ecY[(row / 32) % 256] : Felt.ZERO);
      Felt[] env = air.environment(mask, ext, point, g, n, true);
      for (AirDescription.Constraint c : air.constraints) {
        Boolean ok = air.holds(c, env);
        if (ok != null && !ok) failed.add(c.index() + " " + c.name() + " @row " + row);
      }
    }
    return failed;
  }

  @Test
  void everySmallConstraintHolds() {
    Fixture f = fixture();
    AirDescription air = AirDescription.load("small");
    Map<String, Felt> ext = new CpuAirValues(air, f.proof().publicInput()).external(f.elements(), Felt.ONE, f.main().rows());
    List<String> failed = failures(air, f.main(), f.interaction(), ext, 20);
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed);
  }

  @Test
  void aWrongEcdsaCellBreaksAnEcdsaConstraint() {
    Fixture f = fixture();
    AirDescription air = AirDescription.load("small");
    Map<String, Felt> ext = new CpuAirValues(air, f.proof().publicInput()).external(f.elements(), Felt.ONE, f.main().rows());
    MainTrace bad = MainTrace.build(f.run(), TraceLayout.SMALL, f.proof().publicInput());
    // a key-point doubling slope of the first key exponentiation (column 21, row 16·5 + 13)
    bad.setForTest(21, 16 * 5 + 13, bad.get(21, 16 * 5 + 13).add(Felt.ONE));
    List<String> failed = failures(air, bad, f.interaction(), ext, 5);
    assertTrue(failed.stream().anyMatch(s -> s.contains("ecdsa/signature0/doubling_key")), () -> "failures: " + failed);
  }

  @Test
  void traceAndInteractionCommitmentsEqualStonesRoots() {
    Fixture f = fixture();
    StoneProof.Parameters prm = f.proof().parameters();
    List<String> roots = annotated(f.proof(), "Commit on Trace: Commitment: Hash\\(0x([0-9a-f]+)\\)");
    int logTrace = Integer.numberOfTrailingZeros(f.main().rows());
    Lde lde = new Lde(logTrace, prm.logNCosets());
    MerkleHashing hashing = MerkleHashing.of(prm);
    long[][] mainCols = new long[f.main().columnCount()][];
    for (int c = 0; c < mainCols.length; c++) mainCols[c] = f.main().column(c);
    TableCommitment trace = new TableCommitment(hashing, lde.extendAll(mainCols), logTrace + prm.logNCosets());
    assertEquals(roots.get(0), HexFormat.of().formatHex(trace.root()), "trace commitment");

    long[][] interCols = new long[f.interaction().columnCount()][];
    for (int c = 0; c < interCols.length; c++) interCols[c] = f.interaction().column(c);
    TableCommitment inter = new TableCommitment(hashing, lde.extendAll(interCols), logTrace + prm.logNCosets());
    assertEquals(roots.get(1), HexFormat.of().formatHex(inter.root()), "interaction commitment");
  }
}
