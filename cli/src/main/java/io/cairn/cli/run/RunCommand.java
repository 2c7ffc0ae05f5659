package io.cairn.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cli.ExitCodes;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a compiled Cairo 0 program like cairo-run (STYLE.md §6: cairo-run's flag names, dashed or underscored), or a
 * Cairo 1 CASM program (an Executable, or a {@code *.casm.json} with {@code entry_points_by_function}).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a cairo-compile program JSON from main (or __start__ with --proof-mode),",
      "or a Cairo 1 program: an Executable (Scarb's executable target; prints its",
      "output) or a *.casm.json with entry_points_by_function (runs --function,",
      "prints the returned values). Cairo 1 is recognized by its JSON; --casm insists.",
      "Exit 0 on success, 1 when the program fails or panics (error on stderr, panic",
      "text on stdout), 2 on bad arguments or program."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROGRAM.json", description = "cairo-compile output, or a Cairo 1 Executable / *.casm.json")
  Path program;

  @Option(names = "--layout", defaultValue = "plain", description = "Layout: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}", completionCandidates = Layouts.class)
  String layout;

  @Option(names = {"--proof-mode", "--proof_mode"}, description = "Start at __start__, pad the trace, keep public memory")
  boolean proofMode;

  @Option(names = {"--program-input", "--program_input"}, paramLabel = "FILE", description = "JSON given to hints as program_input")
  Path programInput;

  @Option(names = {"--cairo-layout-params-file", "--cairo_layout_params_file"}, paramLabel = "FILE", description = "Parameters of the dynamic layout")
  Path layoutParams;

  @Option(names = {"--print-output", "--print_output"}, description = "Print the output builtin's values")
  boolean printOutput;

  @Option(names = {"--print-info", "--print_info"}, description = "Print steps, memory cells, registers and builtin usage")
  boolean printInfo;

  @Option(names = {"--trace-file", "--trace_file"}, paramLabel = "FILE", description = "Write the relocated trace (24-byte records ap, fp, pc)")
  Path traceFile;

  @Option(names = {"--memory-file", "--memory_file"}, paramLabel = "FILE", description = "Write relocated memory (u64 address + 32-byte value)")
  Path memoryFile;

  @Option(names = {"--air-public-input", "--air_public_input"}, paramLabel = "FILE", description = "Write Stone's public input JSON (proof mode)")
  Path airPublicInput;

  @Option(names = {"--air-private-input", "--air_private_input"}, paramLabel = "FILE", description = "Write Stone's private input JSON (needs --trace-file and --memory-file)")
  Path airPrivateInput;

  @Option(
      names = {"--secure-run", "--secure_run"},
      negatable = true,
      description = "Run cairo-run's post-run security checks (default: on, off in proof mode)")
  Boolean secureRun;

  @Option(names = {"--max-steps", "--max_steps"}, paramLabel = "N", description = "Fail if the end is not reached within N steps")
  Long maxSteps;

  @Option(names = "--casm", description = "The program is Cairo 1 CASM (Executable or *.casm.json); detected anyway")
  boolean casm;

  @Option(names = "--function", paramLabel = "NAME", description = "Cairo 1 *.casm.json: the function to run (default: main)")
  String function;

  @Option(
      names = "--args",
      paramLabel = "ARGS",
      description =
          "Cairo 1 arguments: felts (decimal, -n for p - n, or 0x-hex) separated by commas; arrays in brackets, "
              + "items separated by spaces or commas, nesting allowed: --args '1,[2 3 4],0x5'. A *.casm.json "
              + "function gets an array as a (start, end) span; an Executable gets all arguments Serde-serialized "
              + "(an array = its length, then its items).")
  String args;

  @Option(names = "--gas", paramLabel = "N", description = "Cairo 1: the initial gas counter for gas_builtin (default: 2^63 - 1)")
  Long gas;

  static final class Layouts implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Layout.NAMES.iterator();
    }
  }

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(program));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(program + ": not valid JSON: " + e.getOriginalMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + program);
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException(program + ": $: expected a JSON object");
    boolean cairo1 = CasmRun.isCasm(root, program.getFileName().toString());
    if (casm && !cairo1)
      throw new IllegalArgumentException(program + ": --casm: neither an Executable (program + entrypoints) nor a *.casm.json with entry_points_by_function");
    if (cairo1) {
      if (proofMode || traceFile != null || memoryFile != null || airPublicInput != null || airPrivateInput != null
          || programInput != null || layoutParams != null || printOutput || !layout.equals("plain"))
        throw new IllegalArgumentException(
            "a Cairo 1 program takes --function, --args, --gas, --max-steps and --print-info (proof-mode runs need Cairo 0 or the bootloader)");
      if (maxSteps != null && maxSteps <= 0) throw new IllegalArgumentException("--max-steps must be positive");
      if (gas != null && gas < 0) throw new IllegalArgumentException("--gas must not be negative");
      return CasmRun.run(root, program.getFileName().toString(), function, args, gas == null ? Long.MAX_VALUE : gas, maxSteps, printInfo, out, err);
    }
    if (function != null || args != null || gas != null)
      throw new IllegalArgumentException("--function, --args and --gas are for Cairo 1 programs; " + program + " is a cairo-compile program");
    if (airPrivateInput != null && (traceFile == null || memoryFile == null))
      throw new IllegalArgumentException("--air-private-input needs --trace-file and --memory-file");
    if (maxSteps != null && maxSteps <= 0) throw new IllegalArgumentException("--max-steps must be positive");
    Layout l;
    if (layout.equals("dynamic") && layoutParams != null) l = Layout.dynamic(layoutParams);
    else if (layoutParams != null) throw new IllegalArgumentException("--cairo-layout-params-file needs --layout dynamic");
    else l = Layout.named(layout);
    Program p = Program.parse(root, program.toString());
    HintProcessor hints = new HintProcessor();
    if (programInput != null) {
      JsonNode input;
      try {
        input = new ObjectMapper().readTree(Files.readAllBytes(programInput));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(programInput + ": not valid JSON: " + e.getOriginalMessage());
      }
      hints.setProgramInput(input);
    }
    boolean needTrace = proofMode || traceFile != null || airPublicInput != null;
    RunConfig cfg =
        new RunConfig(
            l, proofMode, maxSteps == null ? Long.MAX_VALUE : maxSteps, needTrace, false,
            secureRun == null ? !proofMode : secureRun);
    CairoRunner runner = new CairoRunner(p, cfg, hints);
    RunOutput result;
    try {
      runner.initialize();
      runner.run();
      result = runner.relocate();
    } catch (VmError e) {
      err.println(e.getMessage());
      err.flush();
      return ExitCodes.NEGATIVE;
    }
    if (printOutput) {
      List<BigInteger> o = runner.output();
      out.println("Program output:");
      if (o != null) for (BigInteger v : o) out.println("  " + (v == null ? "<missing>" : v.toString()));
      out.println();
    }
    if (printInfo) {
      out.println("Number of steps: " + runner.vm().steps()
          + (runner.originalSteps() != runner.vm().steps() ? " (originally, " + runner.originalSteps() + ")" : ""));
      out.println("Used memory cells: " + result.memory().count());
      out.println("Register values after execution:");
      out.println("pc = " + runner.vm().pc());
      out.println("ap = " + runner.vm().ap());
      out.println("fp = " + runner.vm().fp());
      out.println("Memory holes: " + runner.memoryHoles());
      for (int s = 0; s < runner.memory().segmentCount(); s++)
        out.println("segment " + s + ": base " + result.segmentBases()[s] + ", size " + runner.segmentSize(s));
      for (var b : runner.builtins())
        out.println(b.name() + "_builtin: used " + b.usedCells(runner.memory()) + " cells, " + b.usedInstances(runner.memory()) + " instances");
    }
    if (traceFile != null) result.writeTrace(traceFile);
    if (memoryFile != null) result.writeMemory(memoryFile);
    if (airPublicInput != null) RunOutput.writeJson(airPublicInput, result.publicInput());
    if (airPrivateInput != null) RunOutput.writeJson(airPrivateInput, result.privateInput(traceFile, memoryFile));
    out.flush();
    return ExitCodes.OK;
  }
}
