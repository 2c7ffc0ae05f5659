package io.cairn.state.trie;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent, deliberately simple root computation: from the full set of leaves, straight from the definition
 * (binary = H(l, r); edge = H(child, path) + length), with BigInteger keys and no stored nodes. The test oracle for
 * {@link PatriciaTrie}'s incremental updates.
 */
public final class NaiveTrie {
  private NaiveTrie() {}

  public static Felt root(Map<BigInteger, Felt> leaves, int height, NodeHash h) {
    List<BigInteger> keys = new ArrayList<>();
    TreeMap<BigInteger, Felt> sorted = new TreeMap<>();
    leaves.forEach((k, v) -> {
      if (!v.isZero()) sorted.put(k, v);
    });
    keys.addAll(sorted.keySet());
    return node(keys, sorted, 0, height, h);
  }

  private static Felt node(List<BigInteger> keys, Map<BigInteger, Felt> values, int depth, int height, NodeHash h) {
    if (keys.isEmpty()) return Felt.ZERO;
    if (depth == height) return values.get(keys.get(0));
    int split = depth;
    BigInteger first = keys.get(0), last = keys.get(keys.size() - 1);
    while (split < height && first.testBit(height - 1 - split) == last.testBit(height - 1 - split)) split++;
    if (split > depth) {
      Felt child = node(keys, values, split, height, h);
      BigInteger path = first.shiftRight(height - split).and(BigInteger.ONE.shiftLeft(split - depth).subtract(BigInteger.ONE));
      return h.hash(child, Felt.of(path)).add(Felt.of(split - depth));
    }
    List<BigInteger> left = new ArrayList<>(), right = new ArrayList<>();
    for (BigInteger k : keys) (k.testBit(height - 1 - depth) ? right : left).add(k);
    return h.hash(node(left, values, depth + 1, height, h), node(right, values, depth + 1, height, h));
  }
}
