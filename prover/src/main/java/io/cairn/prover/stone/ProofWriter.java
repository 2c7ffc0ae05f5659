package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import java.io.ByteArrayOutputStream;

/**
 * Writes the prover's messages into proof_hex in transcript order — the mirror of the verifier's {@code ProofStream}:
 * 32-byte hashes, field elements (Montgomery form on the Keccak channel, standard form on the felt channel),
 * decommitted table values (Montgomery form whatever the channel) and the proof-of-work nonce.
 */
public final class ProofWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final boolean montgomery;

  /** @param montgomery true for the Keccak channel, whose field elements are written in Montgomery form */
  public ProofWriter(boolean montgomery) {
    this.montgomery = montgomery;
  }

  public void hash(byte[] h) {
    if (h.length != 32) throw new IllegalArgumentException("a commitment is 32 bytes, got " + h.length);
    out.writeBytes(h);
  }

  /** Raw bytes (authentication nodes). */
  public void bytes(byte[] b) {
    out.writeBytes(b);
  }

  public void felt(Felt v) {
    out.writeBytes(montgomery ? io.cairn.prover.air.CpuAirValues.montgomeryForm(v).toBytesBE() : v.toBytesBE());
  }

  /** A decommitted table value given as Montgomery limbs at {@code a[offset..offset+3]}: its raw Montgomery form. */
  public void tableValue(long[] a, int offset) {
    for (int limb = 3; limb >= 0; limb--) {
      long l = a[offset + limb];
      for (int k = 56; k >= 0; k -= 8) out.write((int) (l >>> k));
    }
  }

  public void tableValue(Felt v) {
    out.writeBytes(io.cairn.prover.air.CpuAirValues.montgomeryForm(v).toBytesBE());
  }

  /** The nonce as a big-endian word of {@code width} bytes (32 on the felt channel, 8 on the byte channel). */
  public void nonce(long nonce, int width) {
    for (int i = 0; i < width - 8; i++) out.write(0);
    for (int k = 56; k >= 0; k -= 8) out.write((int) (nonce >>> k));
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
