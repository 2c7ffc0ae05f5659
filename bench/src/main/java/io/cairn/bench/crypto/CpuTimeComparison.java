package io.cairn.bench.crypto;

import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The same operations as the JMH benchmarks, timed in thread CPU time (which includes starknet-jvm's native code)
 * instead of wall time: on a machine shared with other work, wall-clock averages swing with the load while CPU time
 * per operation stays comparable. Run: {@code java -cp bench/target/benchmarks.jar
 * io.cairn.bench.crypto.CpuTimeComparison [rounds]}; prints the best round of each operation.
 */
public final class CpuTimeComparison {
  private CpuTimeComparison() {}

  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static volatile Object sink;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Pedersen.precompute();
    int pool = 64;
    SampleInputs in = new SampleInputs(pool, 7);
    Felt[] a = in.a, b = in.b, keys = in.keys, pubs = in.pubs, msgs = in.msgs;
    Ecdsa.Signature[] sigs = in.sigs;
    List<List<Felt>> tens = in.tens;
    var ja = in.ja;
    var jb = in.jb;
    var jkeys = in.jkeys;
    var jpubs = in.jpubs;
    var jmsgs = in.jmsgs;
    var jr = in.jr;
    var js = in.js;
    var jtens = in.jtens;
    long[] limbs = new long[4 * pool];
    BigInteger[] big = new BigInteger[pool];
    for (int k = 0; k < pool; k++) {
      a[k].writeTo(limbs, 4 * k);
      big[k] = a[k].toBigInteger();
    }
    long[] acc = new long[4];
    Felt.ONE.writeTo(acc, 0);
    BigInteger[] bigAcc = {BigInteger.ONE};
    System.out.printf("%-22s %14s %14s%n", "operation", "ours", "starknet-jvm");
    row("field mul (ns)", rounds, 2_000_000, 1,
        i -> Fp.mul(acc, 0, limbs, 4 * (i & 63), acc, 0),
        i -> bigAcc[0] = bigAcc[0].multiply(big[i & 63]).mod(Felt.MODULUS));
    row("field inverse (ns)", rounds, 20_000, 1,
        i -> Fp.inverse(limbs, 4 * (i & 63), acc, 0),
        i -> sink = big[i & 63].modInverse(Felt.MODULUS));
    row("pedersen (us)", rounds, 5_000, 1000,
        i -> sink = Pedersen.hash(a[i & 63], b[i & 63]),
        i -> sink = com.swmansion.starknet.crypto.StarknetCurve.pedersen(ja[i & 63], jb[i & 63]));
    row("poseidon(2) (us)", rounds, 5_000, 1000,
        i -> sink = Poseidon.hash(a[i & 63], b[i & 63]),
        i -> sink = com.swmansion.starknet.crypto.Poseidon.poseidonHash(ja[i & 63], jb[i & 63]));
    row("poseidon many 10 (us)", rounds, 5_000, 1000,
        i -> sink = Poseidon.hashMany(tens.get(i & 63)),
        i -> sink = com.swmansion.starknet.crypto.Poseidon.poseidonHash(jtens.get(i & 63)));
    row("ecdsa sign (us)", rounds, 200, 1000,
        i -> sink = Ecdsa.sign(keys[i & 63], msgs[i & 63]),
        i -> sink = com.swmansion.starknet.crypto.StarknetCurve.sign(jkeys[i & 63], jmsgs[i & 63]));
    row("ecdsa verify (us)", rounds, 200, 1000,
        i -> sink = Ecdsa.verify(pubs[i & 63], msgs[i & 63], sigs[i & 63].r(), sigs[i & 63].s()),
        i -> sink = com.swmansion.starknet.crypto.StarknetCurve.verify(jpubs[i & 63], jmsgs[i & 63], jr[i & 63], js[i & 63]));
  }

  private static void row(String name, int rounds, int n, int unit, IntConsumer ours, IntConsumer theirs) {
    System.out.printf("%-22s %14.2f %14.2f%n", name, best(rounds, n, ours) / unit, best(rounds, n, theirs) / unit);
  }

  /** The lowest CPU nanoseconds per call over the rounds (the first round also warms up). */
  static double best(int rounds, int n, IntConsumer op) {
    double best = Double.MAX_VALUE;
    for (int r = 0; r <= rounds; r++) {
      long t0 = MX.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) op.accept(i);
      long t1 = MX.getCurrentThreadCpuTime();
      if (r > 0) best = Math.min(best, (t1 - t0) / (double) n);
    }
    return best;
  }
}
