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
    return new Tester(hash, init(hash, seed, bits), bits).good(nonce);
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
                    Tester tester = new Tester(hash, initHash, bits);
                    long lo = from + (long) k * CHUNK;
                    for (long n = lo; n < lo + CHUNK; n++) if (tester.good(n)) return n;
                    return Long.MAX_VALUE;
                  })
              .min()
              .getAsLong();
      if (found != Long.MAX_VALUE) return found;
    }
  }

  /**
   * Tests nonces against one init hash: H(init ‖ nonce) below 2^(64 − bits) in its first 8 bytes. For keccak256 the
   * 40-byte message is one padded block whose lanes are fixed but for the nonce's, so each nonce costs one permutation.
   */
  private static final class Tester {
    private final String hash;
    private final long bound;
    private final byte[] data = new byte[40], out = new byte[32];
    private final long[] initLanes = new long[4], lanes = new long[25];

    Tester(String hash, byte[] initHash, int bits) {
      this.hash = hash;
      this.bound = 1L << (64 - bits);
      System.arraycopy(initHash, 0, data, 0, 32);
      for (int i = 0; i < 32; i++) initLanes[i >>> 3] |= (initHash[i] & 0xffL) << (8 * (i & 7));
    }

    boolean good(long nonce) {
      long head;
      if (hash.equals("keccak256")) {
        System.arraycopy(initLanes, 0, lanes, 0, 4);
        java.util.Arrays.fill(lanes, 4, 25, 0L);
        lanes[4] = Long.reverseBytes(nonce); // the nonce is written big-endian, lanes read little-endian
        lanes[5] = 0x01L; // Keccak's padding right after the 40 bytes …
        lanes[(Keccak.RATE_BYTES - 1) >>> 3] = 0x80L << 56; // … and at the end of the rate
        Keccak.keccakF1600(lanes);
        head = Long.reverseBytes(lanes[0]);
      } else {
        for (int i = 0; i < 8; i++) data[32 + i] = (byte) (nonce >>> (56 - 8 * i));
        if (hash.equals("blake256")) Blake2s.blake2s256(data, 0, 40, out, 0);
        else System.arraycopy(StoneHashes.digest(hash, data), 0, out, 0, 32);
        head = 0;
        for (int i = 0; i < 8; i++) head = (head << 8) | (out[i] & 0xff);
      }
      return Long.compareUnsigned(head, bound) < 0;
    }
  }
}
