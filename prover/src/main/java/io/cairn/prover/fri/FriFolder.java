package io.cairn.prover.fri;

import io.cairn.crypto.field.Felt;
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

  /** The next layer (Montgomery limbs, 4 per element) after folding {@code step} times with {@code evalPoint}. */
  public static long[] fold(long[] layer, int logSize, int step, Felt evalPoint) {
    int coset = 1 << step;
    int nextSize = 1 << (logSize - step);
    Felt omegaInverse = Ntt.rootOfUnity(logSize).inverse();
    long[] next = new long[4 * nextSize];
    IntStream.range(0, nextSize)
        .parallel()
        .forEach(
            c -> {
              Felt[] values = new Felt[coset];
              for (int j = 0; j < coset; j++) values[j] = Felt.fromMontgomeryLimbs(layer, 4 * (c * coset + j));
              long first = (long) c * coset;
              long rev = logSize == 0 ? 0 : Long.reverse(first) >>> (64 - logSize);
              FriFormula.fold(values, evalPoint, omegaInverse.pow(rev)).writeTo(next, 4 * c);
            });
    return next;
  }
}
