package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.prover.verifier.StoneVerifier;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stone's example proofs (integrity's, of cairo-lang's proof-mode fibonacci) re-run in Cairn: the program is read
 * back from the proof's public memory (proof mode puts the whole program there), its one hint — which reads the claim
 * index that main copies to the output — replaced by writing the public output cell; then the traces are built and
 * compared with the rows Stone decommitted at the proof's queries.
 */
final class StoneExampleRuns {
  private StoneExampleRuns() {}

  record Run(StoneProof proof, MainTrace main, Felt[] elements, InteractionTrace interaction) {}

  private static final Map<String, Run> CACHE = new HashMap<>();

  static synchronized Run run(String proofPath) {
    Run cached = CACHE.get(proofPath);
    if (cached != null) return cached;
    StoneProof proof = StoneProof.read(Fixtures.require(proofPath));
    StoneProof.PublicInput pi = proof.publicInput();
    CairoRunner r = new CairoRunner(programFromPublicMemory(pi, proofPath), new RunConfig(Layout.named(pi.layout()), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    long outputBegin = pi.segments().get("output").beginAddr();
    Felt claim = pi.publicMemory().stream().filter(c -> c.address() == outputBegin).findFirst().orElseThrow().value();
    for (var b : r.builtins())
      if (b.name().equals("output")) r.memory().writeFelt(b.base().segment(), 0, claim.canonicalLimbs()[0], 0, 0, 0);
    r.run();
    RunOutput out = r.relocate();
    assertEquals(pi.nSteps(), out.steps());
    TraceLayout layout = TraceLayout.of(pi.layout());
    MainTrace main = MainTrace.build(out, layout, pi);
    Felt[] el =
        SmallTraceTest.annotated(proof, "Interaction element #\\d+: Field Element\\((0x[0-9a-f]+)\\)").stream().map(Felt::fromHex).toArray(Felt[]::new);
    Run run = new Run(proof, main, el, InteractionTrace.of(main, layout, el));
    CACHE.put(proofPath, run);
    return run;
  }

  /** The proof-mode program in a public input: the words from the program segment's start to the execution base. */
  static Program programFromPublicMemory(StoneProof.PublicInput pi, String name) {
    long begin = pi.segments().get("program").beginAddr(), end = pi.segments().get("program").stopPtr();
    long execution = pi.segments().get("execution").beginAddr() - 2; // [execution] = initial fp, [execution + 1] = 0
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("prime", "0x800000000000011000000000000000000000000000000000000000000000001");
    ArrayNode data = root.putArray("data");
    Map<Long, Felt> mem = new HashMap<>();
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
    return Program.parse(root, "public memory of " + name);
  }

  /**
   * Every column of both traces, evaluated (interpolation, then Horner) at the proof's query points 3·ω^bitrev(q),
   * equals the row Stone decommitted there: each value depends on every cell of its column.
   */
  static void assertDecommittedRowsMatch(Run run, int stoneVersion) {
    long[][] queries = new long[1][];
    Felt[][][] rows = new Felt[2][][];
    StoneVerifier.verify(
        run.proof(),
        stoneVersion,
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
    int logTrace = Integer.numberOfTrailingZeros(run.main().rows());
    int logEval = logTrace + run.proof().parameters().logNCosets();
    Lde lde = new Lde(logTrace, run.proof().parameters().logNCosets());
    Felt omega = Ntt.rootOfUnity(logEval);
    long[] points = new long[4 * queries[0].length];
    for (int i = 0; i < queries[0].length; i++)
      Felt.of(3).mul(omega.pow(Integer.reverse((int) queries[0][i]) >>> (32 - logEval))).writeTo(points, 4 * i);
    for (int table = 0; table < 2; table++) {
      int columns = table == 0 ? run.main().columnCount() : run.interaction().columnCount();
      for (int c = 0; c < columns; c++) {
        long[] coefficients = (table == 0 ? run.main().column(c) : run.interaction().column(c)).clone();
        lde.interpolate(coefficients);
        for (int i = 0; i < queries[0].length; i++) {
          long[] acc = new long[4];
          for (int k = coefficients.length / 4 - 1; k >= 0; k--) {
            Fp.mul(acc, 0, points, 4 * i, acc, 0);
            Fp.add(acc, 0, coefficients, 4 * k, acc, 0);
          }
          assertEquals(rows[table][i][c], Felt.fromMontgomeryLimbs(acc, 0), (table == 0 ? "main" : "interaction") + " column " + c + " at query " + queries[0][i]);
        }
      }
    }
  }
}
