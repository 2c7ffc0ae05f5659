package io.cairn.cli.signature;

import io.cairn.cli.ExitCodes;
import io.cairn.cli.hash.Args;
import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "verify-signature",
    mixinStandardHelpOptions = true,
    description = "Verify an ECDSA signature (r, s) of a message hash; prints valid or invalid, exit 0 or 1.")
public final class VerifySignatureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--public-key", required = true, paramLabel = "KEY", converter = Args.FeltConverter.class, description = "Public key (x coordinate; either y is accepted).")
  Felt publicKey;

  @Parameters(index = "0", paramLabel = "HASH", converter = Args.FeltConverter.class, description = "Message hash.")
  Felt hash;

  @Parameters(index = "1", paramLabel = "R", converter = Args.FeltConverter.class, description = "Signature r.")
  Felt r;

  @Parameters(index = "2", paramLabel = "S", converter = Args.FeltConverter.class, description = "Signature s.")
  Felt s;

  @Override
  public Integer call() {
    boolean ok = Ecdsa.verify(publicKey, hash, r, s);
    spec.commandLine().getOut().println(ok ? "valid" : "invalid");
    return ok ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }
}
