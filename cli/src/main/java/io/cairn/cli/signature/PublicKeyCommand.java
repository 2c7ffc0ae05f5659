package io.cairn.cli.signature;

import io.cairn.cli.hash.Args;
import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "public-key", mixinStandardHelpOptions = true, description = "The public key (x of k·G) of a private key.")
public final class PublicKeyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PRIVATE_KEY", converter = Args.FeltConverter.class, description = "Private key, 0x-hex or decimal.")
  Felt privateKey;

  @Override
  public void run() {
    spec.commandLine().getOut().println(Ecdsa.publicKey(privateKey).toHex());
  }
}
