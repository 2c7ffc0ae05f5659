/**
 * Cairo 0 hints as Java: each exact hint text maps to a {@code Hint} registered by a per-topic registrar; the
 * {@code HintContext} gives ids (with ap tracking), memory, registers, segments, scopes and builtin runners.
 */
package io.cairn.vm.hints;
