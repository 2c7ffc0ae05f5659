package io.cairn.prover.fft;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NttTest {
  static Felt[] randomFelts(int n, long seed) {
    Random rnd = new Random(seed);
    Felt[] r = new Felt[n];
    for (int i = 0; i < n; i++) r[i] = Felt.of(rnd.nextLong() & Long.MAX_VALUE).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE));
    return r;
  }

  static long[] limbs(Felt[] v) {
    long[] a = new long[4 * v.length];
    for (int i = 0; i < v.length; i++) v[i].writeTo(a, 4 * i);
    return a;
  }

  static Felt at(long[] a, int i) {
    return Felt.fromMontgomeryLimbs(a, 4 * i);
  }

  static Felt horner(Felt[] coeffs, Felt x) {
    Felt acc = Felt.ZERO;
    for (int i = coeffs.length - 1; i >= 0; i--) acc = acc.mul(x).add(coeffs[i]);
    return acc;
  }

  /** Coset evaluation agrees with Horner's rule at offset·ω^i, stored at position bitrev(i). */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8})
  void cosetEvaluationMatchesDirectEvaluationInBitReversedOrder(int logN) {
    int n = 1 << logN;
    Felt[] coeffs = randomFelts(n, logN);
    long[] a = limbs(coeffs);
    Felt offset = Felt.of(3).mul(Ntt.rootOfUnity(logN + 2)); // 3·c, a coset of the 4n LDE domain
    new Ntt(logN).evaluateOnCoset(a, 0, offset);
    Felt omega = Ntt.rootOfUnity(logN);
    for (int i = 0; i < n; i++) {
      int pos = logN == 0 ? 0 : Integer.reverse(i) >>> (32 - logN);
      assertEquals(horner(coeffs, offset.mul(omega.pow(i))), at(a, pos), "point " + i);
    }
  }

  /** Interpolating natural-order values and evaluating back on the subgroup returns them (bit-reversed). */
  @ParameterizedTest
  @ValueSource(ints = {1, 4, 10})
  void interpolateThenForwardIsIdentity(int logN) {
    int n = 1 << logN;
    Felt[] values = randomFelts(n, 100 + logN);
    long[] a = limbs(values);
    Ntt ntt = new Ntt(logN);
    ntt.interpolate(a, 0);
    Felt omega = Ntt.rootOfUnity(logN);
    Felt[] coeffs = new Felt[n];
    for (int i = 0; i < n; i++) coeffs[i] = at(a, i);
    assertEquals(values[n - 1], horner(coeffs, omega.pow(n - 1)));
    ntt.forward(a, 0);
    Ntt.bitReverse(a, 0, logN);
    for (int i = 0; i < n; i++) assertEquals(values[i], at(a, i), "value " + i);
  }

  /**
   * Transforms large enough to take the blocked and parallel paths: coset evaluation agrees with Horner's rule at
   * sampled points, and interpolation inverts the forward transform.
   */
  @ParameterizedTest
  @ValueSource(ints = {14, 15, 16, 17})
  void largeTransformsAgreeWithHornerAndRoundTrip(int logN) {
    int n = 1 << logN;
    Felt[] coeffs = randomFelts(n, 1000 + logN);
    Ntt ntt = new Ntt(logN);
    long[] a = limbs(coeffs), source = limbs(coeffs), out = new long[4 * n + 8];
    Felt offset = Felt.of(3).mul(Ntt.rootOfUnity(logN + 2));
    ntt.evaluateOnCoset(a, 0, offset);
    ntt.evaluateOnCoset(source, 0, out, 8, Ntt.powers(Felt.ONE, offset, n)); // out of place, at an offset
    assertArrayEquals(limbs(coeffs), source, "source untouched");
    assertArrayEquals(a, java.util.Arrays.copyOfRange(out, 8, out.length));
    Felt omega = Ntt.rootOfUnity(logN);
    java.util.Random rnd = new java.util.Random(logN);
    for (int s = 0; s < 8; s++) {
      int i = s == 0 ? 0 : s == 1 ? n - 1 : rnd.nextInt(n);
      assertEquals(horner(coeffs, offset.mul(omega.pow(i))), at(a, Integer.reverse(i) >>> (32 - logN)), "point " + i);
    }
    long[] values = limbs(randomFelts(n, 2000 + logN)), b = values.clone();
    ntt.interpolate(b, 0);
    ntt.forward(b, 0);
    Ntt.bitReverse(b, 0, logN);
    assertArrayEquals(values, b);
  }
}
