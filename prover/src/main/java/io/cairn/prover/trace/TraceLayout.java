package io.cairn.prover.trace;

/**
 * A layout's trace arrangement as data (Stone's {@code GetTraceGenerationContext} of its cpu_air_definition): the
 * number of main columns, the CPU's virtual columns, the memory and range-check sorted columns, the public-memory
 * step, and each builtin's virtual columns (null when the layout lacks the builtin). Adding a layout is adding one
 * of these.
 */
public record TraceLayout(
    String name,
    int columns,
    CpuColumns cpu,
    int memorySorted, // memory/sorted (step 2)
    int rangeCheckSorted, // range_check16/sorted (step 1)
    int publicMemoryStep, // orig/public_memory: units (step·j + 2)/2
    int pedersenRepetitions,
    VirtualColumn pedersenInput0, // pedersen/input0/addr (input1, output follow from PedersenTrace's table)
    VirtualColumn pedersenInput1,
    VirtualColumn pedersenOutput,
    VirtualColumn rangeCheckInner, // range_check_builtin/inner_range_check
    VirtualColumn rangeCheckMem, // range_check_builtin/mem/addr
    int rangeCheckParts,
    EcdsaColumns ecdsa) {

  /** Layout {@code small} (Stone cpu_air_definition0). */
  public static final TraceLayout SMALL =
      new TraceLayout(
          "small",
          23,
          CpuColumns.SMALL,
          20,
          2,
          8,
          4,
          new VirtualColumn(19, 128, 6),
          new VirtualColumn(19, 128, 70),
          new VirtualColumn(19, 128, 38),
          new VirtualColumn(0, 16, 12),
          new VirtualColumn(19, 128, 102),
          8,
          EcdsaColumns.SMALL);

  public static TraceLayout of(String layout) {
    if (layout.equals("small")) return SMALL;
    throw new IllegalArgumentException("trace generation is not yet available for layout '" + layout + "' (supported: small)");
  }
}
