package io.cairn.cli.signature;

import io.cairn.cli.hash.Args;
import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Sign a message hash with RFC 6979 deterministic k; prints r and s, one per line.")
public final class SignCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--private-key", required = true, paramLabel = "KEY", converter = Args.FeltConverter.class, description = "Private key.")
  Felt privateKey;

  @Parameters(paramLabel = "HASH", converter = Args.FeltConverter.class, description = "Message hash (below 2^251).")
  Felt hash;

  @Override
  public void run() {
    Ecdsa.Signature s = Ecdsa.sign(privateKey, hash);
    spec.commandLine().getOut().println(s.r().toHex());
    spec.commandLine().getOut().println(s.s().toHex());
  }
}
