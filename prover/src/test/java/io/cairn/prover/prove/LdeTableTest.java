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
    // several queries per coset (the pruned DIF) and lone ones (Horner)
    for (long[] queries : new long[][] {{0, 1, 5, 63, 64, 100, 130, 191, 192, 255}, {0, 2, 3, 17, 40, 41, 42, 62, 70, 200}, {3, 70, 200}}) {
      long[][] rows = table.rows(queries);
      long[][] coset = new long[n][4 * t];
      for (int q = 0; q < queries.length; q++) {
        table.evaluateCoset((int) (queries[q] >>> logT), coset);
        int r = (int) (queries[q] & (t - 1));
        for (int c = 0; c < n; c++)
          for (int l = 0; l < 4; l++) assertEquals(coset[c][4 * r + l], rows[q][4 * c + l], "query " + queries[q] + " column " + c);
      }
    }
  }

  /** A tree whose node array would pass 2^31 bytes is refused up front with a message, not an index overflow. */
  @Test
  void tooTallATreeIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> io.cairn.prover.commit.TableCommitment.newNodes(io.cairn.prover.commit.TableCommitment.MAX_HEIGHT + 1));
    assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    assertEquals(64 << 10, io.cairn.prover.commit.TableCommitment.newNodes(10).length);
  }
}
