package io.cairn.cli.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.hash.Addresses;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn contract-address} and {@code cairn storage-address}. */
public final class AddressCommands {
  private AddressCommands() {}

  @Command(
      name = "contract-address",
      mixinStandardHelpOptions = true,
      description = {
        "Address of a contract deployed from a class: hash_on_elements(['STARKNET_CONTRACT_ADDRESS', deployer, salt,",
        "class_hash, hash_on_elements(calldata)]) mod 2^251 - 256. Deployer 0 is DEPLOY_ACCOUNT's and deploy_from_zero's."
      })
  public static final class ContractAddress implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--class-hash", required = true, paramLabel = "HASH", converter = Args.FeltConverter.class, description = "Class hash.")
    Felt classHash;

    @Option(names = "--salt", required = true, paramLabel = "SALT", converter = Args.FeltConverter.class, description = "Contract address salt.")
    Felt salt;

    @Option(names = "--deployer", paramLabel = "ADDRESS", converter = Args.FeltConverter.class, description = "Deployer address (default 0).")
    Felt deployer = Felt.ZERO;

    @Parameters(arity = "0..*", paramLabel = "CALLDATA", description = "Constructor calldata felts.")
    List<String> calldata = List.of();

    @Override
    public void run() {
      List<Felt> data = Args.felts(calldata, "CALLDATA");
      spec.commandLine().getOut().println(Addresses.contractAddress(deployer, salt, classHash, data).toHex());
    }
  }

  @Command(
      name = "storage-address",
      mixinStandardHelpOptions = true,
      description = "Address of a storage variable: starknet_keccak(NAME), then Pedersen with each KEY, mod 2^251 - 256.")
  public static final class StorageAddress implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Storage variable name, e.g. ERC20_balances.")
    String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY", description = "Keys of a mapping, in order.")
    List<String> keys = List.of();

    @Override
    public void run() {
      for (int i = 0; i < name.length(); i++)
        if (name.charAt(i) <= ' ' || name.charAt(i) > '~')
          throw new IllegalArgumentException("NAME: not an ASCII identifier: " + name);
      spec.commandLine().getOut().println(Addresses.storageVarAddress(name, Args.felts(keys, "KEY")).toHex());
    }
  }
}
