package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.kv.RocksKeyValueStore;
import java.nio.file.Path;
import java.util.Random;

/**
 * The child process of {@link CrashSafetyTest}: opens the store, commits blocks from its head on, forever, and prints
 * each block number once its commit has returned. The parent kills it with SIGKILL at a random moment.
 */
public final class CrashChild {
  private CrashChild() {}

  /** Block b's diff depends on (seed, b) only, so the parent can replay it. */
  static StateDiff diffOfBlock(long seed, long b) {
    Random r = new Random(seed * 1_000_003 + b);
    StateDiff.Builder d = StateDiff.builder();
    for (int i = 0; i < 300; i++)
      d.storage(Felt.of(0x1000 + r.nextInt(40)), Felt.of(r.nextInt(5000)), r.nextInt(8) == 0 ? Felt.ZERO : Felt.of(1 + r.nextInt(1 << 30)));
    d.nonce(Felt.of(0x1000 + r.nextInt(40)), Felt.of(b + 1));
    if (b % 3 == 0) d.deploy(Felt.of(0x2000 + b), Felt.of(0xc1a55 + b));
    if (b % 5 == 0) d.declare(Felt.of(0xc1a55 + b), Felt.of(0xcca5 + b));
    return d.build();
  }

  public static void main(String[] args) {
    // If the parent dies, stdin closes: exit rather than commit forever as an orphan.
    Thread watchdog =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {}
              } catch (java.io.IOException ignored) {
                // treated as end of input
              }
              Runtime.getRuntime().halt(3);
            });
    watchdog.setDaemon(true);
    watchdog.start();
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    StateStore store = new StateStore(RocksKeyValueStore.open(dir, false, 16 << 20), TestHashes.fakeCommitment());
    System.out.println("ready " + store.head());
    System.out.flush();
    for (long b = store.head() + 1; ; b++) {
      store.commit(diffOfBlock(seed, b));
      System.out.println("committed " + b);
      System.out.flush();
    }
  }
}
