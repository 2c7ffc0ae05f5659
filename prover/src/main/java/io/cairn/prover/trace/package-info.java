/**
 * Trace generation as Stone does it: the main and interaction trace tables of a layout ({@code small},
 * {@code recursive}) from an {@link io.cairn.prover.trace.Execution} (a VM run or cairo-run's files), with every
 * component's cells where the layout's {@link io.cairn.prover.trace.TraceLayout} puts them.
 */
package io.cairn.prover.trace;
