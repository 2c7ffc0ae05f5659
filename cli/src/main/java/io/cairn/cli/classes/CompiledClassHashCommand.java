package io.cairn.cli.classes;

import io.cairn.starknet.classes.CompiledClassHashVersion;
import io.cairn.starknet.classes.ContractClasses;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code cairn compiled-class-hash FILE [--hash-version v1|v2]}: the compiled class hash of a CASM class. */
@Command(
    name = "compiled-class-hash",
    mixinStandardHelpOptions = true,
    description = {
      "Print the compiled class hash of a CASM class (*.compiled_contract_class.json / *.casm.json).",
      "v2 (Blake2s) is what a DECLARE must carry since Starknet 0.14.1; v1 (Poseidon) is the hash of earlier blocks."
    })
public final class CompiledClassHashCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "CASM class JSON.")
  Path file;

  @Option(
      names = "--hash-version",
      paramLabel = "v1|v2",
      defaultValue = "v2",
      converter = VersionConverter.class,
      description = "Hash function: v1 = Poseidon, v2 = Blake2s (default: ${DEFAULT-VALUE}).")
  CompiledClassHashVersion version;

  @Override
  public Integer call() throws Exception {
    spec.commandLine().getOut().println(ContractClasses.loadCasm(file).compiledClassHash(version).toHex());
    return 0;
  }

  static final class VersionConverter implements ITypeConverter<CompiledClassHashVersion> {
    @Override
    public CompiledClassHashVersion convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "v1", "1" -> CompiledClassHashVersion.V1;
        case "v2", "2" -> CompiledClassHashVersion.V2;
        default -> throw new TypeConversionException("expected v1 or v2, got '" + value + "'");
      };
    }
  }
}
