package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Blake2s;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Poseidon;
import java.util.Arrays;

/** Stone's hash options by name (PROVER.md §7): byte digests, Merkle nodes and table rows. */
public final class StoneHashes {
  private StoneHashes() {}

  public static boolean known(String name) {
    return switch (name) {
      case "keccak256", "keccak256_masked160_msb", "keccak256_masked160_lsb", "blake256", "blake256_masked160_msb",
          "blake256_masked160_lsb", "blake256_masked248_lsb", "poseidon3" -> true;
      default -> false;
    };
  }

  /**
   * The hash of a table row in a commitment whose leaf layer uses {@code name}: the row's elements as 32-byte
   * Montgomery-form words (poseidon3 hashes them as felts), or the element itself for a one-column table.
   */
  public static byte[] hashTableRow(String name, Felt[] row) {
    Felt[] mont = new Felt[row.length];
    for (int i = 0; i < row.length; i++) mont[i] = io.cairn.prover.air.CpuAirValues.montgomeryForm(row[i]);
    if (row.length == 1) return mont[0].toBytesBE();
    return hashRow(name, mont);
  }

  /** A byte-oriented hash, masked as its name says. */
  public static byte[] digest(String name, byte[] data) {
    byte[] h =
        switch (name) {
          case "keccak256", "keccak256_masked160_msb", "keccak256_masked160_lsb" -> Keccak.keccak256(data);
          case "blake256", "blake256_masked160_msb", "blake256_masked160_lsb", "blake256_masked248_lsb" -> Blake2s.blake2s256(data);
          default -> throw new IllegalArgumentException("hash '" + name + "' cannot hash bytes here");
        };
    if (name.endsWith("_masked160_msb")) Arrays.fill(h, 20, 32, (byte) 0);
    else if (name.endsWith("_masked160_lsb")) Arrays.fill(h, 0, 12, (byte) 0);
    else if (name.endsWith("_masked248_lsb")) h[0] = 0;
    return h;
  }

  public static byte[] hashNode(String name, byte[] left, byte[] right) {
    if (name.equals("poseidon3")) return Poseidon.hash(felt(left), felt(right)).toBytesBE();
    byte[] both = java.util.Arrays.copyOf(left, 64);
    System.arraycopy(right, 0, both, 32, 32);
    return digest(name, both);
  }

  public static byte[] hashRow(String name, Felt[] row) {
    if (name.equals("poseidon3")) return Poseidon.hashMany(row).toBytesBE();
    byte[] b = new byte[32 * row.length];
    for (int i = 0; i < row.length; i++) System.arraycopy(row[i].toBytesBE(), 0, b, 32 * i, 32);
    return digest(name, b);
  }

  private static Felt felt(byte[] b) {
    java.math.BigInteger v = new java.math.BigInteger(1, b);
    if (v.compareTo(Felt.MODULUS) >= 0)
      throw new IllegalArgumentException("a Merkle node is not a field element, so it cannot feed poseidon3");
    return Felt.of(v);
  }
}
