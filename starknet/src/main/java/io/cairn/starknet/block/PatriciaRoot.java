package io.cairn.starknet.block;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The root of Starknet's binary Merkle–Patricia trie over a complete key → value set, computed in one pass without
 * storing nodes: binary node = H(left, right), edge of length ℓ with path bits b to a child c = H(c, b) + ℓ, empty
 * trie = 0. Zero values are absent leaves. Used for the block commitments (height 64, keys = indices); the state
 * tries with storage live in module {@code state}.
 */
public final class PatriciaRoot {
  private PatriciaRoot() {}

  /** The trie's node hash. */
  public interface NodeHash {
    Felt hash(Felt left, Felt right);
  }

  public static final NodeHash PEDERSEN = Pedersen::hash;
  public static final NodeHash POSEIDON = Poseidon::hash;

  /** Height of the transaction, event and receipt commitment tries. */
  public static final int COMMITMENT_HEIGHT = 64;

  /** Root of a height-64 trie whose i-th leaf is {@code leaves.get(i)}. */
  public static Felt ofSequence(List<Felt> leaves, NodeHash h) {
    List<BigInteger> keys = new ArrayList<>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) keys.add(BigInteger.valueOf(i));
    return root(keys, leaves, COMMITMENT_HEIGHT, h);
  }

  /** Root of a trie of the given height; {@code keys} strictly ascending, each below 2^height. */
  public static Felt root(List<BigInteger> keys, List<Felt> values, int height, NodeHash h) {
    if (keys.size() != values.size()) throw new IllegalArgumentException("keys and values differ in length");
    List<BigInteger> k = new ArrayList<>(keys.size());
    List<Felt> v = new ArrayList<>(values.size());
    for (int i = 0; i < keys.size(); i++) {
      BigInteger key = keys.get(i);
      if (key.signum() < 0 || key.bitLength() > height)
        throw new IllegalArgumentException("key " + key + " does not fit in a trie of height " + height);
      if (i > 0 && key.compareTo(keys.get(i - 1)) <= 0)
        throw new IllegalArgumentException("keys are not strictly ascending at index " + i);
      if (values.get(i).isZero()) continue;
      k.add(key);
      v.add(values.get(i));
    }
    if (k.isEmpty()) return Felt.ZERO;
    return finish(node(k, v, 0, k.size(), height, h), h);
  }

  /** A child reached through an edge of {@code length} bits (length 0: the child itself). */
  private record Edge(Felt child, BigInteger path, int length) {}

  private static Felt finish(Edge e, NodeHash h) {
    if (e.length == 0) return e.child;
    return h.hash(e.child, Felt.of(e.path)).add(Felt.of(e.length));
  }

  private static Edge node(List<BigInteger> k, List<Felt> v, int lo, int hi, int height, NodeHash h) {
    if (height == 0) return new Edge(v.get(lo), BigInteger.ZERO, 0);
    int bit = height - 1;
    int mid = lo;
    while (mid < hi && !k.get(mid).testBit(bit)) mid++;
    if (mid == lo || mid == hi) {
      Edge below = node(k, v, lo, hi, bit, h);
      BigInteger path = mid == hi ? below.path : below.path.setBit(below.length);
      return new Edge(below.child, path, below.length + 1);
    }
    Felt left = finish(node(k, v, lo, mid, bit, h), h);
    Felt right = finish(node(k, v, mid, hi, bit, h), h);
    return new Edge(h.hash(left, right), BigInteger.ZERO, 0);
  }
}
