package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.Map;

/** 384-bit field hints over 128-bit limbs (CL whitelists 384_bit_prime_field.json, uint256 square roots). */
final class Uint384Hints {
  private Uint384Hints() {}

  static final BigInteger MASK_128 = Uint256Hints.MASK_128;

  static BigInteger pack(HintContext c, String name, int limbs) {
    BigInteger r = BigInteger.ZERO;
    for (int i = limbs - 1; i >= 0; i--) r = r.shiftLeft(128).add(c.getInt(name + ".d" + i));
    return r;
  }

  static void set(HintContext c, String name, BigInteger v, int limbs) {
    for (int i = 0; i < limbs; i++) c.set(name + ".d" + i, v.shiftRight(128 * i).and(MASK_128));
  }

  /** Euler's criterion (p an odd prime); 0 counts as a residue, as in sympy. */
  static boolean isQuadResidue(BigInteger x, BigInteger p) {
    x = x.mod(p);
    if (x.signum() == 0 || p.equals(BigInteger.TWO)) return true;
    return x.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE);
  }

  /** The smaller square root of a residue x modulo an odd prime p (Tonelli–Shanks). */
  static BigInteger sqrtMod(BigInteger x, BigInteger p) {
    x = x.mod(p);
    if (x.signum() == 0) return BigInteger.ZERO;
    BigInteger q = p.subtract(BigInteger.ONE);
    int s = q.getLowestSetBit();
    q = q.shiftRight(s);
    BigInteger z = BigInteger.TWO;
    while (isQuadResidue(z, p)) z = z.add(BigInteger.ONE);
    BigInteger mm = BigInteger.valueOf(s), cc = z.modPow(q, p), t = x.modPow(q, p);
    BigInteger r = x.modPow(q.add(BigInteger.ONE).shiftRight(1), p);
    while (!t.equals(BigInteger.ONE)) {
      int i = 0;
      BigInteger tt = t;
      while (!tt.equals(BigInteger.ONE)) {
        tt = tt.multiply(tt).mod(p);
        i++;
      }
      BigInteger b = cc.modPow(BigInteger.ONE.shiftLeft(mm.intValue() - i - 1), p);
      mm = BigInteger.valueOf(i);
      cc = b.multiply(b).mod(p);
      t = t.multiply(cc).mod(p);
      r = r.multiply(b).mod(p);
    }
    BigInteger o = p.subtract(r);
    return o.compareTo(r) < 0 ? o : r;
  }

  static void squareRoots(HintContext c, int limbs) {
    BigInteger g, x, p;
    if (limbs == 3) {
      g = pack(c, "generator", 3);
      x = pack(c, "x", 3);
      p = pack(c, "p", 3);
    } else {
      g = Uint256Hints.u256(c, "generator");
      x = Uint256Hints.u256(c, "x");
      p = Uint256Hints.u256(c, "p");
    }
    boolean sx = isQuadResidue(x, p), sgx = isQuadResidue(g.multiply(x), p);
    if (x.signum() != 0 && (sx ? 1 : 0) + (sgx ? 1 : 0) != 1) throw new VmError("assert success_x + success_gx == 1");
    BigInteger rx = sx ? sqrtMod(x, p) : BigInteger.ZERO, rgx = sgx ? sqrtMod(g.multiply(x), p) : BigInteger.ZERO;
    c.set("success_x", sx ? 1 : 0);
    c.set("success_gx", sgx ? 1 : 0);
    if (limbs == 3) {
      set(c, "sqrt_x", rx, 3);
      set(c, "sqrt_gx", rgx, 3);
    } else {
      Uint256Hints.setU256(c, "sqrt_x", rx);
      Uint256Hints.setU256(c, "sqrt_gx", rgx);
    }
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.UINT384_UNSIGNED_DIV_REM, c -> {
      BigInteger[] qr = pack(c, "a", 3).divideAndRemainder(pack(c, "div", 3));
      set(c, "quotient", qr[0], 3);
      set(c, "remainder", qr[1], 3);
    });
    Hint div768 = c -> {
      BigInteger[] qr = pack(c, "a", 6).divideAndRemainder(pack(c, "div", 3));
      set(c, "quotient", qr[0], 6);
      set(c, "remainder", qr[1], 3);
    };
    put(m, HintCodes.UNSIGNED_DIV_REM_UINT768_BY_UINT384_STRIPPED, div768);
    put(m, HintCodes.UNSIGNED_DIV_REM_UINT768_BY_UINT384_STRIPPED_WL, div768);
    put(m, HintCodes.SUB_REDUCED_A_AND_REDUCED_B, c -> {
      BigInteger p = pack(c, "p", 3);
      set(c, "res", pack(c, "a", 3).subtract(pack(c, "b", 3)).mod(p), 3);
    });
    put(m, HintCodes.UINT384_DIV, c -> {
      BigInteger p = pack(c, "p", 3);
      set(c, "b_inverse_mod_p", EcSecpHints.divMod(BigInteger.ONE, pack(c, "b", 3), p), 3);
    });
    put(m, HintCodes.UINT384_SQRT, c -> {
      BigInteger root = pack(c, "a", 3).sqrt();
      if (root.bitLength() > 192) throw new VmError("assert 0 <= root < 2 ** 192");
      set(c, "root", root, 3);
    });
    put(m, HintCodes.UINT384_SIGNED_NN, c -> c.writeAp(c.getInt("a.d2").bitLength() <= 127 ? 1 : 0));
    put(m, HintCodes.ADD_NO_UINT384_CHECK, c -> {
      BigInteger shift = c.constant("SHIFT");
      BigInteger carry = BigInteger.ZERO;
      for (int i = 0; i < 3; i++) {
        BigInteger sum = c.getInt("a.d" + i).add(c.getInt("b.d" + i)).add(carry);
        carry = sum.compareTo(shift) >= 0 ? BigInteger.ONE : BigInteger.ZERO;
        c.set("carry_d" + i, carry);
      }
    });
    put(m, HintCodes.UINT384_GET_SQUARE_ROOT, c -> squareRoots(c, 3));
    put(m, HintCodes.UINT256_GET_SQUARE_ROOT, c -> squareRoots(c, 2));
    put(m, HintCodes.UINT384_SPLIT_128, c -> {
      BigInteger a = c.getInt("a");
      c.set("low", a.and(MASK_128));
      c.set("high", a.shiftRight(128));
    });
  }
}
