package io.cairn.bench.crypto;

import java.math.BigInteger;
import java.util.Random;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A sketch, not a kernel: eight Stark-field Montgomery products at once through the (incubating) Vector API, to size
 * what a SIMD field layer could give the prover against {@code Fp.mul} (~23 ns a product, scalar).
 *
 * <p>Elements are laid out by lanes (limb k of the eight elements of a group side by side), 9 limbs of 29 bits (R =
 * 2^261): a limb product is below 2^58, so nine of them add up without a carry, and the carries are propagated once at
 * the end. p ≡ 1 mod 2^29, so each round's multiplier is −t₀ mod 2^29, and m·p = m + m·17·2^210 + m·2^251 costs shifts
 * only. Results are below 2p (lazy). Checked against BigInteger before timing.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.cairn.bench.crypto.VectorProductSketch [groups]}.
 */
public final class VectorProductSketch {
  private VectorProductSketch() {}

  private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
  private static final int LIMBS = 9, BITS = 29, GROUP = 8 * LIMBS;
  private static final long MASK = (1L << BITS) - 1;
  private static final BigInteger P = BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

  /** r = a·b·2^−261 mod p (below 2p) for the eight elements of the groups at ao, bo, into ro. */
  static void mul(long[] a, int ao, long[] b, int bo, long[] r, int ro) {
    // locals, not arrays: vectors kept in arrays are boxed (9× slower, measured)
    LongVector x0 = LongVector.fromArray(S, a, ao), x1 = LongVector.fromArray(S, a, ao + 8), x2 = LongVector.fromArray(S, a, ao + 16);
    LongVector x3 = LongVector.fromArray(S, a, ao + 24), x4 = LongVector.fromArray(S, a, ao + 32), x5 = LongVector.fromArray(S, a, ao + 40);
    LongVector x6 = LongVector.fromArray(S, a, ao + 48), x7 = LongVector.fromArray(S, a, ao + 56), x8 = LongVector.fromArray(S, a, ao + 64);
    LongVector z = LongVector.zero(S);
    LongVector t0 = z, t1 = z, t2 = z, t3 = z, t4 = z, t5 = z, t6 = z, t7 = z, t8 = z;
    for (int i = 0; i < LIMBS; i++) {
      LongVector bi = LongVector.fromArray(S, b, bo + 8 * i);
      t0 = t0.add(x0.mul(bi));
      t1 = t1.add(x1.mul(bi));
      t2 = t2.add(x2.mul(bi));
      t3 = t3.add(x3.mul(bi));
      t4 = t4.add(x4.mul(bi));
      t5 = t5.add(x5.mul(bi));
      t6 = t6.add(x6.mul(bi));
      t7 = t7.add(x7.mul(bi));
      t8 = t8.add(x8.mul(bi));
      LongVector m = t0.neg().and(MASK);
      t0 = t0.add(m);
      t6 = t6.add(m.lanewise(VectorOperators.LSHL, 22)).add(m.lanewise(VectorOperators.LSHL, 18)); // 17·2^18·m
      t8 = t8.add(m.lanewise(VectorOperators.LSHL, 19));
      LongVector carry = t0.lanewise(VectorOperators.ASHR, BITS);
      t0 = t1.add(carry);
      t1 = t2;
      t2 = t3;
      t3 = t4;
      t4 = t5;
      t5 = t6;
      t6 = t7;
      t7 = t8;
      t8 = z;
    }
    // written out limb by limb: a helper taking and returning vectors was not inlined and boxed them (53 ns a product)
    LongVector c = t0.lanewise(VectorOperators.ASHR, BITS);
    t0.and(MASK).intoArray(r, ro);
    t1 = t1.add(c);
    c = t1.lanewise(VectorOperators.ASHR, BITS);
    t1.and(MASK).intoArray(r, ro + 8);
    t2 = t2.add(c);
    c = t2.lanewise(VectorOperators.ASHR, BITS);
    t2.and(MASK).intoArray(r, ro + 16);
    t3 = t3.add(c);
    c = t3.lanewise(VectorOperators.ASHR, BITS);
    t3.and(MASK).intoArray(r, ro + 24);
    t4 = t4.add(c);
    c = t4.lanewise(VectorOperators.ASHR, BITS);
    t4.and(MASK).intoArray(r, ro + 32);
    t5 = t5.add(c);
    c = t5.lanewise(VectorOperators.ASHR, BITS);
    t5.and(MASK).intoArray(r, ro + 40);
    t6 = t6.add(c);
    c = t6.lanewise(VectorOperators.ASHR, BITS);
    t6.and(MASK).intoArray(r, ro + 48);
    t7 = t7.add(c);
    c = t7.lanewise(VectorOperators.ASHR, BITS);
    t7.and(MASK).intoArray(r, ro + 56);
    t8.add(c).intoArray(r, ro + 64);
  }

  static BigInteger get(long[] x, int group, int lane) {
    BigInteger v = BigInteger.ZERO;
    for (int k = LIMBS - 1; k >= 0; k--) v = v.shiftLeft(BITS).add(BigInteger.valueOf(x[group * GROUP + 8 * k + lane]));
    return v;
  }

  static void set(long[] x, int group, int lane, BigInteger v) {
    for (int k = 0; k < LIMBS; k++, v = v.shiftRight(BITS)) x[group * GROUP + 8 * k + lane] = v.longValue() & MASK;
  }

  public static void main(String[] args) {
    int groups = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    long[] a = new long[GROUP * groups], b = new long[GROUP * groups], r = new long[GROUP * groups];
    Random rnd = new Random(3);
    for (int g = 0; g < groups; g++)
      for (int l = 0; l < 8; l++) {
        set(a, g, l, new BigInteger(252, rnd).mod(P));
        set(b, g, l, new BigInteger(252, rnd).mod(P));
      }
    BigInteger rInverse = BigInteger.ONE.shiftLeft(LIMBS * BITS).modInverse(P);
    for (int g = 0; g < groups; g++) mul(a, GROUP * g, b, GROUP * g, r, GROUP * g);
    for (int g = 0; g < groups; g++)
      for (int l = 0; l < 8; l++) {
        BigInteger want = get(a, g, l).multiply(get(b, g, l)).multiply(rInverse).mod(P), got = get(r, g, l);
        if (got.compareTo(P.shiftLeft(1)) >= 0 || !got.mod(P).equals(want)) throw new AssertionError("group " + g + " lane " + l + ": " + got + ", expected " + want);
      }
    int reps = Math.max(1, 2_000_000 / groups);
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < reps; k++) for (int g = 0; g < groups; g++) mul(a, GROUP * g, b, GROUP * g, r, GROUP * g);
      best = Math.min(best, (System.nanoTime() - t0) / (8.0 * reps * groups));
    }
    System.out.printf("8-lane Montgomery product, 29-bit limbs: %.2f ns a product (throughput, best of 10; %d groups of 8, checked)%n", best, groups);
  }
}
