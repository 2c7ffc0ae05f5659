package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.Execution;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The used-instance paths of the small layout's builtins (two 128-bit range checks, a Pedersen hash, a real
 * ECDSA signature next to a dummy one), on a proof-mode program written for it (test resource small_builtins.cairo):
 * every constraint of small.air holds, and a wrong range-check part or signature cell breaks one.
 */
class SmallBuiltinsTraceTest {
  static RunOutput run() throws Exception {
    Path json = Path.of(SmallBuiltinsTraceTest.class.getResource("/io/cairn/prover/trace/small_builtins.json").toURI());
    Program p = Program.load(json);
    CairoRunner r = new CairoRunner(p, new RunConfig(Layout.named("small"), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    r.run();
    return r.relocate();
  }

  static final Felt[] ELEMENTS = {Felt.of(0x1234567), Felt.of(0x7654321), Felt.of(0xabcdef)};

  @Test
  void usedBuiltinInstancesSatisfyEverySmallConstraint() throws Exception {
    RunOutput run = run();
    StoneProof.PublicInput pi = StoneProof.parsePublicInput(new ObjectMapper().valueToTree(run.publicInput()));
    assertEquals(1024, run.steps());
    MainTrace t = MainTrace.build(run, TraceLayout.SMALL, pi);
    AirDescription air = AirDescription.load("small");
    Map<String, Felt> ext = new CpuAirValues(air, pi).external(ELEMENTS, Felt.ONE, t.rows());
    List<String> failed = SmallTraceTest.failures(air, t, InteractionTrace.of(t, TraceLayout.SMALL, ELEMENTS), ext, 20);
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed);

    // the range-check builtin's first instance: memory unit 51 holds begin → 0x8008…800f, its parts (highest first)
    // at rows 16·k + 12 of column 0
    long rcBegin = pi.segments().get("range_check").beginAddr();
    assertEquals(Felt.of(rcBegin), t.get(19, 102));
    assertEquals(Felt.fromHex("0x80088009800a800b800c800d800e800f"), t.get(19, 103));
    assertEquals(Felt.of(0x8008), t.get(0, 12));
    assertEquals(Felt.of(0x800f), t.get(0, 16 * 7 + 12));

    // a wrong range-check part: the builtin's value constraint fails
    MainTrace bad = MainTrace.build(run, TraceLayout.SMALL, pi);
    bad.setForTest(0, 16 * 3 + 12, bad.get(0, 16 * 3 + 12).add(Felt.ONE));
    List<String> rcFailed = SmallTraceTest.failures(air, bad, InteractionTrace.of(bad, TraceLayout.SMALL, ELEMENTS), ext, 5);
    assertTrue(rcFailed.stream().anyMatch(s -> s.contains("range_check_builtin")), () -> "failures: " + rcFailed);

    // the real signature's w (row 4096·1 + 4093 holds 1/w of the second key exponentiation): a wrong one fails
    MainTrace badSig = MainTrace.build(run, TraceLayout.SMALL, pi);
    badSig.setForTest(21, 4096 + 4093, badSig.get(21, 4096 + 4093).add(Felt.ONE));
    List<String> sigFailed = SmallTraceTest.failures(air, badSig, InteractionTrace.of(badSig, TraceLayout.SMALL, ELEMENTS), ext, 5);
    assertTrue(sigFailed.stream().anyMatch(s -> s.contains("ecdsa")), () -> "failures: " + sigFailed);
  }

  /**
   * The signatures of the AIR private input (what cpu_air_prover reads) give the same trace as the run's own; without
   * them the used instance would carry the dummy signature.
   */
  @Test
  void privateInputSignaturesGiveTheSameTrace(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    RunOutput run = run();
    StoneProof.PublicInput pi = StoneProof.parsePublicInput(new ObjectMapper().valueToTree(run.publicInput()));
    com.fasterxml.jackson.databind.JsonNode privateInput = new ObjectMapper().valueToTree(run.privateInput(dir.resolve("t"), dir.resolve("m")));
    Execution fromRun = Execution.of(run);
    Execution fromPrivateInput = fromRun.withSignatures(Execution.signatures(privateInput.get("ecdsa")));
    assertEquals(1, fromPrivateInput.signatures().size());
    MainTrace a = MainTrace.build(fromRun, TraceLayout.SMALL, pi), b = MainTrace.build(fromPrivateInput, TraceLayout.SMALL, pi);
    for (int c = 0; c < a.columnCount(); c++) org.junit.jupiter.api.Assertions.assertArrayEquals(a.column(c), b.column(c), "column " + c);
    MainTrace unsigned = MainTrace.build(fromRun.withSignatures(Map.of()), TraceLayout.SMALL, pi);
    assertTrue(!java.util.Arrays.equals(a.column(21), unsigned.column(21)));
  }
}
