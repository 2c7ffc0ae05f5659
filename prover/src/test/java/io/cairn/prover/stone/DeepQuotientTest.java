package io.cairn.prover.stone;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With honest OODS values (the columns' true values at z·g^row and z²), the DEEP quotient over the whole evaluation
 * domain is a polynomial of degree < T — what FRI then proves; one wrong OODS value breaks that.
 */
class DeepQuotientTest {
  @Test
  void honestOodsValuesGiveALowDegreeQuotient() {
    AirDescription air = AirDescription.load("recursive");
    int logT = 4, logCosets = 2, logN = logT + logCosets, t = 1 << logT, n = 1 << logN;
    int nColumns = air.mainColumns + air.interactionColumns;
    Random rnd = new Random(5);
    Lde lde = new Lde(logT, logCosets);
    Felt[][] coefficients = new Felt[nColumns + air.constraintDegree][t];
    long[][] extended = new long[coefficients.length][];
    for (int c = 0; c < coefficients.length; c++) {
      long[] col = new long[4 * t];
      for (int i = 0; i < t; i++) Felt.of(rnd.nextLong() & Long.MAX_VALUE).writeTo(col, 4 * i);
      extended[c] = lde.extend(col);
      lde.interpolate(col);
      for (int i = 0; i < t; i++) coefficients[c][i] = Felt.fromMontgomeryLimbs(col, 4 * i);
    }
    Felt g = Ntt.rootOfUnity(logT);
    Felt z = Felt.fromHex("0x1c0d29e24bc79e4679b20a2185841d65fa77a288bdd472e1d4a3de9324338e7");
    Felt[] oods = new Felt[air.mask.size() + air.constraintDegree];
    for (int i = 0; i < air.mask.size(); i++) {
      var e = air.mask.get(i);
      oods[i] = horner(coefficients[e.column()], z.mul(g.pow(e.row())));
    }
    for (int k = 0; k < air.constraintDegree; k++) oods[air.mask.size() + k] = horner(coefficients[nColumns + k], z.pow(air.constraintDegree));

    long[] pointwise = quotient(air, z, g, oods, extended, nColumns, logN);

    // the prover's coefficient form, extended like a trace column, gives the verifier's values everywhere
    long[][] columnCoefficients = new long[coefficients.length][4 * t];
    for (int c = 0; c < coefficients.length; c++) for (int i = 0; i < t; i++) coefficients[c][i].writeTo(columnCoefficients[c], 4 * i);
    long[] q = new DeepQuotient(air, z, g, oods, Felt.of(987654321)).coefficients(columnCoefficients);
    long[] values = new long[4 * n];
    for (int j = 0; j < 1 << logCosets; j++) lde.evaluateCoset(q, j, values, 4 * t * j);
    assertArrayEquals(pointwise, values);

    assertTrue(degreeBelow(pointwise, logN, t));
    oods[7] = oods[7].add(Felt.ONE);
    assertFalse(degreeBelow(quotient(air, z, g, oods, extended, nColumns, logN), logN, t));
    DeepQuotient wrong = new DeepQuotient(air, z, g, oods, Felt.of(987654321));
    assertThrows(DeepQuotient.InconsistentOodsException.class, () -> wrong.coefficients(columnCoefficients));
  }

  static long[] quotient(AirDescription air, Felt z, Felt g, Felt[] oods, long[][] extended, int nColumns, int logN) {
    DeepQuotient deep = new DeepQuotient(air, z, g, oods, Felt.of(987654321));
    Felt omega = Ntt.rootOfUnity(logN);
    long[] out = new long[4 << logN];
    Felt[] trace = new Felt[nColumns];
    Felt[] broken = new Felt[air.constraintDegree];
    for (int q = 0; q < 1 << logN; q++) {
      for (int c = 0; c < nColumns; c++) trace[c] = Felt.fromMontgomeryLimbs(extended[c], 4 * q);
      for (int k = 0; k < broken.length; k++) broken[k] = Felt.fromMontgomeryLimbs(extended[nColumns + k], 4 * q);
      Felt x = Felt.of(3).mul(omega.pow(Integer.reverse(q) >>> (32 - logN)));
      deep.at(x, trace, broken).writeTo(out, 4 * q);
    }
    return out;
  }

  /** Values at 3·ω^bitrev(q) come from a polynomial of degree < bound. */
  static boolean degreeBelow(long[] values, int logN, int bound) {
    Ntt.bitReverse(values, 0, logN);
    new Ntt(logN).interpolate(values, 0);
    for (int i = bound; i < 1 << logN; i++) if (!Felt.fromMontgomeryLimbs(values, 4 * i).isZero()) return false;
    return true;
  }

  static Felt horner(Felt[] c, Felt x) {
    Felt acc = Felt.ZERO;
    for (int i = c.length - 1; i >= 0; i--) acc = acc.mul(x).add(c[i]);
    return acc;
  }
}
