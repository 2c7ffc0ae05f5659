package io.cairn.lang.stdlib;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import java.math.BigInteger;
import java.util.List;

/** Compiles a program against Cairn's own library (no cairo path) and runs it on the VM. */
final class StdlibRunner {
  private StdlibRunner() {}

  static CompiledProgram compile(String src) {
    return new Compiler(new Compiler.Options(List.of(), false, true)).compile("test.cairo", src);
  }

  /** The output builtin's values (signed) after a successful run. */
  static List<BigInteger> run(String src) {
    return run(src, java.util.Map.of());
  }

  /** Same, with extra hints for the test program's own hint code. */
  static List<BigInteger> run(String src, java.util.Map<String, io.cairn.vm.hints.Hint> extra) {
    CairoRunner r = runner(src, extra);
    r.run();
    return r.output();
  }

  /** The error message of a run that must fail. */
  static String fails(String src) {
    CairoRunner r = runner(src, java.util.Map.of());
    return assertThrows(VmError.class, r::run).getMessage();
  }

  /** Asserts the run fails with a message containing expected. */
  static void failsWith(String src, String expected) {
    failsWith(src, java.util.Map.of(), expected);
  }

  /** Same, with hints replaced (a dishonest prover: the Cairo checks must catch it). */
  static void failsWith(String src, java.util.Map<String, io.cairn.vm.hints.Hint> extra, String expected) {
    CairoRunner r = runner(src, extra);
    String err = assertThrows(VmError.class, r::run).getMessage();
    org.junit.jupiter.api.Assertions.assertTrue(err.contains(expected), () -> "expected '" + expected + "' in:\n" + err);
  }

  private static CairoRunner runner(String src, java.util.Map<String, io.cairn.vm.hints.Hint> extra) {
    Program p = Program.parse(compile(src).toJson(), "test.json");
    CairoRunner r = new CairoRunner(p, RunConfig.of("all_cairo"), new HintProcessor(extra));
    r.initialize();
    return r;
  }

  static List<BigInteger> ints(long... v) {
    BigInteger[] out = new BigInteger[v.length];
    for (int i = 0; i < v.length; i++) out[i] = BigInteger.valueOf(v[i]);
    return List.of(out);
  }
}
