/** Lexer and parser for the Cairo 0 grammar (cairo-lang v0.14.0.1 {@code cairo.ebnf}). */
package io.cairn.lang.parser;
