package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The used-instance paths of the recursive layout's builtins (bitwise on 251-bit values, a 128-bit range check, a
 * Pedersen hash; test resource recursive_builtins.cairo): recursive.air's constraints hold on the rows of those
 * instances and the end of the trace, and a wrong diluted cell of the bitwise instance breaks one.
 */
class RecursiveBuiltinsTraceTest {
  static final Felt[] ELEMENTS = {Felt.of(3), Felt.of(5), Felt.of(7), Felt.of(11), Felt.of(13), Felt.of(17)};

  @Test
  void usedBuiltinInstancesSatisfyTheRecursiveConstraints() throws Exception {
    Path json = Path.of(getClass().getResource("/io/cairn/prover/trace/recursive_builtins.json").toURI());
    CairoRunner r = new CairoRunner(Program.load(json), new RunConfig(Layout.named("recursive"), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    r.run();
    RunOutput run = r.relocate();
    StoneProof.PublicInput pi = StoneProof.parsePublicInput(new ObjectMapper().valueToTree(run.publicInput()));
    MainTrace t = MainTrace.build(run, TraceLayout.RECURSIVE, pi);
    AirDescription air = AirDescription.load("recursive");
    Map<String, Felt> ext = new CpuAirValues(air, pi).external(ELEMENTS, Felt.ONE, t.rows());
    int n = t.rows();
    List<String> failed = new ArrayList<>(SmallTraceTest.failures(air, t, InteractionTrace.of(t, TraceLayout.RECURSIVE, ELEMENTS), ext, 20, 0, 4096));
    failed.addAll(SmallTraceTest.failures(air, t, InteractionTrace.of(t, TraceLayout.RECURSIVE, ELEMENTS), ext, 20, n - 2048, n));
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed);

    // instance 0's x&y in memory (bitwise/x_and_y/value: column 3, row 91)
    Felt x = Felt.fromHex("0x7a3b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182");
    Felt y = Felt.fromHex("0x5f0e1d2c3b4a5968778695a4b3c2d1e0f0e1d2c3b4a5968778695a4b3c2d1e0");
    assertEquals(Felt.of(x.toBigInteger().and(y.toBigInteger())), t.get(3, 91));

    // a wrong diluted cell of instance 0 (x at shift 1: column 1, row 2) breaks the bitwise constraints
    t.setForTest(1, 2, t.get(1, 2).add(Felt.ONE));
    List<String> bad = SmallTraceTest.failures(air, t, InteractionTrace.of(t, TraceLayout.RECURSIVE, ELEMENTS), ext, 5, 0, 256);
    assertTrue(bad.stream().anyMatch(s -> s.contains("bitwise")), () -> "failures: " + bad);
  }
}
