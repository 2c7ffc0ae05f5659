/**
 * The hints of Cairn's own Cairo 0 standard library ({@code cairn.common.*}, shipped with the compiler): each
 * hint's exact text and its Java implementation, kept apart from the hints of cairo-lang's library. The texts are
 * also plain Python over cairo-lang's hint globals ({@code ids}, {@code memory}, {@code segments}, {@code PRIME},
 * {@code range_check_builtin}…), so the same programs run under cairo-run.
 */
package io.cairn.vm.hints.cairn;
