package io.cairn.prover.trace;

/**
 * A virtual column of a layout (Stone's {@code VirtualColumn}): element i lives in trace column {@code column} at row
 * {@code step·i + offset}.
 */
public record VirtualColumn(int column, int step, int offset) {
  public int row(long i) {
    long r = step * i + offset;
    if (r > Integer.MAX_VALUE) throw new IllegalArgumentException("row " + r + " of a virtual column is out of range");
    return (int) r;
  }

  /** Memory-pool unit of element i (a memory virtual column's address row is even; its value is the next row). */
  int unit(long i) {
    int r = row(i);
    if ((r & 1) != 0) throw new IllegalStateException("memory virtual column at odd row " + r);
    return r / 2;
  }
}
