package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.util.HexFormat;
import java.util.List;
import io.cairn.prover.verifier.StoneVerifier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The recursive layout's trace against Stone's own proof of a fibonacci run (integrity's example, Stone v5, 16384
 * steps): the program is read back from the proof's public memory (proof mode puts the whole program there; it has no
 * hints), run in proof mode, and its main and interaction traces must commit to the proof's first two roots.
 */
class RecursiveTraceTest {
  static final String PROOF = "stone-proofs/recursive/cairo0_stone5_keccak_160_lsb_example_proof.json";

  /** The proof-mode program in a public input: the words from the program segment's start to the execution base. */
  static Program programFromPublicMemory(StoneProof.PublicInput pi) {
    long begin = pi.segments().get("program").beginAddr(), end = pi.segments().get("program").stopPtr();
    long execution = pi.segments().get("execution").beginAddr() - 2; // [execution] = initial fp, [execution + 1] = 0
    ObjectMapper om = new ObjectMapper();
    ObjectNode root = om.createObjectNode();
    root.put("prime", "0x800000000000011000000000000000000000000000000000000000000000001");
    ArrayNode data = root.putArray("data");
    java.util.Map<Long, Felt> mem = new java.util.HashMap<>();
    for (StoneProof.MemoryCell c : pi.publicMemory()) mem.put(c.address(), c.value());
    for (long a = begin; a < execution; a++) {
      Felt v = mem.get(a);
      if (v == null) throw new IllegalStateException("program word " + a + " is not public");
      data.add(v.toHex());
    }
    ArrayNode builtins = root.putArray("builtins");
    for (String s : List.of("output", "pedersen", "range_check", "ecdsa", "bitwise"))
      if (pi.segments().containsKey(s)) builtins.add(s);
    root.putObject("hints");
    ObjectNode ids = root.putObject("identifiers");
    ids.putObject("__main__.__start__").put("type", "label").put("pc", 0);
    ids.putObject("__main__.__end__").put("type", "label").put("pc", end - begin);
    root.put("main_scope", "__main__");
    root.putObject("reference_manager").putArray("references");
    root.putArray("attributes");
    return Program.parse(root, "public memory of " + PROOF);
  }

  record Fixture(StoneProof proof, MainTrace main, Felt[] elements, InteractionTrace interaction) {}

  private static Fixture fixture;

  static synchronized Fixture fixture() {
    if (fixture != null) return fixture;
    StoneProof proof = StoneProof.read(Fixtures.require(PROOF));
    StoneProof.PublicInput pi = proof.publicInput();
    CairoRunner r = new CairoRunner(programFromPublicMemory(pi), new RunConfig(Layout.named("recursive"), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    // the program's one hint (ids.fibonacci_claim_index = program_input[…]) feeds the claim index, which main copies
    // to the output: put the public output cell there instead
    long outputBegin = pi.segments().get("output").beginAddr();
    Felt claim = pi.publicMemory().stream().filter(c -> c.address() == outputBegin).findFirst().orElseThrow().value();
    for (var b : r.builtins())
      if (b.name().equals("output")) r.memory().writeFelt(b.base().segment(), 0, claim.canonicalLimbs()[0], 0, 0, 0);
    r.run();
    RunOutput run = r.relocate();
    assertEquals(pi.nSteps(), run.steps());
    MainTrace main = MainTrace.build(run, TraceLayout.RECURSIVE, pi);
    Felt[] el = SmallTraceTest.annotated(proof, "Interaction element #\\d+: Field Element\\((0x[0-9a-f]+)\\)").stream().map(Felt::fromHex).toArray(Felt[]::new);
    assertEquals(6, el.length);
    fixture = new Fixture(proof, main, el, InteractionTrace.of(main, TraceLayout.RECURSIVE, el));
    return fixture;
  }

  /**
   * Stone's proof decommits the LDE rows of both traces at its queries: our extensions hold the same values there
   * (each value depends on every cell of its column).
   */
  @Test
  void extensionsEqualStonesDecommittedRows() {
    Fixture f = fixture();
    long[][] queries = new long[1][];
    Felt[][][] rows = new Felt[2][][];
    StoneVerifier.verify(
        f.proof(),
        5,
        new StoneVerifier.Observer() {
          @Override
          public void queries(long[] q) {
            queries[0] = q;
          }

          @Override
          public void traceRows(Felt[][] mainRows, Felt[][] interactionRows) {
            rows[0] = mainRows;
            rows[1] = interactionRows;
          }
        });
    int logTrace = Integer.numberOfTrailingZeros(f.main().rows());
    Lde lde = new Lde(logTrace, f.proof().parameters().logNCosets());
    for (int table = 0; table < 2; table++) {
      int columns = table == 0 ? f.main().columnCount() : f.interaction().columnCount();
      for (int c = 0; c < columns; c++) {
        long[] ext = lde.extend(table == 0 ? f.main().column(c) : f.interaction().column(c));
        for (int i = 0; i < queries[0].length; i++)
          assertEquals(rows[table][i][c], Felt.fromMontgomeryLimbs(ext, 4 * (int) queries[0][i]), (table == 0 ? "main" : "interaction") + " column " + c + " at query " + queries[0][i]);
      }
    }
  }

  /** Every constraint of recursive.air on the first 4096 and the last 2048 rows (the whole trace: see the roots). */
  @Test
  void recursiveConstraintsHold() {
    Fixture f = fixture();
    AirDescription air = AirDescription.load("recursive");
    Map<String, Felt> ext = new CpuAirValues(air, f.proof().publicInput()).external(f.elements(), Felt.ONE, f.main().rows());
    int n = f.main().rows();
    List<String> failed = new java.util.ArrayList<>(SmallTraceTest.failures(air, f.main(), f.interaction(), ext, 20, 0, 4096));
    failed.addAll(SmallTraceTest.failures(air, f.main(), f.interaction(), ext, 20, n - 2048, n));
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed);
  }

  /** The full commitments (1M-row Poseidon trees, minutes on two cores): with -Dcairn.slowTests=true. */
  @Test
  @EnabledIfSystemProperty(named = "cairn.slowTests", matches = "true")
  void traceAndInteractionCommitmentsEqualStonesRoots() {
    Fixture f = fixture();
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
