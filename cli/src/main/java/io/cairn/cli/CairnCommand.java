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
      io.cairn.cli.hash.HashCommand.class,
      io.cairn.cli.hash.SelectorCommand.class,
      io.cairn.cli.hash.AddressCommands.ContractAddress.class,
      io.cairn.cli.hash.AddressCommands.StorageAddress.class,
      io.cairn.cli.tx.TxHashCommand.class,
      io.cairn.cli.signature.PublicKeyCommand.class,
      io.cairn.cli.signature.SignCommand.class,
      io.cairn.cli.signature.VerifySignatureCommand.class,
      io.cairn.cli.classes.ClassHashCommand.class,
      io.cairn.cli.classes.CompiledClassHashCommand.class,
      io.cairn.cli.state.StateRootCommand.class,
      io.cairn.cli.state.StateCommand.class,
      io.cairn.cli.l1.L1Command.class,
      io.cairn.cli.compile.CompileCommand.class,
      io.cairn.cli.run.RunCommand.class,
      io.cairn.cli.call.CallCommand.class,
      io.cairn.cli.prove.ProveCommand.class,
      io.cairn.cli.prove.VerifyCommand.class,
    })
public final class CairnCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
