package io.cairn.state.kv;

/**
 * A byte-level key-value store segmented in {@link Column}s, with atomic multi-column transactions. Keys order
 * bytewise unsigned. Implementations: {@link RocksKeyValueStore} (on disk) and {@link InMemoryKeyValueStore} (its
 * twin for tests). Reads are safe from any thread.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value under {@code key}, or null. */
  byte[] get(Column column, byte[] key);

  /**
   * The first entry whose key is at or after {@code from} and starts with {@code prefix} ({@code from} itself starts
   * with it), or null. With keys that end in an inverted block number, this finds the latest version at or before a
   * block.
   */
  Entry seek(Column column, byte[] prefix, byte[] from);

  /** Starts a transaction: nothing it writes is visible until {@link Transaction#commit}, then all of it is. */
  Transaction transaction();

  /** Disk bytes used, or an estimate; 0 for memory. */
  long diskBytes();

  @Override
  void close();

  record Entry(byte[] key, byte[] value) {}

  /** A batch of writes committed atomically; closing without committing discards it. */
  interface Transaction extends AutoCloseable {
    void put(Column column, byte[] key, byte[] value);

    void delete(Column column, byte[] key);

    void commit();

    @Override
    void close();
  }
}
