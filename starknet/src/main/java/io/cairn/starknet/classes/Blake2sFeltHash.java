package io.cairn.starknet.classes;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Blake2s;
import java.util.List;

/**
 * Hash of a felt sequence with BLAKE2s-256, as Cairo's {@code encode_felt252_data_and_calc_blake_hash} defines it
 * (starknet-types-core {@code Blake2Felt252}; cairo-lang {@code cairo_blake2s/blake2s.cairo}; the compiled class
 * hash V2 uses it).
 *
 * <p>Each felt becomes u32 words: a felt below 2^63 two words (the low 64 bits, high word first); any other felt eight
 * words (its 256-bit big-endian form) with bit 31 of the first word set to mark the long form. The words are
 * serialized little-endian, hashed, and the 32-byte digest is read as a little-endian integer reduced mod p.
 */
public final class Blake2sFeltHash {
  private Blake2sFeltHash() {}

  public static Felt hash(List<Felt> felts) {
    return fromDigest(Blake2s.blake2s256(encode(felts)));
  }

  /** The byte stream that is hashed: each felt's u32 words, each word little-endian. */
  static byte[] encode(List<Felt> felts) {
    int n = felts.size();
    long[][] limbs = new long[n][];
    int bytes = 0;
    for (int i = 0; i < n; i++) {
      long[] c = felts.get(i).canonicalLimbs();
      limbs[i] = c;
      bytes += isSmall(c) ? 8 : 32;
    }
    byte[] message = new byte[bytes];
    int pos = 0;
    for (int i = 0; i < n; i++) {
      long[] c = limbs[i];
      if (isSmall(c)) {
        pos = putWord(message, pos, (int) (c[0] >>> 32));
        pos = putWord(message, pos, (int) c[0]);
      } else {
        for (int limb = 3; limb >= 0; limb--) {
          int hi = (int) (c[limb] >>> 32);
          if (limb == 3) hi |= 0x8000_0000;
          pos = putWord(message, pos, hi);
          pos = putWord(message, pos, (int) c[limb]);
        }
      }
    }
    return message;
  }

  public static Felt hash(Felt... felts) {
    return hash(List.of(felts));
  }

  private static boolean isSmall(long[] c) {
    return c[3] == 0 && c[2] == 0 && c[1] == 0 && c[0] >= 0;
  }

  private static int putWord(byte[] b, int pos, int w) {
    b[pos] = (byte) w;
    b[pos + 1] = (byte) (w >>> 8);
    b[pos + 2] = (byte) (w >>> 16);
    b[pos + 3] = (byte) (w >>> 24);
    return pos + 4;
  }

  /** The digest as a little-endian 256-bit integer, reduced mod p. */
  static Felt fromDigest(byte[] digest) {
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) be[32 - i] = digest[i];
    return Felt.fromBigIntegerReduced(new java.math.BigInteger(be));
  }
}
