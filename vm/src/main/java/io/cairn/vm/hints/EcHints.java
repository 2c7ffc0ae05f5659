package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.memory.VmError;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** STARK-curve hints (CL common/ec.cairo ec_op's random point). */
final class EcHints {
  private EcHints() {}

  static final BigInteger P = HintContext.PRIME;
  static final BigInteger BETA =
      new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.EC_OP_RANDOM_EC_POINT, c -> {
      ByteArrayOutputStream seed = new ByteArrayOutputStream();
      for (String n : new String[] {"p.x", "p.y", "m", "q.x", "q.y"}) seed.writeBytes(be32(c.getInt(n)));
      BigInteger[] pt = randomEcPoint(seed.toByteArray());
      c.set("s.x", pt[0]);
      c.set("s.y", pt[1]);
    });
  }

  static byte[] be32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  /** math_utils.random_ec_point with a seed: x from sha256(seed'[1:] ‖ i), sign from seed'[0]. */
  static BigInteger[] randomEcPoint(byte[] seed) {
    byte[] s = sha256(seed);
    for (int i = 0; i < 100; i++) {
      byte[] in = new byte[s.length - 1 + 10];
      System.arraycopy(s, 1, in, 0, s.length - 1);
      in[s.length - 1] = (byte) i; // i.to_bytes(10, "little")
      BigInteger x = new BigInteger(1, sha256(in));
      BigInteger ySq = x.pow(3).add(x).add(BETA).mod(P);
      Felt f = Felt.of(ySq);
      if (!f.isSquare()) continue;
      BigInteger y = f.sqrt().toBigInteger();
      BigInteger other = P.subtract(y).mod(P);
      if (other.compareTo(y) < 0) y = other;
      if ((s[0] & 1) != 0) y = P.subtract(y).mod(P);
      return new BigInteger[] {x, y};
    }
    throw new VmError("Could not find a point on the curve.");
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
