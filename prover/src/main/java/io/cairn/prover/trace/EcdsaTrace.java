package io.cairn.prover.trace;

import io.cairn.crypto.ec.EcPoint;
import io.cairn.crypto.ec.StarkCurve;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import java.math.BigInteger;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The ECDSA builtin's part of the main trace, as Stone's {@code SignatureBuiltinProverContext} and
 * {@code EcdsaComponent} write it: every instance, those without a signature in the run with Stone's dummy signature
 * (private key 1, message 1, nonce from {@link StonePrng} seeded with no bytes). Verification is Stone's variant:
 * w·(z·G + r·Q) has x coordinate r, computed as z·G − C, then r·Q + C, then w·(z·G + r·Q) + C with C the shift point.
 */
final class EcdsaTrace {
  private EcdsaTrace() {}

  /** One signature: the full public key (the y that makes it verify), message hash z, r and w = s⁻¹ mod n. */
  record Input(EcPoint publicKey, Felt z, Felt r, Felt w) {}

  private static final Felt ALPHA = StarkCurve.ALPHA;
  private static final EcPoint SHIFT = Pedersen.shiftPoint();
  private static volatile Input dummy;
  private static volatile Felt[][] generatorPowers; // [x|y][251]: G·2^j

  /** Stone's {@code GetDummySignature}: private key 1 signs message 1 with the first acceptable nonce of the Prng. */
  static Input dummySignature() {
    Input d = dummy;
    if (d != null) return d;
    BigInteger n = StarkCurve.ORDER;
    StonePrng prng = new StonePrng(new byte[0]);
    long[] one = {1, 0, 0, 0};
    long[] nMinus1 = limbs(n.subtract(BigInteger.ONE));
    BigInteger privateKey = BigInteger.ONE, message = BigInteger.ONE;
    while (true) {
      BigInteger k = fromLimbs(prng.uniformBigInt(one, nMinus1));
      Felt x = StarkCurve.GENERATOR.multiply(k).x();
      BigInteger r = x.toBigInteger();
      if (r.compareTo(n) >= 0 || r.signum() == 0) continue;
      BigInteger s = r.multiply(privateKey).add(message).mod(n).multiply(k.modInverse(n)).mod(n);
      if (s.signum() == 0) continue;
      BigInteger w = s.modInverse(n);
      if (w.compareTo(Felt.MODULUS) >= 0) continue;
      d = new Input(StarkCurve.GENERATOR, Felt.ONE, x, Felt.of(w));
      dummy = d;
      return d;
    }
  }

  /**
   * A signature from the run's private input ({@code FromPartialPublicKey}): of the two points with x = pubkey, the
   * one for which the signature verifies.
   */
  static Input fromPartialPublicKey(Felt publicKeyX, Felt z, Felt r, Felt w) {
    EcPoint q = EcPoint.fromX(publicKeyX);
    if (q == null) throw new IllegalArgumentException("ECDSA public key " + publicKeyX.toHex() + " is not the x coordinate of a curve point");
    if (z.isZero()) throw new IllegalArgumentException("ECDSA message hash cannot be zero");
    if (verifies(q, z, r, w)) return new Input(q, z, r, w);
    if (verifies(q.negate(), z, r, w)) return new Input(q.negate(), z, r, w);
    throw new IllegalArgumentException("invalid ECDSA signature (r " + r.toHex() + ", w " + w.toHex() + ") for public key " + publicKeyX.toHex());
  }

  private static boolean verifies(EcPoint q, Felt z, Felt r, Felt w) {
    EcPoint sum = StarkCurve.GENERATOR.multiply(z.toBigInteger()).add(q.multiply(r.toBigInteger()));
    EcPoint wb = sum.multiply(w.toBigInteger());
    return !wb.isInfinity() && wb.x().equals(r);
  }

  /** Writes every instance (trace rows / pubkey step of them) from {@code begin}; {@code inputs} by instance index. */
  static void write(MainTrace t, EcdsaColumns c, long begin, Map<Integer, Input> inputs) {
    int instances = t.rows() / c.pubkeyAddr().step();
    Input dummyInput = dummySignature();
    Felt[][] gen = generatorPowers();
    IntStream.range(0, instances)
        .parallel()
        .forEach(
            idx -> {
              Input in = inputs.getOrDefault(idx, dummyInput);
              writeInstance(t, c, idx, in, gen);
            });
    for (int idx = 0; idx < instances; idx++) {
      Input in = inputs.getOrDefault(idx, dummyInput);
      long addr = begin + 2L * idx;
      t.builtinMemory(c.pubkeyAddr().unit(idx), addr, in.publicKey().x());
      t.builtinMemory(c.messageAddr().unit(idx), addr + 1, in.z());
    }
  }

  private static void writeInstance(MainTrace t, EcdsaColumns c, int idx, Input in, Felt[][] gen) {
    // z·G − C
    Felt[] zg =
        subsetSum(t, SHIFT.x(), SHIFT.y().neg(), gen[0], gen[1], in.z(), idx, c.genPartialX(), c.genPartialY(), c.genSlope(), c.genSelector(), c.genXDiffInv());
    t.set(c.zInv(), idx, in.z().inverse());
    // r·Q + C
    Felt[] rq = keyExponentiation(t, c, in.publicKey().x(), in.publicKey().y(), in.r(), 2 * idx);
    if (zg[0].equals(rq[0])) throw new IllegalArgumentException("ECDSA instance " + idx + ": z·G − C and r·Q + C share an x coordinate");
    Felt addSlope = zg[1].sub(rq[1]).div(zg[0].sub(rq[0]));
    t.set(c.addResultsInv(), idx, zg[0].sub(rq[0]).inverse());
    t.set(c.addResultsSlope(), idx, addSlope);
    Felt bx = addSlope.square().sub(zg[0]).sub(rq[0]);
    Felt by = addSlope.mul(zg[0].sub(bx)).sub(zg[1]);
    // w·B + C
    Felt[] wb = keyExponentiation(t, c, bx, by, in.w(), 2 * idx + 1);
    if (wb[0].equals(SHIFT.x())) throw new IllegalArgumentException("ECDSA instance " + idx + ": w·B + C has the shift point's x");
    t.set(c.extractRInv(), idx, wb[0].sub(SHIFT.x()).inverse());
    t.set(c.extractRSlope(), idx, wb[1].add(SHIFT.y()).div(wb[0].sub(SHIFT.x())));
    t.set(c.qXSquared(), idx, in.publicKey().x().square());
    Felt extractSlope = wb[1].add(SHIFT.y()).div(wb[0].sub(SHIFT.x()));
    Felt rx = extractSlope.square().sub(wb[0]).sub(SHIFT.x());
    if (!rx.equals(in.r())) throw new IllegalArgumentException("ECDSA instance " + idx + ": invalid signature");
  }

  /** The doublings of (x, y), their slopes, 1/exponent, and the subset sum exponent·(x, y) + C. */
  private static Felt[] keyExponentiation(MainTrace t, EcdsaColumns c, Felt x, Felt y, Felt exponent, int index) {
    int h = EcdsaColumns.HEIGHT;
    Felt[] px = new Felt[h], py = new Felt[h];
    px[0] = x;
    py[0] = y;
    for (int i = 0; i < h; i++) {
      int e = index * h + i;
      t.set(c.keyPointsX(), e, px[i]);
      t.set(c.keyPointsY(), e, py[i]);
      if (i == h - 1) break;
      Felt slope = px[i].square().mul(Felt.of(3)).add(ALPHA).div(py[i].add(py[i]));
      t.set(c.doublingSlope(), e, slope);
      px[i + 1] = slope.square().sub(px[i]).sub(px[i]);
      py[i + 1] = slope.mul(px[i].sub(px[i + 1])).sub(py[i]);
    }
    t.set(c.rwInv(), index, exponent.inverse());
    return subsetSum(t, SHIFT.x(), SHIFT.y(), px, py, exponent, index, c.keyPartialX(), c.keyPartialY(), c.keySlope(), c.keySelector(), c.keyXDiffInv());
  }

  /**
   * Stone's {@code EcSubsetSumComponent::WriteTrace} with x_diff_inv and n_points = 251: row j holds the partial sum,
   * selector >> j, 1/(partial.x − P_j.x) and the slope when bit j is set (else 0); points past the given ones repeat
   * the 251st; the last row holds the final sum and selector 0.
   */
  private static Felt[] subsetSum(
      MainTrace t, Felt sx, Felt sy, Felt[] px, Felt[] py, Felt selector, int instance,
      VirtualColumn colX, VirtualColumn colY, VirtualColumn colSlope, VirtualColumn colSelector, VirtualColumn colXDiffInv) {
    int h = EcdsaColumns.HEIGHT, nPoints = EcdsaColumns.HASH_BITS;
    long[] sel = selector.canonicalLimbs();
    if ((sel[3] >>> (nPoints - 192)) != 0) throw new IllegalArgumentException("ECDSA: selector " + selector.toHex() + " has more than " + nPoints + " bits");
    Felt x = sx, y = sy;
    int base = instance * h;
    for (int j = 0; j < h - 1; j++) {
      int e = base + j;
      int p = j < px.length ? j : nPoints - 1;
      t.set(colX, e, x);
      t.set(colY, e, y);
      t.set(colSelector, e, Felt.fromCanonicalLimbs(sel[0], sel[1], sel[2], sel[3]));
      Felt dx = x.sub(px[p]);
      if (dx.isZero()) throw new IllegalArgumentException("ECDSA: adding a point to itself or its inverse (instance " + instance + ", row " + j + ")");
      t.set(colXDiffInv, e, dx.inverse());
      if ((sel[0] & 1) != 0) {
        Felt slope = y.sub(py[p]).div(dx);
        t.set(colSlope, e, slope);
        Felt nx = slope.square().sub(x).sub(px[p]);
        y = slope.mul(x.sub(nx)).sub(y);
        x = nx;
      }
      for (int k = 0; k < 3; k++) sel[k] = sel[k] >>> 1 | sel[k + 1] << 63;
      sel[3] >>>= 1;
    }
    t.set(colX, base + h - 1, x);
    t.set(colY, base + h - 1, y);
    t.set(colSelector, base + h - 1, Felt.ZERO);
    return new Felt[] {x, y};
  }

  private static Felt[][] generatorPowers() {
    Felt[][] g = generatorPowers;
    if (g != null) return g;
    g = new Felt[2][EcdsaColumns.HASH_BITS];
    EcPoint p = StarkCurve.GENERATOR;
    for (int j = 0; j < g[0].length; j++) {
      g[0][j] = p.x();
      g[1][j] = p.y();
      p = p.twice();
    }
    generatorPowers = g;
    return g;
  }

  private static long[] limbs(BigInteger v) {
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) r[i] = v.shiftRight(64 * i).longValue();
    return r;
  }

  private static BigInteger fromLimbs(long[] l) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(l[i])));
    return v;
  }
}
