package io.cairn.prover.trace;

/**
 * Where a layout keeps the CPU component's virtual columns: each is (trace column, step, row offset), so that step i's
 * value sits at row {@code step·i + offset} (Stone's {@code GetTraceGenerationContext}). Every CPU virtual column has
 * step 16 in the layouts Cairn supports, so only column and offset are recorded.
 */
public record CpuColumns(
    int offsets, // column of off0/off1/off2 (range_check16_pool)
    int off0, int off1, int off2,
    int opcode, // cpu/decode/opcode_range_check/column (step 1)
    int memPool, // column of the memory pool
    int pc, int instruction, int dstAddr, int dstValue, int op0Addr, int op0Value, int op1Addr, int op1Value,
    int registers, // column of ap, fp, ops_mul, res, tmp0, tmp1
    int ap, int fp, int opsMul, int res, int tmp0, int tmp1) {

  /** Rows per CPU step. */
  public static final int STEP = 16;

  /** Layout {@code small} (Stone cpu_air_definition0). */
  public static final CpuColumns SMALL =
      new CpuColumns(0, 0, 8, 4, 1, 19, 0, 1, 8, 9, 4, 5, 12, 13, 21, 0, 8, 4, 12, 2, 10);

  /** Layout {@code recursive} (Stone cpu_air_definition4). */
  public static final CpuColumns RECURSIVE =
      new CpuColumns(5, 0, 8, 4, 0, 3, 0, 1, 8, 9, 4, 5, 12, 13, 6, 1, 9, 5, 13, 3, 11);

  public static CpuColumns of(String layout) {
    return TraceLayout.of(layout).cpu();
  }
}
