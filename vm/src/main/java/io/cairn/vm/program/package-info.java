/** Loader for {@code cairo-compile} output (FORMATS.md §1): bytecode, hints, identifiers, references, debug info. */
package io.cairn.vm.program;
