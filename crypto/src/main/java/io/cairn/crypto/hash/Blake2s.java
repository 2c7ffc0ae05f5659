package io.cairn.crypto.hash;

/**
 * BLAKE2s-256 (RFC 7693), unkeyed, and its compression function F(h, m, t, f) as Cairo's blake2s hints and the
 * blake2s builtin use it: eight state words, sixteen little-endian message words, the 64-bit byte counter as
 * (t0, t1) and the finalization flags (f0, f1).
 */
public final class Blake2s {
  private Blake2s() {}

  static final int[] IV = {
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
  };

  private static final byte[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
  };

  /** The state after the parameter block of an unkeyed 32-byte digest: IV ^ 0x01010020. */
  public static int[] initialState() {
    int[] h = IV.clone();
    h[0] ^= 0x01010020;
    return h;
  }

  public static byte[] blake2s256(byte[] data) {
    byte[] out = new byte[32];
    blake2s256(data, 0, data.length, out, 0);
    return out;
  }

  /** BLAKE2s-256 of {@code data[off..off+len)} into {@code out[outOff..outOff+32)}. */
  public static void blake2s256(byte[] data, int off, int len, byte[] out, int outOff) {
    int[] h = initialState();
    int[] m = new int[16];
    long t = 0;
    int p = off, end = off + len;
    // every block but the last is compressed without the final flag; an empty input is one zero block
    while (end - p > 64) {
      for (int i = 0; i < 16; i++) m[i] = readLE(data, p + 4 * i);
      t += 64;
      compress(h, 0, m, 0, (int) t, (int) (t >>> 32), 0, 0);
      p += 64;
    }
    int rest = end - p;
    java.util.Arrays.fill(m, 0);
    for (int i = 0; i < rest; i++) m[i >>> 2] |= (data[p + i] & 0xff) << (8 * (i & 3));
    t += rest;
    compress(h, 0, m, 0, (int) t, (int) (t >>> 32), 0xffffffff, 0);
    for (int i = 0; i < 32; i++) out[outOff + i] = (byte) (h[i >>> 2] >>> (8 * (i & 3)));
  }

  /**
   * The compression function F, in place on {@code h[ho..ho+7]} with message words {@code m[mo..mo+15]}, counter
   * (t0, t1) and flags (f0, f1): 0xffffffff in f0 marks the last block.
   */
  public static void compress(int[] h, int ho, int[] m, int mo, int t0, int t1, int f0, int f1) {
    int v0 = h[ho], v1 = h[ho + 1], v2 = h[ho + 2], v3 = h[ho + 3];
    int v4 = h[ho + 4], v5 = h[ho + 5], v6 = h[ho + 6], v7 = h[ho + 7];
    int v8 = IV[0], v9 = IV[1], v10 = IV[2], v11 = IV[3];
    int v12 = IV[4] ^ t0, v13 = IV[5] ^ t1, v14 = IV[6] ^ f0, v15 = IV[7] ^ f1;
    for (int r = 0; r < 10; r++) {
      byte[] s = SIGMA[r];
      // columns
      v0 += v4 + m[mo + s[0]]; v12 = Integer.rotateRight(v12 ^ v0, 16); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 12);
      v0 += v4 + m[mo + s[1]]; v12 = Integer.rotateRight(v12 ^ v0, 8); v8 += v12; v4 = Integer.rotateRight(v4 ^ v8, 7);
      v1 += v5 + m[mo + s[2]]; v13 = Integer.rotateRight(v13 ^ v1, 16); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 12);
      v1 += v5 + m[mo + s[3]]; v13 = Integer.rotateRight(v13 ^ v1, 8); v9 += v13; v5 = Integer.rotateRight(v5 ^ v9, 7);
      v2 += v6 + m[mo + s[4]]; v14 = Integer.rotateRight(v14 ^ v2, 16); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 12);
      v2 += v6 + m[mo + s[5]]; v14 = Integer.rotateRight(v14 ^ v2, 8); v10 += v14; v6 = Integer.rotateRight(v6 ^ v10, 7);
      v3 += v7 + m[mo + s[6]]; v15 = Integer.rotateRight(v15 ^ v3, 16); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 12);
      v3 += v7 + m[mo + s[7]]; v15 = Integer.rotateRight(v15 ^ v3, 8); v11 += v15; v7 = Integer.rotateRight(v7 ^ v11, 7);
      // diagonals
      v0 += v5 + m[mo + s[8]]; v15 = Integer.rotateRight(v15 ^ v0, 16); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 12);
      v0 += v5 + m[mo + s[9]]; v15 = Integer.rotateRight(v15 ^ v0, 8); v10 += v15; v5 = Integer.rotateRight(v5 ^ v10, 7);
      v1 += v6 + m[mo + s[10]]; v12 = Integer.rotateRight(v12 ^ v1, 16); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 12);
      v1 += v6 + m[mo + s[11]]; v12 = Integer.rotateRight(v12 ^ v1, 8); v11 += v12; v6 = Integer.rotateRight(v6 ^ v11, 7);
      v2 += v7 + m[mo + s[12]]; v13 = Integer.rotateRight(v13 ^ v2, 16); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 12);
      v2 += v7 + m[mo + s[13]]; v13 = Integer.rotateRight(v13 ^ v2, 8); v8 += v13; v7 = Integer.rotateRight(v7 ^ v8, 7);
      v3 += v4 + m[mo + s[14]]; v14 = Integer.rotateRight(v14 ^ v3, 16); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 12);
      v3 += v4 + m[mo + s[15]]; v14 = Integer.rotateRight(v14 ^ v3, 8); v9 += v14; v4 = Integer.rotateRight(v4 ^ v9, 7);
    }
    h[ho] ^= v0 ^ v8;
    h[ho + 1] ^= v1 ^ v9;
    h[ho + 2] ^= v2 ^ v10;
    h[ho + 3] ^= v3 ^ v11;
    h[ho + 4] ^= v4 ^ v12;
    h[ho + 5] ^= v5 ^ v13;
    h[ho + 6] ^= v6 ^ v14;
    h[ho + 7] ^= v7 ^ v15;
  }

  private static int readLE(byte[] b, int o) {
    return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
  }
}
