package io.cairn.cli.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Blake2s;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.crypto.hash.Sha256;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn hash}: Pedersen, Poseidon, Keccak-256, starknet_keccak, BLAKE2s-256 and SHA-256. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = "Compute Starknet's hashes. Felts are 0x-hex or decimal and must be below p.",
    subcommands = {HashCommand.PoseidonCmd.class})
public final class HashCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "poseidon",
      mixinStandardHelpOptions = true,
      description = {
        "Poseidon hash: of two felts (poseidon_hash), of one (--single, poseidon_hash_single),",
        "or of any number (--many, poseidon_hash_many)."
      })
  static final class PoseidonCmd implements Runnable {
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
      @Option(names = "--single", description = "Hash exactly one felt with poseidon_hash_single.")
      boolean single;

      @Option(names = "--many", description = "Hash all given felts (zero or more) with poseidon_hash_many.")
      boolean many;
    }

    @Parameters(arity = "0..*", paramLabel = "FELT", description = "Felts to hash (0x-hex or decimal).")
    List<String> args = List.of();

    @Override
    public void run() {
      List<Felt> values = Args.felts(args, "FELT");
      Felt h;
      if (mode.many) {
        h = Poseidon.hashMany(values);
      } else if (mode.single) {
        if (values.size() != 1)
          throw new IllegalArgumentException("poseidon --single takes exactly one felt, got " + values.size());
        h = Poseidon.hashSingle(values.get(0));
      } else {
        if (values.size() != 2)
          throw new IllegalArgumentException(
              "poseidon takes exactly two felts (use --single for one, --many for any number), got " + values.size());
        h = Poseidon.hash(values.get(0), values.get(1));
      }
      spec.commandLine().getOut().println(h.toHex());
    }
  }

  private void print(String line) {
    spec.commandLine().getOut().println(line);
  }

  @Command(name = "pedersen", mixinStandardHelpOptions = true, description = "Pedersen hash H(A, B).")
  void pedersen(
      @Parameters(index = "0", paramLabel = "A", converter = Args.FeltConverter.class, description = "First felt.") Felt a,
      @Parameters(index = "1", paramLabel = "B", converter = Args.FeltConverter.class, description = "Second felt.") Felt b) {
    print(Pedersen.hash(a, b).toHex());
  }

  @Command(name = "keccak", mixinStandardHelpOptions = true, description = "Keccak-256 (Ethereum's) of hex bytes; prints all 32 bytes.")
  void keccak(@Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = HEX_HELP) Args.HexBytes data) {
    print(Args.hex(Keccak.keccak256(data.bytes())));
  }

  @Command(name = "starknet-keccak", mixinStandardHelpOptions = true, description = "Keccak-256 of hex bytes masked to 250 bits (a felt).")
  void starknetKeccak(@Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = HEX_HELP) Args.HexBytes data) {
    print(Keccak.starknetKeccak(data.bytes()).toHex());
  }

  @Command(name = "blake2s", mixinStandardHelpOptions = true, description = "BLAKE2s-256 of hex bytes; prints all 32 bytes.")
  void blake2s(@Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = HEX_HELP) Args.HexBytes data) {
    print(Args.hex(Blake2s.blake2s256(data.bytes())));
  }

  @Command(name = "sha256", mixinStandardHelpOptions = true, description = "SHA-256 of hex bytes; prints all 32 bytes.")
  void sha256(@Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = HEX_HELP) Args.HexBytes data) {
    print(Args.hex(Sha256.sha256(data.bytes())));
  }

  private static final String HEX_HELP = "Input bytes as hex (0x optional; 0x alone is empty).";
}
