package io.cairn.prover.trace;

/**
 * Where a layout keeps the ECDSA builtin's virtual columns (Stone's {@code ecdsa/…} entries of
 * {@code GetTraceGenerationContext}): the memory cells, the key doublings, the two EC subset sums (generator: z·G − C;
 * key: r·Q + C and w·B + C, two instances per signature) and the per-signature inverses and slopes.
 */
public record EcdsaColumns(
    VirtualColumn pubkeyAddr,
    VirtualColumn messageAddr,
    VirtualColumn keyPointsX,
    VirtualColumn keyPointsY,
    VirtualColumn doublingSlope,
    VirtualColumn genPartialX,
    VirtualColumn genPartialY,
    VirtualColumn genSlope,
    VirtualColumn genSelector,
    VirtualColumn genXDiffInv,
    VirtualColumn keyPartialX,
    VirtualColumn keyPartialY,
    VirtualColumn keySlope,
    VirtualColumn keySelector,
    VirtualColumn keyXDiffInv,
    VirtualColumn addResultsSlope,
    VirtualColumn addResultsInv,
    VirtualColumn extractRSlope,
    VirtualColumn extractRInv,
    VirtualColumn zInv,
    VirtualColumn rwInv,
    VirtualColumn qXSquared) {

  /** Rows of one EC subset sum (kEcdsaElementHeight) and bits of a message hash (kEcdsaElementBits). */
  public static final int HEIGHT = 256, HASH_BITS = 251;

  /** Layout {@code small} (Stone cpu_air_definition0). */
  public static final EcdsaColumns SMALL =
      new EcdsaColumns(
          new VirtualColumn(19, 8192, 22),
          new VirtualColumn(19, 8192, 4118),
          new VirtualColumn(21, 16, 6),
          new VirtualColumn(21, 16, 14),
          new VirtualColumn(21, 16, 13),
          new VirtualColumn(21, 32, 7),
          new VirtualColumn(21, 32, 23),
          new VirtualColumn(21, 32, 31),
          new VirtualColumn(21, 32, 15),
          new VirtualColumn(22, 32, 0),
          new VirtualColumn(21, 16, 1),
          new VirtualColumn(21, 16, 9),
          new VirtualColumn(21, 16, 3),
          new VirtualColumn(21, 16, 5),
          new VirtualColumn(21, 16, 11),
          new VirtualColumn(21, 8192, 8191),
          new VirtualColumn(22, 8192, 8160),
          new VirtualColumn(21, 8192, 4083),
          new VirtualColumn(21, 8192, 8179),
          new VirtualColumn(21, 8192, 4091),
          new VirtualColumn(21, 4096, 4093),
          new VirtualColumn(21, 8192, 8187));
}
