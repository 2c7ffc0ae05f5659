package io.cairn.crypto.hash;

import io.cairn.crypto.field.Felt;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Keccak-256 (Ethereum's: the original Keccak padding 0x01…0x80, not SHA3-256's 0x06) and Starknet's 250-bit
 * starknet_keccak.
 *
 * <p>{@link #keccakF1600} is the bare permutation on 25 little-endian lanes (lane (x, y) at index x + 5y), the form
 * the VM's keccak builtin and Cairo's keccak hints use. {@link #keccak256(byte[], int, int, byte[], int)} hashes into
 * a caller's buffer with a caller's lane array and so allocates nothing.
 */
public final class Keccak {
  private Keccak() {}

  /** Rate of Keccak-256 in bytes (1600 − 2·256 bits). */
  public static final int RATE_BYTES = 136;

  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  /** Eight bytes as one little-endian lane, read and written whole rather than byte by byte. */
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** 2^250 − 1 as limbs: starknet_keccak keeps the low 250 bits. */
  private static final long TOP_LIMB_MASK_250 = (1L << 58) - 1;

  public static byte[] keccak256(byte[] data) {
    byte[] out = new byte[32];
    keccak256(data, 0, data.length, out, 0, new long[25]);
    return out;
  }

  /** Keccak-256 of {@code data[off..off+len)} into {@code out[outOff..outOff+32)}. */
  public static void keccak256(byte[] data, int off, int len, byte[] out, int outOff) {
    keccak256(data, off, len, out, outOff, new long[25]);
  }

  /** As above, with a caller-supplied 25-lane scratch state: no allocation. */
  public static void keccak256(byte[] data, int off, int len, byte[] out, int outOff, long[] lanes) {
    java.util.Arrays.fill(lanes, 0, 25, 0L);
    int end = off + len;
    int p = off;
    while (end - p >= RATE_BYTES) {
      for (int i = 0; i < RATE_BYTES / 8; i++) lanes[i] ^= (long) LONG_LE.get(data, p + 8 * i);
      keccakF1600(lanes);
      p += RATE_BYTES;
    }
    // last, partial block: absorb bytes, then the pad10*1 bits of the original Keccak (0x01 … 0x80)
    int rest = end - p, whole = rest >>> 3;
    for (int i = 0; i < whole; i++) lanes[i] ^= (long) LONG_LE.get(data, p + 8 * i);
    for (int i = 8 * whole; i < rest; i++) lanes[i >>> 3] ^= (data[p + i] & 0xffL) << (8 * (i & 7));
    lanes[rest >>> 3] ^= 0x01L << (8 * (rest & 7));
    lanes[(RATE_BYTES - 1) >>> 3] ^= 0x80L << 56;
    keccakF1600(lanes);
    for (int i = 0; i < 4; i++) LONG_LE.set(out, outOff + 8 * i, lanes[i]);
  }

  /** keccak256(data) with the top 6 bits cleared: Starknet's starknet_keccak. */
  public static Felt starknetKeccak(byte[] data) {
    byte[] h = keccak256(data);
    long l3 = readBE(h, 0) & TOP_LIMB_MASK_250;
    return Felt.fromCanonicalLimbs(readBE(h, 24), readBE(h, 16), readBE(h, 8), l3);
  }

  /** The Keccak-f[1600] permutation, in place on lanes {@code a[0..24]}. */
  public static void keccakF1600(long[] a) {
    long a00 = a[0], a01 = a[1], a02 = a[2], a03 = a[3], a04 = a[4];
    long a05 = a[5], a06 = a[6], a07 = a[7], a08 = a[8], a09 = a[9];
    long a10 = a[10], a11 = a[11], a12 = a[12], a13 = a[13], a14 = a[14];
    long a15 = a[15], a16 = a[16], a17 = a[17], a18 = a[18], a19 = a[19];
    long a20 = a[20], a21 = a[21], a22 = a[22], a23 = a[23], a24 = a[24];
    for (int round = 0; round < 24; round++) {
      // θ
      long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
      long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
      long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
      long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
      long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      // ρ and π: b[y, 2x+3y] = rot(a[x, y], r[x, y])
      long b00 = a00 ^ d0;
      long b10 = Long.rotateLeft(a01 ^ d1, 1);
      long b20 = Long.rotateLeft(a02 ^ d2, 62);
      long b05 = Long.rotateLeft(a03 ^ d3, 28);
      long b15 = Long.rotateLeft(a04 ^ d4, 27);
      long b16 = Long.rotateLeft(a05 ^ d0, 36);
      long b01 = Long.rotateLeft(a06 ^ d1, 44);
      long b11 = Long.rotateLeft(a07 ^ d2, 6);
      long b21 = Long.rotateLeft(a08 ^ d3, 55);
      long b06 = Long.rotateLeft(a09 ^ d4, 20);
      long b07 = Long.rotateLeft(a10 ^ d0, 3);
      long b17 = Long.rotateLeft(a11 ^ d1, 10);
      long b02 = Long.rotateLeft(a12 ^ d2, 43);
      long b12 = Long.rotateLeft(a13 ^ d3, 25);
      long b22 = Long.rotateLeft(a14 ^ d4, 39);
      long b23 = Long.rotateLeft(a15 ^ d0, 41);
      long b08 = Long.rotateLeft(a16 ^ d1, 45);
      long b18 = Long.rotateLeft(a17 ^ d2, 15);
      long b03 = Long.rotateLeft(a18 ^ d3, 21);
      long b13 = Long.rotateLeft(a19 ^ d4, 8);
      long b14 = Long.rotateLeft(a20 ^ d0, 18);
      long b24 = Long.rotateLeft(a21 ^ d1, 2);
      long b09 = Long.rotateLeft(a22 ^ d2, 61);
      long b19 = Long.rotateLeft(a23 ^ d3, 56);
      long b04 = Long.rotateLeft(a24 ^ d4, 14);
      // χ and ι
      a00 = b00 ^ (~b01 & b02) ^ RC[round];
      a01 = b01 ^ (~b02 & b03);
      a02 = b02 ^ (~b03 & b04);
      a03 = b03 ^ (~b04 & b00);
      a04 = b04 ^ (~b00 & b01);
      a05 = b05 ^ (~b06 & b07);
      a06 = b06 ^ (~b07 & b08);
      a07 = b07 ^ (~b08 & b09);
      a08 = b08 ^ (~b09 & b05);
      a09 = b09 ^ (~b05 & b06);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
    }
    a[0] = a00; a[1] = a01; a[2] = a02; a[3] = a03; a[4] = a04;
    a[5] = a05; a[6] = a06; a[7] = a07; a[8] = a08; a[9] = a09;
    a[10] = a10; a[11] = a11; a[12] = a12; a[13] = a13; a[14] = a14;
    a[15] = a15; a[16] = a16; a[17] = a17; a[18] = a18; a[19] = a19;
    a[20] = a20; a[21] = a21; a[22] = a22; a[23] = a23; a[24] = a24;
  }

  private static long readBE(byte[] b, int o) {
    long v = 0;
    for (int i = 0; i < 8; i++) v = (v << 8) | (b[o + i] & 0xffL);
    return v;
  }
}
