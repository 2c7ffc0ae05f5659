package io.cairn.prover.air;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;

/** Periodic columns: the polynomial through n values on the order-n subgroup, evaluated by Lagrange's formula. */
final class Periodic {
  private Periodic() {}

  /** q(y) for the q of degree < n with q(ω^i) = values[i], ω = 3^((p−1)/n). */
  static Felt evaluate(Felt[] values, Felt y) {
    int n = values.length;
    Felt omega = Felt.of(3).pow(Felt.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)));
    Felt[] den = new Felt[n];
    Felt w = Felt.ONE;
    for (int i = 0; i < n; i++) {
      den[i] = y.sub(w);
      if (den[i].isZero()) return values[i];
      w = w.mul(omega);
    }
    Felt[] inv = Felt.batchInverse(den);
    Felt sum = Felt.ZERO;
    w = Felt.ONE;
    for (int i = 0; i < n; i++) {
      sum = sum.add(values[i].mul(w).mul(inv[i]));
      w = w.mul(omega);
    }
    return y.pow(n).sub(Felt.ONE).mul(sum).div(Felt.of(n));
  }
}
