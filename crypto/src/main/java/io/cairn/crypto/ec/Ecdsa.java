package io.cairn.crypto.ec;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ECDSA over the Stark curve as Starknet uses it (cairo-lang {@code signature.py}, starknet-rs {@code starknet-crypto}).
 *
 * <p>Differences from textbook ECDSA: r is the x coordinate itself (not reduced mod n); the validity domain is
 * 0 ≤ msg_hash < 2^251, 1 ≤ r < 2^251, 1 ≤ s < n and 1 ≤ w = s⁻¹ mod n < 2^251; a public key is its x coordinate
 * alone, and a signature is valid when it verifies against either point with that x. Signing draws k by RFC 6979
 * (HMAC-SHA256) from the private key, the message hash and an optional seed, and retries with seed + 1 (the first
 * retry uses seed 1) while k gives an r, s or w outside the domain, as cairo-lang does.
 */
public final class Ecdsa {
  private Ecdsa() {}

  /** A signature (r, s). */
  public record Signature(Felt r, Felt s) {}

  static final BigInteger N = StarkCurve.ORDER;
  static final BigInteger BOUND = BigInteger.ONE.shiftLeft(251);

  /** The x coordinate of privateKey·G; the private key must be in [1, n). */
  public static Felt publicKey(Felt privateKey) {
    return publicPoint(privateKey).x();
  }

  /** privateKey·G. */
  public static EcPoint publicPoint(Felt privateKey) {
    BigInteger d = privateKey.toBigInteger();
    if (d.signum() == 0 || d.compareTo(N) >= 0)
      throw new IllegalArgumentException("private key out of range [1, n): " + privateKey);
    long[] r = new long[Jacobian.SIZE];
    StarkCurve.generatorTable().multiply(privateKey.canonicalLimbs(), 0, r, 0, new long[Jacobian.SCRATCH]);
    return EcPoint.fromJacobian(r, 0);
  }

  /** Signs with RFC 6979's deterministic k and no seed, as cairo-lang's {@code sign(msg_hash, priv_key)}. */
  public static Signature sign(Felt privateKey, Felt messageHash) {
    return sign(privateKey, messageHash, null);
  }

  /** Signs with RFC 6979's k drawn with extra entropy {@code seed} (null for none). */
  public static Signature sign(Felt privateKey, Felt messageHash, Felt seed) {
    requireSignable(privateKey, messageHash);
    BigInteger s0 = seed == null ? null : seed.toBigInteger();
    while (true) {
      BigInteger k = generateK(messageHash, privateKey, s0 == null ? null : Felt.fromBigIntegerReduced(s0));
      Signature sig = trySign(privateKey, messageHash, k);
      if (sig != null) return sig;
      s0 = s0 == null ? BigInteger.ONE : s0.add(BigInteger.ONE);
    }
  }

  /**
   * Signs with a caller's k (1 ≤ k < n), as starknet-rs's {@code sign(private_key, message, k)}; throws
   * {@link IllegalArgumentException} when that k yields a signature outside Starknet's domain.
   */
  public static Signature signWithK(Felt privateKey, Felt messageHash, BigInteger k) {
    requireSignable(privateKey, messageHash);
    if (k.signum() <= 0 || k.compareTo(N) >= 0) throw new IllegalArgumentException("k out of range [1, n): " + k);
    Signature sig = trySign(privateKey, messageHash, k);
    if (sig == null) throw new IllegalArgumentException("k = " + k + " gives a signature outside Starknet's domain");
    return sig;
  }

  private static void requireSignable(Felt privateKey, Felt messageHash) {
    BigInteger d = privateKey.toBigInteger();
    if (d.signum() == 0 || d.compareTo(N) >= 0)
      throw new IllegalArgumentException("private key out of range [1, n): " + privateKey);
    if (messageHash.toBigInteger().compareTo(BOUND) >= 0)
      throw new IllegalArgumentException("message hash not signable (≥ 2^251): " + messageHash);
  }

  /** The signature for this k, or null when r, msg + r·d or w falls outside the domain (cairo-lang's retry rule). */
  private static Signature trySign(Felt privateKey, Felt messageHash, BigInteger k) {
    long[] p = new long[Jacobian.SIZE];
    long[] t = new long[Jacobian.SCRATCH];
    long[] x = new long[4];
    StarkCurve.generatorTable().multiply(Scalars.limbs(k), 0, p, 0, t);
    if (!Jacobian.affineX(p, 0, x, 0, t)) return null;
    Felt rf = Felt.fromMontgomeryLimbs(x, 0);
    BigInteger r = rf.toBigInteger();
    if (r.signum() == 0 || r.compareTo(BOUND) >= 0) return null;
    BigInteger e = messageHash.toBigInteger().add(r.multiply(privateKey.toBigInteger())).mod(N);
    if (e.signum() == 0) return null;
    // w = k / e = s⁻¹ and s = e / k from one inversion of e·k (a BigInteger inversion mod n costs ~9 µs, the
    // four products below well under one)
    BigInteger inv = e.multiply(k).modInverse(N);
    BigInteger w = k.multiply(k).multiply(inv).mod(N);
    if (w.signum() == 0 || w.compareTo(BOUND) >= 0) return null;
    return new Signature(rf, Felt.of(e.multiply(e).multiply(inv).mod(N)));
  }

  /**
   * RFC 6979 k for Starknet (HMAC-SHA256, qlen = 252): the private key and the message hash enter as 32 big-endian
   * bytes, the seed (if any) as its minimal big-endian bytes; each 256-bit draw is shifted right by 4 bits and
   * accepted when it lies in [1, n). Matches cairo-lang's {@code generate_k_rfc6979} (whose message padding only
   * undoes python-ecdsa's bits2octets truncation) and starknet-rs's {@code generate_k} on every signable hash
   * (< 2^251); larger hashes enter as their 32 bytes, as in starknet-rs.
   */
  public static BigInteger generateK(Felt messageHash, Felt privateKey, Felt seed) {
    byte[] x = privateKey.toBytesBE();
    byte[] h = messageHash.toBytesBE();
    byte[] extra = seed == null ? new byte[0] : minimalBytes(seed);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] v = new byte[32], k = new byte[32];
      java.util.Arrays.fill(v, (byte) 1);
      k = hmac(mac, k, v, new byte[] {0}, x, h, extra);
      v = hmac(mac, k, v);
      k = hmac(mac, k, v, new byte[] {1}, x, h, extra);
      v = hmac(mac, k, v);
      while (true) {
        v = hmac(mac, k, v);
        BigInteger candidate = new BigInteger(1, v).shiftRight(4);
        if (candidate.signum() > 0 && candidate.compareTo(N) < 0) return candidate;
        k = hmac(mac, k, v, new byte[] {0});
        v = hmac(mac, k, v);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] minimalBytes(Felt f) {
    byte[] b = f.toBytesBE();
    int i = 0;
    while (i < b.length && b[i] == 0) i++;
    return java.util.Arrays.copyOfRange(b, i, b.length);
  }

  private static byte[] hmac(Mac mac, byte[] key, byte[]... parts) throws GeneralSecurityException {
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    for (byte[] p : parts) mac.update(p);
    return mac.doFinal();
  }

  /** Verifies against a public key given as x alone (either y is accepted, as Starknet does). */
  public static boolean verify(Felt publicKeyX, Felt messageHash, Felt r, Felt s) {
    EcPoint q = EcPoint.fromX(publicKeyX);
    if (q == null) return false;
    return verify(q, messageHash, r, s, true);
  }

  /** Verifies against a full public point (only that point, not its negation). */
  public static boolean verify(EcPoint publicKey, Felt messageHash, Felt r, Felt s) {
    if (publicKey.isInfinity() || !publicKey.isOnCurve()) return false;
    return verify(publicKey, messageHash, r, s, false);
  }

  private static boolean verify(EcPoint q, Felt messageHash, Felt r, Felt s, boolean eitherY) {
    BigInteger z = messageHash.toBigInteger(), rr = r.toBigInteger(), ss = s.toBigInteger();
    if (z.compareTo(BOUND) >= 0) return false;
    if (rr.signum() == 0 || rr.compareTo(BOUND) >= 0) return false;
    if (ss.signum() == 0 || ss.compareTo(N) >= 0) return false;
    BigInteger w = ss.modInverse(N);
    if (w.compareTo(BOUND) >= 0) return false;
    long[] u1 = Scalars.limbs(z.multiply(w).mod(N)), u2 = Scalars.limbs(rr.multiply(w).mod(N));
    long[] t = new long[Jacobian.SCRATCH];
    long[] a = new long[Jacobian.SIZE], b = new long[Jacobian.SIZE], c = new long[Jacobian.SIZE];
    long[] qa = new long[8];
    q.writeAffine(qa, 0);
    StarkCurve.generatorTable().multiply(u1, 0, a, 0, t);
    ScalarMul.multiply(qa, 0, u2, 0, b, 0, new ScalarMul.Workspace());
    long[] rm = new long[4];
    r.writeTo(rm, 0);
    Jacobian.add(a, 0, b, 0, c, 0, t);
    if (xEquals(c, rm, t)) return true;
    if (!eitherY) return false;
    Jacobian.sub(a, 0, b, 0, c, 0, t);
    return xEquals(c, rm, t);
  }

  /** x(P) = r for a Jacobian P, without inverting: X = r·Z². */
  private static boolean xEquals(long[] p, long[] r, long[] t) {
    if (Jacobian.isInfinity(p, 0)) return false;
    Fp.square(p, 8, t, 0);
    Fp.mul(t, 0, r, 0, t, 0);
    return Fp.equal(t, 0, p, 0);
  }
}
