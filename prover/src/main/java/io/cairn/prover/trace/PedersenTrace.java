package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.EcConstants;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/**
 * The Pedersen builtin's part of the main trace (Stone's {@code HashBuiltinProverContext}): every instance is written,
 * unused ones with inputs (0, 0). Instance i hashes in column set {@code i % repetitions} at component
 * {@code i / repetitions}; each input is an EC subset sum of 256 rows (partial sum, slope, selector = input >> j) plus
 * the bit-unpacking products of bits 251·196 and 251·196·192; its memory cells (input0, input1, output at begin + 3i)
 * go into the memory pool. Instances are hashed in parallel.
 */
final class PedersenTrace {
  private PedersenTrace() {}

  private static long bit(long[] limbs, int i) {
    return limbs[i >>> 6] >>> (i & 63) & 1;
  }

  static void write(MainTrace t, PedersenColumns c, long beginAddr, LongFunction<Felt> memory) {
    Felt[][] points = EcConstants.pedersenPoints(); // [x|y][512]: input 0's 256 rows, then input 1's
    Felt sx = EcConstants.pedersenShiftX(), sy = EcConstants.pedersenShiftY();
    int instances = t.rows() / c.input0().step();
    Felt[][] cells = new Felt[instances][];
    IntStream.range(0, instances)
        .parallel()
        .forEach(
            idx -> {
              long addr = beginAddr + 3L * idx;
              Felt in0 = memory.apply(addr), in1 = memory.apply(addr + 1);
              if (in0 == null || in1 == null) in0 = in1 = Felt.ZERO; // Stone: an instance without both inputs is a dummy
              cells[idx] = new Felt[] {in0, in1, hash(t, c, idx, in0, in1, points, sx, sy)};
            });
    for (int idx = 0; idx < instances; idx++) {
      long addr = beginAddr + 3L * idx;
      t.builtinMemory(c.input0().unit(idx), addr, cells[idx][0]);
      t.builtinMemory(c.input1().unit(idx), addr + 1, cells[idx][1]);
      t.builtinMemory(c.output().unit(idx), addr + 2, cells[idx][2]);
    }
  }

  private static Felt hash(MainTrace t, PedersenColumns c, int idx, Felt in0, Felt in1, Felt[][] points, Felt sx, Felt sy) {
    int set = idx % c.repetitions();
    int component = idx / c.repetitions();
    VirtualColumn cx = c.x()[set], cy = c.y()[set], cSlope = c.slope()[set], cSel = c.selector()[set];
    Felt[] inputs = {in0, in1};
    Felt x = sx, y = sy;
    for (int input = 0; input < 2; input++) {
      int sub = 2 * component + input;
      long base = 256L * sub;
      long[] v = inputs[input].canonicalLimbs();
      long[] sel = v.clone();
      for (int j = 0; j < 255; j++) {
        long e = base + j;
        t.set(cx, e, x);
        t.set(cy, e, y);
        t.set(cSel, e, Felt.fromCanonicalLimbs(sel[0], sel[1], sel[2], sel[3]));
        Felt px = points[0][256 * input + j], py = points[1][256 * input + j];
        if (x.equals(px)) throw new IllegalStateException("pedersen instance " + idx + ": adding a point to itself or its inverse");
        if ((sel[0] & 1) != 0) {
          Felt slope = py.sub(y).div(px.sub(x));
          Felt nx = slope.square().sub(x).sub(px);
          y = slope.mul(x.sub(nx)).sub(y);
          x = nx;
          t.set(cSlope, e, slope);
        } else {
          t.set(cSlope, e, Felt.ZERO);
        }
        for (int k = 0; k < 3; k++) sel[k] = sel[k] >>> 1 | sel[k + 1] << 63;
        sel[3] >>>= 1;
      }
      t.set(cx, base + 255, x);
      t.set(cy, base + 255, y);
      t.set(cSel, base + 255, Felt.ZERO);
      long p196 = bit(v, 251) * bit(v, 196);
      long p192 = p196 * bit(v, 192);
      t.set(c.prodOnes196()[set], sub, Felt.of(p196));
      t.set(c.prodOnes192()[set], sub, Felt.of(p192));
    }
    return x;
  }
}
