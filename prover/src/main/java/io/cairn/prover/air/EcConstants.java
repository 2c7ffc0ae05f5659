package io.cairn.prover.air;

import io.cairn.crypto.ec.EcPoint;
import io.cairn.crypto.ec.StarkCurve;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;

/**
 * Stark-curve constants the layouts' periodic columns are built from: the Pedersen shift point and base points
 * (cairo-lang's CONSTANT_POINTS 0, 2, 250, 254, 502, taken from the Pedersen hash itself) and the ECDSA
 * generator, with their doublings.
 */
public final class EcConstants {
  private EcConstants() {}

  static final Felt BETA = StarkCurve.BETA;
  static final EcPoint SHIFT_POINT = Pedersen.shiftPoint();
  static final EcPoint[] PEDERSEN_BASES = Pedersen.basePoints().toArray(new EcPoint[0]);
  static final EcPoint ECDSA_GENERATOR = StarkCurve.GENERATOR;

  private static Felt[][] pedersen; // [x|y][512]
  private static Felt[][] ecdsa; // [x|y][256]

  /** Pedersen's constant points as Stone's periodic columns: [x|y][512] (input 0's 256 rows, then input 1's). */
  public static Felt[][] pedersenPoints() {
    Felt[][] c = pedersenColumns();
    return new Felt[][] {c[0].clone(), c[1].clone()};
  }

  public static Felt pedersenShiftX() {
    return SHIFT_POINT.x();
  }

  public static Felt pedersenShiftY() {
    return SHIFT_POINT.y();
  }

  static synchronized Felt[][] pedersenColumns() {
    if (pedersen == null) {
      Felt[][] c = new Felt[2][512];
      for (int input = 0; input < 2; input++) {
        EcPoint p = null;
        for (int i = 0; i < 256; i++) {
          if (i == 0) p = PEDERSEN_BASES[2 * input];
          else if (i == 248) p = PEDERSEN_BASES[2 * input + 1];
          else if (i < 252) p = p.twice();
          // rows 252..255 repeat the last point
          c[0][256 * input + i] = p.x();
          c[1][256 * input + i] = p.y();
        }
      }
      pedersen = c;
    }
    return pedersen;
  }

  static synchronized Felt[][] ecdsaColumns() {
    if (ecdsa == null) {
      Felt[][] c = new Felt[2][256];
      EcPoint p = ECDSA_GENERATOR;
      for (int i = 0; i < 256; i++) {
        if (i > 0 && i < 251) p = p.twice();
        c[0][i] = p.x();
        c[1][i] = p.y();
      }
      ecdsa = c;
    }
    return ecdsa;
  }

  static Felt[] pedersenX() {
    return pedersenColumns()[0];
  }

  static Felt[] pedersenY() {
    return pedersenColumns()[1];
  }

  static Felt[] ecdsaX() {
    return ecdsaColumns()[0];
  }

  static Felt[] ecdsaY() {
    return ecdsaColumns()[1];
  }
}
