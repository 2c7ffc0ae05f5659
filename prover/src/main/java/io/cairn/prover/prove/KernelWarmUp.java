package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.stone.StoneProof.MemoryCell;
import io.cairn.prover.stone.StoneProof.Parameters;
import io.cairn.prover.stone.StoneProof.PublicInput;
import io.cairn.prover.stone.StoneProof.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the whole prover once over a small random trace, before anything else of a proof runs, so that its kernels
 * (transforms, composition, DEEP quotient, Merkle hashing, FRI folding) are first compiled on random-looking values.
 *
 * <p>Why: HotSpot compiles the field product's carries as jumps or conditional moves by the branch profile it has
 * collected so far. Running the VM and building the trace first teaches it zero-heavy, carry-free values, and the
 * code it then compiles mispredicts half of those carries on the random-looking values of the low-degree extension:
 * a 2^16-step proof took ~90 s that way, 57–61 s after a warm-up of the composition and the transforms alone.
 * Branch-free carries were measured too: ~38 ns a product against ~23 ns, so the profile is steered instead.
 */
public final class KernelWarmUp {
  private KernelWarmUp() {}

  private static final int LOG_TRACE = 12;

  /** A uniformly spread field element. */
  private static Felt randomFelt(SplittableRandom rnd) {
    return Felt.of(rnd.nextLong() & Long.MAX_VALUE).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE)).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE));
  }

  /**
   * The warm-up: call it first, before a program runs or a trace is built. It proves a random trace of 2^12 rows
   * (layout recursive, two queries, no trace check: the trace satisfies no constraint, but every committed polynomial
   * is of low degree all the same, so every stage runs to the end) and drops the proof.
   */
  public static void run() {
    AirDescription air = AirDescription.load("recursive");
    int rows = 1 << LOG_TRACE;
    SplittableRandom rnd = new SplittableRandom(11);
    Map<String, Segment> segments = new LinkedHashMap<>();
    long address = 1;
    for (String name : air.segments) {
      segments.put(name, new Segment(address, address + 4));
      address += 8;
    }
    List<MemoryCell> memory = new ArrayList<>();
    for (int i = 0; i < 4; i++) memory.add(new MemoryCell(1 + i, randomFelt(rnd), 0));
    PublicInput pi = new PublicInput(air.layout, 0, 1 << 15, rows / 16, segments, memory, null);
    Parameters prm =
        new Parameters(
            "keccak256", "keccak256_masked160_msb", "keccak256_masked160_msb", 0, false, "keccak256", "pedersen", 2, new int[] {0, 4, 2}, 64, 2, 4);
    TraceSource random =
        new TraceSource() {
          @Override
          public long[][] mainColumns() {
            return randomColumns(air.mainColumns, rows, rnd);
          }

          @Override
          public long[][] interactionColumns(Felt[] elements) {
            return randomColumns(air.interactionColumns, rows, rnd);
          }
        };
    StarkProver.prove(air, pi, prm, 6, random, new StarkProver.Options(0, false, null));
  }

  /** n columns of random field elements, Montgomery limbs in row order. */
  static long[][] randomColumns(int n, int rows, SplittableRandom rnd) {
    long[][] columns = new long[n][4 * rows];
    for (long[] col : columns) for (int i = 0; i < rows; i++) randomFelt(rnd).writeTo(col, 4 * i);
    return columns;
  }
}
