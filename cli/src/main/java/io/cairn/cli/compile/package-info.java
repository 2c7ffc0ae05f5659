/** {@code cairn compile}: the Cairo 0 compiler's command line, compatible with cairo-compile. */
package io.cairn.cli.compile;
