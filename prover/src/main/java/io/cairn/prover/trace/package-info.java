/** Trace generation: the main trace table of a layout, filled from a finished VM run (relocated trace and memory). */
package io.cairn.prover.trace;
