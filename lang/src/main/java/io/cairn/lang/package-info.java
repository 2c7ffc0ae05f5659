/** The Cairo 0 compiler: source to the program JSON that cairo-compile emits. */
package io.cairn.lang;
