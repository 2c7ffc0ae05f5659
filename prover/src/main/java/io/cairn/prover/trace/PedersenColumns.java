package io.cairn.prover.trace;

/**
 * Where a layout keeps the Pedersen builtin: per repetition (column set) the EC subset sum's partial sum x/y, slope
 * and selector (element 256·(2·component + input) + j) and the bit-unpacking products prod_ones196/192 (element
 * 2·component + input); and the memory cells input0, input1, output (element = instance).
 */
public record PedersenColumns(
    VirtualColumn[] x,
    VirtualColumn[] y,
    VirtualColumn[] slope,
    VirtualColumn[] selector,
    VirtualColumn[] prodOnes196,
    VirtualColumn[] prodOnes192,
    VirtualColumn input0,
    VirtualColumn input1,
    VirtualColumn output) {

  public int repetitions() {
    return x.length;
  }

  private static VirtualColumn v(int column, int step, int offset) {
    return new VirtualColumn(column, step, offset);
  }

  /** Layout {@code small} (Stone cpu_air_definition0): four column sets. */
  public static final PedersenColumns SMALL =
      new PedersenColumns(
          new VirtualColumn[] {v(3, 1, 0), v(6, 1, 0), v(9, 1, 0), v(12, 1, 0)},
          new VirtualColumn[] {v(4, 1, 0), v(7, 1, 0), v(10, 1, 0), v(13, 1, 0)},
          new VirtualColumn[] {v(15, 1, 0), v(16, 1, 0), v(17, 1, 0), v(18, 1, 0)},
          new VirtualColumn[] {v(5, 1, 0), v(8, 1, 0), v(11, 1, 0), v(14, 1, 0)},
          new VirtualColumn[] {v(15, 256, 255), v(17, 256, 255), v(22, 256, 16), v(22, 256, 80)},
          new VirtualColumn[] {v(16, 256, 255), v(18, 256, 255), v(22, 256, 144), v(22, 256, 208)},
          v(19, 128, 6),
          v(19, 128, 70),
          v(19, 128, 38));

  /** Layout {@code recursive} (Stone cpu_air_definition4): one column set, rows interleaved with step 4. */
  public static final PedersenColumns RECURSIVE =
      new PedersenColumns(
          new VirtualColumn[] {v(5, 4, 1)},
          new VirtualColumn[] {v(5, 4, 3)},
          new VirtualColumn[] {v(6, 4, 2)},
          new VirtualColumn[] {v(6, 4, 0)},
          new VirtualColumn[] {v(6, 1024, 1022)},
          new VirtualColumn[] {v(6, 1024, 7)},
          v(3, 2048, 10),
          v(3, 2048, 1034),
          v(3, 2048, 522));
}
