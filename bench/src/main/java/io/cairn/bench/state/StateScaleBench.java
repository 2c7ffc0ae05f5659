package io.cairn.bench.state;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.state.trie.PatriciaTrie;
import io.cairn.state.BlockRoots;
import io.cairn.state.StateCommitment;
import io.cairn.state.StateDiff;
import io.cairn.state.StateReader;
import io.cairn.state.StateStore;
import io.cairn.state.kv.RocksKeyValueStore;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The state's figures at scale, timed by hand because the store is built once (minutes), not per JMH fork:
 *
 * <ol>
 *   <li>build a RocksDB state of 1,000 contracts × 1,000 storage slots (1M leaves) in 2 blocks of 500,000 writes;
 *   <li>root update for a diff of 10,000 storage writes over 1,000 contracts (half overwrites, half new slots):
 *       roots only, and a full durable commit;
 *   <li>1,000 more small blocks, then storage reads per second at the head and at the block 1,000 back;
 *   <li>disk bytes per leaf after compaction.
 * </ol>
 *
 * Run: {@code java --enable-native-access=ALL-UNNAMED -Xmx8g -cp bench/target/benchmarks.jar io.cairn.bench.state.StateScaleBench DIR [measure]}
 * ("measure" re-measures a store built by an earlier run).
 */
public final class StateScaleBench {
  private static final int CONTRACTS = 1000, SLOTS = 1000, BUILD_BLOCKS = 2;

  private static final java.util.concurrent.atomic.LongAdder PEDERSEN_CALLS = new java.util.concurrent.atomic.LongAdder();

  private StateScaleBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("cairn-state-bench");
    Random rnd = new Random(1);
    System.out.printf("cores: %d, store: %s%n", Runtime.getRuntime().availableProcessors(), dir);
    pedersenSpeed();

    Felt[] contracts = new Felt[CONTRACTS];
    Felt[][] keys = new Felt[CONTRACTS][SLOTS];
    for (int c = 0; c < CONTRACTS; c++) {
      contracts[c] = randomFelt(rnd);
      for (int k = 0; k < SLOTS; k++) keys[c][k] = randomFelt(rnd);
    }

    boolean measureOnly = args.length > 1 && args[1].equals("measure");
    RocksKeyValueStore kv = RocksKeyValueStore.open(dir, true, 512L << 20);
    // Counting the hashes makes the figures portable: time ≈ hashes × hash cost ÷ cores, whatever the load.
    StateCommitment counted =
        new StateCommitment(
            (x, y) -> {
              PEDERSEN_CALLS.increment();
              return Pedersen.hash(x, y);
            },
            Poseidon::hash,
            (x, y, z) -> Poseidon.hashMany(x, y, z),
            PatriciaTrie.STARKNET_HEIGHT);
    try (StateStore store = new StateStore(kv, counted)) {
      if (measureOnly) {
        measure(store, kv, contracts, keys, rnd);
        return;
      }
      long t0 = System.nanoTime();
      int perBlock = SLOTS / BUILD_BLOCKS;
      for (int b = 0; b < BUILD_BLOCKS; b++) {
        StateDiff.Builder d = StateDiff.builder();
        for (int c = 0; c < CONTRACTS; c++) {
          if (b == 0) d.deploy(contracts[c], Felt.of(0xc1a55));
          for (int k = b * perBlock; k < (b + 1) * perBlock; k++) d.storage(contracts[c], keys[c][k], Felt.of(1 + rnd.nextInt(1 << 30)));
        }
        store.commit(d.build());
        System.out.printf("  built %d blocks, %.1f s%n", b + 1, secs(t0));
      }
      System.out.printf("build: %d leaves in %d blocks: %.1f s (%.1f µs/leaf), %d Pedersen hashes%n",
          CONTRACTS * SLOTS, BUILD_BLOCKS, secs(t0), (System.nanoTime() - t0) / 1e3 / (CONTRACTS * SLOTS), PEDERSEN_CALLS.sum());

      // Root update: 10,000 writes over 1,000 contracts.
      double[] rootsOnly = new double[5], commits = new double[5];
      long hashes = 0;
      for (int i = 0; i < 5; i++) {
        StateDiff d = tenThousandWrites(rnd, contracts, keys);
        long s = System.nanoTime();
        long h = PEDERSEN_CALLS.sum();
        BlockRoots preview = store.rootsAfter(d);
        rootsOnly[i] = secs(s);
        hashes += PEDERSEN_CALLS.sum() - h;
        s = System.nanoTime();
        BlockRoots committed = store.commit(d);
        commits[i] = secs(s);
        if (!preview.equals(committed)) throw new AssertionError("preview and commit disagree");
      }
      System.out.printf("root update, 10,000 writes over 1,000 contracts on 1M leaves: roots only median %.3f s, durable commit median %.3f s, %d Pedersen hashes%n",
          median(rootsOnly), median(commits), hashes / 5);
      System.out.printf("  (load average now: %.1f)%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

      // History: 1,000 small blocks.
      long h0 = store.head();
      long t1 = System.nanoTime();
      for (int b = 0; b < 1000; b++) {
        StateDiff.Builder d = StateDiff.builder();
        for (int i = 0; i < 10; i++) {
          int c = rnd.nextInt(CONTRACTS);
          d.storage(contracts[c], keys[c][rnd.nextInt(SLOTS)], Felt.of(1 + rnd.nextInt(1 << 30)));
        }
        store.commit(d.build());
      }
      System.out.printf("1,000 blocks of 10 writes: %.1f s (%.1f ms/block, fsync'd)%n", secs(t1), secs(t1) * 1000 / 1000);

      long head = store.head();
      readRate("head", store.reader(head), contracts, keys, rnd);
      readRate("head - 1000 (block " + (head - 1000) + ")", store.reader(head - 1000), contracts, keys, rnd);
      if (head - 1000 != h0) System.out.println("  (block " + (head - 1000) + " is the last of the 10,000-write blocks)");

      kv.compact();
      long bytes = kv.diskBytes();
      System.out.printf("disk: %.1f MB, %.0f bytes per leaf (history of %d blocks included)%n",
          bytes / 1e6, (double) bytes / (CONTRACTS * SLOTS), head + 1);
    }
  }

  /** Re-measures an already built store (second argument "measure"): CPU time as well as wall time. */
  private static void measure(StateStore store, RocksKeyValueStore kv, Felt[] contracts, Felt[][] keys, Random rnd) {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < 3; i++) {
      StateDiff d = tenThousandWrites(rnd, contracts, keys);
      long w = System.nanoTime(), c = os.getProcessCpuTime(), h = PEDERSEN_CALLS.sum();
      store.rootsAfter(d);
      System.out.printf("root update (roots only), 10,000 writes / 1,000 contracts: wall %.2f s, process CPU %.2f s, %d Pedersen hashes (load %.1f)%n",
          secs(w), (os.getProcessCpuTime() - c) / 1e9, PEDERSEN_CALLS.sum() - h, os.getSystemLoadAverage());
    }
    long head = store.head();
    readRate("head", store.reader(head), contracts, keys, rnd);
    readRate("head - 1000 (block " + (head - 1000) + ")", store.reader(head - 1000), contracts, keys, rnd);
    System.out.printf("disk: %.0f bytes per leaf%n", (double) kv.diskBytes() / (CONTRACTS * SLOTS));
  }

  private static void pedersenSpeed() {
    Felt a = Felt.of(12345), b = Felt.of(67890);
    for (int i = 0; i < 20_000; i++) a = Pedersen.hash(a, b);
    long s = System.nanoTime();
    int n = 50_000;
    for (int i = 0; i < n; i++) a = Pedersen.hash(a, b);
    System.out.printf("pedersen: %.2f µs/hash (one thread; load average %.1f on this machine)%n", (System.nanoTime() - s) / 1e3 / n,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static StateDiff tenThousandWrites(Random rnd, Felt[] contracts, Felt[][] keys) {
    StateDiff.Builder d = StateDiff.builder();
    for (int c = 0; c < CONTRACTS; c++)
      for (int i = 0; i < 10; i++) {
        Felt key = i % 2 == 0 ? keys[c][rnd.nextInt(SLOTS)] : randomFelt(rnd);
        d.storage(contracts[c], key, Felt.of(1 + rnd.nextInt(1 << 30)));
      }
    return d.build();
  }

  private static void readRate(String label, StateReader r, Felt[] contracts, Felt[][] keys, Random rnd) {
    int n = 200_000;
    int[] cs = new int[n], ks = new int[n];
    for (int i = 0; i < n; i++) {
      cs[i] = rnd.nextInt(CONTRACTS);
      ks[i] = rnd.nextInt(SLOTS);
    }
    for (int i = 0; i < 20_000; i++) r.storageAt(contracts[cs[i]], keys[cs[i]][ks[i]]); // warm-up
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long s = System.nanoTime();
    long nonZero = 0;
    for (int i = 20_000; i < n; i++) if (!r.storageAt(contracts[cs[i]], keys[cs[i]][ks[i]]).isZero()) nonZero++;
    double sec = secs(s);
    double cpuUs = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / (n - 20_000);
    System.out.printf("storage reads at %s: %.0f reads/s (%.1f µs wall, %.1f µs CPU each, one thread, %d non-zero)%n",
        label, (n - 20_000) / sec, sec * 1e6 / (n - 20_000), cpuUs, nonZero);
  }

  private static Felt randomFelt(Random rnd) {
    return Felt.of(new BigInteger(250, rnd));
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
