package io.cairn.cli.l1;

import io.cairn.l1.L1Client;
import picocli.CommandLine.Option;

/** The node and the signing key, the same two flags on every command that talks to L1. */
final class RpcOptions {
  @Option(names = {"--rpc-url", "--rpc"}, defaultValue = "http://127.0.0.1:8545", paramLabel = "URL",
      description = "Ethereum JSON-RPC endpoint (default: ${DEFAULT-VALUE}, where `cairn l1 anvil` listens).")
  String rpcUrl;

  @Option(names = "--private-key", defaultValue = "${env:CAIRN_L1_PRIVATE_KEY}", paramLabel = "0xKEY",
      description = "Signing key, 32 bytes hex (default: $$CAIRN_L1_PRIVATE_KEY). On anvil, its first dev key is "
          + "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80.")
  String privateKey;

  L1Client connect() {
    if (privateKey == null || privateKey.isBlank()) {
      throw new IllegalArgumentException("--private-key is required (or set CAIRN_L1_PRIVATE_KEY)");
    }
    return L1Client.connect(rpcUrl, privateKey);
  }
}
