package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneHashes;
import java.util.stream.IntStream;

/**
 * A committed table of trace-domain polynomials (trace columns or the broken composition columns): only their
 * coefficients stay in memory; the extension onto the evaluation domain is computed coset by coset to hash the
 * Merkle leaves; the OODS values and the queried rows are evaluated from the coefficients directly. The first {@code keepCosets} cosets are
 * kept in natural order for the composition polynomial.
 */
final class LdeTable {
  private static final int BLOCK = 1024;
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
    int n = columns.length, t = 1 << logTrace, height = logTrace + logCosets;
    byte[] nodes = TableCommitment.newNodes(height); // the tree's array: leaves written in place
    coefficients = new long[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            c -> {
              if (columns[c].length != 4 * t) throw new IllegalArgumentException("column " + c + " has " + columns[c].length / 4 + " rows, expected " + t);
              coefficients[c] = columns[c].clone();
              if (!areCoefficients) lde.interpolate(coefficients[c]);
            });
    natural = new long[keepCosets][][];
    // two cosets at a time: their columns' NTTs are twice as many tasks, which keeps both cores busy with 3 or 7 columns
    int group = Math.min(1 << logCosets, 2);
    long[][][] buffer = new long[group][n][4 * t];
    for (int first = 0; first < 1 << logCosets; first += group) {
      final int firstCoset = first;
      IntStream.range(0, group * n)
          .parallel()
          .forEach(k -> lde.evaluateCoset(coefficients[k % n], firstCoset + k / n, buffer[k / n][k % n], 0));
      for (int g = 0; g < group; g++) {
        final long[][] values = buffer[g];
        final int coset = first + g, base = (1 << height) + coset * t;
        IntStream.range(0, (t + BLOCK - 1) / BLOCK)
            .parallel()
            .forEach(
                b -> {
                  StoneHashes.Scratch s = new StoneHashes.Scratch();
                  long[] row = new long[4 * n];
                  for (int r = b * BLOCK, end = Math.min(t, r + BLOCK); r < end; r++) {
                    for (int c = 0; c < n; c++) System.arraycopy(values[c], 4 * r, row, 4 * c, 4);
                    hashing.leaf(row, 0, n, height, nodes, 32 * (base + r), s);
                  }
                });
        if (coset < keepCosets) { // the buffer becomes the kept coset, in natural order
          IntStream.range(0, n).parallel().forEach(c -> Ntt.bitReverse(values[c], 0, logTrace));
          natural[coset] = values;
          buffer[g] = new long[n][4 * t];
        }
      }
    }
    commitment = TableCommitment.ofLeafNodes(hashing, nodes, height);
  }

  int columns() {
    return coefficients.length;
  }

  /** Every column on coset {@code coset} of the evaluation domain, bit-reversed (query order), into {@code out}. */
  void evaluateCoset(int coset, long[][] out) {
    IntStream.range(0, coefficients.length).parallel().forEach(c -> lde.evaluateCoset(coefficients[c], coset, out[c], 0));
  }

  /** Column c's polynomial at x. */
  Felt at(int column, Felt x) {
    long[] xs = new long[4];
    x.writeTo(xs, 0);
    return Felt.fromMontgomeryLimbs(valuesAt(column, xs), 0);
  }

  /**
   * Column c's polynomial at each of the points {@code xs} (4 longs each): one Horner pass over the coefficients
   * advancing every point's accumulator, independent chains the CPU overlaps.
   */
  long[] valuesAt(int column, long[] xs) {
    long[] co = coefficients[column];
    int k = xs.length / 4;
    long[] acc = new long[4 * k];
    for (int i = co.length / 4 - 1; i >= 0; i--)
      for (int q = 0; q < k; q++) {
        Fp.mul(acc, 4 * q, xs, 4 * q, acc, 4 * q);
        Fp.add(acc, 4 * q, co, 4 * i, acc, 4 * q);
      }
    return acc;
  }

  /** The rows at evaluation-domain positions (Lde's order: position q is the point 3·ω^bitrev(q)), row-major (4·columns longs per row). */
  long[][] rows(long[] queries) {
    int n = coefficients.length, logEval = logTrace + logCosets;
    long[] xs = new long[4 * queries.length];
    Felt omega = Ntt.rootOfUnity(logEval), three = Felt.of(3);
    for (int q = 0; q < queries.length; q++) {
      long rev = logEval == 0 ? 0 : Long.reverse(queries[q]) >>> (64 - logEval);
      three.mul(omega.pow(rev)).writeTo(xs, 4 * q);
    }
    long[][] out = new long[queries.length][4 * n];
    int groups = (queries.length + 5) / 6; // tasks of one column and ≤ 6 points keep the cores evenly busy
    IntStream.range(0, n * groups)
        .parallel()
        .forEach(
            task -> {
              int c = task / groups, from = 6 * (task % groups), to = Math.min(queries.length, from + 6);
              long[] v = valuesAt(c, java.util.Arrays.copyOfRange(xs, 4 * from, 4 * to));
              for (int q = from; q < to; q++) System.arraycopy(v, 4 * (q - from), out[q], 4 * c, 4);
            });
    return out;
  }
}
