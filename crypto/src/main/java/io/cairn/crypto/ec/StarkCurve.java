package io.cairn.crypto.ec;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;

/**
 * The Stark curve y² = x³ + αx + β over the Stark field, α = 1, with cairo-lang's generator (CONSTANT_POINTS[1] of
 * {@code pedersen_params.json}) and prime group order n.
 */
public final class StarkCurve {
  private StarkCurve() {}

  public static final Felt ALPHA = Felt.ONE;
  public static final Felt BETA =
      Felt.parse("3141592653589793238462643383279502884197169399375105820974944592307816406665");
  /** The group order n (prime; the curve has no cofactor). */
  public static final BigInteger ORDER =
      new BigInteger("3618502788666131213697322783095070105526743751716087489154079457884512865583");

  /** The ECDSA generator. */
  public static final EcPoint GENERATOR =
      EcPoint.of(
          Felt.fromHex("0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca"),
          Felt.fromHex("0x5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f"));

  static final long[] BETA_MONT = limbs(BETA);
  static final long[] ONE_MONT = limbs(Felt.ONE);

  static long[] limbs(Felt f) {
    long[] r = new long[4];
    f.writeTo(r, 0);
    return r;
  }

  /** The 8-bit fixed-base table of the generator (512 KiB), built on first use. */
  public static FixedBaseTable generatorTable() {
    return GeneratorTable.TABLE;
  }

  private static final class GeneratorTable {
    static final FixedBaseTable TABLE = new FixedBaseTable(GENERATOR, 252, 8);
  }
}
