/**
 * Cairo 1 (CASM) hints: the compiler's {@code Hint} enum (core, deprecated, Starknet and external hints) decoded once
 * at load time into {@link io.cairn.vm.cairo1.Cairo1Hint} records, and {@link io.cairn.vm.cairo1.Cairo1HintProcessor},
 * which runs them on the shared {@link io.cairn.vm.core.CairoVm} (semantics of cairo-lang-runner's {@code casm_run});
 * run arguments ({@link io.cairn.vm.cairo1.RunArg}) and panic data as text ({@link io.cairn.vm.cairo1.PanicText}).
 */
package io.cairn.vm.cairo1;
