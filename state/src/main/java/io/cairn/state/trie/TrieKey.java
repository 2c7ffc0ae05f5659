package io.cairn.state.trie;

import io.cairn.crypto.field.Felt;

/**
 * Trie keys and paths as four canonical little-endian 64-bit limbs. Depth 0 is the root; the bit consulted at depth
 * {@code d} of a trie of height {@code h} is bit {@code h − 1 − d} of the key.
 */
final class TrieKey {
  private TrieKey() {}

  /** The key's limbs; rejects keys that do not fit in {@code height} bits. */
  static long[] of(Felt key, int height, String what) {
    long[] k = key.canonicalLimbs();
    if (bitLength(k) > height)
      throw new IllegalArgumentException(what + " " + key.toHex() + " does not fit in a trie of height " + height);
    return k;
  }

  static int bitLength(long[] k) {
    for (int l = 3; l >= 0; l--) if (k[l] != 0) return l * 64 + 64 - Long.numberOfLeadingZeros(k[l]);
    return 0;
  }

  static int bit(long[] k, int height, int depth) {
    int i = height - 1 - depth;
    return (int) (k[i >>> 6] >>> (i & 63)) & 1;
  }

  /** A copy of {@code k} with the bit at {@code depth} set to {@code b}. */
  static long[] withBit(long[] k, int height, int depth, int b) {
    int i = height - 1 - depth;
    long[] r = k.clone();
    if (b == 0) r[i >>> 6] &= ~(1L << (i & 63));
    else r[i >>> 6] |= 1L << (i & 63);
    return r;
  }

  /** The depth of the first bit where a and b differ (height when equal): the length of their common prefix. */
  static int commonPrefix(long[] a, long[] b, int height) {
    for (int l = 3; l >= 0; l--) {
      long x = a[l] ^ b[l];
      if (x != 0) return height - 1 - (l * 64 + 63 - Long.numberOfLeadingZeros(x));
    }
    return height;
  }

  /** The bits of k at depths [from, to) as an integer (the first of them most significant). */
  static long[] slice(long[] k, int height, int from, int to) {
    long[] r = shiftRight(k, height - to);
    mask(r, to - from);
    return r;
  }

  /** k with the bits at depths [depth, depth + len) replaced by {@code path} and every lower bit cleared. */
  static long[] withPath(long[] k, int height, int depth, long[] path, int len) {
    int low = height - depth;
    long[] r = shiftLeft(shiftRight(k, low), low);
    long[] p = shiftLeft(path, low - len);
    for (int l = 0; l < 4; l++) r[l] |= p[l];
    return r;
  }

  static long[] shiftRight(long[] k, int n) {
    long[] r = new long[4];
    int w = n >>> 6, s = n & 63;
    for (int l = 0; l + w < 4; l++) {
      long lo = k[l + w] >>> s;
      long hi = (s != 0 && l + w + 1 < 4) ? k[l + w + 1] << (64 - s) : 0;
      r[l] = lo | hi;
    }
    return r;
  }

  static long[] shiftLeft(long[] k, int n) {
    long[] r = new long[4];
    int w = n >>> 6, s = n & 63;
    for (int l = 3; l - w >= 0; l--) {
      long hi = k[l - w] << s;
      long lo = (s != 0 && l - w - 1 >= 0) ? k[l - w - 1] >>> (64 - s) : 0;
      r[l] = hi | lo;
    }
    return r;
  }

  /** Keeps the low n bits. */
  static void mask(long[] r, int n) {
    for (int l = 0; l < 4; l++) {
      int lowBit = l * 64;
      if (n <= lowBit) r[l] = 0;
      else if (n < lowBit + 64) r[l] &= (1L << (n - lowBit)) - 1;
    }
  }

  static Felt toFelt(long[] k) {
    return Felt.fromCanonicalLimbs(k[0], k[1], k[2], k[3]);
  }

  static int compare(long[] a, long[] b) {
    for (int l = 3; l >= 0; l--) {
      int c = Long.compareUnsigned(a[l], b[l]);
      if (c != 0) return c;
    }
    return 0;
  }
}
