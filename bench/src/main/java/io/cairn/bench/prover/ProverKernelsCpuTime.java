package io.cairn.bench.prover;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.air.CompiledAir;
import io.cairn.prover.air.CosetEvaluator;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

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
    CompositionInputs in = CompositionInputs.random(air, logT, 7);
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

  /** Random inputs for one coset of a layout's composition polynomial over a trace of 2^logTrace rows. */
  record CompositionInputs(
      long[][] columns, Map<String, Felt> external, Map<String, Integer> periods, Map<String, long[]> periodic, long[] coefficients, Felt g, Felt offset) {

    static CompositionInputs random(AirDescription air, int logTrace, long seed) {
      int t = 1 << logTrace;
      SplittableRandom rnd = new SplittableRandom(seed);
      long[][] columns = new long[air.mainColumns + air.interactionColumns][4 * t];
      for (long[] col : columns) for (int i = 0; i < t; i++) randomFelt(rnd).writeTo(col, 4 * i);
      Map<String, Felt> external = new HashMap<>();
      Map<String, Integer> periods = new HashMap<>();
      Map<String, long[]> periodic = new HashMap<>();
      for (AirDescription.PeriodicColumn p : air.periodicColumns) {
        int period = Math.min(t, 2048);
        periods.put(p.exprName(), period);
        long[] v = new long[4 * period];
        for (int i = 0; i < period; i++) randomFelt(rnd).writeTo(v, 4 * i);
        periodic.put(p.exprName(), v);
      }
      for (String name : air.externalNames()) if (!periods.containsKey(name)) external.put(name, randomFelt(rnd));
      long[] coefficients = new long[4 * air.constraints.size()];
      for (int i = 0; i < air.constraints.size(); i++) randomFelt(rnd).writeTo(coefficients, 4 * i);
      Felt g = Ntt.rootOfUnity(logTrace), offset = Felt.of(3).mul(Ntt.rootOfUnity(logTrace + 2));
      return new CompositionInputs(columns, external, periods, periodic, coefficients, g, offset);
    }

    CosetEvaluator evaluator(AirDescription air, int logTrace) {
      return new CosetEvaluator(new CompiledAir(air), logTrace, external, coefficients, g, periods);
    }
  }

  static Felt randomFelt(SplittableRandom rnd) {
    return Felt.of(rnd.nextLong() & Long.MAX_VALUE).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE));
  }
}
