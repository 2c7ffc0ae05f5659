package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;

/**
 * The two trace tables a proof commits to: the main trace, then — once its commitment has drawn the interaction
 * elements — the interaction trace. Columns are Montgomery limbs (4 per row) in trace-row order; the prover reads them
 * and does not modify them.
 */
public interface TraceSource {
  long[][] mainColumns();

  /** @param elements the interaction elements in the layout's order (memory z, α, range-check z, …) */
  long[][] interactionColumns(Felt[] elements);
}
