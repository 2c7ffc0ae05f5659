package io.cairn.bench.prover;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.air.CompiledAir;
import io.cairn.prover.air.CosetEvaluator;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.prove.KernelWarmUp;
import java.lang.management.ManagementFactory;

/**
 * CPU time (all threads of the process, best of several runs) of the prover's two heaviest kernels at trace length
 * 2^logT: the recursive layout's composition polynomial over one coset, and the interpolation and one coset
 * evaluation of one column. On a machine shared with other jobs, wall-clock time swings with the load; CPU time
 * charged to the process far less. Run: {@code java -cp bench/target/benchmarks.jar
 * io.cairn.bench.prover.ProverKernelsCpuTime [logT] [repeats] [lde]}
 * ({@code lde}: the transforms only).
 */
public final class ProverKernelsCpuTime {
  private ProverKernelsCpuTime() {}

  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  public static void main(String[] args) {
    int logT = args.length > 0 ? Integer.parseInt(args[0]) : 16, repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int t = 1 << logT;
    AirDescription air = AirDescription.load("recursive");
    KernelWarmUp.CompositionInputs in = KernelWarmUp.CompositionInputs.random(air, logT, 7);
    long[][] columns = in.columns();
    Felt offset = in.offset();
    boolean composition = args.length < 3 || !args[2].equals("lde");
    CosetEvaluator evaluator = null;
    if (composition) {
      evaluator = in.evaluator(air, logT);
      System.out.printf("recursive: %d operations compiled, %d per point%n", new CompiledAir(air).operations(), evaluator.perPointOperations());
    }
    long[] out = new long[4 * t];
    Lde lde = new Lde(logT, 2);
    long[] column = columns[0].clone(), work = new long[4 * t];
    double bestComp = Double.MAX_VALUE, bestInterp = Double.MAX_VALUE, bestCoset = Double.MAX_VALUE;
    for (int rep = 0; rep < repeats; rep++) {
      long c0 = cpu();
      if (composition) evaluator.evaluate(offset, columns, in.periodic(), out, 1, 0);
      long c1 = cpu();
      long[] co = column.clone();
      long c2 = cpu();
      for (int k = 0; k < 4; k++) lde.interpolate(k == 0 ? co : work);
      long c3 = cpu();
      for (int k = 0; k < 4; k++) lde.evaluateCoset(co, 1, work, 0);
      long c4 = cpu();
      bestComp = Math.min(bestComp, (c1 - c0) / 1e6);
      bestInterp = Math.min(bestInterp, (c3 - c2) / 4e6);
      bestCoset = Math.min(bestCoset, (c4 - c3) / 4e6);
    }
    if (composition) System.out.printf("composition, one coset of 2^%d: %8.1f ms CPU (%.0f ns per point)%n", logT, bestComp, bestComp * 1e6 / t);
    System.out.printf("interpolate one column:      %8.1f ms CPU%n", bestInterp);
    System.out.printf("evaluate one column on a coset: %5.1f ms CPU%n", bestCoset);
  }
}
