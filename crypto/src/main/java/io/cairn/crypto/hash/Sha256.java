package io.cairn.crypto.hash;

/**
 * SHA-256 (FIPS 180-4), with the block-level kernels that Cairo's sha256 hints and the {@code Sha256ProcessBlock}
 * syscall need: the message schedule, the compression function over a schedule, and one whole block.
 *
 * <p>Kernels work on {@code int[]} words (big-endian words of the message, as FIPS 180-4 defines them) and update the
 * caller's state in place, so they allocate nothing.
 */
public final class Sha256 {
  private Sha256() {}

  /** The initial hash value H(0). */
  private static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  /** A fresh copy of the initial state H(0) (eight words). */
  public static int[] initialState() {
    return IV.clone();
  }

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    int[] h = IV.clone();
    int[] w = new int[64];
    int full = data.length / 64;
    for (int b = 0; b < full; b++) {
      for (int i = 0; i < 16; i++) w[i] = readBE(data, b * 64 + 4 * i);
      processSchedule(h, w);
    }
    // padding: 0x80, zeros, 64-bit big-endian bit length; one or two final blocks
    byte[] tail = new byte[128];
    int rest = data.length - full * 64;
    System.arraycopy(data, full * 64, tail, 0, rest);
    tail[rest] = (byte) 0x80;
    int tailLen = rest + 9 <= 64 ? 64 : 128;
    long bits = (long) data.length * 8;
    for (int i = 0; i < 8; i++) tail[tailLen - 1 - i] = (byte) (bits >>> (8 * i));
    for (int b = 0; b < tailLen; b += 64) {
      for (int i = 0; i < 16; i++) w[i] = readBE(tail, b + 4 * i);
      processSchedule(h, w);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 8; i++) writeBE(h[i], out, 4 * i);
    return out;
  }

  /**
   * Processes one 64-byte block given as 16 big-endian words at {@code block[bo..bo+15]}, updating the eight state
   * words at {@code state[so..so+7]} in place (the {@code Sha256ProcessBlock} syscall). No padding is applied.
   */
  public static void processBlock(int[] state, int so, int[] block, int bo) {
    processBlock(state, so, block, bo, new int[64]);
  }

  /** As above with a caller's 64-word schedule scratch {@code w}: no allocation. */
  public static void processBlock(int[] state, int so, int[] block, int bo, int[] w) {
    System.arraycopy(block, bo, w, 0, 16);
    expand(w);
    compress(state, so, w);
  }

  /** Fills {@code w[16..63]} from {@code w[0..15]}: the message schedule (cairo-lang's compute_message_schedule). */
  public static void expand(int[] w) {
    for (int t = 16; t < 64; t++) {
      int x = w[t - 15], y = w[t - 2];
      int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
      int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
  }

  /**
   * The compression function over a complete 64-word schedule: state ← state + rounds(state, w), in place
   * (cairo-lang's sha2_compress_function).
   */
  public static void compress(int[] state, int so, int[] w) {
    int a = state[so], b = state[so + 1], c = state[so + 2], d = state[so + 3];
    int e = state[so + 4], f = state[so + 5], g = state[so + 6], h = state[so + 7];
    for (int t = 0; t < 64; t++) {
      int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int ch = (e & f) ^ (~e & g);
      int t1 = h + s1 + ch + K[t] + w[t];
      int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int maj = (a & b) ^ (a & c) ^ (b & c);
      int t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    state[so] += a;
    state[so + 1] += b;
    state[so + 2] += c;
    state[so + 3] += d;
    state[so + 4] += e;
    state[so + 5] += f;
    state[so + 6] += g;
    state[so + 7] += h;
  }

  private static void processSchedule(int[] h, int[] w) {
    expand(w);
    compress(h, 0, w);
  }

  private static int readBE(byte[] b, int o) {
    return (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
  }

  private static void writeBE(int v, byte[] b, int o) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }
}
