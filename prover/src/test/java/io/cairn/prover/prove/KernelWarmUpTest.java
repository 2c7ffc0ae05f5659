package io.cairn.prover.prove;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.air.AirDescription;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The warm-up's inputs are what the evaluator needs (every external value, one period of each periodic column, one
 * coefficient per constraint), canonical and spread over the field rather than zero-heavy — the point of the
 * warm-up — and the same for the same seed, so the benchmark that shares them is repeatable.
 */
class KernelWarmUpTest {
  @ParameterizedTest
  @CsvSource({"recursive,12", "small,13", "starknet,15"}) // each layout's shortest trace with its periodic columns
  void inputsCoverTheLayoutAndLookRandom(String layout, int logT) {
    AirDescription air = AirDescription.load(layout);
    int t = 1 << logT;
    KernelWarmUp.CompositionInputs in = KernelWarmUp.CompositionInputs.random(air, logT, 3);
    assertEquals(air.mainColumns + air.interactionColumns, in.columns().length);
    for (long[] col : in.columns()) {
      assertEquals(4 * t, col.length);
      int zeros = 0, topBitsSet = 0;
      for (int i = 0; i < t; i++) {
        assertTrue(Felt.fromMontgomeryLimbs(col, 4 * i).toBigInteger().compareTo(Felt.MODULUS) < 0);
        if (Fp.isZero(col, 4 * i)) zeros++;
        if (col[4 * i + 3] >>> 58 != 0) topBitsSet++;
      }
      assertEquals(0, zeros, "no zero cells");
      assertTrue(topBitsSet > t / 4, "limbs spread over the field: " + topBitsSet + " of " + t + " top limbs ≥ 2^58");
    }
    for (AirDescription.PeriodicColumn p : air.periodicColumns) {
      int period = in.periods().get(p.exprName());
      assertEquals(4 * period, in.periodic().get(p.exprName()).length);
    }
    for (String name : air.externalNames()) assertTrue(in.external().containsKey(name) || in.periods().containsKey(name), name);
    assertEquals(4 * air.constraints.size(), in.coefficients().length);
    in.evaluator(air, logT).evaluate(in.offset(), in.columns(), in.periodic(), new long[4 * t], 1, 0);

    KernelWarmUp.CompositionInputs again = KernelWarmUp.CompositionInputs.random(air, logT, 3), other = KernelWarmUp.CompositionInputs.random(air, logT, 4);
    assertTrue(Arrays.deepEquals(in.columns(), again.columns()));
    assertFalse(Arrays.deepEquals(in.columns(), other.columns()));
  }

  @Test
  void runsStandalone() {
    assertDoesNotThrow(KernelWarmUp::run);
  }
}
