package io.cairn.cli;

import picocli.CommandLine.Command;

/** The root of the command tree. Each group lives in its own package under {@code io.cairn.cli}. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    version = "cairn 0.1.0-SNAPSHOT",
    description = "Cairn: a Starknet-compatible validity rollup in Java.",
    subcommands = {
      // one line per command group, in the order the README lists them
      io.cairn.cli.compile.CompileCommand.class,
    })
public final class CairnCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
