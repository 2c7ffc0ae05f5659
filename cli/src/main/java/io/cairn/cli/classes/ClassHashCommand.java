package io.cairn.cli.classes;

import io.cairn.starknet.classes.ContractClass;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.classes.LegacyClass;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn class-hash FILE}: the class hash of a Sierra or Cairo 0 class, whichever the file holds. */
@Command(
    name = "class-hash",
    mixinStandardHelpOptions = true,
    description = {
      "Print the class hash of a contract class.",
      "FILE is a Sierra class (compiler output *.contract_class.json, or the JSON-RPC CONTRACT_CLASS) or a Cairo 0"
          + " class (starknet-compile-deprecated output, or the JSON-RPC DEPRECATED_CONTRACT_CLASS); the kind is told"
          + " from the content. For a compiled (CASM) class use compiled-class-hash."
    })
public final class ClassHashCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Sierra or Cairo 0 class JSON.")
  Path file;

  @Option(
      names = "--hinted",
      description = "For a Cairo 0 class, print its hinted class hash (starknet_keccak of the ABI and program) instead.")
  boolean hinted;

  @Override
  public Integer call() throws Exception {
    ContractClass c = ContractClasses.loadClass(file);
    if (hinted) {
      if (!(c instanceof LegacyClass legacy))
        throw new IllegalArgumentException(file + ": --hinted applies to Cairo 0 classes only; this is a Sierra class");
      spec.commandLine().getOut().println(legacy.hintedClassHash().toHex());
    } else {
      spec.commandLine().getOut().println(c.classHash().toHex());
    }
    return 0;
  }
}
