/**
 * The Cairo 0 compiler: source to the program JSON that cairo-compile emits. Entry point:
 * {@link io.cairn.lang.compiler.Compiler}; errors are {@link io.cairn.lang.CairoCompileException}.
 */
package io.cairn.lang;
