package io.cairn.prover.prove;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.stone.MerkleHashing;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The queried rows, evaluated from the coefficients at 3·ω^bitrev(q), equal the coset NTTs the leaves were hashed from. */
class LdeTableTest {
  @Test
  void queriedRowsEqualTheCosetEvaluations() {
    int logT = 6, logCosets = 2, t = 1 << logT, n = 3;
    Random rnd = new Random(11);
    long[][] columns = new long[n][4 * t];
    for (long[] c : columns) for (int i = 0; i < t; i++) Felt.of(rnd.nextLong() & Long.MAX_VALUE).writeTo(c, 4 * i);
    Lde lde = new Lde(logT, logCosets);
    LdeTable table = new LdeTable(columns, false, lde, logT, logCosets, new MerkleHashing("keccak256", "keccak256", 0), 0);
    for (long[] queries : new long[][] {{0, 1, 5, 63, 64, 100, 130, 191, 192, 255}, {0, 2, 3, 17, 40, 41, 42, 62, 70, 200}, {3, 70, 200}}) {
      long[][] rows = table.commitment.decommit(queries).rows();
      long[][] coset = new long[n][4 * t];
      for (int q = 0; q < queries.length; q++) {
        evaluateCoset(table, (int) (queries[q] >>> logT), coset);
        int r = (int) (queries[q] & (t - 1));
        for (int c = 0; c < n; c++)
          for (int l = 0; l < 4; l++) assertEquals(coset[c][4 * r + l], rows[q][4 * c + l], "query " + queries[q] + " column " + c);
      }
    }
  }

  /**
   * A left-out Merkle subtree's rows (a small coset of each column's polynomial) equal the coset NTT's rows, whether
   * they are evaluated from the coefficients or read from a kept extension; both trees have the same root.
   */
  @Test
  void subtreeRowsEqualTheCosetEvaluations() {
    byte[] evaluatedRoot = subtreeRows(0, false), storedRoot = subtreeRows(Long.MAX_VALUE, true);
    assertArrayEquals(evaluatedRoot, storedRoot);
  }

  private static byte[] subtreeRows(long storeBudget, boolean expectStored) {
    int logT = 6, logCosets = 2, t = 1 << logT, n = 3;
    Random rnd = new Random(12);
    long[][] columns = new long[n][4 * t];
    for (long[] c : columns) for (int i = 0; i < t; i++) Felt.of(rnd.nextLong() & Long.MAX_VALUE).writeTo(c, 4 * i);
    LdeTable table =
        new LdeTable(columns, false, new Lde(logT, logCosets), logT, logCosets, new MerkleHashing("keccak256", "keccak256", 0), 1, 2, storeBudget);
    assertEquals(2, table.commitment.lowLayers());
    assertEquals(expectStored, table.storesExtension());
    long[][] coset = new long[n][4 * t];
    for (int k = 0; k <= logT; k++)
      for (long first : new long[] {0, 64, 128 + 16, 255 & -(1L << k)}) {
        int count = 1 << k;
        first &= -count;
        long[] out = new long[4 * n * count];
        table.readSubtree(first, count, out);
        evaluateCoset(table, (int) (first >>> logT), coset);
        for (int j = 0; j < count; j++)
          for (int c = 0; c < n; c++)
            for (int l = 0; l < 4; l++)
              assertEquals(coset[c][(int) (4 * ((first & (t - 1)) + j) + l)], out[4 * (j * n + c) + l], "k " + k + " row " + (first + j) + " column " + c);
      }
    return table.commitment.root();
  }

  /** Every column of the table on one coset, in query order: what its Merkle leaves were hashed from. */
  private static void evaluateCoset(LdeTable table, int coset, long[][] out) {
    for (int c = 0; c < table.columns(); c++) table.lde.evaluateCoset(table.coefficients[c], coset, out[c], 0);
  }
}
