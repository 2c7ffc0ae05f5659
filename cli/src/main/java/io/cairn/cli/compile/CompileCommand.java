package io.cairn.cli.compile;

import io.cairn.cli.ExitCodes;
import io.cairn.lang.CairoCompileException;
import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import io.cairn.lang.starknet.ContractCompiler;
import io.cairn.lang.starknet.HintWhitelist;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn compile}: Cairo 0 source to cairo-compile's program JSON. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles a Cairo 0 program to the program JSON that cairo-lang's cairo-compile emits "
          + "(same bytecode for the same source).",
      "With --contract, compiles a Starknet contract (%%lang starknet) to the deprecated contract class JSON "
          + "(abi, entry_points_by_type, program) that starknet-compile-deprecated emits.",
      "Errors are printed cairo-compile style, with the source line and a caret; exit code 2."
    })
public final class CompileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.cairo", description = "The main Cairo 0 source file.")
  Path file;

  @Option(
      names = {"--cairo-path", "--cairo_path"},
      paramLabel = "DIR[:DIR…]",
      description = "Directories to search for imported modules, colon-separated; may be repeated. "
          + "The current directory is searched last, then the modules Cairn ships.")
  List<String> cairoPath = new ArrayList<>();

  @Option(names = {"--output", "-o"}, paramLabel = "OUT.json", description = "Where to write the program JSON, or the class JSON with --contract (default: stdout).")
  Path output;

  @Option(names = {"--proof-mode", "--proof_mode"}, description = "Prepend the __start__/__end__ entry code used for proofs.")
  boolean proofMode;

  @Option(names = {"--no-debug-info", "--no_debug_info"}, description = "Omit debug_info (instruction locations).")
  boolean noDebugInfo;

  @Option(
      names = "--contract",
      description = "Compile a Starknet contract (%%lang starknet) to a deprecated contract class JSON.")
  boolean contract;

  @Option(
      names = {"--account-contract", "--account_contract"},
      description = "With --contract: an account contract (must define __execute__, __validate__ and __validate_declare__).")
  boolean accountContract;

  @Option(names = "--abi", paramLabel = "ABI.json", description = "With --contract: also write the contract's ABI there.")
  Path abi;

  @Option(
      names = {"--dont-filter-identifiers", "--dont_filter_identifiers"},
      description = "With --contract: keep every reference identifier, not only those hints and attributes mention.")
  boolean dontFilterIdentifiers;

  @Option(
      names = "--hint-whitelist",
      paramLabel = "DIR",
      description = "With --contract: reject hints outside the whitelists in DIR (cairo-lang's "
          + "src/starkware/starknet/security/whitelists), as starknet-compile does by default.")
  Path hintWhitelist;

  @Override
  public Integer call() throws Exception {
    List<Path> path = new ArrayList<>();
    for (String p : cairoPath) for (String d : p.split(File.pathSeparator)) if (!d.isEmpty()) path.add(Path.of(d));
    path.add(Path.of("."));
    String source = Files.readString(file);
    if (contract && proofMode) throw new IllegalArgumentException("--proof-mode cannot be used with --contract");
    if (!contract && (accountContract || abi != null || dontFilterIdentifiers || hintWhitelist != null)) {
      throw new IllegalArgumentException("--account-contract, --abi, --dont-filter-identifiers and --hint-whitelist need --contract");
    }
    String json;
    try {
      Compiler.Options options = new Compiler.Options(path, proofMode, !noDebugInfo);
      if (contract) {
        var cls = ContractCompiler.compile(
            options,
            new ContractCompiler.ContractOptions(
                accountContract,
                !dontFilterIdentifiers,
                hintWhitelist == null ? null : HintWhitelist.fromDirectory(hintWhitelist),
                spec.commandLine().getErr()::println),
            file.toString(),
            source);
        json = ContractCompiler.toJson(cls);
        if (abi != null) Files.writeString(abi, ContractCompiler.toJson(cls.get("abi")));
      } else {
        CompiledProgram program = new Compiler(options).compile(file.toString(), source);
        json = program.toJson();
      }
    } catch (CairoCompileException e) {
      for (String err : e.errors()) spec.commandLine().getErr().println(err);
      return ExitCodes.BAD_INPUT;
    }
    if (output == null) spec.commandLine().getOut().print(json);
    else Files.writeString(output, json);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
