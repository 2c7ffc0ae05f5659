package io.cairn.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.state.trie.TrieNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link StorageProof} as the JSON result of {@code starknet_getStorageProof} (starknet-specs v0.10), both ways. */
public final class StorageProofJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StorageProofJson() {}

  /** The RPC result; {@code blockHash} (which the state store does not know) is left out when null. */
  public static ObjectNode toJson(StorageProof p, Felt blockHash) {
    ObjectNode root = JSON.createObjectNode();
    root.set("classes_proof", nodes(p.classesProof()));
    ObjectNode contracts = root.putObject("contracts_proof");
    contracts.set("nodes", nodes(p.contractsProof()));
    ArrayNode leaves = contracts.putArray("contract_leaves_data");
    for (ContractState s : p.contractLeavesData()) {
      ObjectNode l = leaves.addObject();
      l.put("nonce", s.nonce().toHex());
      l.put("class_hash", s.classHash().toHex());
      l.put("storage_root", s.storageRoot().toHex());
    }
    ArrayNode storage = root.putArray("contracts_storage_proofs");
    for (Map<Felt, TrieNode> m : p.contractsStorageProofs()) storage.add(nodes(m));
    ObjectNode roots = root.putObject("global_roots");
    roots.put("contracts_tree_root", p.contractsTreeRoot().toHex());
    roots.put("classes_tree_root", p.classesTreeRoot().toHex());
    if (blockHash != null) roots.put("block_hash", blockHash.toHex());
    return root;
  }

  private static ArrayNode nodes(Map<Felt, TrieNode> m) {
    ArrayNode a = JSON.createArrayNode();
    for (Map.Entry<Felt, TrieNode> e : m.entrySet()) {
      ObjectNode item = a.addObject();
      item.put("node_hash", e.getKey().toHex());
      ObjectNode n = item.putObject("node");
      if (e.getValue() instanceof TrieNode.Binary b) {
        n.put("left", b.left().toHex());
        n.put("right", b.right().toHex());
      } else {
        TrieNode.Edge ed = (TrieNode.Edge) e.getValue();
        n.put("path", ed.path().toHex());
        n.put("length", ed.length());
        n.put("child", ed.child().toHex());
      }
    }
    return a;
  }

  /** Reads an RPC result (for instance another node's) to verify it; errors name the JSON path. */
  public static StorageProof fromJson(JsonNode root) {
    Map<Felt, TrieNode> classes = nodes(field(root, "classes_proof", "$"), "$.classes_proof");
    JsonNode cp = field(root, "contracts_proof", "$");
    Map<Felt, TrieNode> contracts = nodes(field(cp, "nodes", "$.contracts_proof"), "$.contracts_proof.nodes");
    List<ContractState> leaves = new ArrayList<>();
    JsonNode ld = field(cp, "contract_leaves_data", "$.contracts_proof");
    for (int i = 0; i < ld.size(); i++) {
      String p = "$.contracts_proof.contract_leaves_data[" + i + "]";
      JsonNode l = ld.get(i);
      JsonNode root0 = l.get("storage_root");
      leaves.add(new ContractState(felt(field(l, "class_hash", p), p + ".class_hash"), felt(field(l, "nonce", p), p + ".nonce"),
          root0 == null ? Felt.ZERO : felt(root0, p + ".storage_root")));
    }
    List<Map<Felt, TrieNode>> storage = new ArrayList<>();
    JsonNode sp = field(root, "contracts_storage_proofs", "$");
    for (int i = 0; i < sp.size(); i++) storage.add(nodes(sp.get(i), "$.contracts_storage_proofs[" + i + "]"));
    JsonNode g = field(root, "global_roots", "$");
    return new StorageProof(-1, felt(field(g, "contracts_tree_root", "$.global_roots"), "$.global_roots.contracts_tree_root"),
        felt(field(g, "classes_tree_root", "$.global_roots"), "$.global_roots.classes_tree_root"), classes, contracts, leaves, storage);
  }

  private static Map<Felt, TrieNode> nodes(JsonNode a, String path) {
    if (!a.isArray()) throw new IllegalArgumentException(path + ": expected an array");
    Map<Felt, TrieNode> m = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode n = field(a.get(i), "node", p);
      Felt h = felt(field(a.get(i), "node_hash", p), p + ".node_hash");
      if (n.has("left")) m.put(h, new TrieNode.Binary(felt(field(n, "left", p + ".node"), p + ".node.left"), felt(field(n, "right", p + ".node"), p + ".node.right")));
      else {
        JsonNode len = field(n, "length", p + ".node");
        if (!len.canConvertToInt()) throw new IllegalArgumentException(p + ".node.length: expected an integer");
        try {
          m.put(h, new TrieNode.Edge(felt(field(n, "child", p + ".node"), p + ".node.child"), felt(field(n, "path", p + ".node"), p + ".node.path"), len.asInt()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(p + ".node: " + e.getMessage());
        }
      }
    }
    return m;
  }

  private static JsonNode field(JsonNode n, String name, String path) {
    JsonNode v = n == null ? null : n.get(name);
    if (v == null || v.isNull()) throw new IllegalArgumentException(path + "." + name + ": missing");
    return v;
  }

  private static Felt felt(JsonNode v, String path) {
    try {
      return Felt.parse(v.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage());
    }
  }
}
