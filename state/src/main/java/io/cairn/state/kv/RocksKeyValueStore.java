package io.cairn.state.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link KeyValueStore} on RocksDB: one column family per {@link Column}, a transaction is one {@link WriteBatch}
 * (atomic across column families, also after a crash: RocksDB replays its write-ahead log whole batches or nothing).
 */
public final class RocksKeyValueStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final WriteOptions writeOptions;
  private final Path dir;

  /**
   * Opens (creating if needed) the store in {@code dir}. With {@code syncWrites} each commit waits for fsync (durable
   * across power loss); without it a commit survives a process crash but not an OS crash.
   */
  public static RocksKeyValueStore open(Path dir, boolean syncWrites, long blockCacheBytes) {
    try {
      Files.createDirectories(dir);
      return new RocksKeyValueStore(dir, syncWrites, blockCacheBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot open the state store in " + dir + ": " + e.getMessage(), e);
    }
  }

  private RocksKeyValueStore(Path dir, boolean syncWrites, long blockCacheBytes) throws RocksDBException {
    this.dir = dir;
    Cache cache = new LRUCache(blockCacheBytes);
    resources.add(cache);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, track(new ColumnFamilyOptions())));
    for (Column c : Column.values()) {
      BlockBasedTableConfig table =
          new BlockBasedTableConfig()
              .setBlockCache(cache)
              .setFilterPolicy(track(new BloomFilter(10)))
              .setWholeKeyFiltering(c.seekPrefix() == 0)
              .setCacheIndexAndFilterBlocks(true)
              .setPinL0FilterAndIndexBlocksInCache(true);
      ColumnFamilyOptions o =
          track(new ColumnFamilyOptions())
              .setTableFormatConfig(table)
              .setCompressionType(CompressionType.LZ4_COMPRESSION)
              .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
              .setLevelCompactionDynamicLevelBytes(true);
      if (c.seekPrefix() > 0) o.useFixedLengthPrefixExtractor(c.seekPrefix());
      descriptors.add(new ColumnFamilyDescriptor(("col-" + c.id()).getBytes(), o));
    }
    DBOptions dbOptions =
        track(new DBOptions())
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setIncreaseParallelism(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .setMaxOpenFiles(512);
    List<ColumnFamilyHandle> hs = new ArrayList<>();
    db = RocksDB.open(dbOptions, dir.toString(), descriptors, hs);
    resources.addAll(hs);
    for (Column c : Column.values()) handles.put(c, hs.get(c.ordinal() + 1));
    writeOptions = track(new WriteOptions()).setSync(syncWrites);
  }

  private <T extends AutoCloseable> T track(T t) {
    resources.add(t);
    return t;
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    try {
      return db.get(handles.get(column), key);
    } catch (RocksDBException e) {
      throw new IllegalStateException("state store read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Entry seek(Column column, byte[] prefix, byte[] from) {
    try (ReadOptions ro = new ReadOptions().setPrefixSameAsStart(column.seekPrefix() > 0);
        RocksIterator it = db.newIterator(handles.get(column), ro)) {
      it.seek(from);
      if (!it.isValid()) {
        it.status();
        return null;
      }
      byte[] key = it.key();
      if (!InMemoryKeyValueStore.startsWith(key, prefix)) return null;
      return new Entry(key, it.value());
    } catch (RocksDBException e) {
      throw new IllegalStateException("state store read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Transaction transaction() {
    WriteBatch batch = new WriteBatch();
    return new Transaction() {
      @Override
      public void put(Column column, byte[] key, byte[] value) {
        try {
          batch.put(handles.get(column), key, value);
        } catch (RocksDBException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void delete(Column column, byte[] key) {
        try {
          batch.delete(handles.get(column), key);
        } catch (RocksDBException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void commit() {
        try {
          db.write(writeOptions, batch);
          batch.clear();
        } catch (RocksDBException e) {
          throw new IllegalStateException("state store commit failed: " + e.getMessage(), e);
        }
      }

      @Override
      public void close() {
        batch.close();
      }
    };
  }

  /** Flushes memtables and compacts, so that {@link #diskBytes} reflects the settled size. */
  public void compact() {
    try {
      for (ColumnFamilyHandle h : handles.values()) {
        db.flush(new org.rocksdb.FlushOptions().setWaitForFlush(true), h);
        db.compactRange(h);
      }
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long diskBytes() {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (ColumnFamilyHandle h : handles.values()) h.close();
    db.close();
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception ignored) {
        // closing native handles does not fail in practice; keep closing the rest
      }
    }
  }
}
