/** {@code cairn run}: cairo-run's command line over the Cairn VM, with the same flags and output files. */
package io.cairn.cli.run;
