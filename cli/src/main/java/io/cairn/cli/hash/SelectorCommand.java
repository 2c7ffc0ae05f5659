package io.cairn.cli.hash;

import io.cairn.starknet.hash.Selectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn selector NAME}: the entry-point selector of a function name. */
@Command(
    name = "selector",
    mixinStandardHelpOptions = true,
    description = "Entry-point selector of a function name: starknet_keccak(name); __default__ and __l1_default__ give 0x0.")
public final class SelectorCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Function name, e.g. transfer.")
  String name;

  @Override
  public void run() {
    if (name.isEmpty()) throw new IllegalArgumentException("NAME: empty function name");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c > '~') throw new IllegalArgumentException("NAME: not a function name (character " + (int) c + " at " + i + "): " + name);
    }
    spec.commandLine().getOut().println(Selectors.fromName(name).toHex());
  }
}
