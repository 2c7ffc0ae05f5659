package io.cairn.prover.commit;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.MerkleHashing;
import java.io.ByteArrayOutputStream;
import java.util.stream.IntStream;

/**
 * The prover's side of a Stone table commitment: a Merkle tree over the rows of a table (an LDE of some columns, or
 * a FRI layer's cosets), and the decommitment of queried rows in Stone's order.
 *
 * <p>The tree keeps every node (2·rows digests); leaves and each layer are hashed in parallel.
 */
public final class TableCommitment {
  private final MerkleHashing hashing;
  private final int height;
  private final long[][] columns; // Montgomery limbs, 4 per element, row order = leaf order
  private final byte[][] nodes; // heap order: nodes[1] is the root, leaves at [rows, 2·rows)

  /** Commits to {@code columns} (each 4·2^height longs of Montgomery limbs). */
  public TableCommitment(MerkleHashing hashing, long[][] columns, int height) {
    this.hashing = hashing;
    this.height = height;
    this.columns = columns;
    int rows = 1 << height;
    for (long[] c : columns)
      if (c.length != 4 * rows) throw new IllegalArgumentException("column of " + c.length / 4 + " elements, expected " + rows);
    nodes = new byte[2 * rows][];
    IntStream.range(0, rows).parallel().forEach(r -> nodes[rows + r] = hashing.leaf(row(r), height));
    for (int depth = height - 1; depth >= 0; depth--) {
      int from = 1 << depth, childDepth = depth + 1;
      IntStream.range(from, 2 * from).parallel().forEach(i -> nodes[i] = hashing.node(nodes[2 * i], nodes[2 * i + 1], childDepth));
    }
  }

  public byte[] root() {
    return nodes[1].clone();
  }

  public Felt[] row(int r) {
    Felt[] v = new Felt[columns.length];
    for (int c = 0; c < columns.length; c++) v[c] = Felt.fromMontgomeryLimbs(columns[c], 4 * r);
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
      else out.writeBytes(nodes[(int) (index ^ 1)]);
      queue.add(index >>> 1);
    }
    return out.toByteArray();
  }
}
