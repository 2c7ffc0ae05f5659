package io.cairn.vm.builtins;

/** Byte-state adapter over the crypto module's bare Keccak-f[1600] (the keccak builtin's 200-byte LE state). */
public final class KeccakF {
  private KeccakF() {}

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
    io.cairn.crypto.hash.Keccak.keccakF1600(a);
  }
}
