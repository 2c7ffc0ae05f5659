package io.cairn.cli.prove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.cli.ExitCodes;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.prove.CairoTrace;
import io.cairn.prover.prove.KernelWarmUp;
import io.cairn.prover.prove.ProofFile;
import io.cairn.prover.prove.StarkProver;
import io.cairn.prover.stone.StoneProof;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn prove}: runs a program in proof mode (or reads Stone's AIR inputs) and writes a Stone proof file
 * that {@code cairn verify}, Stone's verifier and Integrity accept.
 */
@Command(
    name = "prove",
    mixinStandardHelpOptions = true,
    description = {
      "Prove a Cairo 0 execution with a STARK in Stone's format (cpu_air_prover's JSON; layouts small and recursive).",
      "Either PROGRAM.json (run in proof mode first) or --air-public-input with --air-private-input (like Stone's",
      "cpu_air_prover; trace and memory paths resolve relative to the private-input file).",
      "Exit 0 proved, 1 failed run or a trace the layout's constraints reject, 2 bad input."
    })
public final class ProveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROGRAM.json", description = "cairo-compile output (proof-mode program with __start__)")
  Path program;

  @Option(names = "--layout", defaultValue = "small", description = "Layout (default: ${DEFAULT-VALUE}; supported: small, recursive)")
  String layout;

  @Option(names = {"--program-input", "--program_input"}, paramLabel = "FILE", description = "JSON given to hints as program_input")
  Path programInput;

  @Option(names = {"--air-public-input", "--air_public_input"}, paramLabel = "FILE", description = "Stone's public input JSON (instead of PROGRAM.json)")
  Path airPublicInput;

  @Option(names = {"--air-private-input", "--air_private_input"}, paramLabel = "FILE", description = "Stone's private input JSON (trace_path, memory_path, builtin inputs)")
  Path airPrivateInput;

  @Option(names = {"--trace-file", "--trace_file"}, paramLabel = "FILE", description = "Trace file (overrides the private input's trace_path)")
  Path traceFile;

  @Option(names = {"--memory-file", "--memory_file"}, paramLabel = "FILE", description = "Memory file (overrides the private input's memory_path)")
  Path memoryFile;

  @Option(names = {"--params", "--parameter-file", "--parameter_file"}, paramLabel = "PARAMS.json", description = "Stone's cpu_air_params.json (default: 18 queries, 2^2 cosets, 24 proof-of-work bits, poseidon3 channel)")
  Path params;

  @Option(names = {"--prover-config", "--prover-config-file", "--prover_config_file"}, paramLabel = "CONFIG.json", description = "Stone's cpu_air_prover_config.json, echoed into the proof file")
  Path proverConfig;

  @Option(names = "--stone-version", paramLabel = "5|6", defaultValue = "6", description = "Stone version of the public-input hash (default: ${DEFAULT-VALUE}); verify with the same")
  int stoneVersion;

  @Option(names = {"--out", "--out-file", "--out_file"}, required = true, paramLabel = "PROOF.json", description = "Where to write the proof")
  Path out;

  @Option(names = "--progress", negatable = true, description = "Print each stage on stderr (default: when stderr is a terminal)")
  Boolean progress;

  @Option(names = "--pow-start-nonce", hidden = true, defaultValue = "0", description = "Tests only: start the proof-of-work search here")
  long powStartNonce;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
    if (stoneVersion != 5 && stoneVersion != 6) throw new IllegalArgumentException("--stone-version must be 5 or 6, got " + stoneVersion);
    ObjectMapper om = new ObjectMapper();
    long start = System.nanoTime();
    RunOutput run;
    JsonNode publicInputJson, privateInputJson = null;
    if (program != null) {
      if (airPublicInput != null || airPrivateInput != null || traceFile != null || memoryFile != null)
        throw new IllegalArgumentException("give either PROGRAM.json or --air-public-input/--air-private-input, not both");
      Program p = Program.load(program);
      HintProcessor hints = new HintProcessor();
      if (programInput != null) hints.setProgramInput(readJson(om, programInput));
      CairoRunner runner = new CairoRunner(p, new RunConfig(Layout.named(layout), true, Long.MAX_VALUE, true, false, false), hints);
      KernelWarmUp.run(); // once the inputs are read, before the VM and the trace teach the JIT their values
      try {
        runner.initialize();
        runner.run();
        run = runner.relocate();
      } catch (VmError e) {
        err.println(e.getMessage());
        return ExitCodes.NEGATIVE;
      }
      publicInputJson = om.valueToTree(run.publicInput());
    } else {
      if (airPublicInput == null || airPrivateInput == null)
        throw new IllegalArgumentException("give PROGRAM.json, or both --air-public-input and --air-private-input");
      if (programInput != null) throw new IllegalArgumentException("--program-input needs PROGRAM.json");
      publicInputJson = readJson(om, airPublicInput);
      privateInputJson = readJson(om, airPrivateInput);
      Path base = airPrivateInput.toAbsolutePath().getParent();
      Path trace = traceFile != null ? traceFile : base.resolve(text(privateInputJson, "trace_path", airPrivateInput));
      Path memory = memoryFile != null ? memoryFile : base.resolve(text(privateInputJson, "memory_path", airPrivateInput));
      KernelWarmUp.run(); // before the trace's values reach the field kernels (see KernelWarmUp)
      run = RunOutput.readFiles(trace, memory);
    }
    StoneProof.PublicInput pi;
    try {
      pi = StoneProof.parsePublicInput(publicInputJson);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((airPublicInput != null ? airPublicInput + ": " : "") + e.getMessage(), e);
    }
    if (run.steps() != pi.nSteps()) throw new IllegalArgumentException("the trace has " + run.steps() + " steps, the public input's n_steps is " + pi.nSteps());
    AirDescription air = AirDescription.load(pi.layout());
    JsonNode paramsJson = params != null ? readJson(om, params) : ProofFile.defaultParameters(Long.numberOfTrailingZeros(16 * pi.nSteps()));
    JsonNode configJson = proverConfig != null ? readJson(om, proverConfig) : ProofFile.defaultProverConfig();
    StoneProof.Parameters prm;
    try {
      prm = StoneProof.parse(ProofFile.json(paramsJson, configJson, publicInputJson, null, new byte[0])).parameters();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((params != null ? params + ": " : "") + e.getMessage(), e);
    }
    boolean showProgress = progress != null ? progress : interactive();
    JsonNode lowLayers = configJson.path("n_out_of_memory_merkle_layers");
    if (!lowLayers.isMissingNode() && !(lowLayers.canConvertToInt() && lowLayers.asInt() >= 0 && lowLayers.asInt() <= 40))
      throw new IllegalArgumentException((proverConfig != null ? proverConfig + ": " : "") + "n_out_of_memory_merkle_layers: expected an integer in [0, 40], got " + lowLayers);
    StarkProver.Options options =
        new StarkProver.Options(
            powStartNonce,
            true,
            showProgress ? s -> err.println("cairn prove: " + (System.nanoTime() - start) / 1_000_000 + " ms: " + s) : null,
            lowLayers.asInt(0));
    byte[] proof;
    try {
      proof = StarkProver.prove(air, pi, prm, stoneVersion, (privateInputJson != null ? CairoTrace.of(run, pi, privateInputJson) : CairoTrace.of(run, pi)), options);
    } catch (StarkProver.TraceCheckException e) {
      err.println("cairn: prove failed: " + e.getMessage());
      return ExitCodes.NEGATIVE;
    }
    ObjectNode file = ProofFile.json(paramsJson, configJson, publicInputJson, privateInputJson, proof);
    ProofFile.write(out, file);
    long ms = (System.nanoTime() - start) / 1_000_000;
    stdout.println("proof written to " + out + " (layout " + pi.layout() + ", " + pi.nSteps() + " steps, " + proof.length + " bytes of proof, " + ms + " ms)");
    return ExitCodes.OK;
  }

  /** Whether the process talks to a terminal (Console.isTerminal, JDK 22+, looked up at run time: the build targets 21). */
  private static boolean interactive() {
    java.io.Console c = System.console();
    if (c == null) return false;
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static JsonNode readJson(ObjectMapper om, Path file) throws IOException {
    try {
      return om.readTree(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode n, String key, Path file) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) throw new IllegalArgumentException(file + ": " + key + ": missing");
    return v.asText();
  }
}
