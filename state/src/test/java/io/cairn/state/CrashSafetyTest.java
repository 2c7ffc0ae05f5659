package io.cairn.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.state.kv.Column;
import io.cairn.state.kv.KeyValueStore;
import io.cairn.state.kv.RocksKeyValueStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL while it commits blocks, several times at random moments, and checks after each
 * kill that the reopened store holds exactly the blocks up to some head — at least every block the child reported
 * committed — with the roots and reads of that block, and no trace of the next one.
 */
class CrashSafetyTest {
  private static final long SEED = 20261123;
  @TempDir Path dir;

  @Test
  void killedMidCommitTheStoreHoldsWholeBlocksOnly() throws Exception {
    Random rnd = new Random();
    StateCommitment sc = TestHashes.fakeCommitment();
    StateStore oracle = StateStore.inMemory(sc);
    Path db = dir.resolve("db");
    long lastHead = -1;
    for (int round = 0; round < 4; round++) {
      AtomicLong reported = new AtomicLong(-1);
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "--enable-native-access=ALL-UNNAMED",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashChild.class.getName(),
                  db.toString(),
                  Long.toString(SEED))
              .redirectErrorStream(true)
              .start();
      Thread reader = null;
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder early = new StringBuilder();
        String first;
        while ((first = out.readLine()) != null && !first.startsWith("ready ")) early.append(first).append('\n');
        assertTrue(first != null, "child did not start:\n" + early);
        reader =
            new Thread(
                () -> {
                  try {
                    for (String line; (line = out.readLine()) != null; )
                      if (line.startsWith("committed ")) reported.set(Long.parseLong(line.substring(10)));
                  } catch (Exception ignored) {
                    // the pipe breaks when the child dies
                  }
                });
        reader.start();
        // Let it get into its stride (one block committed), then kill it at a random moment.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reported.get() < 0 && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(rnd.nextInt(700));
      } finally {
        child.destroyForcibly(); // SIGKILL, also when an assertion above failed: never leave the child running
      }
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      reader.join(5000); // every line the child wrote before dying has been read

      try (StateStore store = new StateStore(RocksKeyValueStore.open(db, false, 8 << 20), sc)) {
        long head = store.head();
        assertTrue(head >= reported.get(), "head " + head + " lost block " + reported.get() + " the child had committed");
        assertTrue(head > lastHead, "round " + round + ": the child committed nothing in 20 s");
        while (oracle.head() < head) oracle.commit(CrashChild.diffOfBlock(SEED, oracle.head() + 1));
        assertEquals(oracle.roots(head), store.roots(head), "roots of block " + head);
        StateReader actual = store.reader(head), expected = oracle.reader(head);
        for (long b = Math.max(0, head - 3); b <= head + 1; b++)
          for (Map.Entry<Felt, Map<Felt, Felt>> c : CrashChild.diffOfBlock(SEED, b).storage().entrySet()) {
            assertEquals(expected.nonceAt(c.getKey()), actual.nonceAt(c.getKey()));
            for (Felt k : c.getValue().keySet()) assertEquals(expected.storageAt(c.getKey(), k), actual.storageAt(c.getKey(), k));
          }
        // Nothing of block head + 1 was left behind.
        KeyValueStore kv = store.keyValueStore();
        assertNull(kv.get(Column.BLOCK_ROOTS, Codec.block(head + 1)));
        assertNull(kv.get(Column.STATE_DIFFS, Codec.block(head + 1)));
        for (Map.Entry<Felt, Map<Felt, Felt>> c : CrashChild.diffOfBlock(SEED, head + 1).storage().entrySet())
          for (Felt k : c.getValue().keySet())
            assertNull(kv.get(Column.STORAGE_HISTORY, Codec.concat(Codec.felt(c.getKey()), Codec.felt(k), Codec.inverted(head + 1))));
        lastHead = head;
      }
    }
    oracle.close();
  }
}
