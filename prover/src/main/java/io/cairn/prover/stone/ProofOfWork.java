package io.cairn.prover.stone;

import io.cairn.crypto.hash.Blake2s;
import io.cairn.crypto.hash.Keccak;
import java.util.stream.IntStream;

/**
 * Stone's proof of work (channel/proof_of_work.inl): init = H(0x0123456789abcded ‖ seed ‖ bits), and a nonce is
 * good when the first 8 bytes of H(init ‖ nonce) are below 2^(64 − bits). The prover returns the lowest good nonce,
 * which makes proofs deterministic.
 */
public final class ProofOfWork {
  private ProofOfWork() {}

  private static final long MAGIC = 0x0123456789abcdedL;
  private static final int CHUNK = 1 << 14;

  public static byte[] init(String hash, byte[] seed, int bits) {
    byte[] init = new byte[8 + 32 + 1];
    for (int i = 0; i < 8; i++) init[i] = (byte) (MAGIC >>> (56 - 8 * i));
    System.arraycopy(seed, 0, init, 8, 32);
    init[40] = (byte) bits;
    return StoneHashes.digest(hash, init);
  }

  public static boolean verify(String hash, byte[] seed, int bits, long nonce) {
    if (bits == 0) return true;
    byte[] data = new byte[40];
    System.arraycopy(init(hash, seed, bits), 0, data, 0, 32);
    return good(hash, data, nonce, bits, new byte[32], new long[25]);
  }

  /** The lowest good nonce ≥ {@code start}, searched on all cores. */
  public static long search(String hash, byte[] seed, int bits, long start) {
    if (bits == 0) return start;
    if (bits > 60) throw new IllegalArgumentException("proof_of_work_bits " + bits + " is out of reach");
    byte[] initHash = init(hash, seed, bits);
    int parallel = Runtime.getRuntime().availableProcessors();
    for (long base = start; ; base += (long) CHUNK * parallel) {
      final long from = base;
      long found =
          IntStream.range(0, parallel)
              .parallel()
              .mapToLong(
                  k -> {
                    byte[] data = new byte[40];
                    System.arraycopy(initHash, 0, data, 0, 32);
                    byte[] out = new byte[32];
                    long[] lanes = new long[25];
                    long lo = from + (long) k * CHUNK;
                    for (long n = lo; n < lo + CHUNK; n++) if (good(hash, data, n, bits, out, lanes)) return n;
                    return Long.MAX_VALUE;
                  })
              .min()
              .getAsLong();
      if (found != Long.MAX_VALUE) return found;
    }
  }

  private static boolean good(String hash, byte[] data, long nonce, int bits, byte[] out, long[] lanes) {
    for (int i = 0; i < 8; i++) data[32 + i] = (byte) (nonce >>> (56 - 8 * i));
    switch (hash) {
      case "keccak256" -> Keccak.keccak256(data, 0, 40, out, 0, lanes);
      case "blake256" -> Blake2s.blake2s256(data, 0, 40, out, 0);
      default -> System.arraycopy(StoneHashes.digest(hash, data), 0, out, 0, 32);
    }
    long head = 0;
    for (int i = 0; i < 8; i++) head = (head << 8) | (out[i] & 0xff);
    return Long.compareUnsigned(head, 1L << (64 - bits)) < 0;
  }
}
