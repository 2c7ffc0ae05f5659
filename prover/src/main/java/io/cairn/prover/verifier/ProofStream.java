package io.cairn.prover.verifier;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.Arrays;

/** Reads the prover's messages from proof_hex in transcript order: 32-byte field elements and hashes. */
final class ProofStream {
  private final byte[] bytes;
  private final boolean montgomery;
  private int pos;

  /** @param montgomery true for the Keccak channel, whose field elements are written in Montgomery form */
  ProofStream(byte[] bytes, boolean montgomery) {
    this.bytes = bytes;
    this.montgomery = montgomery;
  }

  byte[] next(int n, String what) {
    if (pos + n > bytes.length)
      throw new VerificationException("proof length", "proof_hex ends at byte " + bytes.length + " while reading " + what);
    byte[] r = Arrays.copyOfRange(bytes, pos, pos + n);
    pos += n;
    return r;
  }

  Felt felt(String what) {
    return felt(what, montgomery);
  }

  /**
   * A decommitted table value. Stone writes those as their Montgomery form whatever the channel (the
   * felt channel only writes the elements it sends through the channel itself in standard form).
   */
  Felt tableValue(String what) {
    return felt(what, true);
  }

  private Felt felt(String what, boolean montgomery) {
    int at = pos;
    byte[] b = next(32, what);
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) for (int k = 0; k < 8; k++) l[i] = (l[i] << 8) | (b[(3 - i) * 8 + k] & 0xff);
    if (!Fp.isCanonical(l[0], l[1], l[2], l[3]))
      throw new VerificationException("field element", what + " at proof byte " + at + " is not below the field prime");
    if (montgomery) return Felt.fromMontgomeryLimbs(l, 0);
    return Felt.fromCanonicalLimbs(l[0], l[1], l[2], l[3]);
  }

  int position() {
    return pos;
  }

  int length() {
    return bytes.length;
  }
}
