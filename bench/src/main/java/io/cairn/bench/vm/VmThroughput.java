package io.cairn.bench.vm;

import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Steps per CPU-second and retained heap per step on the 10.5M-step fibonacci of {@link VmBenchmark}, without and with
 * trace + relocation. CPU time of the running thread (ThreadMXBean) rather than wall time, so figures hold on a shared,
 * oversubscribed machine; retained heap = used heap after a full GC with the run's memory and trace still referenced,
 * minus before. Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar io.cairn.bench.vm.VmThroughput [n [FIXTURES]]};
 * with the fixtures folder it also runs the builtin-heavy programs (poseidon_hash, keccak, dict_squash, pedersen_test)
 * in a loop under starknet_with_keccak.
 */
public final class VmThroughput {
  private VmThroughput() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_500_000;
    if (args.length > 1) builtinHeavy(java.nio.file.Path.of(args[1]));
    Program p = VmBenchmark.fibonacci(n);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Runtime rt = Runtime.getRuntime();
    for (int rep = 0; rep < 3; rep++) {
      for (boolean trace : new boolean[] {false, true}) {
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = mx.getCurrentThreadCpuTime();
        CairoRunner r =
            new CairoRunner(p, new RunConfig(Layout.named("plain"), false, Long.MAX_VALUE, trace, false), new HintProcessor());
        r.initialize();
        r.run();
        long t1 = mx.getCurrentThreadCpuTime();
        RunOutput o = trace ? r.relocate() : null;
        long t2 = mx.getCurrentThreadCpuTime();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        long steps = r.vm().steps();
        System.out.printf(
            "%s: %d steps, run %.3f s CPU = %.2fM steps/s; with relocation %.2fM steps/s; retained %.1f B/step%n",
            trace ? "trace+relocate" : "no trace", steps, (t1 - t0) / 1e9, steps / ((t1 - t0) / 1e3),
            steps / ((t2 - t0) / 1e3), (after - before) / (double) steps);
        if (o != null && o.steps() != steps) throw new AssertionError("trace length");
      }
    }
  }

  private static void builtinHeavy(java.nio.file.Path fixtures) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String name : new String[] {"poseidon_hash", "keccak", "dict_squash", "pedersen_test"}) {
      Program p = Program.load(fixtures.resolve("cairo0-programs/" + name + ".json"));
      for (boolean trace : new boolean[] {false, true}) {
        long steps = 0, t0 = 0;
        for (int i = 0; i < 4000; i++) {
          if (i == 2000) {
            steps = 0;
            t0 = mx.getCurrentThreadCpuTime(); // after warm-up
          }
          CairoRunner r = new CairoRunner(
              p, new RunConfig(Layout.named("starknet_with_keccak"), false, Long.MAX_VALUE, trace, false), new HintProcessor());
          r.initialize();
          r.run();
          if (trace) r.relocate();
          steps += r.vm().steps();
        }
        long t = mx.getCurrentThreadCpuTime() - t0;
        System.out.printf("%s (%s): %.2fM steps/s CPU (%d steps per run)%n", name, trace ? "trace+relocate" : "no trace",
            steps / (t / 1e3), steps / 2000);
      }
    }
  }
}
