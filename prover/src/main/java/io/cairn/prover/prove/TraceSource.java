package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;

/**
 * The two trace tables a proof commits to: the main trace, then — once its commitment has drawn the interaction
 * elements — the interaction trace. Columns are Montgomery limbs (4 per row) in trace-row order. The prover takes the
 * arrays over (it interpolates them in place) and calls each method once, main first: a source keeps only what the
 * interaction trace needs, and nothing after it.
 */
public interface TraceSource {
  long[][] mainColumns();

  /** @param elements the interaction elements in the layout's order (memory z, α, range-check z, …) */
  long[][] interactionColumns(Felt[] elements);
}
