package io.cairn.prover.air;

import io.cairn.crypto.ec.EcPoint;
import io.cairn.crypto.ec.StarkCurve;
import io.cairn.crypto.field.Felt;

/**
 * Stark-curve constants the layouts' periodic columns are built from: the Pedersen shift point and base points
 * (cairo-lang's CONSTANT_POINTS 0, 2, 250, 254, 502, which the Pedersen hash keeps private) and the ECDSA
 * generator, with their doublings.
 */
final class EcConstants {
  private EcConstants() {}

  static EcPoint point(String x, String y) {
    return EcPoint.of(Felt.fromHex(x), Felt.fromHex(y));
  }

  static final Felt BETA = StarkCurve.BETA;
  static final EcPoint SHIFT_POINT =
      point("0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804", "0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a");
  static final EcPoint[] PEDERSEN_BASES = {
    point("0x234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b", "0x3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615"),
    point("0x4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378", "0x3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d"),
    point("0x4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997", "0x40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c"),
    point("0x54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202", "0x1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426"),
  };
  static final EcPoint ECDSA_GENERATOR = StarkCurve.GENERATOR;

  private static Felt[][] pedersen; // [x|y][512]
  private static Felt[][] ecdsa; // [x|y][256]

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
