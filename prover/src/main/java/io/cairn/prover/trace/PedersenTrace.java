package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.air.EcConstants;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * The Pedersen builtin's part of the main trace (Stone's {@code HashBuiltinProverContext}): every instance is written,
 * unused ones with inputs (0, 0). Instance i hashes in column set {@code i % repetitions} at component
 * {@code i / repetitions}; each input is an EC subset sum of 256 rows (partial sum, slope, selector = input >> j) plus
 * the bit-unpacking products of bits 251·196 and 251·196·192; its memory cells (input0, input1, output at begin + 3i)
 * go into the memory pool.
 *
 * <p>Instances advance in lockstep, in parallel batches: at each row one batch inversion serves the slopes of the
 * whole batch, on {@code long[]} Montgomery limbs without per-cell objects.
 */
final class PedersenTrace {
  private PedersenTrace() {}

  private static final int BATCH = 32;
  private static volatile long[][] points; // [x|y]: 512 points as Montgomery limbs

  private static long[][] points() {
    long[][] p = points;
    if (p != null) return p;
    Felt[][] f = EcConstants.pedersenPoints(); // [x|y][512]: input 0's 256 rows, then input 1's
    p = new long[2][4 * 512];
    for (int i = 0; i < 512; i++) {
      f[0][i].writeTo(p[0], 4 * i);
      f[1][i].writeTo(p[1], 4 * i);
    }
    points = p;
    return p;
  }

  private static long bit(long[] limbs, int off, int i) {
    return limbs[off + (i >>> 6)] >>> (i & 63) & 1;
  }

  static void write(MainTrace t, PedersenColumns c, long beginAddr, LongFunction<Felt> memory) {
    int instances = t.rows() / c.input0().step();
    long[] inputs = new long[8 * instances]; // canonical limbs of input 0 and input 1 per instance
    boolean[] used = new boolean[instances];
    for (int idx = 0; idx < instances; idx++) {
      long addr = beginAddr + 3L * idx;
      Felt in0 = memory.apply(addr), in1 = memory.apply(addr + 1);
      if (in0 == null || in1 == null) continue; // Stone: an instance without both inputs is a dummy (0, 0)
      used[idx] = true;
      System.arraycopy(in0.canonicalLimbs(), 0, inputs, 8 * idx, 4);
      System.arraycopy(in1.canonicalLimbs(), 0, inputs, 8 * idx + 4, 4);
    }
    long[] outputs = new long[4 * instances];
    int batches = (instances + BATCH - 1) / BATCH;
    IntStream.range(0, batches).parallel().forEach(b -> hashBatch(t, c, b * BATCH, Math.min(instances, (b + 1) * BATCH), inputs, outputs));
    long[] v = new long[4];
    for (int idx = 0; idx < instances; idx++) {
      long addr = beginAddr + 3L * idx;
      System.arraycopy(inputs, 8 * idx, v, 0, 4);
      t.builtinMemory(c.input0().unit(idx), addr, Felt.fromCanonicalLimbs(v[0], v[1], v[2], v[3]));
      System.arraycopy(inputs, 8 * idx + 4, v, 0, 4);
      t.builtinMemory(c.input1().unit(idx), addr + 1, Felt.fromCanonicalLimbs(v[0], v[1], v[2], v[3]));
      t.builtinMemory(c.output().unit(idx), addr + 2, Felt.fromMontgomeryLimbs(outputs, 4 * idx));
    }
  }

  /** Instances [from, to): both subset sums, row by row for all of them at once. */
  private static void hashBatch(MainTrace t, PedersenColumns c, int from, int to, long[] inputs, long[] outputs) {
    long[][] pts = points();
    int n = to - from;
    long[] x = new long[4 * n], y = new long[4 * n], sel = new long[4 * n], den = new long[4 * n], scratch = new long[4 * n];
    long[] slope = new long[4], nx = new long[4], tmp = new long[4], zero = new long[4];
    for (int i = 0; i < n; i++) {
      EcConstants.pedersenShiftX().writeTo(x, 4 * i);
      EcConstants.pedersenShiftY().writeTo(y, 4 * i);
    }
    for (int input = 0; input < 2; input++) {
      for (int i = 0; i < n; i++) System.arraycopy(inputs, 8 * (from + i) + 4 * input, sel, 4 * i, 4);
      for (int j = 0; j < 255; j++) {
        int p = 4 * (256 * input + j);
        for (int i = 0; i < n; i++) {
          int idx = from + i;
          VirtualColumn cx = c.x()[idx % c.repetitions()];
          long e = 256L * (2 * (idx / c.repetitions()) + input) + j;
          t.setLimbs(cx, e, x, 4 * i);
          t.setLimbs(c.y()[idx % c.repetitions()], e, y, 4 * i);
          t.setCanonical(c.selector()[idx % c.repetitions()], e, sel[4 * i], sel[4 * i + 1], sel[4 * i + 2], sel[4 * i + 3]);
          Fp.sub(pts[0], p, x, 4 * i, den, 4 * i);
          if (Fp.isZero(den, 4 * i)) throw new IllegalStateException("pedersen instance " + idx + ": adding a point to itself or its inverse");
        }
        Fp.batchInverse(den, 0, n, scratch);
        for (int i = 0; i < n; i++) {
          int idx = from + i;
          long e = 256L * (2 * (idx / c.repetitions()) + input) + j;
          int o = 4 * i;
          if ((sel[o] & 1) != 0) {
            // slope = (py − y) / (px − x); x' = slope² − x − px; y' = slope·(x − x') − y
            Fp.sub(pts[1], p, y, o, tmp, 0);
            Fp.mul(tmp, 0, den, o, slope, 0);
            Fp.square(slope, 0, nx, 0);
            Fp.sub(nx, 0, x, o, nx, 0);
            Fp.sub(nx, 0, pts[0], p, nx, 0);
            Fp.sub(x, o, nx, 0, tmp, 0);
            Fp.mul(slope, 0, tmp, 0, tmp, 0);
            Fp.sub(tmp, 0, y, o, y, o);
            System.arraycopy(nx, 0, x, o, 4);
            t.setLimbs(c.slope()[idx % c.repetitions()], e, slope, 0);
          } else {
            t.setLimbs(c.slope()[idx % c.repetitions()], e, zero, 0);
          }
          sel[o] = sel[o] >>> 1 | sel[o + 1] << 63;
          sel[o + 1] = sel[o + 1] >>> 1 | sel[o + 2] << 63;
          sel[o + 2] = sel[o + 2] >>> 1 | sel[o + 3] << 63;
          sel[o + 3] >>>= 1;
        }
      }
      for (int i = 0; i < n; i++) {
        int idx = from + i, set = idx % c.repetitions();
        int sub = 2 * (idx / c.repetitions()) + input;
        long e = 256L * sub + 255;
        t.setLimbs(c.x()[set], e, x, 4 * i);
        t.setLimbs(c.y()[set], e, y, 4 * i);
        t.setLimbs(c.selector()[set], e, zero, 0);
        int vo = 8 * idx + 4 * input;
        long p196 = bit(inputs, vo, 251) * bit(inputs, vo, 196);
        long p192 = p196 * bit(inputs, vo, 192);
        t.setCanonical(c.prodOnes196()[set], sub, p196, 0, 0, 0);
        t.setCanonical(c.prodOnes192()[set], sub, p192, 0, 0, 0);
      }
    }
    System.arraycopy(x, 0, outputs, 4 * from, 4 * n);
  }
}
