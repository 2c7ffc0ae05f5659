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
 * <p>Each input has one fixed-base table over its 252 bits, the low 248 bits standing for multiples of P0 (or P2)
 * and the top 4 for multiples of P1 (or P3), so a hash is one mixed addition per window and one inversion, with no
 * doubling. Two sizes: 8-bit windows (32 windows × 255 points, 1 MiB for both inputs, built in milliseconds on first
 * use: 64 additions a hash) serve one-shot tools and tests; a process that keeps hashing (more than
 * {@value #PROMOTE_AFTER} hashes) builds 12-bit tables in a background thread (21 windows × 4095 points, 10.5 MiB,
 * about a second of one core: 42 additions a hash) and switches to them when ready. {@link #precompute()} builds them
 * up front. Results do not depend on which tables are used.
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

  /** The shift point every hash starts from (cairo-lang's CONSTANT_POINTS[0]); the AIR's periodic columns need it. */
  public static EcPoint shiftPoint() {
    return SHIFT;
  }

  /**
   * The four base points: a_low, a_high, b_low, b_high (CONSTANT_POINTS[2], [250], [254], [502]). The Cairo AIR builds
   * its Pedersen periodic columns from their doublings.
   */
  public static List<EcPoint> basePoints() {
    return List.of(P0, P1, P2, P3);
  }

  static final int PROMOTE_AFTER = 4096;
  private static final int SMALL_WINDOW = 8, LARGE_WINDOW = 12;
  private static final int MAX_POINTS = 2 * ((252 + SMALL_WINDOW - 1) / SMALL_WINDOW);

  private static final class Small {
    static final FixedBaseTable A = new FixedBaseTable(P0, 248, P1, 252, SMALL_WINDOW);
    static final FixedBaseTable B = new FixedBaseTable(P2, 248, P3, 252, SMALL_WINDOW);
    static final long[] SHIFT_JACOBIAN = new long[Jacobian.SIZE];

    static {
      SHIFT.writeJacobian(SHIFT_JACOBIAN, 0);
    }
  }

  /** The 12-bit tables {a, b} once built. */
  private static volatile FixedBaseTable[] large;

  private static final java.util.concurrent.atomic.AtomicLong SMALL_USES = new java.util.concurrent.atomic.AtomicLong();

  private static synchronized FixedBaseTable[] buildLarge() {
    if (large == null)
      large = new FixedBaseTable[] {
        new FixedBaseTable(P0, 248, P1, 252, LARGE_WINDOW), new FixedBaseTable(P2, 248, P3, 252, LARGE_WINDOW)
      };
    return large;
  }

  /** Builds the large tables now (blocking), for servers and benchmarks that hash from the start. */
  public static void precompute() {
    buildLarge();
  }

  private static void promote() {
    Thread.ofPlatform().daemon().name("pedersen-tables").start(Pedersen::buildLarge);
  }

  /** Bytes held by the precomputed tables built so far (1 MiB small, 10.5 MiB more once the large ones exist). */
  public static long tableBytes() {
    long bytes = Small.A.memoryBytes() + Small.B.memoryBytes();
    FixedBaseTable[] l = large;
    if (l != null) bytes += l[0].memoryBytes() + l[1].memoryBytes();
    return bytes;
  }

  /** Per-thread buffers of {@link #hash(long[], int, long[], int, long[], int)}. */
  public static final class Workspace {
    final long[] a = new long[4], b = new long[4];
    final long[] acc = new long[Jacobian.SIZE];
    final long[] points = new long[8 * MAX_POINTS];
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
    FixedBaseTable[] l = large;
    if (l != null) {
      hash(a, ao, b, bo, out, oo, ws, l[0], l[1]);
    } else {
      if (SMALL_USES.incrementAndGet() == PROMOTE_AFTER) promote();
      hash(a, ao, b, bo, out, oo, ws, Small.A, Small.B);
    }
  }

  /** H(a, b) with the 8-bit tables, whatever else exists (tests compare both sizes). */
  static Felt hashWithSmallTables(Felt a, Felt b) {
    long[] io = new long[8];
    a.writeTo(io, 0);
    b.writeTo(io, 4);
    hash(io, 0, io, 4, io, 0, new Workspace(), Small.A, Small.B);
    return Felt.fromMontgomeryLimbs(io, 0);
  }

  private static void hash(
      long[] a, int ao, long[] b, int bo, long[] out, int oo, Workspace ws, FixedBaseTable ta, FixedBaseTable tb) {
    long[] ca = ws.a, cb = ws.b, acc = ws.acc, t = ws.scratch, pts = ws.points;
    Fp.fromMontgomery(a, ao, ca, 0);
    Fp.fromMontgomery(b, bo, cb, 0);
    // gather the selected table points first so their cache misses overlap, then add them up
    int n = ta.gather(ca, 0, pts, 0);
    n += tb.gather(cb, 0, pts, 8 * n);
    System.arraycopy(Small.SHIFT_JACOBIAN, 0, acc, 0, Jacobian.SIZE);
    for (int i = 0; i < n; i++) Jacobian.addAffine(acc, 0, pts, 8 * i, acc, 0, t);
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
