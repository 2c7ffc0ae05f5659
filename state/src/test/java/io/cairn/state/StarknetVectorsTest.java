package io.cairn.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.state.trie.PatriciaTrie;
import io.cairn.state.trie.TrieNode;
import io.cairn.testsupport.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Published vectors: sequencer's {@code fetch_patricia_paths_*} (made by cairo-lang's Python PatriciaTree, Pedersen,
 * height 10, leaf value = its node index = 2^10 + leaf index) and pathfinder's 0.14 state commitment of mainnet
 * block 0's shape.
 */
class StarknetVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "starknet-hashes/fetch_patricia_paths_test_10_5_2.json",
        "starknet-hashes/fetch_patricia_paths_test_delete_leaves_10_5_2.json"
      })
  void patriciaPathsVectors(String file) throws IOException {
    JsonNode v = JSON.readTree(Fixtures.require(file).toFile());
    int height = v.get("height").asInt();
    PatriciaTrie trie = new PatriciaTrie(height, Pedersen::hash);
    Map<Felt, Felt> leaves = new HashMap<>();
    for (JsonNode i : v.get("initial_leaves")) leaves.put(Felt.of(i.asLong()), Felt.of(i.asLong() + (1L << height)));
    PatriciaTrie.Update u = trie.update(Felt.ZERO, h -> null, leaves);
    assertEquals(Felt.fromHex(v.get("root_hash").asText()), u.root(), "root");
    assertEquals(nodes(v.get("facts_storage")), u.newNodes(), "every node of the trie");

    List<Felt> modified = new ArrayList<>();
    for (JsonNode i : v.get("modified_leaves_indices")) modified.add(Felt.of(i.asLong()));
    assertEquals(nodes(v.get("expected_nodes")), trie.witness(u.root(), u.newNodes()::get, modified), "OS witness");
  }

  /** cairo-lang facts: binary = [left, right]; edge = [length, path, bottom]. */
  private static Map<Felt, TrieNode> nodes(JsonNode facts) {
    Map<Felt, TrieNode> m = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      TrieNode n =
          p.size() == 2
              ? new TrieNode.Binary(Felt.fromHex(p.get(0).asText()), Felt.fromHex(p.get(1).asText()))
              : new TrieNode.Edge(
                  Felt.fromHex(p.get(2).asText()), Felt.fromHex(p.get(1).asText()), Integer.decode(p.get(0).asText()));
      m.put(Felt.fromHex(e.getKey()), n);
    }
    return m;
  }

  @Test
  void stateCommitmentMinimal() throws IOException {
    JsonNode v = JSON.readTree(Fixtures.require("starknet-hashes/inline_vectors.json").toFile()).get("state_commitment_minimal");
    try (StateStore store = StateStore.inMemory()) {
      StateDiff.Builder b = StateDiff.builder();
      v.get("storage").fields().forEachRemaining(c -> c.getValue().fields().forEachRemaining(
          kv -> b.storage(Felt.fromHex(c.getKey()), Felt.fromHex(kv.getKey()), Felt.fromHex(kv.getValue().asText()))));
      BlockRoots roots = store.commit(b.build());
      assertEquals(Felt.fromHex(v.get("classes_trie_root").asText()), roots.classesRoot());
      assertEquals(Felt.fromHex(v.get("state_commitment").asText()), roots.globalRoot());
      // Before 0.14 the same state committed to its contracts root alone.
      assertEquals(roots.contractsRoot(), StateCommitment.STARKNET.globalRootBefore0_14(roots.contractsRoot(), Felt.ZERO));
    }
  }
}
