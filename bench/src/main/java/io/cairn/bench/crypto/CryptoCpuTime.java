package io.cairn.bench.crypto;

import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Cairn's own crypto operations in thread CPU time (best round), without starknet-jvm, so a kernel change can be
 * measured in seconds: field product latency (chained) and throughput (independent products over arrays), squaring,
 * inversion, Poseidon, Pedersen (large tables), ECDSA. Run: {@code java -cp bench/target/benchmarks.jar
 * io.cairn.bench.crypto.CryptoCpuTime [rounds]}.
 */
public final class CryptoCpuTime {
  private CryptoCpuTime() {}

  private static volatile Object sink;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Pedersen.precompute();
    int pool = 64, n = 1024;
    SampleInputs in = new SampleInputs(pool, 7);
    Felt[] a = in.a, b = in.b, keys = in.keys, pubs = in.pubs, msgs = in.msgs;
    Ecdsa.Signature[] sigs = in.sigs;
    List<List<Felt>> tens = in.tens;
    Random rnd = new Random(8);
    long[] x = new long[4 * n], y = new long[4 * n], z = new long[4 * n];
    for (int k = 0; k < n; k++) {
      Felt.fromBigIntegerReduced(new BigInteger(252, rnd)).writeTo(x, 4 * k);
      Felt.fromBigIntegerReduced(new BigInteger(252, rnd)).writeTo(y, 4 * k);
    }
    long[] acc = new long[4];
    Felt.ONE.writeTo(acc, 0);
    long[] state = new long[Poseidon.STATE_LONGS], scratch = new long[Poseidon.SCRATCH_LONGS];
    Felt.of(3).writeTo(state, 0);
    Felt.of(5).writeTo(state, 4);
    row("Fp.mul chained (ns)", rounds, 2_000_000, 1, i -> Fp.mul(acc, 0, x, 4 * (i & 1023), acc, 0));
    row("Fp.mul throughput (ns)", rounds, 2000, n, i -> {
      for (int k = 0; k < 4 * n; k += 4) Fp.mul(x, k, y, k, z, k);
    });
    row("Fp.square chained (ns)", rounds, 2_000_000, 1, i -> Fp.square(acc, 0, acc, 0));
    row("Fp.square throughput (ns)", rounds, 2000, n, i -> {
      for (int k = 0; k < 4 * n; k += 4) Fp.square(x, k, z, k);
    });
    row("Fp.add chained (ns)", rounds, 2_000_000, 1, i -> Fp.add(acc, 0, x, 4 * (i & 1023), acc, 0));
    row("Fp.inverse (ns)", rounds, 20_000, 1, i -> Fp.inverse(x, 4 * (i & 1023), z, 0));
    row("Poseidon permute (us)", rounds, 10_000, 1000, i -> Poseidon.permute(state, 0, scratch));
    row("Poseidon hash(x,y) (us)", rounds, 10_000, 1000, i -> sink = Poseidon.hash(a[i & 63], b[i & 63]));
    row("Poseidon many(10) (us)", rounds, 2_000, 1000, i -> sink = Poseidon.hashMany(tens.get(i & 63)));
    row("Pedersen (us)", rounds, 5_000, 1000, i -> sink = Pedersen.hash(a[i & 63], b[i & 63]));
    row("ECDSA sign (us)", rounds, 300, 1000, i -> sink = Ecdsa.sign(keys[i & 63], msgs[i & 63]));
    row("ECDSA verify (us)", rounds, 300, 1000,
        i -> sink = Ecdsa.verify(pubs[i & 63], msgs[i & 63], sigs[i & 63].r(), sigs[i & 63].s()));
    System.out.printf("%-28s %10.2f MiB%n", "Pedersen tables", Pedersen.tableBytes() / 1048576.0);
    sink = acc[0] + z[0];
  }

  private static void row(String name, int rounds, int n, int unit, IntConsumer op) {
    System.out.printf("%-28s %10.2f%n", name, CpuTimeComparison.best(rounds, n, op) / unit);
  }
}
