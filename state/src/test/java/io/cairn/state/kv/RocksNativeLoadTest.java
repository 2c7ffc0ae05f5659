package io.cairn.state.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RocksNativeLoadTest {
  @Test
  void nativeLibraryLoads(@TempDir Path dir) throws Exception {
    RocksDB.loadLibrary();
    try (Options o = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(o, dir.toString())) {
      db.put(new byte[] {1}, new byte[] {2});
      assertArrayEquals(new byte[] {2}, db.get(new byte[] {1}));
    }
  }
}
