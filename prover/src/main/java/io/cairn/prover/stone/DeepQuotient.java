package io.cairn.prover.stone;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;

/**
 * Stone's DEEP composition (the boundary AIR of oods.cc), FRI's first layer: at x,
 * Σ_i β^i·(column_i(x) − v_i)/(x − z·g^row_i) over the mask, then Σ_k β^(m+k)·(broken_k(x) − v_{m+k})/(x − z^degree).
 * One instance per proof (z, the OODS values and β fixed); the prover and the verifier evaluate it alike.
 */
public final class DeepQuotient {
  private final AirDescription air;
  private final Felt[] oods;
  private final Felt[] coefficients;
  private final Felt[] points; // z·g^row per mask entry, then z^degree per broken column

  public DeepQuotient(AirDescription air, Felt z, Felt traceGenerator, Felt[] oodsValues, Felt beta) {
    this.air = air;
    int m = air.mask.size(), n = m + air.constraintDegree;
    if (oodsValues.length != n) throw new IllegalArgumentException("expected " + n + " OODS values, got " + oodsValues.length);
    this.oods = oodsValues.clone();
    coefficients = new Felt[n];
    Felt acc = Felt.ONE;
    for (int i = 0; i < n; i++) {
      coefficients[i] = acc;
      acc = acc.mul(beta);
    }
    points = new Felt[n];
    Felt gInverse = traceGenerator.inverse();
    for (int i = 0; i < m; i++) {
      int row = air.mask.get(i).row();
      points[i] = z.mul(row >= 0 ? traceGenerator.pow(row) : gInverse.pow(-row));
    }
    Felt zDeg = z.pow(air.constraintDegree);
    for (int i = m; i < n; i++) points[i] = zDeg;
  }

  /**
   * The quotient at x from the trace columns there (main then interaction, in column order) and the broken
   * composition columns.
   */
  public Felt at(Felt x, Felt[] traceColumns, Felt[] brokenColumns) {
    int m = air.mask.size(), n = points.length;
    Felt[] denominators = new Felt[n];
    for (int i = 0; i < n; i++) denominators[i] = x.sub(points[i]);
    Felt[] inverses = Felt.batchInverse(denominators);
    Felt sum = Felt.ZERO;
    for (int i = 0; i < m; i++) {
      Felt v = traceColumns[air.mask.get(i).column()];
      sum = sum.add(coefficients[i].mul(v.sub(oods[i]).mul(inverses[i])));
    }
    for (int k = 0; k < n - m; k++) sum = sum.add(coefficients[m + k].mul(brokenColumns[k].sub(oods[m + k]).mul(inverses[m + k])));
    return sum;
  }
}
