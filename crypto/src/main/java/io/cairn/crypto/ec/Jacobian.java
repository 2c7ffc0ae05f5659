package io.cairn.crypto.ec;

import io.cairn.crypto.field.Fp;

/**
 * Allocation-free point kernels on the Stark curve y² = x³ + x + β in Jacobian coordinates (x = X/Z², y = Y/Z³).
 *
 * <p>A Jacobian point is 12 longs (X, Y, Z, each four Montgomery limbs); Z = 0 is the point at infinity. An affine
 * point is 8 longs (x, y) and is never the point at infinity (callers track that case themselves). Every kernel takes
 * a caller's scratch slice of at least {@link #SCRATCH} longs, so hot loops (Pedersen, ECDSA, the VM's ec_op) run
 * without allocation. Results may alias inputs.
 */
public final class Jacobian {
  private Jacobian() {}

  /** Longs per Jacobian point. */
  public static final int SIZE = 12;
  /** Longs per affine point. */
  public static final int AFFINE_SIZE = 8;
  /** Longs of scratch every kernel may use. */
  public static final int SCRATCH = 64;

  // scratch slots (each 4 longs)
  private static final int A = 0, B = 4, C = 8, D = 12, E = 16, F = 20, G = 24, H = 28, I = 32, J = 36, K = 40,
      L = 44;

  /** r = the point at infinity. */
  public static void setInfinity(long[] r, int ro) {
    java.util.Arrays.fill(r, ro, ro + SIZE, 0L);
  }

  public static boolean isInfinity(long[] p, int po) {
    return Fp.isZero(p, po + 8);
  }

  /** r = (x, y, 1) from an affine point. */
  public static void fromAffine(long[] q, int qo, long[] r, int ro, long[] one, int oneo) {
    System.arraycopy(q, qo, r, ro, 8);
    System.arraycopy(one, oneo, r, ro + 8, 4);
  }

  /** r = −p. */
  public static void negate(long[] p, int po, long[] r, int ro) {
    if (r != p || ro != po) System.arraycopy(p, po, r, ro, SIZE);
    Fp.neg(p, po + 4, r, ro + 4);
  }

  /**
   * r = 2p with a = 1: 3M + 6S and 13 additions (S = 4·X·YY, Z3 = 2·Y·Z as products). dbl-2007-bl (1M + 8S) gets
   * both from squarings of sums, 17 additions in all, which costs more here where a squaring is nearly a product.
   */
  public static void dbl(long[] p, int po, long[] r, int ro, long[] t) {
    int x = po, y = po + 4, z = po + 8;
    Fp.square(p, x, t, A); // XX
    Fp.square(p, y, t, B); // YY
    Fp.square(t, B, t, C); // YYYY
    Fp.square(p, z, t, D); // ZZ
    Fp.mul(p, x, t, B, t, E);
    Fp.dbl(t, E, t, E);
    Fp.dbl(t, E, t, E); // S = 4·X·YY
    Fp.square(t, D, t, F); // ZZ² (a = 1)
    Fp.dbl(t, A, t, G);
    Fp.add(t, G, t, A, t, G);
    Fp.add(t, G, t, F, t, G); // M = 3XX + ZZ²
    Fp.mul(p, y, p, z, t, H);
    Fp.dbl(t, H, t, H); // Z3 = 2·Y·Z
    Fp.square(t, G, t, I);
    Fp.dbl(t, E, t, J);
    Fp.sub(t, I, t, J, t, I); // X3 = M² − 2S
    Fp.sub(t, E, t, I, t, J);
    Fp.mul(t, G, t, J, t, J);
    Fp.dbl(t, C, t, C);
    Fp.dbl(t, C, t, C);
    Fp.dbl(t, C, t, C);
    Fp.sub(t, J, t, C, t, J); // Y3 = M(S − X3) − 8YYYY
    System.arraycopy(t, I, r, ro, 4);
    System.arraycopy(t, J, r, ro + 4, 4);
    System.arraycopy(t, H, r, ro + 8, 4);
  }

  /**
   * r = p + q for a Jacobian p and an affine q; complete for all inputs. The plain mixed addition (8M + 3S, 7
   * additions): madd-2007-bl saves a product (7M + 4S) by trading Z1·H and the cube H³ for squarings and doublings,
   * but with a squaring nearly as dear as a product here its 14 additions cost more than that product (measured).
   */
  public static void addAffine(long[] p, int po, long[] q, int qo, long[] r, int ro, long[] t) {
    int x1 = po, y1 = po + 4, z1 = po + 8;
    if (Fp.isZero(p, z1)) {
      System.arraycopy(q, qo, r, ro, 8);
      setOne(r, ro + 8);
      return;
    }
    Fp.square(p, z1, t, A); // Z1Z1
    Fp.mul(q, qo, t, A, t, B); // U2
    Fp.mul(p, z1, t, A, t, C);
    Fp.mul(q, qo + 4, t, C, t, C); // S2
    Fp.sub(t, B, p, x1, t, D); // H = U2 − X1
    Fp.sub(t, C, p, y1, t, E); // R = S2 − Y1
    if (Fp.isZero(t, D)) {
      if (Fp.isZero(t, E)) {
        dbl(p, po, r, ro, t);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    Fp.square(t, D, t, F); // HH
    Fp.mul(t, D, t, F, t, G); // HHH
    Fp.mul(p, x1, t, F, t, H); // V = X1·HH
    Fp.mul(p, z1, t, D, t, K); // Z3 = Z1·H
    Fp.square(t, E, t, J);
    Fp.sub(t, J, t, G, t, J);
    Fp.sub(t, J, t, H, t, J);
    Fp.sub(t, J, t, H, t, J); // X3 = R² − HHH − 2V
    Fp.sub(t, H, t, J, t, L);
    Fp.mul(t, E, t, L, t, L);
    Fp.mul(p, y1, t, G, t, B);
    Fp.sub(t, L, t, B, t, L); // Y3 = R(V − X3) − Y1·HHH
    System.arraycopy(t, J, r, ro, 4);
    System.arraycopy(t, L, r, ro + 4, 4);
    System.arraycopy(t, K, r, ro + 8, 4);
  }

  /** r = p − q for a Jacobian p and an affine q. */
  public static void subAffine(long[] p, int po, long[] q, int qo, long[] r, int ro, long[] t) {
    // −q = (x, −y) goes to scratch slots 48..55, which the addition itself never uses
    int n = 48;
    System.arraycopy(q, qo, t, n, 4);
    Fp.neg(q, qo + 4, t, n + 4);
    addAffine(p, po, t, n, r, ro, t);
  }

  /** r = p + q for Jacobian p and q (add-2007-bl: 11M + 5S); complete for all inputs. */
  public static void add(long[] p, int po, long[] q, int qo, long[] r, int ro, long[] t) {
    if (Fp.isZero(p, po + 8)) {
      System.arraycopy(q, qo, r, ro, SIZE);
      return;
    }
    if (Fp.isZero(q, qo + 8)) {
      if (r != p || ro != po) System.arraycopy(p, po, r, ro, SIZE);
      return;
    }
    int x1 = po, y1 = po + 4, z1 = po + 8, x2 = qo, y2 = qo + 4, z2 = qo + 8;
    Fp.square(p, z1, t, A); // Z1Z1
    Fp.square(q, z2, t, B); // Z2Z2
    Fp.mul(p, x1, t, B, t, C); // U1
    Fp.mul(q, x2, t, A, t, D); // U2
    Fp.mul(q, z2, t, B, t, E);
    Fp.mul(p, y1, t, E, t, E); // S1
    Fp.mul(p, z1, t, A, t, F);
    Fp.mul(q, y2, t, F, t, F); // S2
    Fp.sub(t, D, t, C, t, D); // H
    Fp.sub(t, F, t, E, t, F);
    Fp.dbl(t, F, t, F); // r
    if (Fp.isZero(t, D)) {
      if (Fp.isZero(t, F)) {
        dbl(p, po, r, ro, t);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    Fp.dbl(t, D, t, G);
    Fp.square(t, G, t, G); // I = (2H)²
    Fp.mul(t, D, t, G, t, H); // J
    Fp.mul(t, C, t, G, t, I); // V
    Fp.add(p, z1, q, z2, t, K);
    Fp.square(t, K, t, K);
    Fp.sub(t, K, t, A, t, K);
    Fp.sub(t, K, t, B, t, K);
    Fp.mul(t, K, t, D, t, K); // Z3
    Fp.square(t, F, t, J);
    Fp.sub(t, J, t, H, t, J);
    Fp.sub(t, J, t, I, t, J);
    Fp.sub(t, J, t, I, t, J); // X3
    Fp.sub(t, I, t, J, t, L);
    Fp.mul(t, F, t, L, t, L);
    Fp.mul(t, E, t, H, t, A);
    Fp.dbl(t, A, t, A);
    Fp.sub(t, L, t, A, t, L); // Y3
    System.arraycopy(t, J, r, ro, 4);
    System.arraycopy(t, L, r, ro + 4, 4);
    System.arraycopy(t, K, r, ro + 8, 4);
  }

  /** r = p − q for Jacobian p and q. */
  public static void sub(long[] p, int po, long[] q, int qo, long[] r, int ro, long[] t) {
    int n = 48;
    System.arraycopy(q, qo, t, n, SIZE);
    Fp.neg(t, n + 4, t, n + 4);
    add(p, po, t, n, r, ro, t);
  }

  /**
   * Writes the affine form of p into r[ro..ro+7] and returns true, or returns false (writing nothing) when p is the
   * point at infinity. One field inversion.
   */
  public static boolean toAffine(long[] p, int po, long[] r, int ro, long[] t) {
    if (Fp.isZero(p, po + 8)) return false;
    Fp.inverse(p, po + 8, t, A);
    Fp.square(t, A, t, B);
    Fp.mul(t, A, t, B, t, C);
    Fp.mul(p, po, t, B, r, ro);
    Fp.mul(p, po + 4, t, C, r, ro + 4);
    return true;
  }

  /** Writes the affine x of p (Montgomery limbs) and returns true, or returns false at infinity. */
  public static boolean affineX(long[] p, int po, long[] r, int ro, long[] t) {
    if (Fp.isZero(p, po + 8)) return false;
    Fp.inverse(p, po + 8, t, A);
    Fp.square(t, A, t, B);
    Fp.mul(p, po, t, B, r, ro);
    return true;
  }

  /**
   * Converts {@code count} Jacobian points (none at infinity) to affine with one field inversion. {@code out}
   * receives 8 longs per point; {@code scratch} must hold 4·count longs.
   */
  public static void batchToAffine(long[] p, int po, int count, long[] out, int oo, long[] scratch) {
    long[] z = new long[4 * count];
    for (int i = 0; i < count; i++) {
      if (Fp.isZero(p, po + SIZE * i + 8)) throw new ArithmeticException("point " + i + " is at infinity");
      System.arraycopy(p, po + SIZE * i + 8, z, 4 * i, 4);
    }
    Fp.batchInverse(z, 0, count, scratch);
    long[] zz = new long[4];
    for (int i = 0; i < count; i++) {
      int s = po + SIZE * i, d = oo + 8 * i;
      Fp.square(z, 4 * i, zz, 0);
      Fp.mul(p, s, zz, 0, out, d);
      Fp.mul(zz, 0, z, 4 * i, zz, 0);
      Fp.mul(p, s + 4, zz, 0, out, d + 4);
    }
  }

  /** True when the affine point satisfies y² = x³ + x + β. */
  public static boolean isOnCurve(long[] q, int qo, long[] t) {
    Fp.square(q, qo, t, A);
    Fp.mul(t, A, q, qo, t, A);
    Fp.add(t, A, q, qo, t, A);
    Fp.add(t, A, StarkCurve.BETA_MONT, 0, t, A);
    Fp.square(q, qo + 4, t, B);
    return Fp.equal(t, A, t, B);
  }

  /** True when two Jacobian points are the same point. */
  public static boolean equal(long[] p, int po, long[] q, int qo, long[] t) {
    boolean pi = isInfinity(p, po), qi = isInfinity(q, qo);
    if (pi || qi) return pi == qi;
    // X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³
    Fp.square(p, po + 8, t, A);
    Fp.square(q, qo + 8, t, B);
    Fp.mul(p, po, t, B, t, C);
    Fp.mul(q, qo, t, A, t, D);
    if (!Fp.equal(t, C, t, D)) return false;
    Fp.mul(t, A, p, po + 8, t, A);
    Fp.mul(t, B, q, qo + 8, t, B);
    Fp.mul(p, po + 4, t, B, t, C);
    Fp.mul(q, qo + 4, t, A, t, D);
    return Fp.equal(t, C, t, D);
  }

  private static void setOne(long[] r, int ro) {
    System.arraycopy(StarkCurve.ONE_MONT, 0, r, ro, 4);
  }
}
