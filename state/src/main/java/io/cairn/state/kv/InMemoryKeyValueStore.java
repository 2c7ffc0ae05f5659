package io.cairn.state.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The in-memory twin of {@link RocksKeyValueStore}, for tests and throw-away computations. */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final Map<Column, NavigableMap<byte[], byte[]>> columns = new EnumMap<>(Column.class);
  private final Object commitLock = new Object();

  public InMemoryKeyValueStore() {
    for (Column c : Column.values()) columns.put(c, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    return columns.get(column).get(key);
  }

  @Override
  public Entry seek(Column column, byte[] prefix, byte[] from) {
    Map.Entry<byte[], byte[]> e = columns.get(column).ceilingEntry(from);
    if (e == null || !startsWith(e.getKey(), prefix)) return null;
    return new Entry(e.getKey(), e.getValue());
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public Transaction transaction() {
    return new Transaction() {
      private final List<Object[]> ops = new ArrayList<>();

      @Override
      public void put(Column column, byte[] key, byte[] value) {
        ops.add(new Object[] {column, key.clone(), value.clone()});
      }

      @Override
      public void delete(Column column, byte[] key) {
        ops.add(new Object[] {column, key.clone(), null});
      }

      @Override
      public void commit() {
        synchronized (commitLock) {
          for (Object[] op : ops) {
            NavigableMap<byte[], byte[]> m = columns.get((Column) op[0]);
            if (op[2] == null) m.remove((byte[]) op[1]);
            else m.put((byte[]) op[1], (byte[]) op[2]);
          }
        }
        ops.clear();
      }

      @Override
      public void close() {
        ops.clear();
      }
    };
  }

  @Override
  public long diskBytes() {
    return 0;
  }

  @Override
  public void close() {}
}
