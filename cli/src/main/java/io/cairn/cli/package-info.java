/**
 * The {@code cairn} command line: one picocli tree whose groups (hash, selector, class-hash, sign, run, compile,
 * prove, verify, state, l1, …) each live in a sub-package and call the modules' public APIs. Exit codes are defined
 * once, in {@link io.cairn.cli.ExitCodes}.
 */
package io.cairn.cli;
