package io.cairn.prover.trace;

/**
 * A layout's trace arrangement as data (Stone's {@code GetTraceGenerationContext} of its cpu_air_definition): the
 * number of main and interaction columns, the CPU's virtual columns, the pools (memory, 16-bit range check, diluted)
 * and their sorted and running-product columns, the public-memory step, and each builtin's virtual columns (null
 * when the layout lacks the builtin). Adding a layout is adding one of these.
 */
public record TraceLayout(
    String name,
    int columns,
    CpuColumns cpu,
    VirtualColumn memPool, // mem_pool/addr (value at the next row)
    int memorySorted, // memory/sorted (step 2)
    VirtualColumn rangeCheckPool, // range_check16_pool
    VirtualColumn rangeCheckSorted, // range_check16/sorted
    int publicMemoryStep, // orig/public_memory: units (step·j + 2)/2
    PedersenColumns pedersen,
    VirtualColumn rangeCheckInner, // range_check_builtin/inner_range_check
    VirtualColumn rangeCheckMem, // range_check_builtin/mem/addr
    int rangeCheckParts,
    EcdsaColumns ecdsa,
    DilutedColumns diluted,
    BitwiseColumns bitwise,
    int interactionColumns,
    VirtualColumn memoryCumProd, // interaction: memory/multi_column_perm/perm/cum_prod0
    VirtualColumn rangeCheckCumProd, // interaction: range_check16/perm/cum_prod0
    VirtualColumn dilutedCumProd, // interaction: diluted_check/permutation/cum_prod0
    VirtualColumn dilutedCumValue) { // interaction: diluted_check/cumulative_value

  private static VirtualColumn v(int column, int step, int offset) {
    return new VirtualColumn(column, step, offset);
  }

  /** Layout {@code small} (Stone cpu_air_definition0). */
  public static final TraceLayout SMALL =
      new TraceLayout(
          "small", 23, CpuColumns.SMALL, v(19, 2, 0), 20, v(0, 1, 0), v(2, 1, 0), 8,
          PedersenColumns.SMALL, v(0, 16, 12), v(19, 128, 102), 8, EcdsaColumns.SMALL, null, null,
          2, v(1, 2, 0), v(0, 1, 0), null, null);

  /** Layout {@code recursive} (Stone cpu_air_definition4). */
  public static final TraceLayout RECURSIVE =
      new TraceLayout(
          "recursive", 7, CpuColumns.RECURSIVE, v(3, 2, 0), 4, v(5, 4, 0), v(5, 4, 2), 16,
          PedersenColumns.RECURSIVE, v(5, 16, 12), v(3, 128, 74), 8, null, DilutedColumns.RECURSIVE, BitwiseColumns.RECURSIVE,
          3, v(2, 2, 0), v(2, 4, 1), v(1, 1, 0), v(0, 1, 0));

  public static TraceLayout of(String layout) {
    return switch (layout) {
      case "small" -> SMALL;
      case "recursive" -> RECURSIVE;
      default -> throw new IllegalArgumentException("trace generation is not yet available for layout '" + layout + "' (supported: small, recursive)");
    };
  }
}
