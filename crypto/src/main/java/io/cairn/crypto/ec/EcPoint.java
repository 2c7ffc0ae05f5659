package io.cairn.crypto.ec;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;

/**
 * An immutable point of the Stark curve in affine coordinates, or the point at infinity. Convenient and checked; for
 * loops use the {@link Jacobian} kernels and {@link ScalarMul} on {@code long[]} slices.
 */
public final class EcPoint {
  public static final EcPoint INFINITY = new EcPoint(null, null);

  private final Felt x, y; // null at infinity

  private EcPoint(Felt x, Felt y) {
    this.x = x;
    this.y = y;
  }

  /** The point (x, y); throws {@link IllegalArgumentException} when it is not on the curve. */
  public static EcPoint of(Felt x, Felt y) {
    EcPoint p = new EcPoint(x, y);
    if (!p.isOnCurve()) throw new IllegalArgumentException("point is not on the Stark curve: (" + x + ", " + y + ")");
    return p;
  }

  /**
   * The curve point with this x whose y is the root cairo-lang's {@code get_y_coordinate} returns (canonical value at
   * most (p−1)/2); null when x³ + x + β is not a square.
   */
  public static EcPoint fromX(Felt x) {
    Felt y = x.square().mul(x).add(x).add(StarkCurve.BETA).sqrt();
    return y == null ? null : new EcPoint(x, y);
  }

  /** Reads a Jacobian point from limbs. */
  public static EcPoint fromJacobian(long[] p, int po) {
    long[] a = new long[8];
    if (!Jacobian.toAffine(p, po, a, 0, new long[Jacobian.SCRATCH])) return INFINITY;
    return new EcPoint(Felt.fromMontgomeryLimbs(a, 0), Felt.fromMontgomeryLimbs(a, 4));
  }

  public boolean isInfinity() {
    return x == null;
  }

  /** The x coordinate; throws at infinity. */
  public Felt x() {
    if (x == null) throw new ArithmeticException("the point at infinity has no coordinates");
    return x;
  }

  public Felt y() {
    if (y == null) throw new ArithmeticException("the point at infinity has no coordinates");
    return y;
  }

  public boolean isOnCurve() {
    return isInfinity() || y.square().equals(x.square().mul(x).add(x).add(StarkCurve.BETA));
  }

  /** Writes (x, y) Montgomery limbs; throws at infinity. */
  public void writeAffine(long[] r, int ro) {
    x().writeTo(r, ro);
    y.writeTo(r, ro + 4);
  }

  /** Writes the Jacobian form (x, y, 1), or all zeros at infinity. */
  public void writeJacobian(long[] r, int ro) {
    if (isInfinity()) {
      Jacobian.setInfinity(r, ro);
      return;
    }
    x.writeTo(r, ro);
    y.writeTo(r, ro + 4);
    Felt.ONE.writeTo(r, ro + 8);
  }

  public EcPoint add(EcPoint o) {
    if (isInfinity()) return o;
    if (o.isInfinity()) return this;
    long[] j = new long[Jacobian.SIZE];
    long[] a = new long[8];
    writeJacobian(j, 0);
    o.writeAffine(a, 0);
    Jacobian.addAffine(j, 0, a, 0, j, 0, new long[Jacobian.SCRATCH]);
    return fromJacobian(j, 0);
  }

  public EcPoint negate() {
    return isInfinity() ? this : new EcPoint(x, y.neg());
  }

  public EcPoint sub(EcPoint o) {
    return add(o.negate());
  }

  public EcPoint twice() {
    if (isInfinity()) return this;
    long[] j = new long[Jacobian.SIZE];
    writeJacobian(j, 0);
    Jacobian.dbl(j, 0, j, 0, new long[Jacobian.SCRATCH]);
    return fromJacobian(j, 0);
  }

  /** k·P for any integer k (reduced modulo the group order; negative k allowed). */
  public EcPoint multiply(BigInteger k) {
    if (isInfinity()) return this;
    long[] s = Scalars.limbs(k.mod(StarkCurve.ORDER));
    long[] r = new long[Jacobian.SIZE];
    long[] a = new long[8];
    writeAffine(a, 0);
    ScalarMul.multiply(a, 0, s, 0, r, 0, new ScalarMul.Workspace());
    return fromJacobian(r, 0);
  }

  /** Σ kᵢ·Pᵢ (Straus' interleaved windows: the doublings are shared by all terms). */
  public static EcPoint multiScalarMultiply(EcPoint[] points, BigInteger[] scalars) {
    if (points.length != scalars.length)
      throw new IllegalArgumentException(points.length + " points but " + scalars.length + " scalars");
    int n = 0;
    for (EcPoint p : points) if (!p.isInfinity()) n++;
    long[] pts = new long[8 * n];
    long[] ks = new long[4 * n];
    for (int i = 0, j = 0; i < points.length; i++) {
      if (points[i].isInfinity()) continue;
      points[i].writeAffine(pts, 8 * j);
      System.arraycopy(Scalars.limbs(scalars[i].mod(StarkCurve.ORDER)), 0, ks, 4 * j, 4);
      j++;
    }
    long[] r = new long[Jacobian.SIZE];
    ScalarMul.multiScalar(pts, ks, n, r, 0);
    return fromJacobian(r, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcPoint p && (isInfinity() ? p.isInfinity() : !p.isInfinity() && x.equals(p.x) && y.equals(p.y));
  }

  @Override
  public int hashCode() {
    return isInfinity() ? 0 : x.hashCode() * 31 + y.hashCode();
  }

  @Override
  public String toString() {
    return isInfinity() ? "(infinity)" : "(" + x + ", " + y + ")";
  }
}
