package io.cairn.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.state.kv.InMemoryKeyValueStore;
import io.cairn.state.kv.KeyValueStore;
import io.cairn.state.kv.RocksKeyValueStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  private static final StateCommitment SC = TestHashes.fakeCommitment();
  @TempDir Path dir;

  private void checkBlock(StateStore store, long block, StateModel m) {
    BlockRoots expected = m.roots(SC);
    BlockRoots actual = store.roots(block).orElseThrow();
    assertEquals(expected.contractsRoot(), actual.contractsRoot(), "contracts root of block " + block);
    assertEquals(expected.classesRoot(), actual.classesRoot(), "classes root of block " + block);
    assertEquals(expected.globalRoot(), actual.globalRoot(), "global root of block " + block);
    StateReader r = store.reader(block);
    m.storage.forEach((c, s) -> s.forEach((k, v) -> assertEquals(v, r.storageAt(c, k), "storage at block " + block)));
    m.nonces.forEach((c, n) -> assertEquals(n, r.nonceAt(c)));
    m.classHashes.forEach((c, h) -> assertEquals(h, r.classHashAt(c)));
    m.compiled.forEach((c, h) -> assertEquals(h, r.compiledClassHash(c)));
  }

  private void randomHistory(Supplier<KeyValueStore> kv, long seed, boolean reopen) {
    Random rnd = new Random(seed);
    List<StateModel> snapshots = new ArrayList<>();
    StateModel model = new StateModel();
    StateStore store = new StateStore(kv.get(), SC);
    try {
      for (int b = 0; b < 12; b++) {
        StateDiff d = StateModel.randomDiff(rnd);
        store.commit(d);
        model.apply(d);
        snapshots.add(model.copy());
        checkBlock(store, b, model);
      }
      if (reopen) {
        store.close();
        store = new StateStore(kv.get(), SC);
      }
      assertEquals(11, store.head());
      for (int b = 0; b < 12; b++) checkBlock(store, b, snapshots.get(b));

      store.revertTo(5);
      assertEquals(5, store.head());
      checkBlock(store, 5, snapshots.get(5));
      model = snapshots.get(5).copy();
      for (int b = 6; b < 10; b++) {
        StateDiff d = StateModel.randomDiff(rnd);
        store.commit(d);
        model.apply(d);
        checkBlock(store, b, model);
      }
      for (int b = 0; b <= 5; b++) checkBlock(store, b, snapshots.get(b));
      store.revertTo(-1);
      assertEquals(-1, store.head());
      assertEquals(Felt.ZERO, store.roots(-1).orElseThrow().globalRoot());
    } finally {
      store.close();
    }
  }

  @Test
  void inMemoryHistoryRootsAndRevertsMatchTheModel() {
    InMemoryKeyValueStore kv = new InMemoryKeyValueStore();
    for (long seed = 1; seed <= 5; seed++) randomHistory(() -> kv, seed, false);
  }

  @Test
  void rocksHistorySurvivesReopening() {
    randomHistory(() -> RocksKeyValueStore.open(dir, false, 8 << 20), 42, true);
  }

  @Test
  void writerReadsItsOwnWritesAndDropsNoOps() {
    try (StateStore store = new StateStore(new InMemoryKeyValueStore(), SC)) {
      Felt c = Felt.of(0x123), k = Felt.of(7);
      store.commit(StateDiff.builder().storage(c, k, Felt.of(5)).deploy(c, Felt.of(0xaa)).build());
      StateWriter w = store.writer();
      w.setStorage(c, k, Felt.of(6)).setStorage(c, Felt.of(8), Felt.of(1)).setStorage(c, Felt.of(8), Felt.ZERO);
      w.setClassHash(c, Felt.of(0xaa)).setNonce(c, Felt.ONE);
      assertEquals(Felt.of(6), w.storageAt(c, k));
      assertEquals(Felt.of(5), store.reader(0).storageAt(c, k));
      StateDiff d = w.diff();
      assertEquals(Map.of(c, Map.of(k, Felt.of(6))), d.storage());
      assertEquals(Map.of(), d.replacedClasses());
      assertEquals(Map.of(c, Felt.ONE), d.nonces());
      w.commit();
      assertEquals(Felt.of(6), store.reader(1).storageAt(c, k));
      assertEquals(Felt.ONE, store.reader(1).nonceAt(c));
      assertEquals(Felt.ZERO, store.reader(0).nonceAt(c));
    }
  }

  @Test
  void aContractEmptiedOfEverythingLeavesTheContractsTrie() {
    try (StateStore store = new StateStore(new InMemoryKeyValueStore(), SC)) {
      Felt keep = Felt.of(0x10), gone = Felt.of(0x20);
      BlockRoots only = store.commit(StateDiff.builder().storage(keep, Felt.ONE, Felt.ONE).build());
      store.commit(StateDiff.builder().storage(gone, Felt.of(5), Felt.of(6)).nonce(gone, Felt.ZERO).build());
      BlockRoots after = store.commit(StateDiff.builder().storage(gone, Felt.of(5), Felt.ZERO).build());
      assertEquals(only.contractsRoot(), after.contractsRoot());
      // With a class hash it stays, even with empty storage.
      BlockRoots deployed = store.commit(StateDiff.builder().deploy(gone, Felt.of(0xc)).build());
      StateModel m = new StateModel();
      m.storage.put(keep, new java.util.HashMap<>(Map.of(Felt.ONE, Felt.ONE)));
      m.classHashes.put(gone, Felt.of(0xc));
      assertEquals(m.roots(SC).contractsRoot(), deployed.contractsRoot());
      assertNotEquals(only.contractsRoot(), deployed.contractsRoot());
    }
  }

  @Test
  void classDefinitionsAreReadableFromTheirBlockOnAndRevertedWithIt() {
    try (StateStore store = new StateStore(new InMemoryKeyValueStore(), SC)) {
      Felt sierra = Felt.of(0x51e), legacy = Felt.of(0x1e6);
      store.commit(StateDiff.empty());
      StateWriter w = store.writer();
      w.declareClass(sierra, Felt.of(0xca5),
          new ClassDefinition(sierra, ClassDefinition.Kind.SIERRA, "{\"sierra\":1}".getBytes(), "{\"casm\":1}".getBytes()));
      w.declareDeprecatedClass(legacy, new ClassDefinition(legacy, ClassDefinition.Kind.LEGACY, "{\"legacy\":1}".getBytes(), null));
      BlockRoots r = w.commit();
      assertEquals(SC.classesTrie().get(r.classesRoot(), store.nodes(), sierra), SC.classLeaf(Felt.of(0xca5)));
      assertEquals(Felt.ZERO, SC.classesTrie().get(r.classesRoot(), store.nodes(), legacy), "Cairo 0 classes stay out of the trie");
      ClassDefinition d = store.reader(1).classDefinition(sierra).orElseThrow();
      assertEquals("{\"casm\":1}", new String(d.casm()));
      assertEquals(ClassDefinition.Kind.LEGACY, store.reader(1).classDefinition(legacy).orElseThrow().kind());
      assertEquals(Felt.of(0xca5), store.reader(1).compiledClassHash(sierra));
      assertTrue(store.reader(0).classDefinition(sierra).isEmpty());
      assertEquals(Felt.ZERO, store.reader(0).compiledClassHash(sierra));
      store.commit(StateDiff.builder().migrate(sierra, Felt.of(0xb1a4e)).build());
      assertEquals(Felt.of(0xb1a4e), store.reader(2).compiledClassHash(sierra));
      assertEquals(Felt.of(0xca5), store.reader(1).compiledClassHash(sierra));
      store.revertTo(0);
      assertTrue(store.reader(0).classDefinition(sierra).isEmpty());
      assertTrue(store.keyValueStore().get(io.cairn.state.kv.Column.CLASS_DEFINITIONS, Codec.felt(sierra)) == null);
    }
  }

  @Test
  void badBlockNumbersAndKeysAreRejected() {
    try (StateStore store = new StateStore(new InMemoryKeyValueStore(), SC)) {
      assertThrows(IllegalArgumentException.class, () -> store.commit(3, StateDiff.empty(), List.of()));
      assertThrows(IllegalArgumentException.class, () -> store.reader(0));
      StateDiff tooBig = StateDiff.builder().storage(Felt.ONE, Felt.ONE.add(Felt.MAX.sub(Felt.ONE)), Felt.ONE).build();
      assertThrows(IllegalArgumentException.class, () -> store.commit(tooBig));
      assertEquals(-1, store.head());
    }
  }
}
