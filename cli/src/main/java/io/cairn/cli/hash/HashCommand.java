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
    subcommands = {
      HashCommand.PedersenCmd.class,
      HashCommand.PoseidonCmd.class,
      HashCommand.KeccakCmd.class,
      HashCommand.StarknetKeccakCmd.class,
      HashCommand.Blake2sCmd.class,
      HashCommand.Sha256Cmd.class
    })
public final class HashCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "pedersen", mixinStandardHelpOptions = true, description = "Pedersen hash H(A, B).")
  static final class PedersenCmd implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", converter = Args.FeltConverter.class, description = "First felt.")
    Felt a;

    @Parameters(index = "1", paramLabel = "B", converter = Args.FeltConverter.class, description = "Second felt.")
    Felt b;

    @Override
    public void run() {
      spec.commandLine().getOut().println(Pedersen.hash(a, b).toHex());
    }
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

  @Command(name = "keccak", mixinStandardHelpOptions = true, description = "Keccak-256 (Ethereum's) of hex bytes; prints all 32 bytes.")
  static final class KeccakCmd implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = "Input bytes as hex (0x optional).")
    Args.HexBytes data;

    @Override
    public void run() {
      spec.commandLine().getOut().println(Args.hex(Keccak.keccak256(data.bytes())));
    }
  }

  @Command(name = "starknet-keccak", mixinStandardHelpOptions = true, description = "Keccak-256 of hex bytes masked to 250 bits (a felt).")
  static final class StarknetKeccakCmd implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = "Input bytes as hex (0x optional).")
    Args.HexBytes data;

    @Override
    public void run() {
      spec.commandLine().getOut().println(Keccak.starknetKeccak(data.bytes()).toHex());
    }
  }

  @Command(name = "blake2s", mixinStandardHelpOptions = true, description = "BLAKE2s-256 of hex bytes; prints all 32 bytes.")
  static final class Blake2sCmd implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = "Input bytes as hex (0x optional).")
    Args.HexBytes data;

    @Override
    public void run() {
      spec.commandLine().getOut().println(Args.hex(Blake2s.blake2s256(data.bytes())));
    }
  }

  @Command(name = "sha256", mixinStandardHelpOptions = true, description = "SHA-256 of hex bytes; prints all 32 bytes.")
  static final class Sha256Cmd implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "HEX", converter = Args.HexBytesConverter.class, description = "Input bytes as hex (0x optional).")
    Args.HexBytes data;

    @Override
    public void run() {
      spec.commandLine().getOut().println(Args.hex(Sha256.sha256(data.bytes())));
    }
  }
}
