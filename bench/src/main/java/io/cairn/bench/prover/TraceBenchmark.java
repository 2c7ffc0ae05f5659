package io.cairn.bench.prover;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace generation of the recursive layout (main trace, then the interaction trace) for the fibonacci program of
 * Stone's recursive example proofs (cairo-lang's proof-mode fibonacci: output, pedersen, range_check, bitwise;
 * claim index 10000 runs exactly 2^16 steps, as in the Stone v6 fixture). The VM run is in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class TraceBenchmark {
  /** The bytecode from the public memory of integrity's recursive example proofs (addresses 1..34). */
  static final String[] FIBONACCI = {
    "0x40780017fff7fff", "0x4", "0x1104800180018000", "0x4", "0x10780017fff7fff", "0x0", "0x40780017fff7fff", "0x1",
    "0x400380007ffa8000", "0x480680017fff8000", "0x1", "0x480680017fff8000", "0x1", "0x480a80007fff8000",
    "0x1104800180018000", "0x9", "0x400280017ffa7fff", "0x482680017ffa8000", "0x2", "0x480a7ffb7fff8000",
    "0x480a7ffc7fff8000", "0x480a7ffd7fff8000", "0x208b7fff7fff7ffe", "0x20780017fff7ffd", "0x4", "0x480a7ffc7fff8000",
    "0x208b7fff7fff7ffe", "0x480a7ffc7fff8000", "0x482a7ffc7ffb8000", "0x482680017ffd8000",
    "0x800000000000011000000000000000000000000000000000000000000000000", "0x1104800180018000",
    "0x800000000000010fffffffffffffffffffffffffffffffffffffffffffffff9", "0x208b7fff7fff7ffe"
  };

  @Param({"10000"})
  public int claimIndex;

  private RunOutput run;
  private StoneProof.PublicInput publicInput;
  private static final Felt[] ELEMENTS = {Felt.of(3), Felt.of(5), Felt.of(7), Felt.of(11), Felt.of(13), Felt.of(17)};

  /** A proof-mode run of the fibonacci program (its one hint, which reads the claim index, replaced by a write). */
  public static RunOutput run(int claimIndex) {
    StringBuilder data = new StringBuilder();
    for (String w : FIBONACCI) data.append(data.length() > 0 ? "," : "").append('"').append(w).append('"');
    String json =
        "{\"prime\":\"0x800000000000011000000000000000000000000000000000000000000000001\",\"data\":[" + data + "],"
            + "\"builtins\":[\"output\",\"pedersen\",\"range_check\",\"bitwise\"],\"hints\":{},\"main_scope\":\"__main__\","
            + "\"identifiers\":{\"__main__.__start__\":{\"type\":\"label\",\"pc\":0},\"__main__.__end__\":{\"type\":\"label\",\"pc\":4}},"
            + "\"reference_manager\":{\"references\":[]},\"attributes\":[]}";
    Program p = Program.parse(json, "fibonacci");
    CairoRunner r = new CairoRunner(p, new RunConfig(Layout.named("recursive"), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    for (SimpleBuiltin b : r.builtins()) if (b.name().equals("output")) r.memory().writeFelt(b.base().segment(), 0, claimIndex, 0, 0, 0);
    r.run();
    return r.relocate();
  }

  @Setup
  public void setup() {
    run = run(claimIndex);
    publicInput = StoneProof.parsePublicInput(new ObjectMapper().valueToTree(run.publicInput()));
    System.out.println("\nsteps: " + run.steps());
  }

  @Benchmark
  public InteractionTrace mainAndInteraction() {
    MainTrace main = MainTrace.build(run, TraceLayout.RECURSIVE, publicInput);
    return InteractionTrace.of(main, TraceLayout.RECURSIVE, ELEMENTS);
  }

  @Benchmark
  public MainTrace main() {
    return MainTrace.build(run, TraceLayout.RECURSIVE, publicInput);
  }
}
