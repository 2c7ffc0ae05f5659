package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.kv.Column;
import io.cairn.state.kv.KeyValueStore;
import io.cairn.state.trie.NodeSource;
import io.cairn.state.trie.TrieNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Trie nodes read from the store through a bounded LRU cache of decoded nodes (the upper levels stay hot). */
final class StoredNodes implements NodeSource {
  private final KeyValueStore kv;
  private final Map<Felt, TrieNode> cache;

  StoredNodes(KeyValueStore kv, int capacity) {
    this.kv = kv;
    this.cache =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Felt, TrieNode> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public TrieNode node(Felt hash) {
    synchronized (cache) {
      TrieNode n = cache.get(hash);
      if (n != null) return n;
    }
    byte[] b = kv.get(Column.TRIE_NODES, Codec.felt(hash));
    if (b == null) return null;
    TrieNode n = Codec.node(b);
    synchronized (cache) {
      cache.put(hash, n);
    }
    return n;
  }

  /** Caches nodes just written, so the next block's walk finds them without a read. */
  void remember(Map<Felt, TrieNode> nodes) {
    synchronized (cache) {
      cache.putAll(nodes);
    }
  }

  void clear() {
    synchronized (cache) {
      cache.clear();
    }
  }
}
