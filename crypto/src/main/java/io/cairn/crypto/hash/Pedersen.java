package io.cairn.crypto.hash;

import io.cairn.crypto.ec.EcPoint;
import io.cairn.crypto.ec.FixedBaseTable;
import io.cairn.crypto.ec.Jacobian;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.List;

/**
 * Starknet's Pedersen hash over the Stark curve, with cairo-lang's constant points:
 * H(a, b) = x(shift + a_low·P0 + a_high·P1 + b_low·P2 + b_high·P3), low = the 248 low bits, high = the top 4.
 *
 * <p>Each of P0 and P2 has an 8-bit fixed-base table (31 windows × 255 affine points, 496 KiB each), P1 and P3 a
 * 4-bit one, so a hash is at most 64 mixed additions and one inversion, with no doubling. The tables are built on
 * first use (a few milliseconds).
 */
public final class Pedersen {
  private Pedersen() {}

  // cairo-lang pedersen_params.json CONSTANT_POINTS[0], [2], [250], [254], [502]
  private static final EcPoint SHIFT =
      point(
          "0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804",
          "0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a");
  private static final EcPoint P0 =
      point(
          "0x234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b",
          "0x3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615");
  private static final EcPoint P1 =
      point(
          "0x4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378",
          "0x3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d");
  private static final EcPoint P2 =
      point(
          "0x4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997",
          "0x40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c");
  private static final EcPoint P3 =
      point(
          "0x54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202",
          "0x1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426");

  private static EcPoint point(String x, String y) {
    return EcPoint.of(Felt.fromHex(x), Felt.fromHex(y));
  }

  private static final class Tables {
    static final FixedBaseTable A_LOW = new FixedBaseTable(P0, 0, 248, 8);
    static final FixedBaseTable A_HIGH = new FixedBaseTable(P1, 248, 4, 4);
    static final FixedBaseTable B_LOW = new FixedBaseTable(P2, 0, 248, 8);
    static final FixedBaseTable B_HIGH = new FixedBaseTable(P3, 248, 4, 4);
    static final long[] SHIFT_JACOBIAN = new long[Jacobian.SIZE];

    static {
      SHIFT.writeJacobian(SHIFT_JACOBIAN, 0);
    }
  }

  /** Bytes held by the precomputed tables (building them if needed). */
  public static long tableBytes() {
    return Tables.A_LOW.memoryBytes() + Tables.A_HIGH.memoryBytes() + Tables.B_LOW.memoryBytes()
        + Tables.B_HIGH.memoryBytes();
  }

  /** Per-thread buffers of {@link #hash(long[], int, long[], int, long[], int)}. */
  public static final class Workspace {
    final long[] a = new long[4], b = new long[4];
    final long[] acc = new long[Jacobian.SIZE];
    final long[] scratch = new long[Jacobian.SCRATCH];
  }

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /** H(a, b). */
  public static Felt hash(Felt a, Felt b) {
    long[] io = new long[8];
    a.writeTo(io, 0);
    b.writeTo(io, 4);
    hash(io, 0, io, 4, io, 0, WORKSPACE.get());
    return Felt.fromMontgomeryLimbs(io, 0);
  }

  /**
   * H(a, b) on the field's array form: a, b and the result are Montgomery limbs as {@link Felt#writeTo} writes them.
   * Allocation-free; out may alias the inputs.
   */
  public static void hash(long[] a, int ao, long[] b, int bo, long[] out, int oo) {
    hash(a, ao, b, bo, out, oo, WORKSPACE.get());
  }

  /** As {@link #hash(long[], int, long[], int, long[], int)} with the caller's workspace (one per thread). */
  public static void hash(long[] a, int ao, long[] b, int bo, long[] out, int oo, Workspace ws) {
    long[] ca = ws.a, cb = ws.b, acc = ws.acc, t = ws.scratch;
    Fp.fromMontgomery(a, ao, ca, 0);
    Fp.fromMontgomery(b, bo, cb, 0);
    System.arraycopy(Tables.SHIFT_JACOBIAN, 0, acc, 0, Jacobian.SIZE);
    Tables.A_LOW.accumulate(acc, 0, ca, 0, t);
    Tables.A_HIGH.accumulate(acc, 0, ca, 0, t);
    Tables.B_LOW.accumulate(acc, 0, cb, 0, t);
    Tables.B_HIGH.accumulate(acc, 0, cb, 0, t);
    if (!Jacobian.affineX(acc, 0, out, oo, t))
      throw new ArithmeticException("Pedersen hash reached the point at infinity"); // needs a discrete log
  }

  /** cairo-lang's compute_hash_on_elements: H(…H(H(0, d1), d2)…, n). */
  public static Felt hashOnElements(List<Felt> elements) {
    Felt acc = Felt.ZERO;
    for (Felt e : elements) acc = hash(acc, e);
    return hash(acc, Felt.of(elements.size()));
  }

  public static Felt hashOnElements(Felt... elements) {
    return hashOnElements(List.of(elements));
  }
}
