package io.cairn.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.crypto.field.Felt;
import io.cairn.state.kv.InMemoryKeyValueStore;
import io.cairn.state.trie.InvalidProofException;
import io.cairn.state.trie.TrieNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StorageProofTest {
  private static final StateCommitment SC = TestHashes.fakeCommitment();

  /** Proofs go through their RPC JSON form before being verified, so the JSON mapping is checked too. */
  @Test
  void proofsAtPastBlocksVerifyAgainstTheirRootsAndTamperingFails() {
    Random rnd = new Random(7);
    List<StateModel> snapshots = new ArrayList<>();
    StateModel model = new StateModel();
    try (StateStore store = new StateStore(new InMemoryKeyValueStore(), SC)) {
      for (int b = 0; b < 8; b++) {
        StateDiff d = StateModel.randomDiff(rnd);
        store.commit(d);
        model.apply(d);
        snapshots.add(model.copy());
      }
      for (int b = 0; b < 8; b++) {
        StateModel m = snapshots.get(b);
        List<Felt> contracts = new ArrayList<>();
        for (int c = 0x100; c < 0x10a; c++) contracts.add(Felt.of(c)); // some never existed
        Map<Felt, List<Felt>> keys = new LinkedHashMap<>();
        for (Felt c : contracts) {
          List<Felt> ks = new ArrayList<>(m.storage.getOrDefault(c, Map.of()).keySet());
          ks.add(Felt.of(123456789));
          keys.put(c, ks);
        }
        List<Felt> classes = new ArrayList<>(m.compiled.keySet());
        classes.add(Felt.of(0xdead));
        StorageProof p = StorageProofJson.fromJson(StorageProofJson.toJson(store.storageProof(b, classes, contracts, keys), null));
        assertEquals(store.roots(b).orElseThrow().globalRoot(), p.globalRoot(SC));
        for (Felt c : classes)
          assertEquals(m.compiled.containsKey(c) ? SC.classLeaf(m.compiled.get(c)) : Felt.ZERO, p.verifyClass(SC, c));
        int i = 0;
        for (Felt c : contracts) {
          ContractState s = p.verifyContract(SC, i, c);
          assertEquals(m.classHashes.getOrDefault(c, Felt.ZERO), s.classHash());
          assertEquals(m.nonces.getOrDefault(c, Felt.ZERO), s.nonce());
          for (Felt k : keys.get(c)) assertEquals(m.storage(c, k), p.verifyStorage(SC, i, s.storageRoot(), k));
          i++;
        }
        // A lie about a contract's nonce, or a doctored node, is caught.
        List<ContractState> lies = new ArrayList<>(p.contractLeavesData());
        ContractState s0 = lies.get(0);
        lies.set(0, new ContractState(s0.classHash(), s0.nonce().add(Felt.ONE), s0.storageRoot()));
        StorageProof lying = new StorageProof(p.block(), p.contractsTreeRoot(), p.classesTreeRoot(), p.classesProof(),
            p.contractsProof(), lies, p.contractsStorageProofs());
        assertThrows(InvalidProofException.class, () -> lying.verifyContract(SC, 0, contracts.get(0)));
        if (!p.contractsProof().isEmpty()) {
          Map<Felt, TrieNode> doctored = new LinkedHashMap<>(p.contractsProof());
          Felt first = doctored.keySet().iterator().next();
          doctored.put(first, doctor(doctored.get(first)));
          StorageProof bad = new StorageProof(p.block(), p.contractsTreeRoot(), p.classesTreeRoot(), p.classesProof(),
              doctored, p.contractLeavesData(), p.contractsStorageProofs());
          assertThrows(InvalidProofException.class, () -> bad.verifyContract(SC, 0, contracts.get(0)));
        }
      }
    }
  }

  private static TrieNode doctor(TrieNode n) {
    if (n instanceof TrieNode.Binary b) return new TrieNode.Binary(b.right(), b.left());
    TrieNode.Edge e = (TrieNode.Edge) n;
    return new TrieNode.Edge(e.child().add(Felt.ONE), e.path(), e.length());
  }
}
