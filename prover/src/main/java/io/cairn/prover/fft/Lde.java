package io.cairn.prover.fft;

import io.cairn.crypto.field.Felt;
import java.util.stream.IntStream;

/**
 * Low-degree extension of trace columns onto Stone's evaluation domain: 2^logCosets cosets of the trace subgroup,
 * coset i with offset 3·c^bitrev(i) (c of order T·2^logCosets), each in bit-reversed order. Position q = i·T + j of
 * the result is therefore f(3·ω^bitrev(q)) for ω of order T·2^logCosets — the point the verifier attaches to query q.
 */
public final class Lde {
  private final int logTrace;
  private final int logCosets;
  private final Ntt ntt;
  private final Felt[] offsets;
  private int cachedCoset = -1; // the last coset's offset powers, shared by the columns evaluated on it
  private long[] cachedPowers;

  public Lde(int logTrace, int logCosets) {
    this.logTrace = logTrace;
    this.logCosets = logCosets;
    this.ntt = new Ntt(logTrace);
    Felt c = Ntt.rootOfUnity(logTrace + logCosets);
    offsets = new Felt[1 << logCosets];
    for (int i = 0; i < offsets.length; i++) {
      int rev = logCosets == 0 ? 0 : Integer.reverse(i) >>> (32 - logCosets);
      offsets[i] = Felt.of(3).mul(c.pow(rev));
    }
  }

  public int traceLength() {
    return 1 << logTrace;
  }

  /** Coset {@code coset}'s offset, 3·c^bitrev(coset): its rows are the points offset·g^bitrev(row). */
  public Felt cosetOffset(int coset) {
    return offsets[coset];
  }

  /** In place: a column's values in trace-row order become its coefficients. */
  public void interpolate(long[] column) {
    ntt.interpolate(column, 0);
  }

  /** Evaluations of the polynomial with these coefficients on coset {@code coset}, bit-reversed, into {@code out}. */
  public void evaluateCoset(long[] coefficients, int coset, long[] out, int outOffset) {
    ntt.evaluateOnCoset(coefficients, 0, out, outOffset, offsetPowers(coset));
  }

  /** The powers c^i (i < T) of coset {@code coset}'s offset; callers go coset by coset, so one is kept. */
  private synchronized long[] offsetPowers(int coset) {
    if (coset != cachedCoset) {
      cachedPowers = Ntt.powers(Felt.ONE, offsets[coset], 1 << logTrace);
      cachedCoset = coset;
    }
    return cachedPowers;
  }

  /** The whole extension of one column (values in row order), T·2^logCosets elements in query order. */
  public long[] extend(long[] columnValues) {
    long[] coefficients = columnValues.clone();
    interpolate(coefficients);
    long[] out = new long[4 << (logTrace + logCosets)];
    for (int i = 0; i < offsets.length; i++) evaluateCoset(coefficients, i, out, (4 << logTrace) * i);
    return out;
  }

  /** Extends several columns, one per core at a time. */
  public long[][] extendAll(long[][] columns) {
    long[][] out = new long[columns.length][];
    IntStream.range(0, columns.length).parallel().forEach(k -> out[k] = extend(columns[k]));
    return out;
  }
}
