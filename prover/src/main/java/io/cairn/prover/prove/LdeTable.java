package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.stone.MerkleHashing;
import java.util.stream.IntStream;

/**
 * A committed table of trace-domain polynomials (trace columns or the broken composition columns): only their
 * coefficients stay in memory; the extension onto the evaluation domain is computed coset by coset, to hash the
 * Merkle leaves and again later for the DEEP layer and the queried rows. The first {@code keepCosets} cosets are
 * kept in natural order for the composition polynomial.
 */
final class LdeTable {
  final long[][] coefficients;
  final Lde lde;
  final int logTrace, logCosets;
  final TableCommitment commitment;
  final long[][][] natural; // [coset][column] natural-order evaluations of the kept cosets

  /**
   * @param columns per column, 4·T longs: trace values in row order, or coefficients when {@code areCoefficients}
   *     (not modified)
   */
  LdeTable(long[][] columns, boolean areCoefficients, Lde lde, int logTrace, int logCosets, MerkleHashing hashing, int keepCosets) {
    this.lde = lde;
    this.logTrace = logTrace;
    this.logCosets = logCosets;
    int n = columns.length, t = 1 << logTrace;
    coefficients = new long[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            c -> {
              if (columns[c].length != 4 * t) throw new IllegalArgumentException("column " + c + " has " + columns[c].length / 4 + " rows, expected " + t);
              coefficients[c] = columns[c].clone();
              if (!areCoefficients) lde.interpolate(coefficients[c]);
            });
    int height = logTrace + logCosets;
    byte[] leaves = new byte[32 << height];
    natural = new long[keepCosets][][];
    long[][] buffer = new long[n][4 * t];
    for (int coset = 0; coset < 1 << logCosets; coset++) {
      evaluateCoset(coset, buffer);
      final int base = coset * t;
      IntStream.range(0, t)
          .parallel()
          .forEach(
              r -> {
                Felt[] row = new Felt[n];
                for (int c = 0; c < n; c++) row[c] = Felt.fromMontgomeryLimbs(buffer[c], 4 * r);
                System.arraycopy(hashing.leaf(row, height), 0, leaves, 32 * (base + r), 32);
              });
      if (coset < keepCosets) {
        natural[coset] = new long[n][];
        for (int c = 0; c < n; c++) {
          natural[coset][c] = buffer[c].clone();
          Ntt.bitReverse(natural[coset][c], 0, logTrace);
        }
      }
    }
    commitment = TableCommitment.ofLeaves(hashing, leaves, height);
  }

  int columns() {
    return coefficients.length;
  }

  /** Every column on coset {@code coset} of the evaluation domain, bit-reversed (query order), into {@code out}. */
  void evaluateCoset(int coset, long[][] out) {
    IntStream.range(0, coefficients.length).parallel().forEach(c -> lde.evaluateCoset(coefficients[c], coset, out[c], 0));
  }

  /** Column c's polynomial at x (Horner). */
  Felt at(int column, Felt x) {
    long[] co = coefficients[column];
    long[] xs = new long[4], acc = new long[4];
    x.writeTo(xs, 0);
    for (int i = co.length / 4 - 1; i >= 0; i--) {
      Fp.mul(acc, 0, xs, 0, acc, 0);
      Fp.add(acc, 0, co, 4 * i, acc, 0);
    }
    return Felt.fromMontgomeryLimbs(acc, 0);
  }

  /**
   * The rows at sorted distinct evaluation-domain positions, row-major (4·columns longs per row), recomputing each
   * coset that holds one.
   */
  long[][] rows(long[] queries) {
    int t = 1 << logTrace, n = coefficients.length;
    long[][] out = new long[queries.length][4 * n];
    long[][] buffer = new long[n][4 * t];
    int q = 0;
    while (q < queries.length) {
      int coset = (int) (queries[q] >>> logTrace);
      evaluateCoset(coset, buffer);
      for (; q < queries.length && queries[q] >>> logTrace == coset; q++) {
        int r = (int) (queries[q] & (t - 1));
        for (int c = 0; c < n; c++) System.arraycopy(buffer[c], 4 * r, out[q], 4 * c, 4);
      }
    }
    return out;
  }
}
