package io.cairn.state.trie;

import io.cairn.crypto.field.Felt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starknet's binary Merkle-Patricia trie of a given height over a given node hash (STARKNET.md §7): binary node =
 * H(left, right); edge node = H(child, path) + length; empty = 0.
 *
 * <p>The trie object holds no state: roots are values, nodes live in a {@link NodeSource}. {@link #update} walks only
 * the paths of the written keys, jumping along edges and over runs of bits that all written keys share, and hashes
 * only the nodes that change. Edges are hashed only where they hang below a binary node or at the root, so a chain
 * of one-sided steps costs one hash.
 */
public final class PatriciaTrie {
  /** The height of every Starknet trie. */
  public static final int STARKNET_HEIGHT = 251;

  private final int height;
  private final NodeHash hash;

  public PatriciaTrie(int height, NodeHash hash) {
    if (height < 1 || height > 255) throw new IllegalArgumentException("trie height " + height + " out of range");
    this.height = height;
    this.hash = hash;
  }

  public int height() {
    return height;
  }

  public NodeHash nodeHash() {
    return hash;
  }

  /** A new root and the nodes created to reach it (some may already be stored: nodes are content-addressed). */
  public record Update(Felt root, Map<Felt, TrieNode> newNodes) {}

  /** Applies writes (key → value; value 0 deletes the leaf) to the trie at {@code root}. */
  public Update update(Felt root, NodeSource nodes, Map<Felt, Felt> writes) {
    int n = writes.size();
    long[][] keys = new long[n][];
    Felt[] values = new Felt[n];
    Integer[] order = new Integer[n];
    int i = 0;
    for (Map.Entry<Felt, Felt> e : writes.entrySet()) {
      keys[i] = TrieKey.of(e.getKey(), height, "key");
      values[i] = e.getValue();
      order[i] = i;
      i++;
    }
    Arrays.sort(order, (a, b) -> TrieKey.compare(keys[a], keys[b]));
    long[][] sortedKeys = new long[n][];
    Felt[] sortedValues = new Felt[n];
    for (int j = 0; j < n; j++) {
      sortedKeys[j] = keys[order[j]];
      sortedValues[j] = values[order[j]];
    }
    return updateSorted(root, nodes, sortedKeys, sortedValues);
  }

  /** Same as {@link #update(Felt, NodeSource, Map)} with keys already as limbs, ascending and distinct. */
  Update updateSorted(Felt root, NodeSource nodes, long[][] keys, Felt[] values) {
    Map<Felt, TrieNode> created = new HashMap<>();
    if (keys.length == 0) return new Update(root, created);
    Updater u = new Updater(nodes, keys, values, created);
    Sub s = u.apply(u.load(root, 0, keys[0]), 0, 0, keys.length, keys[0]);
    Felt newRoot = s == null ? Felt.ZERO : u.materialize(s, 0);
    return new Update(newRoot, created);
  }

  /** The leaf value under {@code key} (0 when absent). */
  public Felt get(Felt root, NodeSource nodes, Felt key) {
    long[] k = TrieKey.of(key, height, "key");
    Felt cur = root;
    int d = 0;
    while (!cur.isZero() && d < height) {
      TrieNode node = require(nodes, cur);
      if (node instanceof TrieNode.Binary b) {
        cur = TrieKey.bit(k, height, d) == 0 ? b.left() : b.right();
        d++;
      } else {
        TrieNode.Edge e = (TrieNode.Edge) node;
        if (d + e.length() > height) throw corrupt(cur, "edge runs below the leaves");
        if (!Arrays.equals(TrieKey.slice(k, height, d, d + e.length()), e.path().canonicalLimbs())) return Felt.ZERO;
        cur = e.child();
        d += e.length();
      }
    }
    return cur;
  }

  /**
   * The nodes from the root towards {@code key}, root first, as {@code starknet_getStorageProof} returns them: the
   * path ends at the leaf, or at an edge that leaves the key's path (which proves the key absent). Empty for an empty
   * trie.
   */
  public List<Map.Entry<Felt, TrieNode>> proof(Felt root, NodeSource nodes, Felt key) {
    long[] k = TrieKey.of(key, height, "key");
    List<Map.Entry<Felt, TrieNode>> path = new ArrayList<>();
    Felt cur = root;
    int d = 0;
    while (!cur.isZero() && d < height) {
      TrieNode node = require(nodes, cur);
      path.add(Map.entry(cur, node));
      if (node instanceof TrieNode.Binary b) {
        cur = TrieKey.bit(k, height, d) == 0 ? b.left() : b.right();
        d++;
      } else {
        TrieNode.Edge e = (TrieNode.Edge) node;
        if (!Arrays.equals(TrieKey.slice(k, height, d, d + e.length()), e.path().canonicalLimbs())) break;
        cur = e.child();
        d += e.length();
      }
    }
    return path;
  }

  /**
   * Checks a proof of {@code key} against {@code root} and returns the value it proves (0 for a proven absence).
   *
   * @throws InvalidProofException when a node is missing or does not hash to its claimed hash, or the path is malformed
   */
  public Felt verify(Felt root, Felt key, Map<Felt, TrieNode> proofNodes) {
    long[] k = TrieKey.of(key, height, "key");
    Felt cur = root;
    int d = 0;
    while (!cur.isZero() && d < height) {
      TrieNode node = proofNodes.get(cur);
      if (node == null) throw new InvalidProofException("node " + cur.toHex() + " at depth " + d + " is missing");
      if (!node.hash(hash).equals(cur))
        throw new InvalidProofException("node at depth " + d + " does not hash to " + cur.toHex());
      if (node instanceof TrieNode.Binary b) {
        cur = TrieKey.bit(k, height, d) == 0 ? b.left() : b.right();
        d++;
      } else {
        TrieNode.Edge e = (TrieNode.Edge) node;
        long[] p = e.path().canonicalLimbs();
        if (d + e.length() > height || TrieKey.bitLength(p) > e.length())
          throw new InvalidProofException("malformed edge at depth " + d);
        if (!Arrays.equals(TrieKey.slice(k, height, d, d + e.length()), p)) return Felt.ZERO;
        cur = e.child();
        d += e.length();
      }
    }
    return cur;
  }

  /**
   * The preimages that StarkWare's OS needs to update the trie at these keys (sequencer {@code fetch_patricia_paths}):
   * every node on the paths to the keys, and the bottom of every edge on those paths even when no key lies below it.
   * Siblings contribute their hash only.
   */
  public Map<Felt, TrieNode> witness(Felt root, NodeSource nodes, List<Felt> keys) {
    long[][] k = new long[keys.size()][];
    for (int i = 0; i < k.length; i++) k[i] = TrieKey.of(keys.get(i), height, "key");
    Arrays.sort(k, TrieKey::compare);
    Map<Felt, TrieNode> out = new LinkedHashMap<>();
    if (k.length > 0) witness(root, 0, k, 0, k.length, true, nodes, out);
    return out;
  }

  private void witness(
      Felt h, int d, long[][] keys, int lo, int hi, boolean belowEdge, NodeSource nodes, Map<Felt, TrieNode> out) {
    if (h.isZero() || d == height || (lo == hi && !belowEdge)) return;
    TrieNode node = require(nodes, h);
    out.put(h, node);
    if (node instanceof TrieNode.Binary b) {
      if (lo == hi) return;
      int mid = split(keys, lo, hi, d);
      witness(b.left(), d + 1, keys, lo, mid, false, nodes, out);
      witness(b.right(), d + 1, keys, mid, hi, false, nodes, out);
    } else {
      TrieNode.Edge e = (TrieNode.Edge) node;
      int bottom = d + e.length();
      long[] p = e.path().canonicalLimbs();
      int a = lo;
      while (a < hi && TrieKey.compare(TrieKey.slice(keys[a], height, d, bottom), p) < 0) a++;
      int b = a;
      while (b < hi && Arrays.equals(TrieKey.slice(keys[b], height, d, bottom), p)) b++;
      witness(e.child(), bottom, keys, a, b, true, nodes, out);
    }
  }

  /** First index in [lo, hi) whose bit at depth d is 1 (keys share their bits above d, so the bit is monotone). */
  private int split(long[][] keys, int lo, int hi, int d) {
    int a = lo, b = hi;
    while (a < b) {
      int m = (a + b) >>> 1;
      if (TrieKey.bit(keys[m], height, d) == 0) a = m + 1;
      else b = m;
    }
    return a;
  }

  private static TrieNode require(NodeSource nodes, Felt h) {
    TrieNode n = nodes.node(h);
    if (n == null) throw new IllegalStateException("trie node " + h.toHex() + " is missing from the store");
    return n;
  }

  private static IllegalStateException corrupt(Felt h, String why) {
    return new IllegalStateException("trie node " + h.toHex() + " is corrupt: " + why);
  }

  // ---------------------------------------------------------------------------------------------
  // The update walk

  private static final int LEAF = 0, BINARY = 1, EDGE = 2, UNLOADED = 3;

  /**
   * The existing subtree at some depth, as the walk sees it: a leaf, a loaded binary node, an edge (possibly the
   * lower part of a stored edge) or a node known only by hash. Null is the empty subtree.
   */
  private record View(int kind, Felt a, Felt b, Felt storedHash, int bottomDepth, long[] absKey) {}

  /**
   * A rebuilt subtree: the node at {@code bottomDepth} (binary or leaf; or, when opaque, a stored node of unknown
   * kind) reached from above by the bits of {@code repKey}. Its hash at {@code knownDepth} is {@code knownHash}
   * when that is already known.
   */
  private static final class Sub {
    int bottomDepth;
    Felt bottomHash;
    long[] repKey;
    boolean opaque;
    Felt knownHash;
    int knownDepth = -1;

    Sub(int bottomDepth, Felt bottomHash, long[] repKey) {
      this.bottomDepth = bottomDepth;
      this.bottomHash = bottomHash;
      this.repKey = repKey;
    }

    Sub known(Felt h, int depth) {
      knownHash = h;
      knownDepth = depth;
      return this;
    }
  }

  private final class Updater {
    final NodeSource nodes;
    final long[][] keys;
    final Felt[] values;
    final Map<Felt, TrieNode> created;

    Updater(NodeSource nodes, long[][] keys, Felt[] values, Map<Felt, TrieNode> created) {
      this.nodes = nodes;
      this.keys = keys;
      this.values = values;
      this.created = created;
    }

    /** The view of the stored node {@code h} at depth {@code d}; {@code pos} carries the node's position bits. */
    View load(Felt h, int d, long[] pos) {
      if (h.isZero()) return null;
      if (d == height) return new View(LEAF, h, null, h, height, pos);
      TrieNode node = require(nodes, h);
      if (node instanceof TrieNode.Binary b) return new View(BINARY, b.left(), b.right(), h, d, pos);
      TrieNode.Edge e = (TrieNode.Edge) node;
      if (d + e.length() > height) throw corrupt(h, "edge runs below the leaves");
      long[] abs = TrieKey.withPath(pos, height, d, e.path().canonicalLimbs(), e.length());
      return new View(EDGE, e.child(), null, h, d + e.length(), abs);
    }

    Sub apply(View v, int d, int lo, int hi, long[] pos) {
      if (v != null && v.kind == UNLOADED) {
        if (lo == hi) {
          Sub s = new Sub(d, v.storedHash, pos).known(v.storedHash, d);
          s.opaque = d < height; // below the leaves' depth it may be an edge, which a collapse must merge
          return s;
        }
        v = load(v.storedHash, d, pos);
      }
      if (lo == hi) return unchanged(v, d);
      if (d == height) return leaf(lo);
      if (v == null) {
        if (hi - lo == 1) return leaf(lo);
        int j = TrieKey.commonPrefix(keys[lo], keys[hi - 1], height);
        if (j > d) return apply(null, j, lo, hi, keys[lo]);
      } else if (v.kind == EDGE) {
        int j = Math.min(v.bottomDepth, TrieKey.commonPrefix(keys[lo], keys[hi - 1], height));
        j = Math.min(j, TrieKey.commonPrefix(keys[lo], v.absKey, height));
        if (j > d) {
          View w = j == v.bottomDepth ? load(v.a, j, v.absKey) : new View(EDGE, v.a, null, null, v.bottomDepth, v.absKey);
          Sub s = apply(w, j, lo, hi, keys[lo]);
          if (v.storedHash != null && s != null && s.bottomDepth == v.bottomDepth && s.bottomHash.equals(v.a))
            s.known(v.storedHash, d);
          return s;
        }
      }
      int mid = split(keys, lo, hi, d);
      View l = null, r = null;
      if (v != null && v.kind == BINARY) {
        l = new View(UNLOADED, null, null, v.a, 0, null);
        r = new View(UNLOADED, null, null, v.b, 0, null);
      } else if (v != null && v.kind == EDGE) {
        View below =
            d + 1 == v.bottomDepth ? load(v.a, d + 1, v.absKey) : new View(EDGE, v.a, null, null, v.bottomDepth, v.absKey);
        if (TrieKey.bit(v.absKey, height, d) == 0) l = below;
        else r = below;
      }
      long[] posL = mid > lo ? keys[lo] : TrieKey.withBit(pos, height, d, 0);
      long[] posR = hi > mid ? keys[mid] : TrieKey.withBit(pos, height, d, 1);
      Sub left = apply(l, d + 1, lo, mid, posL);
      Sub right = apply(r, d + 1, mid, hi, posR);
      return combine(d, left, right);
    }

    private Sub leaf(int i) {
      Felt value = values[i];
      return value.isZero() ? null : new Sub(height, value, keys[i]).known(value, height);
    }

    private Sub unchanged(View v, int d) {
      if (v == null) return null;
      return switch (v.kind) {
        case LEAF -> new Sub(height, v.a, v.absKey).known(v.a, height);
        case BINARY -> new Sub(d, v.storedHash, v.absKey).known(v.storedHash, d);
        case EDGE -> {
          Sub s = new Sub(v.bottomDepth, v.a, v.absKey);
          yield v.storedHash != null ? s.known(v.storedHash, d) : s;
        }
        default -> throw new IllegalStateException("unexpected view " + v.kind);
      };
    }

    private Sub combine(int d, Sub left, Sub right) {
      if (left == null && right == null) return null;
      if (left == null) return resolve(right);
      if (right == null) return resolve(left);
      Felt lh = materialize(left, d + 1), rh = materialize(right, d + 1);
      Felt h = hash.hash(lh, rh);
      created.put(h, new TrieNode.Binary(lh, rh));
      return new Sub(d, h, left.repKey).known(h, d);
    }

    /** A subtree that is about to hang below an edge must show its own edge, if it is one, to be merged. */
    private Sub resolve(Sub s) {
      if (!s.opaque) return s;
      TrieNode node = require(nodes, s.bottomHash);
      s.opaque = false;
      if (node instanceof TrieNode.Binary) return s;
      TrieNode.Edge e = (TrieNode.Edge) node;
      int d = s.bottomDepth;
      long[] abs = TrieKey.withPath(s.repKey, height, d, e.path().canonicalLimbs(), e.length());
      return new Sub(d + e.length(), e.child(), abs).known(s.bottomHash, d);
    }

    /** The hash of subtree s seen from depth d, storing the edge that leads to it if there is one. */
    Felt materialize(Sub s, int d) {
      if (s.knownHash != null && s.knownDepth == d) return s.knownHash;
      if (s.bottomDepth == d) return s.bottomHash;
      int len = s.bottomDepth - d;
      Felt path = TrieKey.toFelt(TrieKey.slice(s.repKey, height, d, s.bottomDepth));
      Felt h = hash.hash(s.bottomHash, path).add(Felt.of(len));
      created.put(h, new TrieNode.Edge(s.bottomHash, path, len));
      return h;
    }
  }
}
