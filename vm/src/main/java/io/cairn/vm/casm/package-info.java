/**
 * CASM programs: contract classes (via {@code io.cairn.starknet.classes.CasmClass}), the compiler's {@code
 * Executable} JSON and the {@code *.casm.json} form with {@code entry_points_by_function}, loaded into one {@link
 * io.cairn.vm.casm.CasmProgram} with hints decoded by pc and the bytecode laid out once; {@link
 * io.cairn.vm.casm.CasmRunner} runs one entry of it on the shared Cairo VM with blockifier's end-of-run checks and
 * builtin usage, and loads further code into segments at run time with its hints keyed by (segment, offset).
 */
package io.cairn.vm.casm;
