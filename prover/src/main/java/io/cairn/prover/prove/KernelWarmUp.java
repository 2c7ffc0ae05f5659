package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.air.CompiledAir;
import io.cairn.prover.air.CosetEvaluator;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the prover's heaviest kernels (the composition evaluation, interpolation and coset evaluation) once over a
 * small random trace, before anything else of a proof runs.
 *
 * <p>Why: HotSpot compiles the field product's carries as jumps or conditional moves by the branch profile it has
 * collected so far. Running the VM and building the trace first teaches it zero-heavy, carry-free values, and the
 * code it then compiles mispredicts half of those carries on the random-looking values of the low-degree extension:
 * a 2^16-step proof took ~90 s that way against ~57 s after this warm-up (about 0.2 s). Branch-free carries were
 * measured too: ~38 ns a product against ~23 ns, so the profile is steered instead.
 */
public final class KernelWarmUp {
  private KernelWarmUp() {}

  private static final int LOG_TRACE = 12;

  /** Random inputs for one coset of a layout's composition polynomial over a trace of 2^logTrace rows. */
  public record CompositionInputs(
      long[][] columns, Map<String, Felt> external, Map<String, Integer> periods, Map<String, long[]> periodic, long[] coefficients, Felt g, Felt offset) {

    public static CompositionInputs random(AirDescription air, int logTrace, long seed) {
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

    public CosetEvaluator evaluator(AirDescription air, int logTrace) {
      return new CosetEvaluator(new CompiledAir(air), logTrace, external, coefficients, g, periods);
    }
  }

  /** A uniformly spread field element. */
  static Felt randomFelt(SplittableRandom rnd) {
    return Felt.of(rnd.nextLong() & Long.MAX_VALUE).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE)).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE));
  }

  /** The warm-up: call it first, before a program runs or a trace is built. */
  public static void run() {
    AirDescription air = AirDescription.load("recursive");
    CompositionInputs in = CompositionInputs.random(air, LOG_TRACE, 7);
    int t = 1 << LOG_TRACE;
    in.evaluator(air, LOG_TRACE).evaluate(in.offset(), in.columns(), in.periodic(), new long[4 * t], 1, 0);
    Lde lde = new Lde(LOG_TRACE, 2);
    long[] work = new long[4 * t];
    for (int k = 0; k < 4; k++) {
      long[] co = in.columns()[k];
      lde.interpolate(co);
      lde.evaluateCoset(co, 1, work, 0);
    }
  }
}
