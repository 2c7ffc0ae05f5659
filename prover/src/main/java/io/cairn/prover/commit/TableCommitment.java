package io.cairn.prover.commit;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.StoneHashes;
import java.io.ByteArrayOutputStream;
import java.util.stream.IntStream;

/**
 * The prover's side of a Stone table commitment: a Merkle tree over the rows of a table (an LDE of some columns, or
 * a FRI layer's cosets), and the decommitment of queried rows in Stone's order.
 *
 * <p>The tree keeps every node as 32 bytes of one flat array (heap order); leaves and each layer are hashed in
 * parallel. The table's values themselves need not stay in memory: a commitment may be built from leaf hashes
 * computed elsewhere (an LDE streamed coset by coset), and the queried rows recomputed when decommitted.
 */
public final class TableCommitment {
  private final MerkleHashing hashing;
  private final int height;
  private final long[][] columns; // Montgomery limbs, 4 per element, row order = leaf order; null when not kept
  private final long[] rowMajor; // or: rows of `width` consecutive elements (FRI cosets); null when not kept
  private final int width;
  private final byte[] nodes; // heap order, 32 bytes each: node 1 is the root, leaves at [rows, 2·rows)

  /** Commits to {@code columns} (each 4·2^height longs of Montgomery limbs). */
  public TableCommitment(MerkleHashing hashing, long[][] columns, int height) {
    this.hashing = hashing;
    this.height = height;
    this.columns = columns;
    this.rowMajor = null;
    this.width = columns.length;
    int rows = 1 << height;
    for (long[] c : columns)
      if (c.length != 4 * rows) throw new IllegalArgumentException("column of " + c.length / 4 + " elements, expected " + rows);
    nodes = newNodes(height);
    hashLeaves();
    buildInnerNodes();
  }

  private TableCommitment(MerkleHashing hashing, int height, long[] rowMajor, int width, byte[] nodes) {
    this.hashing = hashing;
    this.height = height;
    this.columns = null;
    this.rowMajor = rowMajor;
    this.width = width;
    if (nodes != null) this.nodes = nodes;
    else {
      this.nodes = newNodes(height);
      hashLeaves();
    }
    buildInnerNodes();
  }

  /** Commits to a table stored row-major: row r is elements [r·width, (r+1)·width) of {@code data} (a FRI layer). */
  public static TableCommitment ofRows(MerkleHashing hashing, long[] data, int width, int height) {
    if (data.length != 4L * width << height) throw new IllegalArgumentException("table of " + data.length / 4 + " elements, expected " + ((long) width << height));
    return new TableCommitment(hashing, height, data, width, null);
  }

  /**
   * Commits to a table whose leaf hashes ({@link MerkleHashing#leaf}) the caller wrote into {@code nodes}, an array of
   * 64·2^height bytes (heap order: leaf r at 32·(2^height + r)); the commitment takes the array over and fills in
   * the inner nodes. Its rows are not kept, so {@link #row} is unavailable and the caller supplies decommitted values.
   */
  public static TableCommitment ofLeafNodes(MerkleHashing hashing, byte[] nodes, int height) {
    if (nodes.length != 64L << height) throw new IllegalArgumentException("expected room for " + (2L << height) + " nodes");
    return new TableCommitment(hashing, height, null, 0, nodes);
  }

  private static final int BLOCK = 1024;

  /** The largest tree kept whole in one array: 2^(MAX_HEIGHT + 1) nodes of 32 bytes. */
  public static final int MAX_HEIGHT = 24;

  /** Room for the nodes of a tree of 2^height rows (heap order, 32 bytes each). */
  public static byte[] newNodes(int height) {
    if (height > MAX_HEIGHT)
      throw new IllegalArgumentException(
          "a Merkle tree of 2^" + height + " rows does not fit one array (at most 2^" + MAX_HEIGHT + " rows: trees that recompute their lowest layers are still to come)");
    return new byte[64 << height];
  }

  /** Leaf hashes of the kept table, a block of rows per task. */
  private void hashLeaves() {
    int rows = 1 << height;
    IntStream.range(0, (rows + BLOCK - 1) / BLOCK)
        .parallel()
        .forEach(
            b -> {
              StoneHashes.Scratch s = new StoneHashes.Scratch();
              long[] row = new long[4 * width];
              for (int r = b * BLOCK, end = Math.min(rows, r + BLOCK); r < end; r++) {
                if (rowMajor != null) hashing.leaf(rowMajor, 4 * r * width, width, height, nodes, 32 * (rows + r), s);
                else {
                  for (int c = 0; c < width; c++) System.arraycopy(columns[c], 4 * r, row, 4 * c, 4);
                  hashing.leaf(row, 0, width, height, nodes, 32 * (rows + r), s);
                }
              }
            });
  }

  /** Node i's children (2i, 2i+1) lie side by side at 64·i: each layer hashes straight from the flat array. */
  private void buildInnerNodes() {
    for (int depth = height - 1; depth >= 0; depth--) {
      int from = 1 << depth, childDepth = depth + 1;
      IntStream.range(0, (from + BLOCK - 1) / BLOCK)
          .parallel()
          .forEach(
              b -> {
                StoneHashes.Scratch s = new StoneHashes.Scratch();
                for (int i = from + b * BLOCK, end = Math.min(2 * from, i + BLOCK); i < end; i++) hashing.node(nodes, 64 * i, childDepth, nodes, 32 * i, s);
              });
    }
  }

  public byte[] root() {
    byte[] r = new byte[32];
    System.arraycopy(nodes, 32, r, 0, 32);
    return r;
  }

  public int height() {
    return height;
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>();
    for (long r : sortedRows) queue.add(r + (1L << height));
    while (!queue.isEmpty()) {
      long index = queue.poll();
      if (index == 1) break;
      Long next = queue.peek();
      if ((index & 1) == 0 && next != null && next == index + 1) queue.poll();
      else out.write(nodes, (int) (32 * (index ^ 1)), 32);
      queue.add(index >>> 1);
    }
    return out.toByteArray();
  }
}
