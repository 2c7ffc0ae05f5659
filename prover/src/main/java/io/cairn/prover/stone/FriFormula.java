package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;

/** Stone's FRI folding formula (fri_folder.cc), shared by the prover's layers and the verifier's queries. */
public final class FriFormula {
  private FriFormula() {}

  static final BigInteger P = Felt.MODULUS;
  static final Felt GENERATOR = Felt.of(3);

  /**
   * Folds a coset of 2^k values (in Stone's bit-reversed coset order) into one value of the next layer: the first
   * half and the second half fold recursively (the second with x⁻¹·ω_n), then the pair combines as
   * f(x) + f(−x) + λ·x⁻¹·(f(x) − f(−x)) with λ and x⁻¹ raised to n/2 (Stone's FRI folder; no division by 2).
   */
  public static Felt fold(Felt[] v, Felt point, Felt xInv) {
    return fold(v, 0, v.length, point, xInv);
  }

  private static Felt fold(Felt[] v, int from, int n, Felt point, Felt xInv) {
    if (n == 1) return v[from];
    Felt g0, g1;
    if (n == 2) {
      g0 = v[from];
      g1 = v[from + 1];
    } else {
      g0 = fold(v, from, n / 2, point, xInv);
      g1 = fold(v, from + n / 2, n / 2, point, xInv.mul(INVERSE_ROOTS[Integer.numberOfTrailingZeros(n)]));
    }
    Felt lambda = point.pow(n / 2), xi = xInv.pow(n / 2);
    return g0.add(g1).add(lambda.mul(xi).mul(g0.sub(g1)));
  }

  /** ω_{2^k}⁻¹ for the coset sizes FRI steps use (k ≤ 16). */
  private static final Felt[] INVERSE_ROOTS = new Felt[17];

  static {
    for (int k = 0; k <= 16; k++) INVERSE_ROOTS[k] = rootOfUnity(1 << k).inverse();
  }

  /** 3^((p−1)/n), the primitive n-th root of unity Stone's FFT bases use. */
  public static Felt rootOfUnity(int n) {
    return GENERATOR.pow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)));
  }

}
