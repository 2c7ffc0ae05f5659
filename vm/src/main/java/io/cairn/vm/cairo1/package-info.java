/**
 * Cairo 1 (CASM) hints: the compiler's {@code Hint} enum decoded once at load time into {@link
 * io.cairn.vm.cairo1.Cairo1Hint} records, and {@link io.cairn.vm.cairo1.Cairo1HintProcessor}, which runs them on the
 * shared {@link io.cairn.vm.core.CairoVm} (semantics of cairo-lang-runner's {@code casm_run}).
 */
package io.cairn.vm.cairo1;
