package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.air.AirDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Stone's DEEP composition (the boundary AIR of oods.cc), FRI's first layer: at x,
 * Σ_i β^i·(column_i(x) − v_i)/(x − z·g^row_i) over the mask, then Σ_k β^(m+k)·(broken_k(x) − v_{m+k})/(x − z^degree).
 * One instance per proof (z, the OODS values and β fixed); the verifier evaluates it at the queried points
 * ({@link #at}), the prover computes its coefficients ({@link #coefficients}) from the same points and weights.
 *
 * <p>Terms sharing a point share one denominator: per point p, (Σ_{i at p} β^i·column_i(x) − Σ_{i at p} β^i·v_i)/(x − p),
 * and the denominators of a block of rows are inverted together.
 */
public final class DeepQuotient {
  private final int entries; // mask entries, then broken columns
  private final int[] column; // per entry: index into the concatenated columns (trace columns, then broken columns)
  private final int[] pointOf; // per entry: index of its point
  private final long[] coefficients; // per entry: β^i (Montgomery limbs)
  private final long[] points; // per distinct point
  private final long[] constants; // per distinct point: Σ β^i·v_i
  private final int nPoints;

  public DeepQuotient(AirDescription air, Felt z, Felt traceGenerator, Felt[] oodsValues, Felt beta) {
    int m = air.mask.size(), n = m + air.constraintDegree;
    if (oodsValues.length != n) throw new IllegalArgumentException("expected " + n + " OODS values, got " + oodsValues.length);
    entries = n;
    column = new int[n];
    pointOf = new int[n];
    coefficients = new long[4 * n];
    int traceColumns = air.mainColumns + air.interactionColumns;
    Map<Long, Integer> byRow = new LinkedHashMap<>(); // mask row offset → point index; Long.MIN_VALUE for z^degree
    Map<Integer, Felt> pointValue = new LinkedHashMap<>();
    Felt gInverse = traceGenerator.inverse();
    Felt acc = Felt.ONE;
    for (int i = 0; i < n; i++) {
      long key;
      Felt p;
      if (i < m) {
        int row = air.mask.get(i).row();
        column[i] = air.mask.get(i).column();
        key = row;
        p = z.mul(row >= 0 ? traceGenerator.pow(row) : gInverse.pow(-row));
      } else {
        column[i] = traceColumns + (i - m);
        key = Long.MIN_VALUE;
        p = z.pow(air.constraintDegree);
      }
      Integer idx = byRow.get(key);
      if (idx == null) {
        idx = byRow.size();
        byRow.put(key, idx);
        pointValue.put(idx, p);
      }
      pointOf[i] = idx;
      acc.writeTo(coefficients, 4 * i);
      acc = acc.mul(beta);
    }
    nPoints = byRow.size();
    points = new long[4 * nPoints];
    constants = new long[4 * nPoints];
    for (var e : pointValue.entrySet()) e.getValue().writeTo(points, 4 * e.getKey());
    long[] t = new long[4];
    for (int i = 0; i < n; i++) {
      oodsValues[i].writeTo(t, 0);
      Fp.mul(t, 0, coefficients, 4 * i, t, 0);
      Fp.add(constants, 4 * pointOf[i], t, 0, constants, 4 * pointOf[i]);
    }
  }

  /**
   * The quotient at x from the trace columns there (main then interaction, in column order) and the broken
   * composition columns.
   */
  public Felt at(Felt x, Felt[] traceColumns, Felt[] brokenColumns) {
    long[][] cols = new long[traceColumns.length + brokenColumns.length][4];
    for (int c = 0; c < traceColumns.length; c++) traceColumns[c].writeTo(cols[c], 0);
    for (int k = 0; k < brokenColumns.length; k++) brokenColumns[k].writeTo(cols[traceColumns.length + k], 0);
    long[] xs = new long[4];
    x.writeTo(xs, 0);
    long[] out = new long[4];
    evaluate(cols, xs, 0, 1, out, 0);
    return Felt.fromMontgomeryLimbs(out, 0);
  }

  /** A column's value at its mask point disagrees with the OODS value the proof claims for it. */
  public static final class InconsistentOodsException extends IllegalStateException {
    InconsistentOodsException(String m) {
      super(m);
    }
  }

  /**
   * The quotient's coefficients (4·T longs) from the columns' coefficients ({@code columns[c]}: 4·T longs of
   * Montgomery limbs per column, trace columns then broken composition columns). Per point p, N_p = Σ_{i at p}
   * β^i·column_i is divided by (X − p); the remainder N_p(p) must be Σ_{i at p} β^i·v_i, so the quotient equals
   * (N_p − C_p)/(X − p) exactly and Σ_p of them is the function {@link #at} evaluates, as a polynomial of degree < T.
   * Points are spread over tasks, each with its own numerator and partial sum.
   *
   * @throws InconsistentOodsException when an OODS value is not its column's value at its point
   */
  public long[] coefficients(long[][] columns) {
    int t = columns[0].length / 4;
    for (long[] c : columns) if (c.length != 4 * t) throw new IllegalArgumentException("columns of unequal length");
    List<List<Integer>> entriesAt = new ArrayList<>();
    for (int p = 0; p < nPoints; p++) entriesAt.add(new ArrayList<>());
    for (int i = 0; i < entries; i++) entriesAt.get(pointOf[i]).add(i);
    // balance the tasks by work (one multiplication per entry and one for the division, per coefficient)
    int tasks = Math.max(1, Math.min(nPoints, 2 * Runtime.getRuntime().availableProcessors()));
    List<List<Integer>> pointsOfTask = new ArrayList<>();
    long[] load = new long[tasks];
    for (int k = 0; k < tasks; k++) pointsOfTask.add(new ArrayList<>());
    Integer[] order = new Integer[nPoints];
    for (int p = 0; p < nPoints; p++) order[p] = p;
    Arrays.sort(order, (a, b) -> entriesAt.get(b).size() - entriesAt.get(a).size());
    for (int p : order) {
      int k = 0;
      for (int j = 1; j < tasks; j++) if (load[j] < load[k]) k = j;
      pointsOfTask.get(k).add(p);
      load[k] += entriesAt.get(p).size() + 1;
    }
    long[][] partial = new long[tasks][];
    IntStream.range(0, tasks)
        .parallel()
        .forEach(
            k -> {
              // chunk by chunk from the top coefficient down, every point of the task per chunk: the columns' slices
              // of a chunk are read from memory once and stay in cache for all the points that use them
              List<Integer> mine = pointsOfTask.get(k);
              long[] sum = new long[4 * t], num = new long[4 * CHUNK], tmp = new long[4];
              long[] carry = new long[4 * mine.size()]; // per point: the divided numerator at the chunk above
              for (int end = t; end > 0; end -= CHUNK) {
                int from = Math.max(0, end - CHUNK), len = end - from;
                for (int q = 0; q < mine.size(); q++) {
                  int p = mine.get(q);
                  Arrays.fill(num, 0, 4 * len, 0L);
                  for (int i : entriesAt.get(p)) {
                    long[] col = columns[column[i]];
                    for (int j = 0; j < len; j++) {
                      Fp.mul(coefficients, 4 * i, col, 4 * (from + j), tmp, 0);
                      Fp.add(num, 4 * j, tmp, 0, num, 4 * j);
                    }
                  }
                  // synthetic division by (X − p), from the top: num[j] ← num[j] + p·num[j+1]; num[0] is the remainder
                  if (end < t) {
                    Fp.mul(points, 4 * p, carry, 4 * q, tmp, 0);
                    Fp.add(num, 4 * (len - 1), tmp, 0, num, 4 * (len - 1));
                  }
                  for (int j = len - 2; j >= 0; j--) {
                    Fp.mul(points, 4 * p, num, 4 * (j + 1), tmp, 0);
                    Fp.add(num, 4 * j, tmp, 0, num, 4 * j);
                  }
                  System.arraycopy(num, 0, carry, 4 * q, 4);
                  for (int j = from == 0 ? 1 : 0; j < len; j++) Fp.add(sum, 4 * (from + j - 1), num, 4 * j, sum, 4 * (from + j - 1));
                  if (from == 0 && !Fp.equal(num, 0, constants, 4 * p))
                    throw new InconsistentOodsException("DEEP quotient: the OODS values at point " + Felt.fromMontgomeryLimbs(points, 4 * p) + " are not the columns' values there");
                }
              }
              partial[k] = sum;
            });
    long[] out = partial[0];
    IntStream.range(0, (t + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            b -> {
              for (int k = 1; k < tasks; k++)
                for (int j = b * CHUNK, end = Math.min(t, j + CHUNK); j < end; j++) Fp.add(out, 4 * j, partial[k], 4 * j, out, 4 * j);
            });
    return out;
  }

  private static final int CHUNK = 512; // coefficients per chunk: the 12 columns' slices (192 KB) stay in L2

  /**
   * The quotient at rows [from, to) of a block: {@code columns[c]} holds column c's values (Montgomery limbs, 4 per
   * row; trace columns, then the broken composition columns), {@code xs} the points; results go to
   * {@code out[outOffset + 4·(row − from)]}. The denominators of the block are inverted together.
   */
  private void evaluate(long[][] columns, long[] xs, int from, int to, long[] out, int outOffset) {
    int rows = to - from;
    long[] inv = new long[4 * rows * nPoints];
    for (int r = 0; r < rows; r++)
      for (int p = 0; p < nPoints; p++) Fp.sub(xs, 4 * (from + r), points, 4 * p, inv, 4 * (r * nPoints + p));
    Fp.batchInverse(inv, 0, rows * nPoints, new long[inv.length]);
    long[] num = new long[4 * nPoints];
    long[] t = new long[4];
    for (int r = 0; r < rows; r++) {
      int row = from + r;
      for (int p = 0; p < nPoints; p++) Fp.neg(constants, 4 * p, num, 4 * p);
      for (int i = 0; i < entries; i++) {
        Fp.mul(coefficients, 4 * i, columns[column[i]], 4 * row, t, 0);
        Fp.add(num, 4 * pointOf[i], t, 0, num, 4 * pointOf[i]);
      }
      int o = outOffset + 4 * r;
      out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 0;
      for (int p = 0; p < nPoints; p++) {
        Fp.mul(num, 4 * p, inv, 4 * (r * nPoints + p), t, 0);
        Fp.add(out, o, t, 0, out, o);
      }
    }
  }
}
