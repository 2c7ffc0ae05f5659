package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.Map;

/** common/uint256.cairo and the uint256 improvements (uint512, mul/inv mod p, Ed25519 sqrt split). */
final class Uint256Hints {
  private Uint256Hints() {}

  static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  static BigInteger u256(HintContext c, String name) {
    return c.getInt(name + ".high").shiftLeft(128).add(c.getInt(name + ".low"));
  }

  static void setU256(HintContext c, String name, BigInteger v) {
    c.set(name + ".low", v.and(MASK_128));
    c.set(name + ".high", v.shiftRight(128));
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.UINT256_ADD, c -> {
      BigInteger shift = c.constant("SHIFT");
      BigInteger low = c.getInt("a.low").add(c.getInt("b.low"));
      int carryLow = low.compareTo(shift) >= 0 ? 1 : 0;
      c.set("carry_low", carryLow);
      BigInteger high = c.getInt("a.high").add(c.getInt("b.high")).add(BigInteger.valueOf(carryLow));
      c.set("carry_high", high.compareTo(shift) >= 0 ? 1 : 0);
    });
    put(m, HintCodes.UINT256_ADD_LOW, c -> {
      BigInteger low = c.getInt("a.low").add(c.getInt("b.low"));
      c.set("carry_low", low.compareTo(c.constant("SHIFT")) >= 0 ? 1 : 0);
    });
    put(m, HintCodes.UINT128_ADD, c ->
        c.set("carry", c.getInt("a").add(c.getInt("b")).compareTo(c.constant("SHIFT")) >= 0 ? 1 : 0));
    put(m, HintCodes.UINT256_SUB, c ->
        setU256(c, "res", u256(c, "a").subtract(u256(c, "b")).mod(BigInteger.ONE.shiftLeft(256))));
    put(m, HintCodes.UINT256_SQRT, c -> {
      BigInteger root = u256(c, "n").sqrt();
      if (root.bitLength() > 128) throw new VmError("assert 0 <= root < 2 ** 128");
      c.set("root.low", root);
      c.set("root.high", 0);
    });
    put(m, HintCodes.UINT256_SQRT_FELT, c -> {
      BigInteger root = u256(c, "n").sqrt();
      if (root.bitLength() > 128) throw new VmError("assert 0 <= root < 2 ** 128");
      c.set("root", root);
    });
    put(m, HintCodes.UINT256_SIGNED_NN, c -> c.writeAp(c.getInt("a.high").bitLength() <= 127 ? 1 : 0));
    put(m, HintCodes.UINT256_UNSIGNED_DIV_REM, c -> {
      BigInteger[] qr = u256(c, "a").divideAndRemainder(u256(c, "div"));
      setU256(c, "quotient", qr[0]);
      setU256(c, "remainder", qr[1]);
    });
    put(m, HintCodes.UINT256_EXPANDED_UNSIGNED_DIV_REM, c -> {
      BigInteger div = c.getInt("div.b23").shiftLeft(128).add(c.getInt("div.b01"));
      BigInteger[] qr = u256(c, "a").divideAndRemainder(div);
      setU256(c, "quotient", qr[0]);
      setU256(c, "remainder", qr[1]);
    });
    put(m, HintCodes.UINT256_MUL_DIV_MOD, c -> {
      BigInteger[] qr = u256(c, "a").multiply(u256(c, "b")).divideAndRemainder(u256(c, "div"));
      BigInteger q = qr[0];
      c.set("quotient_low.low", q.and(MASK_128));
      c.set("quotient_low.high", q.shiftRight(128).and(MASK_128));
      c.set("quotient_high.low", q.shiftRight(256).and(MASK_128));
      c.set("quotient_high.high", q.shiftRight(384));
      setU256(c, "remainder", qr[1]);
    });
    put(m, HintCodes.UINT512_UNSIGNED_DIV_REM, c -> {
      BigInteger x = u512(c, "x");
      BigInteger[] qr = x.divideAndRemainder(u256(c, "div"));
      for (int i = 0; i < 4; i++) c.set("quotient.d" + i, qr[0].shiftRight(128 * i).and(MASK_128));
      setU256(c, "remainder", qr[1]);
    });
    put(m, HintCodes.UINT256_MUL_INV_MOD_P, c -> {
      BigInteger p = u256(c, "p");
      setU256(c, "b_inverse_mod_p", u256(c, "b").modInverse(p));
    });
    put(m, HintCodes.INV_MOD_P_UINT512, c -> {
      BigInteger p = u256(c, "p");
      setU256(c, "x_inverse_mod_p", u512(c, "x").modInverse(p));
    });
    put(m, HintCodes.SPLIT_XX, c -> {
      BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
      BigInteger ii = BigInteger.TWO.modPow(p.subtract(BigInteger.ONE).shiftRight(2), p);
      BigInteger xx = u256(c, "xx");
      BigInteger x = xx.modPow(p.add(BigInteger.valueOf(3)).shiftRight(3), p);
      if (x.multiply(x).subtract(xx).mod(p).signum() != 0) x = x.multiply(ii).mod(p);
      if (x.testBit(0)) x = p.subtract(x);
      setU256(c, "x", x);
    });
  }

  static BigInteger u512(HintContext c, String name) {
    BigInteger x = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) x = x.shiftLeft(128).add(c.getInt(name + ".d" + i));
    return x;
  }
}
