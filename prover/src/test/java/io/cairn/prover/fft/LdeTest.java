package io.cairn.prover.fft;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import org.junit.jupiter.api.Test;

class LdeTest {
  /**
   * Position q of the extension is the trace polynomial at the point the verifier derives for query q,
   * 3·ω^bitrev(q) — the formula StoneVerifier checks against real proofs.
   */
  @Test
  void extensionAtQueryIndexIsThePolynomialAtTheVerifiersPoint() {
    int logT = 4, logCosets = 2, logEval = logT + logCosets;
    Felt[] values = NttTest.randomFelts(1 << logT, 7);
    Lde lde = new Lde(logT, logCosets);
    long[] ext = lde.extend(NttTest.limbs(values));
    long[] coeffs = NttTest.limbs(values);
    lde.interpolate(coeffs);
    Felt[] c = new Felt[1 << logT];
    for (int i = 0; i < c.length; i++) c[i] = NttTest.at(coeffs, i);
    // the polynomial goes through the trace: f(g^row) = values[row]
    Felt g = Ntt.rootOfUnity(logT);
    for (int row = 0; row < c.length; row++) assertEquals(values[row], NttTest.horner(c, g.pow(row)));
    Felt omega = Ntt.rootOfUnity(logEval);
    for (int q = 0; q < 1 << logEval; q++) {
      Felt x = Felt.of(3).mul(omega.pow(Integer.reverse(q) >>> (32 - logEval)));
      assertEquals(NttTest.horner(c, x), NttTest.at(ext, q), "query " + q);
    }
  }

  @Test
  void extendAllMatchesExtend() {
    Lde lde = new Lde(6, 1);
    long[][] cols = {NttTest.limbs(NttTest.randomFelts(64, 1)), NttTest.limbs(NttTest.randomFelts(64, 2))};
    long[][] all = lde.extendAll(cols);
    assertArrayEquals(lde.extend(cols[1]), all[1]);
  }
}
