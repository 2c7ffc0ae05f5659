package io.cairn.prover.trace;

import io.cairn.crypto.hash.Keccak;

/**
 * Stone's {@code Prng} ({@code PrngImpl<Keccak256>} over {@code HashChain}), bit for bit: the state is
 * keccak256(seed); each 32-byte block is keccak256(state ‖ 0^24 ‖ counter as 8 big-endian bytes) with the counter
 * counting blocks since the last (re)seed; a request for fewer bytes than a block takes them from the front of the
 * block and keeps the rest as spare bytes, which later short requests consume first. Stone uses it with an empty seed
 * for the nonce of the ECDSA builtin's dummy signature, so the trace depends on it.
 */
final class StonePrng {
  private static final int DIGEST = 32;
  private byte[] state;
  private long counter;
  private final byte[] spare = new byte[2 * DIGEST];
  private int spareCount;

  StonePrng(byte[] seed) {
    state = Keccak.keccak256(seed);
  }

  /** Fills {@code out} with the next pseudo-random bytes ({@code HashChain::GetRandomBytes}). */
  void randomBytes(byte[] out) {
    int fullBlocks = out.length / DIGEST;
    for (int b = 0; b < fullBlocks; b++) block(out, b * DIGEST, DIGEST);
    int tail = out.length % DIGEST;
    if (tail <= spareCount) {
      System.arraycopy(spare, 0, out, fullBlocks * DIGEST, tail);
      spareCount -= tail;
      System.arraycopy(spare, tail, spare, 0, spare.length - tail);
    } else {
      block(out, fullBlocks * DIGEST, tail);
    }
  }

  private void block(byte[] out, int off, int n) {
    byte[] data = new byte[2 * DIGEST];
    System.arraycopy(state, 0, data, 0, DIGEST);
    long c = counter++;
    for (int i = 0; i < 8; i++) data[2 * DIGEST - 1 - i] = (byte) (c >>> (8 * i));
    byte[] h = Keccak.keccak256(data);
    System.arraycopy(h, 0, out, off, n);
    System.arraycopy(h, n, spare, spareCount, DIGEST - n);
    spareCount += DIGEST - n;
  }

  /**
   * {@code HashChain::MixSeedWithBytes}: the state, read as a 256-bit big-endian integer plus {@code increment},
   * followed by {@code bytes}, hashed into the new state; the counter and spare bytes restart.
   */
  void mixSeed(byte[] bytes, long increment) {
    byte[] data = new byte[DIGEST + bytes.length];
    System.arraycopy(state, 0, data, 0, DIGEST);
    long carry = increment;
    for (int i = DIGEST - 1; i >= 0 && carry != 0; i--) {
      long sum = (data[i] & 0xff) + carry;
      data[i] = (byte) sum;
      carry = sum >>> 8;
    }
    System.arraycopy(bytes, 0, data, DIGEST, bytes.length);
    state = Keccak.keccak256(data);
    counter = 0;
    spareCount = 0;
  }

  /**
   * {@code PrngImpl::UniformBigInt(min, max)} for 256-bit values as 4 little-endian limbs: draws 32 bytes (read
   * big-endian), masks them to the bit length of max − min, and retries until the draw is at most max − min.
   */
  long[] uniformBigInt(long[] min, long[] max) {
    long[] range = sub(max, min);
    int bits = 256 - leadingZeros(range);
    long[] mask = new long[4];
    for (int i = 0; i < 4; i++) {
      int b = bits - 64 * i;
      mask[i] = b >= 64 ? -1L : b <= 0 ? 0 : (1L << b) - 1;
    }
    byte[] bytes = new byte[DIGEST];
    while (true) {
      randomBytes(bytes);
      long[] v = new long[4];
      for (int i = 0; i < 4; i++) {
        long w = 0;
        for (int k = 0; k < 8; k++) w = w << 8 | (bytes[8 * (3 - i) + k] & 0xff);
        v[i] = w & mask[i];
      }
      if (compare(v, range) <= 0) return add(min, v);
    }
  }

  static int compare(long[] a, long[] b) {
    for (int i = 3; i >= 0; i--) if (a[i] != b[i]) return Long.compareUnsigned(a[i], b[i]);
    return 0;
  }

  private static int leadingZeros(long[] a) {
    for (int i = 3; i >= 0; i--) if (a[i] != 0) return 64 * (3 - i) + Long.numberOfLeadingZeros(a[i]);
    return 256;
  }

  private static long[] sub(long[] a, long[] b) {
    long[] r = new long[4];
    long borrow = 0;
    for (int i = 0; i < 4; i++) {
      long d = a[i] - b[i] - borrow;
      borrow = (Long.compareUnsigned(a[i], b[i]) < 0 || (a[i] == b[i] && borrow != 0)) ? 1 : 0;
      r[i] = d;
    }
    return r;
  }

  private static long[] add(long[] a, long[] b) {
    long[] r = new long[4];
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long s = a[i] + b[i];
      long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
      long s2 = s + carry;
      long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
      r[i] = s2;
      carry = c1 | c2;
    }
    return r;
  }
}
