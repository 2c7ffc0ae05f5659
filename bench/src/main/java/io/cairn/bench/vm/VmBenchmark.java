package io.cairn.bench.vm;

import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.math.BigInteger;
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
 * Cairo steps per second on the recursive fibonacci of the fixture programs (cairo0-programs/fibonacci.json), its
 * loop count patched from 10 to {@code n}: n = 1,500,000 runs 10,500,010 steps. Divide the step count by the time
 * per op; with {@code -prof gc}, gc.alloc.rate.norm ÷ steps is heap bytes per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class VmBenchmark {
  /** The fixture's bytecode; word 5 is the loop count and word 9 the asserted result. */
  private static final String[] FIB = {
    "0x480680017fff8000", "0x1", "0x480680017fff8000", "0x1", "0x480680017fff8000", "N", "0x1104800180018000",
    "0x5", "0x400680017fff7fff", "R", "0x208b7fff7fff7ffe", "0x20780017fff7ffd", "0x5", "0x480a7ffc7fff8000",
    "0x480a7ffc7fff8000", "0x208b7fff7fff7ffe", "0x482a7ffc7ffb8000", "0x480a7ffc7fff8000", "0x48127ffe7fff8000",
    "0x482680017ffd8000", "0x800000000000011000000000000000000000000000000000000000000000000", "0x1104800180018000",
    "0x800000000000010fffffffffffffffffffffffffffffffffffffffffffffff7", "0x208b7fff7fff7ffe"
  };

  @Param({"1500000"})
  public int n;

  private Program program;

  /** The program computing fib to depth n and asserting the result (F(n+2) mod p). */
  public static Program fibonacci(int n) {
    BigInteger a = BigInteger.ONE, b = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      BigInteger c = a.add(b).mod(io.cairn.vm.memory.Field.P);
      a = b;
      b = c;
    }
    StringBuilder data = new StringBuilder();
    for (String w : FIB) {
      if (data.length() > 0) data.append(',');
      String v = w.equals("N") ? "0x" + Integer.toHexString(n) : w.equals("R") ? "0x" + b.toString(16) : w;
      data.append('"').append(v).append('"');
    }
    String json =
        "{\"data\":[" + data + "],\"builtins\":[],\"hints\":{},\"main_scope\":\"__main__\","
            + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},"
            + "\"reference_manager\":{\"references\":[]}}";
    return Program.parse(json, "fibonacci(" + n + ")");
  }

  @Setup
  public void setup() {
    program = fibonacci(n);
  }

  private CairoRunner run(boolean trace) {
    CairoRunner r =
        new CairoRunner(program, new RunConfig(Layout.named("plain"), false, Long.MAX_VALUE, trace, false), new HintProcessor());
    r.initialize();
    r.run();
    return r;
  }

  @Benchmark
  public long fibonacciNoTrace() {
    return run(false).vm().steps();
  }

  @Benchmark
  public RunOutput fibonacciTraceAndRelocate() {
    return run(true).relocate();
  }
}
