package io.cairn.state.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.state.TestHashes;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PatriciaTriePropertyTest {
  private static final NodeHash H = TestHashes.sha(1);

  /** Keys drawn from few bits so that batches collide, share prefixes, overwrite and delete each other. */
  private static BigInteger randomKey(Random r, int height, int keyBits) {
    BigInteger k = new BigInteger(keyBits, r);
    if (r.nextBoolean()) k = k.shiftLeft(height - keyBits); // high bits: long shared edges near the leaves
    return k;
  }

  @Property(tries = 60)
  void incrementalUpdatesMatchFullRecomputation(
      @ForAll long seed, @ForAll @IntRange(min = 3, max = 251) int height) {
    Random r = new Random(seed);
    PatriciaTrie trie = new PatriciaTrie(height, H);
    Map<Felt, TrieNode> store = new HashMap<>();
    Map<BigInteger, Felt> model = new HashMap<>();
    Felt root = Felt.ZERO;
    int keyBits = Math.min(height, 2 + r.nextInt(8));
    for (int batch = 0; batch < 8; batch++) {
      Map<Felt, Felt> writes = new LinkedHashMap<>();
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        BigInteger k = randomKey(r, height, keyBits);
        Felt v = r.nextInt(3) == 0 ? Felt.ZERO : Felt.of(1 + r.nextInt(1000));
        writes.put(Felt.of(k), v);
        model.put(k, v);
      }
      PatriciaTrie.Update u = trie.update(root, store::get, writes);
      store.putAll(u.newNodes());
      root = u.root();
      assertEquals(NaiveTrie.root(model, height, H), root, "root after batch " + batch);
    }
    for (Map.Entry<BigInteger, Felt> e : model.entrySet())
      assertEquals(e.getValue(), trie.get(root, store::get, Felt.of(e.getKey())));
  }

  @Property(tries = 40)
  void proofsVerifyAndAlteredProofsFail(@ForAll long seed) {
    Random r = new Random(seed);
    int height = 251;
    PatriciaTrie trie = new PatriciaTrie(height, H);
    Map<Felt, TrieNode> store = new HashMap<>();
    Map<Felt, Felt> writes = new HashMap<>();
    int n = 1 + r.nextInt(40);
    for (int i = 0; i < n; i++) writes.put(Felt.of(randomKey(r, height, 12)), Felt.of(1 + r.nextInt(1 << 20)));
    PatriciaTrie.Update u = trie.update(Felt.ZERO, store::get, writes);
    store.putAll(u.newNodes());
    Felt root = u.root();
    for (int q = 0; q < 10; q++) {
      Felt key = q % 2 == 0 ? List.copyOf(writes.keySet()).get(r.nextInt(writes.size())) : Felt.of(randomKey(r, height, 12));
      Felt expected = writes.getOrDefault(key, Felt.ZERO);
      Map<Felt, TrieNode> proof = new LinkedHashMap<>();
      for (Map.Entry<Felt, TrieNode> e : trie.proof(root, store::get, key)) proof.put(e.getKey(), e.getValue());
      assertEquals(expected, trie.verify(root, key, proof));

      // Every single-node alteration is caught.
      for (Felt h : List.copyOf(proof.keySet())) {
        Map<Felt, TrieNode> bad = new LinkedHashMap<>(proof);
        bad.put(h, alter(bad.get(h), r));
        assertThrows(InvalidProofException.class, () -> trie.verify(root, key, bad));
        Map<Felt, TrieNode> missing = new LinkedHashMap<>(proof);
        missing.remove(h);
        assertThrows(InvalidProofException.class, () -> trie.verify(root, key, missing));
      }
      assertThrows(InvalidProofException.class, () -> trie.verify(root.add(Felt.ONE), key, proof));
    }
  }

  private static TrieNode alter(TrieNode n, Random r) {
    Felt bump = Felt.of(1 + r.nextInt(7));
    if (n instanceof TrieNode.Binary b)
      return r.nextBoolean() ? new TrieNode.Binary(b.left().add(bump), b.right()) : new TrieNode.Binary(b.left(), b.right().add(bump));
    TrieNode.Edge e = (TrieNode.Edge) n;
    return switch (r.nextInt(3)) {
      case 0 -> new TrieNode.Edge(e.child().add(bump), e.path(), e.length());
      case 1 -> new TrieNode.Edge(e.child(), e.path().add(Felt.ONE), e.length());
      default -> new TrieNode.Edge(e.child(), e.path(), e.length() == 251 ? 250 : e.length() + 1);
    };
  }

  @Test
  void deletingEverythingEmptiesTheTrie() {
    PatriciaTrie trie = new PatriciaTrie(251, H);
    Map<Felt, TrieNode> store = new HashMap<>();
    Map<Felt, Felt> writes = new HashMap<>();
    for (int i = 0; i < 50; i++) writes.put(Felt.of(i * 7919L), Felt.of(i + 1));
    PatriciaTrie.Update u = trie.update(Felt.ZERO, store::get, writes);
    store.putAll(u.newNodes());
    assertTrue(!u.root().isZero());
    writes.replaceAll((k, v) -> Felt.ZERO);
    assertEquals(Felt.ZERO, trie.update(u.root(), store::get, writes).root());
  }

  @Test
  void singleLeafIsOneEdgeFromTheRoot() {
    PatriciaTrie trie = new PatriciaTrie(251, H);
    PatriciaTrie.Update u = trie.update(Felt.ZERO, h -> null, Map.of(Felt.of(5), Felt.of(9)));
    assertEquals(H.hash(Felt.of(9), Felt.of(5)).add(Felt.of(251)), u.root());
    assertEquals(1, u.newNodes().size());
  }

  @Test
  void keysAboveTheHeightAreRejected() {
    PatriciaTrie trie = new PatriciaTrie(10, H);
    assertThrows(IllegalArgumentException.class, () -> trie.update(Felt.ZERO, h -> null, Map.of(Felt.of(1024), Felt.ONE)));
  }
}
