package io.cairn.cli.tx;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.hash.ChainIds;
import io.cairn.starknet.tx.TransactionHashes;
import io.cairn.starknet.tx.TransactionJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn tx-hash --chain-id ID FILE}. */
@Command(
    name = "tx-hash",
    mixinStandardHelpOptions = true,
    description = {
      "Hash of a transaction in the JSON-RPC 0.10 shape (INVOKE v0/v1/v3, DECLARE v0-v3, DEPLOY_ACCOUNT v1/v3,",
      "L1_HANDLER, DEPLOY). A version of 2^128+v (0x10000000000000000000000000000000v) gives the query hash."
    })
public final class TxHashCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--chain-id",
      required = true,
      paramLabel = "ID",
      description = "SN_MAIN, SN_SEPOLIA, any other short string, or a 0x-hex felt.")
  String chainId;

  @Parameters(paramLabel = "FILE", description = "Transaction JSON file, or - for standard input.")
  String file;

  @Override
  public void run() {
    Felt chain;
    try {
      chain = ChainIds.parse(chainId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--chain-id: " + e.getMessage(), e);
    }
    String json;
    try {
      json = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TransactionJson.Parsed p;
    try {
      p = TransactionJson.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().println(TransactionHashes.hash(p.transaction(), chain, p.query()).toHex());
  }
}
