package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * secp256k1 / secp256r1 / ed25519 field and curve hints over BigInt3 (CL common/cairo_secp/*, ec_recover, vrf), and
 * the STARK-curve recover_y / chained_ec_op hints. Python locals the hints assign (value, slope, x, new_x, SECP_P, …)
 * are kept in the scope, because later hints read them.
 */
final class EcSecpHints {
  private EcSecpHints() {}

  static final BigInteger SECP_P = SecpHints.SECP_P;
  static final BigInteger N = SecpHints.N;
  static final BigInteger ED_P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  static final BigInteger R1_P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
  static final BigInteger R1_ALPHA = new BigInteger("ffffffff00000001000000000000000000000000fffffffffffffffffffffffc", 16);
  static final BigInteger R1_N = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  static final BigInteger ED_ALPHA =
      new BigInteger("42204101795669822316448953119945047945709099015225996174933988943478124189485");

  static BigInteger pack(HintContext c, String name) {
    return SecpHints.pack(c, name);
  }

  static BigInteger divMod(BigInteger n, BigInteger m, BigInteger p) {
    BigInteger g = m.mod(p).gcd(p);
    if (!g.equals(BigInteger.ONE)) throw new VmError("div_mod: " + m + " has no inverse modulo " + p);
    return n.multiply(m.modInverse(p)).mod(p);
  }

  /** value = res = div_mod(a, b, n), keeping the Python locals (a and b under their hint names) in the scope. */
  static void divModToScope(HintContext c, String na, BigInteger a, String nb, BigInteger b, BigInteger n) {
    BigInteger res = divMod(a, b, n);
    c.scopeSet(na, a);
    c.scopeSet(nb, b);
    c.scopeSet("res", res);
    c.scopeSet("value", res);
  }

  static BigInteger safeDiv(BigInteger x, BigInteger y) {
    BigInteger[] qr = MoreMathHints.divmod(x, y);
    if (qr[1].signum() != 0) throw new VmError(x + " is not divisible by " + y + ".");
    return qr[0];
  }

  static BigInteger scopeInt(HintContext c, String name) {
    return c.scopeGet(name);
  }

  /** value = new_x = slope² − 2x (doubling) with point/slope names, storing the Python locals. */
  static void doubleNewX(HintContext c, BigInteger p, String point, boolean importsP) {
    BigInteger slope = pack(c, "slope"), x = pack(c, point + ".x"), y = pack(c, point + ".y");
    if (importsP) c.scopeSet("SECP_P", p);
    c.scopeSet("slope", slope);
    c.scopeSet("x", x);
    c.scopeSet("y", y);
    BigInteger nx = slope.modPow(BigInteger.TWO, p).subtract(x.shiftLeft(1)).mod(p);
    c.scopeSet("new_x", nx);
    c.scopeSet("value", nx);
  }

  static void addNewX(HintContext c, BigInteger p, String p0, String p1, boolean importsP) {
    BigInteger slope = pack(c, "slope"), x0 = pack(c, p0 + ".x"), x1 = pack(c, p1 + ".x"), y0 = pack(c, p0 + ".y");
    if (importsP) c.scopeSet("SECP_P", p);
    c.scopeSet("slope", slope);
    c.scopeSet("x0", x0);
    c.scopeSet("x1", x1);
    c.scopeSet("y0", y0);
    BigInteger nx = slope.modPow(BigInteger.TWO, p).subtract(x0).subtract(x1).mod(p);
    c.scopeSet("new_x", nx);
    c.scopeSet("value", nx);
  }

  static void doubleSlope(HintContext c, BigInteger p, BigInteger alpha, String point, boolean importsP) {
    BigInteger x = pack(c, point + ".x"), y = pack(c, point + ".y");
    if (importsP) c.scopeSet("SECP_P", p);
    c.scopeSet("x", x);
    c.scopeSet("y", y);
    BigInteger s = divMod(x.multiply(x).multiply(BigInteger.valueOf(3)).add(alpha), y.shiftLeft(1), p);
    c.scopeSet("slope", s);
    c.scopeSet("value", s);
  }

  static void lineSlope(HintContext c, BigInteger p, String p0, String p1, boolean importsP) {
    BigInteger x0 = pack(c, p0 + ".x"), y0 = pack(c, p0 + ".y"), x1 = pack(c, p1 + ".x"), y1 = pack(c, p1 + ".y");
    if (importsP) c.scopeSet("SECP_P", p);
    c.scopeSet("x0", x0);
    c.scopeSet("y0", y0);
    c.scopeSet("x1", x1);
    c.scopeSet("y1", y1);
    if (x0.subtract(x1).mod(p).signum() == 0) throw new VmError("line_slope: the points have the same x coordinate");
    BigInteger s = divMod(y0.subtract(y1), x0.subtract(x1), p);
    c.scopeSet("slope", s);
    c.scopeSet("value", s);
  }

  static void verifyZero(HintContext c, BigInteger p, boolean importsP) {
    if (importsP) c.scopeSet("SECP_P", p);
    BigInteger[] qr = MoreMathHints.divmod(pack(c, "val"), p);
    if (qr[1].signum() != 0)
      throw new VmError("verify_zero: Invalid input (" + c.getInt("val.d0") + ", " + c.getInt("val.d1") + ", "
          + c.getInt("val.d2") + ").");
    c.scopeSet("q", qr[0]);
    c.scopeSet("r", qr[1]);
    c.set("q", qr[0].mod(HintContext.PRIME));
  }

  static void isZeroPack(HintContext c, BigInteger p, boolean importsP) {
    if (importsP) c.scopeSet("SECP_P", p);
    c.scopeSet("x", pack(c, "x").mod(p));
  }

  static void xInv(HintContext c, BigInteger p, boolean importsP) {
    if (importsP) c.scopeSet("SECP_P", p);
    BigInteger inv = divMod(BigInteger.ONE, scopeInt(c, "x"), p);
    c.scopeSet("x_inv", inv);
    c.scopeSet("value", inv);
  }

  static void negate(HintContext c, BigInteger p, boolean importsP) {
    if (importsP) c.scopeSet("SECP_P", p);
    BigInteger y = pack(c, "point.y").mod(p);
    c.scopeSet("y", y);
    c.scopeSet("value", y.negate().mod(p));
  }

  static void register(Map<String, Hint> m) {
    // scope-imported curve constants (secp256r1)
    put(m, HintCodes.IMPORT_SECP256R1_P, c -> c.scopeSet("SECP_P", R1_P));
    put(m, HintCodes.IMPORT_SECP256R1_ALPHA, c -> c.scopeSet("ALPHA", R1_ALPHA));
    put(m, HintCodes.IMPORT_SECP256R1_N, c -> c.scopeSet("N", R1_N));

    put(m, HintCodes.EC_NEGATE, c -> negate(c, SECP_P, true));
    put(m, HintCodes.EC_NEGATE_EMBEDDED_SECP, c -> negate(c, ED_P, true));
    put(m, HintCodes.IS_ZERO_PACK_V2, c -> isZeroPack(c, SECP_P, true));
    put(m, HintCodes.IS_ZERO_PACK_V2_WL, c -> isZeroPack(c, SECP_P, true));
    put(m, HintCodes.IS_ZERO_PACK_EXTERNAL_SECP_V2, c -> isZeroPack(c, scopeInt(c, "SECP_P"), false));
    put(m, HintCodes.IS_ZERO_PACK_ED25519, c -> isZeroPack(c, ED_P, true));
    put(m, HintCodes.IS_ZERO_NONDET, c -> c.writeAp(scopeInt(c, "x").signum() == 0 ? 1 : 0));
    put(m, HintCodes.IS_ZERO_INT, c -> c.writeAp(scopeInt(c, "x").signum() == 0 ? 1 : 0));
    put(m, HintCodes.IS_ZERO_ASSIGN_SCOPE_VARS, c -> xInv(c, SECP_P, true));
    put(m, HintCodes.IS_ZERO_ASSIGN_SCOPE_VARS_EXTERNAL_SECP, c -> xInv(c, scopeInt(c, "SECP_P"), false));
    put(m, HintCodes.IS_ZERO_ASSIGN_SCOPE_VARS_ED25519, c -> xInv(c, ED_P, true));
    put(m, HintCodes.REDUCE_V2, c -> c.scopeSet("value", pack(c, "x").mod(scopeInt(c, "SECP_P"))));
    put(m, HintCodes.REDUCE_ED25519, c -> {
      c.scopeSet("SECP_P", ED_P);
      c.scopeSet("value", pack(c, "x").mod(ED_P));
    });
    put(m, HintCodes.VERIFY_ZERO_V2, c -> verifyZero(c, SECP_P, true));
    put(m, HintCodes.VERIFY_ZERO_V3, c -> verifyZero(c, ED_P, true));
    put(m, HintCodes.VERIFY_ZERO_EXTERNAL_SECP, c -> verifyZero(c, scopeInt(c, "SECP_P"), false));

    put(m, HintCodes.EC_DOUBLE_SLOPE_V1, c -> doubleSlope(c, SECP_P, BigInteger.ZERO, "point", true));
    put(m, HintCodes.EC_DOUBLE_SLOPE_V2, c -> doubleSlope(c, ED_P, ED_ALPHA, "point", true));
    put(m, HintCodes.EC_DOUBLE_SLOPE_V3, c -> doubleSlope(c, SECP_P, BigInteger.ZERO, "pt", true));
    put(m, HintCodes.EC_DOUBLE_SLOPE_EXTERNAL_CONSTS, c ->
        doubleSlope(c, scopeInt(c, "SECP_P"), scopeInt(c, "ALPHA"), "point", false));
    put(m, HintCodes.COMPUTE_SLOPE_V1, c -> lineSlope(c, SECP_P, "point0", "point1", true));
    put(m, HintCodes.COMPUTE_SLOPE_V2, c -> lineSlope(c, ED_P, "point0", "point1", true));
    put(m, HintCodes.COMPUTE_SLOPE_WHITELIST, c -> lineSlope(c, SECP_P, "pt0", "pt1", true));
    put(m, HintCodes.COMPUTE_SLOPE_SECP256R1_V1, c -> lineSlope(c, scopeInt(c, "SECP_P"), "point0", "point1", false));
    put(m, HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V1, c -> doubleNewX(c, SECP_P, "point", true));
    put(m, HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V2, c -> doubleNewX(c, scopeInt(c, "SECP_P"), "point", false));
    put(m, HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V3, c -> doubleNewX(c, ED_P, "point", true));
    put(m, HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V4, c -> doubleNewX(c, SECP_P, "pt", true));
    put(m, HintCodes.FAST_EC_ADD_ASSIGN_NEW_X, c -> addNewX(c, SECP_P, "point0", "point1", true));
    put(m, HintCodes.FAST_EC_ADD_ASSIGN_NEW_X_V2, c -> addNewX(c, ED_P, "point0", "point1", true));
    put(m, HintCodes.FAST_EC_ADD_ASSIGN_NEW_X_V3, c -> addNewX(c, SECP_P, "pt0", "pt1", true));
    put(m, HintCodes.SQUARE_SLOPE_X_MOD_P, c -> addNewX(c, scopeInt(c, "SECP_P"), "point0", "point1", false));
    put(m, HintCodes.EC_DOUBLE_ASSIGN_NEW_Y, c -> {
      BigInteger p = scopeInt(c, "SECP_P");
      BigInteger ny = scopeInt(c, "slope").multiply(scopeInt(c, "x").subtract(scopeInt(c, "new_x")))
          .subtract(scopeInt(c, "y")).mod(p);
      c.scopeSet("new_y", ny);
      c.scopeSet("value", ny);
    });
    put(m, HintCodes.FAST_EC_ADD_ASSIGN_NEW_Y, c -> {
      BigInteger p = scopeInt(c, "SECP_P");
      BigInteger ny = scopeInt(c, "slope").multiply(scopeInt(c, "x0").subtract(scopeInt(c, "new_x")))
          .subtract(scopeInt(c, "y0")).mod(p);
      c.scopeSet("new_y", ny);
      c.scopeSet("value", ny);
    });
    put(m, HintCodes.NONDET_BIGINT3_V2, c -> c.writeArg(c.address("res"), SecpHints.split(scopeInt(c, "value"))));
    put(m, HintCodes.DIV_MOD_N_PACKED_DIVMOD_EXTERNAL_N, c ->
        divModToScope(c, "a", pack(c, "a"), "b", pack(c, "b"), scopeInt(c, "N")));
    put(m, HintCodes.DIV_MOD_N_SAFE_DIV_PLUS_ONE, c -> {
      BigInteger k = safeDiv(scopeInt(c, "res").multiply(scopeInt(c, "b")).subtract(scopeInt(c, "a")), scopeInt(c, "N"))
          .add(BigInteger.ONE);
      c.scopeSet("k_plus_one", k);
      c.scopeSet("value", k);
    });
    put(m, HintCodes.PACK_MODN_DIV_MODN, c -> {
      c.scopeSet("N", N);
      divModToScope(c, "x", pack(c, "x").mod(N), "s", pack(c, "s").mod(N), N);
    });
    put(m, HintCodes.XS_SAFE_DIV, c -> {
      BigInteger k = safeDiv(scopeInt(c, "res").multiply(scopeInt(c, "s")).subtract(scopeInt(c, "x")), scopeInt(c, "N"));
      c.scopeSet("k", k);
      c.scopeSet("value", k);
    });
    put(m, HintCodes.EC_RECOVER_DIV_MOD_N_PACKED, c -> {
      BigInteger n = pack(c, "n");
      c.scopeSet("N", n);
      divModToScope(c, "x", pack(c, "x").mod(n), "s", pack(c, "s").mod(n), n);
    });
    put(m, HintCodes.EC_RECOVER_SUB_A_B, c -> {
      BigInteger a = pack(c, "a"), b = pack(c, "b");
      c.scopeSet("a", a);
      c.scopeSet("b", b);
      c.scopeSet("res", a.subtract(b));
      c.scopeSet("value", a.subtract(b));
    });
    put(m, HintCodes.EC_RECOVER_PRODUCT_MOD, c -> {
      BigInteger a = pack(c, "a"), b = pack(c, "b"), mm = pack(c, "m");
      BigInteger product = a.multiply(b);
      c.scopeSet("a", a);
      c.scopeSet("b", b);
      c.scopeSet("product", product);
      c.scopeSet("m", mm);
      BigInteger res = product.mod(mm);
      c.scopeSet("res", res);
      c.scopeSet("value", res);
    });
    put(m, HintCodes.EC_RECOVER_PRODUCT_DIV_M, c -> {
      BigInteger k = MoreMathHints.divmod(scopeInt(c, "product"), scopeInt(c, "m"))[0];
      c.scopeSet("k", k);
      c.scopeSet("value", k);
    });
    put(m, HintCodes.BIGINT_PACK_DIV_MOD, c -> {
      BigInteger p = pack(c, "P");
      BigInteger base = c.constant("BASE");
      BigInteger x = pack(c, "x")
          .add(MoreMathHints.asInt(c.getInt("x.d3")).multiply(base.pow(3)))
          .add(MoreMathHints.asInt(c.getInt("x.d4")).multiply(base.pow(4)));
      c.scopeSet("p", p);
      divModToScope(c, "x", x, "y", pack(c, "y"), p);
    });
    put(m, HintCodes.BIGINT_SAFE_DIV, c -> {
      BigInteger k = safeDiv(scopeInt(c, "res").multiply(scopeInt(c, "y")).subtract(scopeInt(c, "x")), scopeInt(c, "p"));
      c.scopeSet("k", k);
      c.scopeSet("value", k.signum() > 0 ? k : k.negate());
      c.set("flag", k.signum() > 0 ? 1 : 0);
    });
    put(m, HintCodes.BIGINT_TO_UINT256, c ->
        c.set("low", c.getInt("x.d0").add(c.getInt("x.d1").multiply(c.constant("BASE"))).and(Uint256Hints.MASK_128)));
    put(m, HintCodes.EC_MUL_INNER, c -> c.writeAp(c.getInt("scalar").testBit(0) ? 1 : 0));
    put(m, HintCodes.QUAD_BIT, c -> {
      BigInteger u = c.getInt("scalar_u"), v = c.getInt("scalar_v");
      int mm = c.getInt("m").intValueExact();
      int q = (v.testBit(mm) ? 8 : 0) + (u.testBit(mm) ? 4 : 0) + (mm >= 1 && v.testBit(mm - 1) ? 2 : 0)
          + (mm >= 1 && u.testBit(mm - 1) ? 1 : 0);
      c.set("quad_bit", q);
    });
    put(m, HintCodes.DI_BIT, c -> {
      int mm = c.getInt("m").intValueExact();
      c.set("dibit", (c.getInt("scalar_u").testBit(mm) ? 1 : 0) + (c.getInt("scalar_v").testBit(mm) ? 2 : 0));
    });
    put(m, HintCodes.HI_MAX_BITLEN, c ->
        c.set("len_hi", Math.max(c.getInt("scalar_u.d2").bitLength(), c.getInt("scalar_v.d2").bitLength()) - 1));
    // STARK curve
    put(m, HintCodes.RECOVER_Y, c -> {
      BigInteger x = c.getInt("x");
      Felt ySq = Felt.of(x.pow(3).add(x).add(EcHints.BETA).mod(HintContext.PRIME));
      if (!ySq.isSquare()) throw new VmError(x + " does not represent the x coordinate of a point on the curve.");
      c.set("p.x", x);
      c.set("p.y", MoreMathHints.minRoot(ySq));
    });
    put(m, HintCodes.CHAINED_EC_OP_RANDOM_EC_POINT, c -> {
      long n = c.getInt("len").longValueExact();
      if (c.scopeHas("__chained_ec_op_max_len")) {
        BigInteger max = c.scopeGet("__chained_ec_op_max_len");
        if (BigInteger.valueOf(n).compareTo(max) > 0)
          throw new VmError("chained_ec_op() can only be used with len<=" + max + ". Got: n_elms=" + n + ".");
      }
      ByteArrayOutputStream seed = new ByteArrayOutputStream();
      seed.writeBytes(EcHints.be32(c.getInt("p.x")));
      seed.writeBytes(EcHints.be32(c.getInt("p.y")));
      Relocatable mp = c.getPtr("m");
      for (long i = 0; i < n; i++) seed.writeBytes(EcHints.be32(c.memory().getInt(mp.add(i))));
      Relocatable q = c.address("q");
      for (long i = 0; i < 2 * n; i++) seed.writeBytes(EcHints.be32(c.memory().getInt(q.add(i))));
      BigInteger[] pt = EcHints.randomEcPoint(seed.toByteArray());
      c.set("s.x", pt[0]);
      c.set("s.y", pt[1]);
    });
  }

  static List<BigInteger> split(BigInteger v) {
    return SecpHints.split(v);
  }
}
