package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** secp256k1 hints over BigInt3 (CL common/cairo_secp/*.cairo, secp_utils.py). */
final class SecpHints {
  private SecpHints() {}

  static final BigInteger BASE = BigInteger.ONE.shiftLeft(86);
  static final BigInteger SECP_P =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(32)).subtract(BigInteger.valueOf(977));
  static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  static final BigInteger P = HintContext.PRIME;

  /** pack: Σ d_i·BASE^i with each limb read as a signed field element. */
  static BigInteger pack(HintContext c, String name) {
    BigInteger r = BigInteger.ZERO;
    for (int i = 2; i >= 0; i--) {
      BigInteger d = c.getInt(name + ".d" + i);
      if (d.compareTo(P.shiftRight(1)) > 0) d = d.subtract(P);
      r = r.multiply(BASE).add(d);
    }
    return r;
  }

  static List<BigInteger> split(BigInteger v) {
    BigInteger[] a = new BigInteger[3];
    for (int i = 0; i < 3; i++) {
      a[i] = v.mod(BASE);
      v = v.shiftRight(86);
    }
    if (v.signum() != 0) throw new VmError("split: value does not fit 3 limbs");
    return List.of(a);
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.SECP_SPLIT_VALUE_TO_RES, c -> {
      Relocatable res = c.address("res");
      c.writeArg(res, split(c.<BigInteger>scopeGet("value")));
    });
    put(m, HintCodes.SECP_VERIFY_ZERO, c -> {
      c.scopeSet("SECP_P", SECP_P);
      BigInteger[] qr = pack(c, "val").divideAndRemainder(SECP_P);
      BigInteger q = qr[0], r = qr[1];
      if (r.signum() < 0) { // Python divmod floors
        r = r.add(SECP_P);
        q = q.subtract(BigInteger.ONE);
      }
      if (r.signum() != 0) throw new VmError("verify_zero: Invalid input.");
      c.set("q", q.mod(P));
    });
    put(m, HintCodes.SECP_REDUCE, c -> {
      c.scopeSet("SECP_P", SECP_P);
      c.scopeSet("value", pack(c, "x").mod(SECP_P));
    });
    put(m, HintCodes.SECP_DIV_MOD_N, c -> {
      c.scopeSet("N", N);
      EcSecpHints.divModToScope(c, "a", pack(c, "a"), "b", pack(c, "b"), N);
    });
    put(m, HintCodes.SECP_GET_K, c -> {
      BigInteger res = c.scopeGet("res"), a = c.scopeGet("a"), b = c.scopeGet("b");
      BigInteger[] qr = res.multiply(b).subtract(a).divideAndRemainder(N);
      if (qr[1].signum() != 0) throw new VmError("safe_div: not divisible");
      c.scopeSet("k", qr[0]);
      c.scopeSet("value", qr[0]);
    });
    put(m, HintCodes.SECP_GET_POINT_FROM_X, c -> {
      c.scopeSet("SECP_P", SECP_P);
      BigInteger xCube = pack(c, "x_cube").mod(SECP_P);
      BigInteger ySq = xCube.add(c.constant("BETA")).mod(SECP_P);
      BigInteger y = ySq.modPow(SECP_P.add(BigInteger.ONE).shiftRight(2), SECP_P);
      BigInteger v = c.getInt("v");
      c.scopeSet("value", v.testBit(0) == y.testBit(0) ? y : y.negate().mod(SECP_P));
    });
  }
}
