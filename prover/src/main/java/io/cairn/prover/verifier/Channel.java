package io.cairn.prover.verifier;

import io.cairn.prover.air.AirDescription;
import io.cairn.prover.air.CpuAirValues;
import io.cairn.prover.stone.StoneHashes;
import io.cairn.prover.stone.StoneProof.Parameters;
import io.cairn.prover.stone.StoneProof.PublicInput;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stone's non-interactive (Fiat–Shamir) channel as the verifier replays it: what the prover sent is mixed into the
 * state, and the verifier's randomness is drawn from it.
 */
public abstract sealed class Channel {
  /**
   * The channel of a proof, seeded with its public input (cpu_air_statement's initial hash chain seed): poseidon3
   * over the words as felts on the felt channel, else the byte channel's hash (or the verifier-friendly one when so
   * configured) over their concatenation. The prover and the verifier start from this same state.
   */
  public static Channel seeded(AirDescription air, PublicInput pi, Parameters prm, int stoneVersion) {
    List<byte[]> words = CpuAirValues.publicInputWords(air, pi, prm, stoneVersion);
    if ("poseidon3".equals(prm.channelHash())) {
      List<Felt> felts = new ArrayList<>();
      for (byte[] w : words) felts.add(Felt.fromBytesBE(w));
      return new FeltChannel(Poseidon.hashMany(felts));
    }
    byte[] seed = new byte[32 * words.size()];
    for (int i = 0; i < words.size(); i++) System.arraycopy(words.get(i), 0, seed, 32 * i, 32);
    String seedHash = prm.verifierFriendlyChannelUpdates() ? prm.verifierFriendlyCommitmentHash() : prm.channelHash();
    return new ByteChannel(prm.channelHash(), seed, seedHash);
  }

  /** A commitment (Merkle root) sent by the prover. */
  public abstract void absorbHash(byte[] hash);

  /** One field element sent on its own. */
  public abstract void absorbFelt(Felt value);

  /** A span of field elements sent as one message. */
  public abstract void absorbFelts(Felt[] values);

  public abstract void absorbNonce(long nonce);

  public abstract Felt randomFelt();

  /** A query index in [0, bound). */
  public abstract long randomQuery(long bound);

  /** The query indices after the proof of work: {@code n} draws in [0, domainSize), sorted, duplicates dropped. */
  public long[] queries(int n, long domainSize) {
    java.util.TreeSet<Long> sorted = new java.util.TreeSet<>();
    for (int i = 0; i < n; i++) sorted.add(randomQuery(domainSize));
    long[] q = new long[sorted.size()];
    int i = 0;
    for (long v : sorted) q[i++] = v;
    return q;
  }

  /** The state the proof of work is computed from. */
  public abstract byte[] stateBytes();

  /** Bytes the proof of work nonce takes in proof_hex. */
  public abstract int nonceBytes();

  /** The poseidon3 channel (noninteractive_*_felt_channel): state is one felt, randomness is poseidon(state, counter). */
  public static final class FeltChannel extends Channel {
    private Felt state;
    private long counter;

    FeltChannel(Felt seed) {
      state = seed;
    }

    @Override
    public void absorbHash(byte[] hash) {
      BigInteger v = new BigInteger(1, hash);
      if (v.compareTo(Felt.MODULUS) >= 0)
        throw new VerificationException("commitment", "a commitment on the poseidon3 channel is not a field element");
      absorbFelt(Felt.of(v));
    }

    @Override
    public void absorbFelt(Felt value) {
      absorbFelts(new Felt[] {value});
    }

    @Override
    public void absorbFelts(Felt[] values) {
      List<Felt> data = new ArrayList<>(values.length + 1);
      data.add(state.add(Felt.ONE));
      data.addAll(Arrays.asList(values));
      state = Poseidon.hashMany(data);
      counter = 0;
    }

    @Override
    public void absorbNonce(long nonce) {
      absorbFelt(Felt.fromCanonicalLimbs(nonce, 0, 0, 0));
    }

    @Override
    public Felt randomFelt() {
      return Poseidon.hash(state, Felt.of(counter++));
    }

    @Override
    public long randomQuery(long bound) {
      long[] limbs = randomFelt().canonicalLimbs();
      // low 128 bits modulo the bound
      return new BigInteger(1, StoneVerifier.toBytes(limbs[1], limbs[0])).mod(BigInteger.valueOf(bound)).longValue();
    }

    @Override
    public byte[] stateBytes() {
      return state.toBytesBE();
    }

    @Override
    public int nonceBytes() {
      return 32;
    }
  }

  /**
   * The byte channel (noninteractive_*_channel with a hash chain): state is a digest; a message b makes it
   * H((state + 1) ‖ b); randomness is H(state ‖ counter) with spare bytes kept; field elements are drawn and sent in
   * Montgomery form.
   */
  public static final class ByteChannel extends Channel {
    private static final BigInteger MAX_DIVISIBLE = Felt.MODULUS.multiply(BigInteger.valueOf(31));
    private final String hash;
    private byte[] state;
    private long counter;
    private final byte[] spare = new byte[64];
    private int nSpare;

    /** @param seedHash the hash of the public input: the channel hash, or the verifier-friendly one when so configured */
    ByteChannel(String hash, byte[] seedBytes, String seedHash) {
      this.hash = hash;
      this.state = StoneHashes.digest(seedHash, seedBytes);
    }

    private void mix(byte[] bytes) {
      byte[] inc = new BigInteger(1, state).add(BigInteger.ONE).mod(BigInteger.ONE.shiftLeft(256)).toByteArray();
      byte[] data = new byte[32 + bytes.length];
      int n = Math.min(inc.length, 32);
      System.arraycopy(inc, inc.length - n, data, 32 - n, n);
      System.arraycopy(bytes, 0, data, 32, bytes.length);
      state = StoneHashes.digest(hash, data);
      counter = 0;
      nSpare = 0;
    }

    @Override
    public void absorbHash(byte[] h) {
      mix(h);
    }

    @Override
    public void absorbFelt(Felt value) {
      mix(montgomeryBytes(value));
    }

    @Override
    public void absorbFelts(Felt[] values) {
      byte[] b = new byte[32 * values.length];
      for (int i = 0; i < values.length; i++) System.arraycopy(montgomeryBytes(values[i]), 0, b, 32 * i, 32);
      mix(b);
    }

    @Override
    public void absorbNonce(long nonce) {
      byte[] b = new byte[8];
      for (int i = 0; i < 8; i++) b[i] = (byte) (nonce >>> (56 - 8 * i));
      mix(b);
    }

    static byte[] montgomeryBytes(Felt v) {
      return io.cairn.prover.air.CpuAirValues.montgomeryForm(v).toBytesBE();
    }

    private byte[] block() {
      byte[] data = new byte[64];
      System.arraycopy(state, 0, data, 0, 32);
      long c = counter++;
      for (int i = 0; i < 8; i++) data[56 + i] = (byte) (c >>> (56 - 8 * i));
      return StoneHashes.digest(hash, data);
    }

    private byte[] randomBytes(int n) {
      byte[] out = new byte[n];
      int full = n / 32;
      for (int i = 0; i < full; i++) System.arraycopy(block(), 0, out, 32 * i, 32);
      int tail = n % 32;
      if (tail == 0) return out;
      if (tail <= nSpare) {
        System.arraycopy(spare, 0, out, 32 * full, tail);
        System.arraycopy(spare, tail, spare, 0, nSpare - tail);
        nSpare -= tail;
      } else {
        byte[] b = block();
        System.arraycopy(b, 0, out, 32 * full, tail);
        System.arraycopy(b, tail, spare, nSpare, 32 - tail);
        nSpare += 32 - tail;
      }
      return out;
    }

    @Override
    public Felt randomFelt() {
      while (true) {
        BigInteger r = new BigInteger(1, randomBytes(32));
        if (r.compareTo(MAX_DIVISIBLE) >= 0) continue;
        long[] limbs = io.cairn.crypto.field.Fp.canonicalLimbs(r.mod(Felt.MODULUS));
        return Felt.fromMontgomeryLimbs(limbs, 0); // the drawn integer is the element's Montgomery form
      }
    }

    @Override
    public long randomQuery(long bound) {
      byte[] b = randomBytes(8);
      long v = 0;
      for (int i = 0; i < 8; i++) v = (v << 8) | (b[i] & 0xff);
      return Long.remainderUnsigned(v, bound);
    }

    @Override
    public byte[] stateBytes() {
      return state.clone();
    }

    @Override
    public int nonceBytes() {
      return 8;
    }
  }
}
