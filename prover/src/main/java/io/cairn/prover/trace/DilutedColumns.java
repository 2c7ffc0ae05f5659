package io.cairn.prover.trace;

/**
 * The diluted pool of a layout with a diluted check (bitwise): every cell of {@code pool} holds a value of
 * [0, 2^nBits) in diluted form (bit b at position b·spacing); {@code sorted} is diluted_check/permuted_values.
 */
public record DilutedColumns(VirtualColumn pool, VirtualColumn sorted, int spacing, int nBits) {
  /** Layout {@code recursive} (Stone cpu_air_definition4). */
  public static final DilutedColumns RECURSIVE = new DilutedColumns(new VirtualColumn(1, 1, 0), new VirtualColumn(2, 1, 0), 4, 16);

  public long dilute(long x) {
    long r = 0;
    for (int b = 0; b < nBits; b++) r |= (x >>> b & 1) << (b * spacing);
    return r;
  }

  public long undilute(long x) {
    long r = 0;
    for (int b = 0; b < nBits; b++) r |= (x >>> (b * spacing) & 1) << b;
    return r;
  }

  /** The mask of the diluted positions. */
  public long mask() {
    return dilute((1L << nBits) - 1);
  }
}
