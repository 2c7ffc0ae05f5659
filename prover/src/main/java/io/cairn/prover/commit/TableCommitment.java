package io.cairn.prover.commit;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneHashes;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The prover's side of a Stone table commitment: a Merkle tree over the rows of a table (an LDE of some columns, or
 * a FRI layer's cosets), and the decommitment of queried rows in Stone's order.
 *
 * <p>Like Stone's {@code n_out_of_memory_merkle_layers}, the lowest {@code lowLayers} layers (leaves first) are not
 * stored: the tree keeps the nodes from the root down to the roots of subtrees of 2^lowLayers rows, and a
 * decommitment reads the queried rows' subtrees again ({@link Rows}) and rehashes them. The proof does not depend on
 * lowLayers. Stored nodes sit in chunks of 2^20 (heap order, 32 bytes each), so trees of any height are addressed
 * with longs.
 */
public final class TableCommitment {
  /** Stored trees end at a layer of at most 2^MAX_STORED_HEIGHT nodes (64 MB of nodes in all); lower layers are recomputed. */
  public static final int MAX_STORED_HEIGHT = 20;

  /**
   * The table's rows again, for decommitment: rows [first, first + count) row-major (4·width longs per row) into
   * out. Called with count = 2^lowLayers and first a multiple of it.
   */
  public interface Rows {
    void read(long first, int count, long[] out);
  }

  private static final int BLOCK = 1024;
  private final MerkleHashing hashing;
  private final int height, lowLayers, width;
  private final Nodes nodes;
  private final Rows rows;
  private final long[][] columns; // when the commitment keeps its table (column-major), else null
  private final long[] rowMajor; // or row-major (FRI cosets), else null

  private TableCommitment(Builder b, int width, Rows rows, long[][] columns, long[] rowMajor) {
    this.hashing = b.hashing;
    this.height = b.height;
    this.lowLayers = b.lowLayers;
    this.nodes = b.nodes;
    this.width = width;
    this.columns = columns;
    this.rowMajor = rowMajor;
    this.rows = rows != null ? rows : this::readKept;
    buildInnerNodes();
  }

  /** How many low layers a tree of 2^height rows leaves out: the configured number, or more to stay within the budget. */
  public static int lowLayers(int height, int configured) {
    return Math.min(height, Math.max(configured, Math.max(0, height - MAX_STORED_HEIGHT)));
  }

  /** Commits to {@code columns} (each 4·2^height longs of Montgomery limbs), kept by the commitment. */
  public TableCommitment(MerkleHashing hashing, long[][] columns, int height) {
    this(builder(hashing, height, lowLayers(height, 0)), columns, height);
  }

  private TableCommitment(Builder b, long[][] columns, int height) {
    this(hashKept(b, columns, null, columns.length), columns.length, null, columns, null);
    for (long[] c : columns)
      if (c.length != 4L << height) throw new IllegalArgumentException("column of " + c.length / 4 + " elements, expected " + (1L << height));
  }

  /** Commits to a table stored row-major: row r is elements [r·width, (r+1)·width) of {@code data} (a FRI layer). */
  public static TableCommitment ofRows(MerkleHashing hashing, long[] data, int width, int height) {
    return ofRows(hashing, data, width, height, lowLayers(height, 0));
  }

  /** As {@link #ofRows(MerkleHashing, long[], int, int)}, leaving out the given number of low layers. */
  public static TableCommitment ofRows(MerkleHashing hashing, long[] data, int width, int height, int lowLayers) {
    if (data.length != 4L * width << height) throw new IllegalArgumentException("table of " + data.length / 4 + " elements, expected " + ((long) width << height));
    Builder b = builder(hashing, height, lowLayers);
    return new TableCommitment(hashKept(b, null, data, width), width, null, null, data);
  }

  /**
   * As {@link #ofRows(MerkleHashing, long[], int, int, int)}, but the commitment does not keep {@code data}: a
   * decommitment reads the rows from {@code rows} (a layer the caller can recompute and lets go of).
   */
  public static TableCommitment ofRows(MerkleHashing hashing, long[] data, int width, int height, int lowLayers, Rows rows) {
    if (data.length != 4L * width << height) throw new IllegalArgumentException("table of " + data.length / 4 + " elements, expected " + ((long) width << height));
    return new TableCommitment(hashKept(builder(hashing, height, lowLayers), null, data, width), width, rows, null, null);
  }

  /**
   * A tree to be filled with leaf hashes computed elsewhere (an LDE streamed coset by coset, {@link Builder#leaves}),
   * then completed by {@link Builder#build} with the way to read its rows again.
   */
  public static Builder builder(MerkleHashing hashing, int height, int lowLayers) {
    if (lowLayers < 0 || lowLayers > height) throw new IllegalArgumentException("lowLayers " + lowLayers + " for a tree of height " + height);
    return new Builder(hashing, height, lowLayers);
  }

  public static final class Builder {
    private final MerkleHashing hashing;
    private final int height, lowLayers;
    private final Nodes nodes;

    private Builder(MerkleHashing hashing, int height, int lowLayers) {
      this.hashing = hashing;
      this.height = height;
      this.lowLayers = lowLayers;
      this.nodes = new Nodes(height - lowLayers);
    }

    public int lowLayers() {
      return lowLayers;
    }

    /**
     * The leaf hashes of rows [first, first + count), 32 bytes each at {@code leaves[0..)}, reduced to the stored
     * subtree roots ({@code first} and {@code count} multiples of 2^lowLayers; {@code leaves} is overwritten).
     * Disjoint ranges may be given from several threads.
     */
    public void leaves(long first, byte[] leaves, int count, StoneHashes.Scratch s) {
      int sub = 1 << lowLayers;
      if ((first & (sub - 1)) != 0 || (count & (sub - 1)) != 0) throw new IllegalArgumentException("rows not aligned to subtrees of " + sub);
      reduce(hashing, height, leaves, count, lowLayers, s);
      long base = (1L << (height - lowLayers)) + (first >>> lowLayers);
      for (int j = 0; j < count >>> lowLayers; j++) {
        long node = base + j;
        System.arraycopy(leaves, 32 * j * sub, nodes.chunk(node), nodes.offset(node), 32);
      }
    }

    /**
     * Hashes rows [0, count) of {@code columns} (Montgomery limbs, 4 longs a row) as the table's rows
     * [first, first + count), a block of rows per task; first and count aligned as {@link #leaves} needs.
     */
    public void hashColumns(long first, long[][] columns, int count) {
      int width = columns.length, block = Math.min(count, Math.max(BLOCK, 1 << lowLayers));
      IntStream.range(0, (count + block - 1) / block)
          .parallel()
          .forEach(
              k -> {
                StoneHashes.Scratch s = new StoneHashes.Scratch();
                int from = k * block, n = Math.min(block, count - from);
                long[] row = new long[4 * width];
                byte[] leaves = new byte[32 * n];
                for (int r = 0; r < n; r++) {
                  for (int c = 0; c < width; c++) System.arraycopy(columns[c], 4 * (from + r), row, 4 * c, 4);
                  hashing.leaf(row, 0, width, height, leaves, 32 * r, s);
                }
                leaves(first + from, leaves, n, s);
              });
    }

    /** The tree over the leaves given, decommitting by reading rows of {@code width} elements from {@code rows}. */
    public TableCommitment build(int width, Rows rows) {
      return new TableCommitment(this, width, rows, null, null);
    }
  }

  /**
   * Hashes {@code layers} levels of the {@code count} nodes at buf[0..), 32 bytes each (the lowest at depth height):
   * afterwards the root of the i-th group of 2^layers sits at buf[32·2^layers·i].
   */
  private static void reduce(MerkleHashing hashing, int height, byte[] buf, int count, int layers, StoneHashes.Scratch s) {
    byte[] pair = new byte[64];
    for (int l = 0; l < layers; l++) {
      int stride = 32 << l; // distance between the nodes of this level
      for (int i = 0; i < count >>> l; i += 2) {
        System.arraycopy(buf, i * stride, pair, 0, 32);
        System.arraycopy(buf, (i + 1) * stride, pair, 32, 32);
        hashing.node(pair, 0, height - l, buf, i * stride, s);
      }
    }
  }

  /** Hashes a kept table's leaves (columns, or rows of {@code width} elements), a block of rows per task, into the builder. */
  private static Builder hashKept(Builder b, long[][] columns, long[] rowMajor, int width) {
    long rows = 1L << b.height;
    if (columns != null) {
      b.hashColumns(0, columns, (int) rows);
      return b;
    }
    int block = Math.max(BLOCK, 1 << b.lowLayers);
    IntStream.range(0, (int) ((rows + block - 1) / block))
        .parallel()
        .forEach(
            k -> {
              StoneHashes.Scratch s = new StoneHashes.Scratch();
              long first = (long) k * block;
              int count = (int) Math.min(block, rows - first);
              byte[] leaves = new byte[32 * count];
              for (int r = 0; r < count; r++) b.hashing.leaf(rowMajor, (int) (4 * (first + r) * width), width, b.height, leaves, 32 * r, s);
              b.leaves(first, leaves, count, s);
            });
    return b;
  }

  private void readKept(long first, int count, long[] out) {
    for (int r = 0; r < count; r++)
      for (int c = 0; c < width; c++) {
        long at = first + r;
        if (rowMajor != null) System.arraycopy(rowMajor, (int) (4 * (at * width + c)), out, 4 * (r * width + c), 4);
        else System.arraycopy(columns[c], (int) (4 * at), out, 4 * (r * width + c), 4);
      }
  }

  /** Node i's children (2i, 2i+1) lie side by side in one chunk: each stored layer hashes straight from the chunks. */
  private void buildInnerNodes() {
    for (int depth = height - lowLayers - 1; depth >= 0; depth--) {
      long from = 1L << depth;
      int childDepth = depth + 1;
      IntStream.range(0, (int) ((from + BLOCK - 1) / BLOCK))
          .parallel()
          .forEach(
              b -> {
                StoneHashes.Scratch s = new StoneHashes.Scratch();
                for (long i = from + (long) b * BLOCK, end = Math.min(2 * from, i + BLOCK); i < end; i++)
                  hashing.node(nodes.chunk(2 * i), nodes.offset(2 * i), childDepth, nodes.chunk(i), nodes.offset(i), s);
              });
    }
  }

  public byte[] root() {
    byte[] r = new byte[32];
    System.arraycopy(nodes.chunk(1), nodes.offset(1), r, 0, 32);
    return r;
  }

  public int height() {
    return height;
  }

  public int lowLayers() {
    return lowLayers;
  }

  /** Row r's values, when the commitment keeps its table. */
  public Felt[] row(int r) {
    Felt[] v = new Felt[width];
    if (columns != null) for (int c = 0; c < width; c++) v[c] = Felt.fromMontgomeryLimbs(columns[c], 4 * r);
    else if (rowMajor != null) for (int c = 0; c < width; c++) v[c] = Felt.fromMontgomeryLimbs(rowMajor, 4 * (r * width + c));
    else throw new IllegalStateException("this commitment does not keep its rows");
    return v;
  }

  /**
   * The authentication nodes for sorted distinct rows, as Stone writes them after the row values: bottom-up, left to
   * right, only the siblings the verifier cannot compute.
   */
  public byte[] authenticationNodes(long[] sortedRows) {
    return decommit(sortedRows).nodes();
  }

  /** The queried rows' values, row-major (4·width longs each, in the order given), and their authentication nodes. */
  public record Decommitment(long[][] rows, byte[] nodes) {}

  /**
   * Decommits sorted distinct rows: their values and {@link #authenticationNodes}. The values come from the same
   * reads ({@link Rows}) that rebuild the left-out subtrees, so a table that is not kept is read once per subtree.
   */
  public Decommitment decommit(long[] sortedRows) {
    Map<Long, byte[]> subtrees = new HashMap<>();
    long[][] values = readSubtrees(sortedRows, subtrees);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>();
    for (long r : sortedRows) queue.add(r + (1L << height));
    while (!queue.isEmpty()) {
      long index = queue.poll();
      if (index == 1) break;
      Long next = queue.peek();
      if ((index & 1) == 0 && next != null && next == index + 1) queue.poll();
      else writeNode(index ^ 1, subtrees, out);
      queue.add(index >>> 1);
    }
    return new Decommitment(values, out.toByteArray());
  }

  /**
   * Reads the subtrees of 2^lowLayers rows holding the given rows and returns those rows' values; with lowLayers > 0
   * each subtree's nodes, in heap order (local node 1 its root), go into {@code subtrees} under its stored root.
   */
  private long[][] readSubtrees(long[] sortedRows, Map<Long, byte[]> subtrees) {
    int sub = 1 << lowLayers, stored = height - lowLayers;
    long[] roots = java.util.Arrays.stream(sortedRows).map(r -> r >>> lowLayers).distinct().toArray();
    byte[][] trees = new byte[roots.length][];
    long[][] read = new long[roots.length][];
    IntStream.range(0, roots.length)
        .parallel()
        .forEach(
            i -> {
              StoneHashes.Scratch s = new StoneHashes.Scratch();
              long[] values = new long[4 * width * sub];
              rows.read(roots[i] << lowLayers, sub, values);
              read[i] = values;
              if (lowLayers == 0) return;
              byte[] t = new byte[64 * sub];
              for (int r = 0; r < sub; r++) hashing.leaf(values, 4 * width * r, width, height, t, 32 * (sub + r), s);
              for (int j = sub - 1; j >= 1; j--)
                hashing.node(t, 64 * j, stored + (31 - Integer.numberOfLeadingZeros(j)) + 1, t, 32 * j, s);
              trees[i] = t;
            });
    if (lowLayers > 0) for (int i = 0; i < roots.length; i++) subtrees.put(roots[i] + (1L << stored), trees[i]);
    long[][] values = new long[sortedRows.length][4 * width];
    for (int q = 0, i = 0; q < sortedRows.length; q++) {
      while (roots[i] != sortedRows[q] >>> lowLayers) i++;
      System.arraycopy(read[i], (int) (4 * width * (sortedRows[q] & (sub - 1))), values[q], 0, 4 * width);
    }
    return values;
  }

  private void writeNode(long index, Map<Long, byte[]> subtrees, ByteArrayOutputStream out) {
    int depth = 63 - Long.numberOfLeadingZeros(index), below = depth - (height - lowLayers);
    if (below <= 0) {
      out.write(nodes.chunk(index), nodes.offset(index), 32);
      return;
    }
    long root = index >>> below;
    byte[] t = subtrees.get(root);
    out.write(t, (int) (32 * ((index - (root << below)) + (1L << below))), 32);
  }

  /** The stored nodes 1 .. 2^(storedHeight+1) − 1 in chunks of 2^20 (a node's two children share a chunk). */
  private static final class Nodes {
    private static final int LOG_CHUNK = 20;
    private final byte[][] chunks;

    Nodes(int storedHeight) {
      long n = 2L << storedHeight;
      chunks = new byte[(int) ((n + (1 << LOG_CHUNK) - 1) >>> LOG_CHUNK)][];
      for (int i = 0; i < chunks.length; i++) chunks[i] = new byte[(int) (32 * Math.min(1L << LOG_CHUNK, n - ((long) i << LOG_CHUNK)))];
    }

    byte[] chunk(long node) {
      return chunks[(int) (node >>> LOG_CHUNK)];
    }

    int offset(long node) {
      return 32 * (int) (node & ((1 << LOG_CHUNK) - 1));
    }
  }
}
