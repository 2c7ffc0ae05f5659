package io.cairn.prover.fri;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.stone.FriFormula;
import java.util.stream.IntStream;

/**
 * Folds a FRI layer as Stone's prover does. A layer of size M holds, at position i, the value at
 * y_i = ω_M^bitrev(i) (FRI ignores the evaluation domain's offset 3); cosets of 2^step consecutive positions fold
 * into one value of the next layer, whose position c again holds the value at ω_{M/2^step}^bitrev(c).
 */
public final class FriFolder {
  private FriFolder() {}

  private static final int BLOCK = 1024;

  /** The next layer (Montgomery limbs, 4 per element) after folding {@code step} times with {@code evalPoint}. */
  public static long[] fold(long[] layer, int logSize, int step, Felt evalPoint) {
    int coset = 1 << step, logNext = logSize - step, nextSize = 1 << logNext;
    // coset c starts at position c·2^step, whose point is ω^bitrev(c) over logNext bits: walk r = bitrev(c) upwards
    Felt omegaInverse = Ntt.rootOfUnity(logSize).inverse();
    long[] w = FriFormula.cosetTwiddles(step), point = new long[4], stepInverse = new long[4];
    evalPoint.writeTo(point, 0);
    omegaInverse.writeTo(stepInverse, 0);
    long[] next = new long[4 * nextSize];
    IntStream.range(0, (nextSize + BLOCK - 1) / BLOCK)
        .parallel()
        .forEach(
            b -> {
              long[] scratch = new long[FriFormula.scratchLongs(step)], xInv = new long[4];
              int from = b * BLOCK, to = Math.min(nextSize, from + BLOCK);
              omegaInverse.pow(from).writeTo(xInv, 0);
              for (int r = from; r < to; r++) {
                int c = logNext == 0 ? 0 : Integer.reverse(r) >>> (32 - logNext);
                FriFormula.fold(layer, 4 * c * coset, step, point, xInv, w, next, 4 * c, scratch);
                Fp.mul(xInv, 0, stepInverse, 0, xInv, 0);
              }
            });
    return next;
  }
}
