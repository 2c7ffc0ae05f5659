package io.cairn.prover.prove;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's trace is canonical and spread over the field rather than zero-heavy — the point of the warm-up — and
 * the same for the same seed; and the warm-up proof runs to the end on it.
 */
class KernelWarmUpTest {
  @Test
  void randomColumnsAreCanonicalNonZeroAndSpread() {
    int rows = 1 << 12;
    long[][] columns = KernelWarmUp.randomColumns(10, rows, new SplittableRandom(3));
    assertEquals(10, columns.length);
    for (long[] col : columns) {
      assertEquals(4 * rows, col.length);
      int zeros = 0, topBitsSet = 0;
      for (int i = 0; i < rows; i++) {
        assertTrue(Felt.fromMontgomeryLimbs(col, 4 * i).toBigInteger().compareTo(Felt.MODULUS) < 0);
        if (Fp.isZero(col, 4 * i)) zeros++;
        if (col[4 * i + 3] >>> 58 != 0) topBitsSet++;
      }
      assertEquals(0, zeros, "no zero cells");
      assertTrue(topBitsSet > rows / 4, "limbs spread over the field: " + topBitsSet + " of " + rows + " top limbs ≥ 2^58");
    }
    assertTrue(Arrays.deepEquals(columns, KernelWarmUp.randomColumns(10, rows, new SplittableRandom(3))));
    assertFalse(Arrays.deepEquals(columns, KernelWarmUp.randomColumns(10, rows, new SplittableRandom(4))));
  }

  @Test
  void runsStandalone() {
    assertDoesNotThrow(KernelWarmUp::run);
  }
}
