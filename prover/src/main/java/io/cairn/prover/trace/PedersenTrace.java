package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.EcConstants;

/**
 * The Pedersen builtin's part of the small layout's main trace (Stone's {@code HashBuiltinProverContext}): every
 * instance is written, unused ones with inputs (0, 0). Instance i hashes in column set {@code i % 4} at component
 * {@code i / 4}; each input is an EC subset sum of 256 rows (partial sum, slope, selector = input >> j) plus the bit
 * unpacking products of bits 251·196 and 251·196·192; its memory cells (input0, input1, output at begin + 3i) go into
 * the memory pool.
 */
final class PedersenTrace {
  private PedersenTrace() {}

  /** Per column set: x, y, slope, selector, then (column, offset) of prod_ones196 and prod_ones192 (step 256). */
  private static final int[][] SMALL = {
    {3, 4, 15, 5, 15, 255, 16, 255},
    {6, 7, 16, 8, 17, 255, 18, 255},
    {9, 10, 17, 11, 22, 16, 22, 144},
    {12, 13, 18, 14, 22, 80, 22, 208},
  };

  /** Rows per instance in the memory pool's view (kPedersenBuiltinRatio · 16). */
  static final int ROWS_PER_INSTANCE = 128;

  private static long bit(long[] limbs, int i) {
    return limbs[i >>> 6] >>> (i & 63) & 1;
  }

  static void write(MainTrace t, long beginAddr, java.util.function.LongFunction<Felt> memory) {
    Felt[][] points = EcConstants.pedersenPoints(); // [x|y][512]: input 0's 256 rows, then input 1's
    Felt sx = EcConstants.pedersenShiftX(), sy = EcConstants.pedersenShiftY();
    int instances = t.rows() / ROWS_PER_INSTANCE;
    for (int idx = 0; idx < instances; idx++) {
      int[] c = SMALL[idx % SMALL.length];
      int component = idx / SMALL.length;
      long addr = beginAddr + 3L * idx;
      Felt in0 = memory.apply(addr), in1 = memory.apply(addr + 1);
      if (in0 == null || in1 == null) in0 = in1 = Felt.ZERO; // Stone: an instance without both inputs is a dummy
      Felt[] inputs = {in0, in1};
      Felt x = sx, y = sy;
      for (int input = 0; input < 2; input++) {
        int sub = 2 * component + input;
        int base = 256 * sub;
        long[] v = inputs[input].canonicalLimbs();
        long[] sel = v.clone();
        for (int j = 0; j < 255; j++) {
          int row = base + j;
          t.set(c[0], row, x);
          t.set(c[1], row, y);
          t.set(c[3], row, Felt.fromCanonicalLimbs(sel[0], sel[1], sel[2], sel[3]));
          Felt px = points[0][256 * input + j], py = points[1][256 * input + j];
          if (x.equals(px)) throw new IllegalStateException("pedersen instance " + idx + ": adding a point to itself or its inverse");
          if ((sel[0] & 1) != 0) {
            Felt slope = py.sub(y).div(px.sub(x));
            Felt nx = slope.square().sub(x).sub(px);
            y = slope.mul(x.sub(nx)).sub(y);
            x = nx;
            t.set(c[2], row, slope);
          } else {
            t.set(c[2], row, Felt.ZERO);
          }
          for (int k = 0; k < 3; k++) sel[k] = sel[k] >>> 1 | sel[k + 1] << 63;
          sel[3] >>>= 1;
        }
        t.set(c[0], base + 255, x);
        t.set(c[1], base + 255, y);
        t.set(c[3], base + 255, Felt.ZERO);
        long p196 = bit(v, 251) * bit(v, 196);
        long p192 = p196 * bit(v, 192);
        t.set(c[4], base + c[5], Felt.of(p196));
        t.set(c[6], base + c[7], Felt.of(p192));
      }
      t.builtinMemory(idx * ROWS_PER_INSTANCE / 2 + 3, addr, in0);
      t.builtinMemory(idx * ROWS_PER_INSTANCE / 2 + 35, addr + 1, in1);
      t.builtinMemory(idx * ROWS_PER_INSTANCE / 2 + 19, addr + 2, x);
    }
  }
}
