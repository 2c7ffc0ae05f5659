package io.cairn.bench.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.crypto.hash.Blake2s;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.crypto.hash.Sha256;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The figures of {@link HashBenchmark} as thread CPU time, best of 40 batches. On a machine shared with other
 * jobs, wall-clock JMH numbers swing with the load; CPU time charged to the measuring thread does not (caches and
 * frequency still do). Run: {@code java -cp bench/target/benchmarks.jar io.cairn.bench.hash.HashCpuTime}.
 */
public final class HashCpuTime {
  private HashCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Felt[] xy = {Felt.of(123456789L).pow(7), Felt.of(987654321L).pow(5)};
    Felt[] ten = new Felt[10];
    for (int i = 0; i < 10; i++) ten[i] = Felt.of(1000 + i).pow(9);
    long[] state = new long[Poseidon.STATE_LONGS];
    long[] scratch = new long[Poseidon.SCRATCH_LONGS];
    long[] lanes = new long[25];
    byte[] msg = new byte[64];
    byte[] out = new byte[32];
    Felt.of(3).writeTo(state, 0);
    Felt.of(5).writeTo(state, 4);
    String[] names = {
      "Poseidon hash(x, y)", "Poseidon hashMany(10)", "Poseidon permute (kernel)", "Keccak-f[1600]",
      "Keccak-256, 64 bytes", "BLAKE2s-256, 64 bytes", "SHA-256, 64 bytes", "Fp.mul (chained)"
    };
    LongSupplier[] ops = {
      () -> (xy[0] = Poseidon.hash(xy[0], xy[1])).hashCode(),
      () -> Poseidon.hashMany(ten).hashCode(),
      () -> {
        Poseidon.permute(state, 0, scratch);
        return state[0];
      },
      () -> {
        Keccak.keccakF1600(lanes);
        return lanes[0];
      },
      () -> {
        Keccak.keccak256(msg, 0, 64, out, 0, lanes);
        return out[0];
      },
      () -> {
        Blake2s.blake2s256(msg, 0, 64, out, 0);
        return out[0];
      },
      () -> Sha256.sha256(msg)[0],
      () -> {
        Fp.mul(state, 0, state, 4, state, 0);
        return state[0];
      }
    };
    int[] batch = {2000, 500, 2000, 20000, 20000, 20000, 20000, 200000};
    long[] bestPicos = new long[ops.length];
    Arrays.fill(bestPicos, Long.MAX_VALUE);
    long sink = 0;
    for (int rep = 0; rep < 40; rep++) {
      for (int k = 0; k < ops.length; k++) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < batch[k]; i++) sink += ops[k].getAsLong();
        bestPicos[k] = Math.min(bestPicos[k], (mx.getCurrentThreadCpuTime() - t0) * 1000 / batch[k]);
      }
    }
    for (int k = 0; k < ops.length; k++) System.out.printf("%-28s %10.1f ns%n", names[k], bestPicos[k] / 1000.0);
    if (sink == 42) System.out.println();
  }
}
