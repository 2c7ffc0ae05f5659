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
 * coefficients stay in memory (the columns handed over, interpolated in place); the extension onto the evaluation
 * domain is computed coset by coset to hash the Merkle leaves; the OODS values and the queried rows (with their Merkle
 * subtrees, {@link #readSubtree}) are evaluated from the coefficients directly. The first {@code keepCosets} cosets
 * are kept in natural order for the composition polynomial.
 */
final class LdeTable {
  final long[][] coefficients;
  final Lde lde;
  final int logTrace, logCosets;
  final TableCommitment commitment;
  final long[][][] natural; // [coset][column] natural-order evaluations of the kept cosets (null once dropped)
  private final long[][][] stored; // [coset][column] the whole extension in query order, when it fits the budget; else null

  /**
   * @param columns per column, 4·T longs: trace values in row order, or coefficients when {@code areCoefficients};
   *     taken over — interpolated in place, they become the table's coefficients
   */
  LdeTable(long[][] columns, boolean areCoefficients, Lde lde, int logTrace, int logCosets, MerkleHashing hashing, int keepCosets) {
    this(columns, areCoefficients, lde, logTrace, logCosets, hashing, keepCosets, 0, 0);
  }

  /**
   * @param lowLayers Merkle layers (leaves first) to leave out of memory at least ({@link TableCommitment#lowLayers})
   * @param storeBudget bytes the whole extension may take: when it fits, it is kept (like Stone's store_full_lde), so
   *     that decommitted rows are read rather than evaluated again from the coefficients — a pass over every column
   *     per queried subtree
   */
  LdeTable(
      long[][] columns, boolean areCoefficients, Lde lde, int logTrace, int logCosets, MerkleHashing hashing, int keepCosets, int lowLayers, long storeBudget) {
    this.lde = lde;
    this.logTrace = logTrace;
    this.logCosets = logCosets;
    int n = columns.length, t = 1 << logTrace, height = logTrace + logCosets;
    coefficients = columns;
    IntStream.range(0, n)
        .parallel()
        .forEach(
            c -> {
              if (columns[c].length != 4 * t) throw new IllegalArgumentException("column " + c + " has " + columns[c].length / 4 + " rows, expected " + t);
              if (!areCoefficients) lde.interpolate(columns[c]);
            });
    // a left-out subtree lies within one coset, so that its rows are one small coset of the polynomial (readSubtree)
    TableCommitment.Builder tree = TableCommitment.builder(hashing, height, Math.min(logTrace, TableCommitment.lowLayers(height, lowLayers)));
    natural = new long[keepCosets][][];
    stored = extensionBytes(n, height) <= storeBudget ? new long[1 << logCosets][][] : null;
    // few columns: two cosets at a time, so that their NTTs are enough tasks to keep the cores busy; many columns:
    // one coset at a time, so that only one coset's buffer is held beside the kept ones
    int group = n >= 4 ? 1 : Math.min(1 << logCosets, 2);
    long[][][] buffer = new long[group][n][4 * t];
    for (int first = 0; first < 1 << logCosets; first += group) {
      final int firstCoset = first;
      IntStream.range(0, group * n)
          .parallel()
          .forEach(k -> lde.evaluateCoset(coefficients[k % n], firstCoset + k / n, buffer[k / n][k % n], 0));
      for (int g = 0; g < group; g++) {
        final long[][] values = buffer[g];
        final int coset = first + g;
        tree.hashColumns((long) coset * t, values, t);
        if (stored != null) stored[coset] = values;
        if (coset < keepCosets) { // the buffer (or a copy of the stored one) becomes the kept coset, in natural order
          long[][] kept = stored != null ? new long[n][] : values;
          IntStream.range(0, n)
              .parallel()
              .forEach(
                  c -> {
                    if (stored != null) kept[c] = values[c].clone();
                    Ntt.bitReverse(kept[c], 0, logTrace);
                  });
          natural[coset] = kept;
        }
        if ((stored != null || coset < keepCosets) && first + group < 1 << logCosets) buffer[g] = new long[n][4 * t];
      }
    }
    commitment = tree.build(n, this::readSubtree);
  }

  /** Lets go of the kept cosets (once the composition polynomial is evaluated); the array keeps its length. */
  void dropNatural() {
    java.util.Arrays.fill(natural, null);
  }

  /**
   * Rows [first, first + count) of the evaluation domain (count = 2^k dividing T, first a multiple of it), row-major:
   * in Lde's order they are the points x0·h^bitrev(j) for h of order 2^k, so each column folds into 2^k sums
   * c_m = x0^m Σ_i a_{m+i·2^k} (x0^(2^k))^i — one pass over its coefficients — evaluated at the 2^k points.
   */
  void readSubtree(long first, int count, long[] out) {
    if (stored == null) {
      readSubtree(coefficients, lde, first, count, out);
      return;
    }
    int n = coefficients.length, coset = (int) (first >>> logTrace), r = (int) (first & ((1 << logTrace) - 1));
    for (int j = 0; j < count; j++) for (int c = 0; c < n; c++) System.arraycopy(stored[coset][c], 4 * (r + j), out, 4 * (j * n + c), 4);
  }

  /** The bytes of a whole extension of {@code columns} columns over 2^height rows. */
  static long extensionBytes(int columns, int height) {
    return 32L * columns << height;
  }

  /** Whether the whole extension is kept. */
  boolean storesExtension() {
    return stored != null;
  }

  /** {@link #readSubtree(long, int, long[])} of polynomials given by their coefficients (4·T longs each). */
  static void readSubtree(long[][] coefficients, Lde lde, long first, int count, long[] out) {
    int t = lde.traceLength(), logTrace = Integer.numberOfTrailingZeros(t);
    int n = coefficients.length, k = Integer.numberOfTrailingZeros(count), rest = logTrace - k;
    int coset = (int) (first >>> logTrace), a = (int) (first & (t - 1)) >>> k;
    Felt g = Ntt.rootOfUnity(logTrace);
    Felt x0 = lde.cosetOffset(coset).mul(g.pow(rest == 0 ? 0 : Integer.reverse(a) >>> (32 - rest)));
    long[] y = new long[4], x0Powers = Ntt.powers(Felt.ONE, x0, Math.max(2, count + 1)), points = new long[4 * count];
    System.arraycopy(x0Powers, 4 * count, y, 0, 4);
    long[] hPowers = Ntt.powers(Felt.ONE, g.pow(1L << rest), count);
    for (int j = 0; j < count; j++) System.arraycopy(hPowers, 4 * (k == 0 ? 0 : Integer.reverse(j) >>> (32 - k)), points, 4 * j, 4);
    long[] sums = new long[4 * count], acc = new long[4];
    for (int c = 0; c < n; c++) {
      long[] co = coefficients[c];
      java.util.Arrays.fill(sums, 0);
      for (int i = t / count - 1; i >= 0; i--)
        for (int m = 0; m < count; m++) {
          Fp.mul(sums, 4 * m, y, 0, sums, 4 * m);
          Fp.add(sums, 4 * m, co, 4 * (i * count + m), sums, 4 * m);
        }
      for (int m = 0; m < count; m++) Fp.mul(sums, 4 * m, x0Powers, 4 * m, sums, 4 * m);
      for (int j = 0; j < count; j++) {
        java.util.Arrays.fill(acc, 0);
        for (int m = count - 1; m >= 0; m--) {
          Fp.mul(acc, 0, points, 4 * j, acc, 0);
          Fp.add(acc, 0, sums, 4 * m, acc, 0);
        }
        System.arraycopy(acc, 0, out, 4 * (j * n + c), 4);
      }
    }
  }

  int columns() {
    return coefficients.length;
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

  /** g^i for i < T/2 (g of order T = 2^logTrace), the table {@link #valuesOnCoset} needs. */
  static long[] subgroupPowers(int logTrace) {
    return Ntt.powers(Felt.ONE, Ntt.rootOfUnity(logTrace), Math.max(1, (1 << logTrace) / 2));
  }

  /**
   * Column c's polynomial at o·g^e for each exponent e in [0, T), given o's powers (o^0, o^1, … — all T of them when
   * more than two points). One or two points by Horner; more by a DIF pruned to their branches: the column scaled by
   * o^i (the points move onto the subgroup), then at each level only the halves holding a point are formed —
   * ≈ 1 + log2(k)/2 multiplications per coefficient for k points, not k.
   */
  long[] valuesOnCoset(int column, long[] offsetPowers, int[] exponents, long[] subgroupPowers) {
    int k = exponents.length, t = 1 << logTrace;
    if (k <= 2 || logTrace == 0) {
      long[] xs = new long[4 * k];
      for (int i = 0; i < k; i++) {
        int e = exponents[i];
        if (e < t / 2) System.arraycopy(subgroupPowers, 4 * e, xs, 4 * i, 4);
        else Fp.neg(subgroupPowers, 4 * (e - t / 2), xs, 4 * i); // g^(T/2) = −1
        Fp.mul(xs, 4 * i, offsetPowers, 4, xs, 4 * i);
      }
      return valuesAt(column, xs);
    }
    long[] a = new long[4 * t], co = coefficients[column];
    for (int i = 0; i < t; i++) Fp.mul(co, 4 * i, offsetPowers, 4 * i, a, 4 * i);
    int[] slots = new int[k];
    for (int i = 0; i < k; i++) slots[i] = i;
    long[] v = new long[4 * k];
    subgroupValues(a, 0, t, 1, exponents.clone(), slots, subgroupPowers, t, v);
    return v;
  }

  /**
   * The polynomial a[off..off + 4n) at w^e for each exponent (w = g^stride, of order n), into out at the slots: split
   * by w^(e·n/2) = ±1 into a_lo ± a_hi (the minus half twisted by w^i), only the halves with points, down to a
   * lone point (Horner) or a constant.
   */
  private static void subgroupValues(long[] a, int off, int n, int stride, int[] exponents, int[] slots, long[] twiddles, int t, long[] out) {
    int k = exponents.length;
    if (k == 0) return;
    if (n == 1) {
      for (int s : slots) System.arraycopy(a, off, out, 4 * s, 4);
      return;
    }
    if (k == 1) {
      long e = (long) exponents[0] * stride; // w^e = g^(e·stride), and g^(T/2) = −1
      long[] y = new long[4], acc = new long[4];
      if (e < t / 2) System.arraycopy(twiddles, (int) (4 * e), y, 0, 4);
      else Fp.neg(twiddles, (int) (4 * (e - t / 2)), y, 0);
      for (int i = n - 1; i >= 0; i--) {
        Fp.mul(acc, 0, y, 0, acc, 0);
        Fp.add(acc, 0, a, off + 4 * i, acc, 0);
      }
      System.arraycopy(acc, 0, out, 4 * slots[0], 4);
      return;
    }
    int half = n / 2, evens = 0;
    for (int e : exponents) if ((e & 1) == 0) evens++;
    int[] evenE = new int[evens], evenS = new int[evens], oddE = new int[k - evens], oddS = new int[k - evens];
    for (int i = 0, ie = 0, io = 0; i < k; i++) {
      if ((exponents[i] & 1) == 0) {
        evenE[ie] = exponents[i] >>> 1;
        evenS[ie++] = slots[i];
      } else {
        oddE[io] = exponents[i] >>> 1;
        oddS[io++] = slots[i];
      }
    }
    long[] d = new long[4];
    for (int i = 0; i < half; i++) {
      int lo = off + 4 * i, hi = lo + 4 * half;
      if (oddE.length > 0) {
        Fp.sub(a, lo, a, hi, d, 0);
        Fp.mul(d, 0, twiddles, 4 * i * stride, d, 0);
        if (evens > 0) Fp.add(a, lo, a, hi, a, lo);
        System.arraycopy(d, 0, a, hi, 4);
      } else Fp.add(a, lo, a, hi, a, lo);
    }
    subgroupValues(a, off, half, 2 * stride, evenE, evenS, twiddles, t, out);
    subgroupValues(a, off + 4 * half, half, 2 * stride, oddE, oddS, twiddles, t, out);
  }
}
