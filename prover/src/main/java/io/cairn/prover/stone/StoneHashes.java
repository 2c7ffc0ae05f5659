package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.crypto.hash.Blake2s;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Poseidon;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Stone's hash options by name (PROVER.md §7): byte digests, Merkle nodes and table rows. The row and node kernels
 * work on Montgomery limbs and caller buffers with a per-thread {@link Scratch}, so hashing a tree allocates nothing
 * per leaf or node.
 */
public final class StoneHashes {
  private StoneHashes() {}

  private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  public static boolean known(String name) {
    return switch (name) {
      case "keccak256", "keccak256_masked160_msb", "keccak256_masked160_lsb", "blake256", "blake256_masked160_msb",
          "blake256_masked160_lsb", "blake256_masked248_lsb", "poseidon3" -> true;
      default -> false;
    };
  }

  /** Per-thread buffers of the row and node kernels. */
  public static final class Scratch {
    private final long[] lanes = new long[25];
    private final long[] state = new long[Poseidon.STATE_LONGS];
    private final long[] permutation = new long[Poseidon.SCRATCH_LONGS];
    private final long[] limbs = new long[4];
    private byte[] bytes = new byte[64];
    private long[] felts = new long[8];

    private byte[] bytes(int n) {
      if (bytes.length < n) bytes = new byte[n];
      return bytes;
    }

    private long[] felts(int n) {
      if (felts.length < n) felts = new long[n];
      return felts;
    }
  }

  /**
   * The hash of a table row in a commitment whose leaf layer uses {@code name}, into {@code out[outOff..+32)}: the
   * row's {@code count} elements ({@code row[off..]}, Montgomery limbs) as 32-byte big-endian words of their
   * Montgomery form (poseidon3 hashes those values as felts), or the element's word itself for a one-column table.
   */
  public static void hashTableRow(String name, long[] row, int off, int count, byte[] out, int outOff, Scratch s) {
    if (count == 1) {
      putBE(row, off, out, outOff);
      return;
    }
    if (name.equals("poseidon3")) {
      long[] in = s.felts(4 * count);
      for (int i = 0; i < count; i++) Fp.toMontgomery(row, off + 4 * i, in, 4 * i); // the felt whose value is the Montgomery word
      Poseidon.hashMany(in, 0, count, s.state);
      putFelt(s.state, 0, out, outOff, s);
      return;
    }
    byte[] b = s.bytes(32 * count);
    for (int i = 0; i < count; i++) putBE(row, off + 4 * i, b, 32 * i);
    digest(name, b, 0, 32 * count, out, outOff, s);
  }

  /**
   * The parent of two 32-byte nodes lying side by side at {@code children[off..off+64)}, into {@code out[outOff..+32)}
   * (which may overlap nothing but itself).
   */
  public static void hashNode(String name, byte[] children, int off, byte[] out, int outOff, Scratch s) {
    if (name.equals("poseidon3")) {
      long[] xy = s.felts(8);
      feltOfNode(children, off, xy, 0, s);
      feltOfNode(children, off + 32, xy, 4, s);
      Poseidon.hash(xy, 0, xy, 4, xy, 0, s.state, s.permutation);
      putFelt(xy, 0, out, outOff, s);
      return;
    }
    digest(name, children, off, 64, out, outOff, s);
  }

  /** A byte-oriented hash of {@code data[off..off+len)}, masked as its name says, into {@code out[outOff..+32)}. */
  public static void digest(String name, byte[] data, int off, int len, byte[] out, int outOff, Scratch s) {
    switch (name) {
      case "keccak256", "keccak256_masked160_msb", "keccak256_masked160_lsb" -> Keccak.keccak256(data, off, len, out, outOff, s.lanes);
      case "blake256", "blake256_masked160_msb", "blake256_masked160_lsb", "blake256_masked248_lsb" -> Blake2s.blake2s256(data, off, len, out, outOff);
      default -> throw new IllegalArgumentException("hash '" + name + "' cannot hash bytes here");
    }
    if (name.endsWith("_masked160_msb")) Arrays.fill(out, outOff + 20, outOff + 32, (byte) 0);
    else if (name.endsWith("_masked160_lsb")) Arrays.fill(out, outOff, outOff + 12, (byte) 0);
    else if (name.endsWith("_masked248_lsb")) out[outOff] = 0;
  }

  /** A byte-oriented hash, masked as its name says. */
  public static byte[] digest(String name, byte[] data) {
    byte[] h = new byte[32];
    digest(name, data, 0, data.length, h, 0, new Scratch());
    return h;
  }

  /** A Merkle node read as a field element for poseidon3: its big-endian value, which must lie below p. */
  private static void feltOfNode(byte[] b, int off, long[] r, int ro, Scratch s) {
    long[] l = s.limbs;
    for (int i = 0; i < 4; i++) l[i] = (long) LONG_BE.get(b, off + 24 - 8 * i);
    if (!Fp.isCanonical(l[0], l[1], l[2], l[3]))
      throw new IllegalArgumentException("a Merkle node is not a field element, so it cannot feed poseidon3");
    Fp.toMontgomery(l, 0, r, ro);
  }

  /** A Montgomery element's standard value as 32 big-endian bytes. */
  private static void putFelt(long[] a, int ao, byte[] out, int outOff, Scratch s) {
    Fp.fromMontgomery(a, ao, s.limbs, 0);
    putBE(s.limbs, 0, out, outOff);
  }

  /** Four little-endian limbs as one 32-byte big-endian word. */
  private static void putBE(long[] a, int ao, byte[] out, int o) {
    for (int i = 0; i < 4; i++) LONG_BE.set(out, o + 24 - 8 * i, a[ao + i]);
  }
}
