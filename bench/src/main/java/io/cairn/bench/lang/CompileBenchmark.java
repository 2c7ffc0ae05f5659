package io.cairn.bench.lang;

import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** Warm compile time of a generated program (SyntheticProgram), source to program JSON text. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CompileBenchmark {
  @Param({"230"})
  public int functions;

  private String source;
  private Path libDir;

  @Setup
  public void setup() throws Exception {
    source = SyntheticProgram.generate(functions);
    // The program imports get_fp_and_pc from the compiler's own registers module; provide it.
    libDir = Files.createTempDirectory("cairn-bench");
    Path reg = libDir.resolve("starkware/cairo/lang/compiler/lib/registers.cairo");
    Files.createDirectories(reg.getParent());
    Files.writeString(reg, """
        func get_fp_and_pc() -> (fp_val: felt*, pc_val: felt*) {
            return (fp_val=cast([ap - 2], felt*), pc_val=cast([ap - 1], felt*));
        }
        func get_ap() -> (ap_val: felt*) {
            let (fp_val, pc_val) = get_fp_and_pc();
            return (ap_val=fp_val);
        }
        """);
  }

  @Benchmark
  public String compileToJson() {
    CompiledProgram p = new Compiler(new Compiler.Options(List.of(libDir), false, true)).compile("big.cairo", source);
    return p.toJson();
  }
}
