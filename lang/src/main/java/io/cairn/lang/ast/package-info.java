/** The Cairo 0 syntax tree with source locations. */
package io.cairn.lang.ast;
