/**
 * The Cairo CPU (CAIRO.md §3–4, paper §4.4–4.5): instruction fields, the decode cache and the allocation-free step,
 * with errors located by pc, source position and traceback.
 */
package io.cairn.vm.core;
