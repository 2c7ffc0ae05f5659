/**
 * The Cairo 0 compiler proper: module collection, identifiers, the preprocessor (references, ap
 * tracking, compound expressions, calls and returns) and the program JSON.
 */
package io.cairn.lang.compiler;
