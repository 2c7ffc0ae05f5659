package io.cairn.cli.prove;

import io.cairn.cli.ExitCodes;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.verifier.StoneVerifier;
import io.cairn.prover.verifier.VerificationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn verify PROOF.json}: checks a Stone proof of a Cairo execution and prints what it establishes. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a Stone proof (cpu_air_prover's JSON) of a Cairo execution: layouts recursive, small and starknet;",
      "poseidon3 or keccak256 channel. Prints the program hash (compute_program_hash_chain, bootloader version 0),",
      "the output hash keccak256(abi.encodePacked(output)) and the fact keccak256(abi.encode(programHash, outputHash)).",
      "Exit 0 valid, 1 invalid (naming the failed check), 2 malformed input."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROOF.json", description = "The proof file.")
  Path proof;

  @Option(
      names = "--stone-version",
      paramLabel = "5|6",
      defaultValue = "6",
      description = "Stone version as Herodotus' integrity names it: 6 hashes n_verifier_friendly_commitment_layers into the public input (default: ${DEFAULT-VALUE}).")
  int stoneVersion;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StoneProof parsed = StoneProof.read(proof);
    long start = System.nanoTime();
    StoneVerifier.Result r;
    try {
      r = StoneVerifier.verify(parsed, stoneVersion);
    } catch (VerificationException e) {
      String hint =
          e.check().equals("OODS")
              ? " (the public input, or the Stone version: this check used --stone-version " + stoneVersion + ")"
              : "";
      spec.commandLine().getErr().println("cairn: invalid proof: " + e.getMessage() + hint);
      return ExitCodes.NEGATIVE;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    HexFormat hex = HexFormat.of();
    out.println("valid proof (layout " + r.layout() + ", " + parsed.publicInput().nSteps() + " steps, verified in " + ms + " ms)");
    out.println("program hash: " + (r.programHash() != null ? r.programHash().toHex() : "unavailable (" + r.programHashUnavailable() + ")"));
    out.println("output: [" + String.join(", ", r.output().stream().map(f -> f.toHex()).toList()) + "]");
    out.println("output hash:  0x" + hex.formatHex(r.outputHash()));
    out.println("fact:         " + (r.fact() != null ? "0x" + hex.formatHex(r.fact()) : "unavailable"));
    return ExitCodes.OK;
  }
}
