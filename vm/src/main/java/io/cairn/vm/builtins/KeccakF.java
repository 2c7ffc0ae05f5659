package io.cairn.vm.builtins;

/**
 * The bare Keccak-f[1600] permutation over a 200-byte little-endian lane state (FIPS 202 §3), which the keccak
 * builtin and the keccak hints apply without padding. The crypto module's Keccak exposes only the padded sponge.
 */
public final class KeccakF {
  private KeccakF() {}

  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };
  private static final int[] ROT = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
  };

  public static void permute(byte[] state) {
    long[] a = new long[25];
    for (int i = 0; i < 25; i++) {
      long v = 0;
      for (int j = 7; j >= 0; j--) v = (v << 8) | (state[i * 8 + j] & 0xff);
      a[i] = v;
    }
    permute(a);
    for (int i = 0; i < 25; i++) for (int j = 0; j < 8; j++) state[i * 8 + j] = (byte) (a[i] >>> (8 * j));
  }

  /** Lanes indexed x + 5y. */
  public static void permute(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (int round = 0; round < 24; round++) {
      for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
      }
      for (int x = 0; x < 5; x++)
        for (int y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROT[x + 5 * y]);
      for (int y = 0; y < 25; y += 5)
        for (int x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
      a[0] ^= RC[round];
    }
  }
}
