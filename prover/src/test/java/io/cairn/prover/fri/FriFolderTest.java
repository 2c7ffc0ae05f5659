package io.cairn.prover.fri;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import org.junit.jupiter.api.Test;

/**
 * Folding the extension of a degree < T polynomial by Σsteps halves its degree bound each time: after folding by
 * 2^Σsteps the last layer interpolates to a polynomial of degree < T / 2^Σsteps — the property FRI relies on, checked
 * with the same formula the verifier uses on Stone's proofs.
 */
class FriFolderTest {
  @Test
  void foldingKeepsTheDegreeBound() {
    int logT = 6, logCosets = 2, logN = logT + logCosets;
    Felt[] trace = new Felt[1 << logT];
    for (int i = 0; i < trace.length; i++) trace[i] = Felt.of(1000003L * i + 17).mul(Felt.of(i + 5));
    long[] column = new long[4 << logT];
    for (int i = 0; i < trace.length; i++) trace[i].writeTo(column, 4 * i);
    long[] layer = new Lde(logT, logCosets).extend(column); // values at 3·ω^bitrev(q): FRI sees g(y) = f(3y)
    int[] steps = {3, 2};
    int logSize = logN;
    Felt point = Felt.fromHex("0x3fa22931f1e5f47eb6273e90ee38c37a21730bb432f6ef09c7c8f8c4e7b7fff");
    for (int s : steps) {
      layer = FriFolder.fold(layer, logSize, s, point);
      logSize -= s;
      point = point.add(Felt.ONE);
    }
    // the last layer, reordered to natural order, interpolates to degree < 2^(logT − Σsteps)
    Ntt.bitReverse(layer, 0, logSize);
    new Ntt(logSize).interpolate(layer, 0);
    int bound = 1 << (logT - 5);
    boolean nonZeroBelow = false;
    for (int i = 0; i < 1 << logSize; i++) {
      boolean zero = Felt.fromMontgomeryLimbs(layer, 4 * i).isZero();
      if (i >= bound) assertTrue(zero, "coefficient " + i + " should vanish");
      else nonZeroBelow |= !zero;
    }
    assertTrue(nonZeroBelow, "the folded polynomial should not be zero");
  }

  /** The level-by-level limb kernel gives the recursive definition's value for every coset size. */
  @Test
  void foldEqualsTheRecursiveDefinition() {
    java.util.Random rnd = new java.util.Random(9);
    for (int k = 0; k <= 5; k++) {
      Felt[] v = new Felt[1 << k];
      for (int i = 0; i < v.length; i++) v[i] = Felt.of(rnd.nextLong() & Long.MAX_VALUE).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE));
      Felt point = Felt.of(rnd.nextLong() & Long.MAX_VALUE), xInv = Felt.of(rnd.nextLong() & Long.MAX_VALUE);
      assertEquals(recursive(v, 0, v.length, point, xInv), io.cairn.prover.stone.FriFormula.fold(v, point, xInv), "coset of 2^" + k);
    }
  }

  static Felt recursive(Felt[] v, int from, int n, Felt point, Felt xInv) {
    if (n == 1) return v[from];
    Felt g0 = recursive(v, from, n / 2, point, xInv);
    Felt g1 = recursive(v, from + n / 2, n / 2, point, xInv.mul(io.cairn.prover.stone.FriFormula.rootOfUnity(n).inverse()));
    Felt lambda = point.pow(n / 2), xi = xInv.pow(n / 2);
    return g0.add(g1).add(lambda.mul(xi).mul(g0.sub(g1)));
  }
}
