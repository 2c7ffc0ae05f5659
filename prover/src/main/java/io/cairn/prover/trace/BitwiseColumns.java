package io.cairn.prover.trace;

/**
 * Where a layout keeps the bitwise builtin: the memory cells x, y, x&y, x^y, x|y (element = instance), the diluted
 * var pool (element part + |partition|·(4·instance + k) for k = x, y, x&y, x^y) and the trim-unpacking cells of the
 * shifts whose diluted window passes the top bit (element = instance).
 */
public record BitwiseColumns(
    VirtualColumn x,
    VirtualColumn y,
    VirtualColumn xAndY,
    VirtualColumn xXorY,
    VirtualColumn xOrY,
    VirtualColumn dilutedVarPool,
    int[] trimShifts,
    VirtualColumn[] trimUnpacking,
    int totalBits) {

  /** Layout {@code recursive} (Stone cpu_air_definition4). */
  public static final BitwiseColumns RECURSIVE =
      new BitwiseColumns(
          new VirtualColumn(3, 128, 26),
          new VirtualColumn(3, 128, 58),
          new VirtualColumn(3, 128, 90),
          new VirtualColumn(3, 128, 122),
          new VirtualColumn(3, 128, 42),
          new VirtualColumn(1, 2, 0),
          new int[] {192, 193, 194, 195},
          new VirtualColumn[] {new VirtualColumn(1, 128, 1), new VirtualColumn(1, 128, 65), new VirtualColumn(1, 128, 33), new VirtualColumn(1, 128, 97)},
          251);
}
