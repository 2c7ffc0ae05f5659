package io.cairn.l1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows CairnCore's events block by block, delivering an event once {@code confirmations} blocks sit on top of
 * its block, and reporting as {@link Change.Reverted} any delivered event whose block a reorganisation removed.
 *
 * <p>Reorgs are detected through the hash chain: the follower remembers the hashes of the blocks it scanned (the
 * last {@code reorgWindow} of them); if the newest one is no longer canonical it walks back until a remembered hash
 * matches, reverts what it delivered above that point, and rescans. A newly scanned range must link to the last
 * remembered hash by parent hash, and every log must carry its block's canonical hash, else the poll stops and the
 * next one retries. Call {@link #poll()} from one thread.
 */
public final class L1EventFollower {
  /** What changed since the last poll, in the order to apply it. */
  public sealed interface Change {
    L1Event event();

    /** The event is now {@code confirmations} deep. */
    record Confirmed(L1Event event) implements Change {}

    /** A reorg removed the block of an event delivered earlier: undo it. */
    record Reverted(L1Event event) implements Change {}
  }

  private static final int MAX_BLOCKS_PER_POLL = 2000;

  private final Web3j web3j;
  private final String address;
  private final int confirmations;
  private final int reorgWindow;
  private long scanned;
  private final TreeMap<Long, String> hashes = new TreeMap<>();
  private final TreeMap<Long, List<L1Event>> delivered = new TreeMap<>();

  /**
   * @param fromBlock the first block to scan
   * @param confirmations blocks that must follow an event's block before it is delivered (0 = at the head)
   * @param reorgWindow how many scanned blocks to remember; a deeper reorg is an error
   */
  public L1EventFollower(Web3j web3j, String coreAddress, long fromBlock, int confirmations, int reorgWindow) {
    if (confirmations < 0) throw new IllegalArgumentException("confirmations must be >= 0, got " + confirmations);
    if (reorgWindow < 1) throw new IllegalArgumentException("reorg window must be >= 1, got " + reorgWindow);
    this.web3j = web3j;
    this.address = coreAddress;
    this.confirmations = confirmations;
    this.reorgWindow = reorgWindow;
    this.scanned = fromBlock - 1;
  }

  /** The highest block whose events have been delivered. */
  public long scannedBlock() {
    return scanned;
  }

  public List<Change> poll() {
    try {
      List<Change> changes = new ArrayList<>();
      long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
      rewind(head, changes);
      long to = Math.min(head - confirmations, scanned + MAX_BLOCKS_PER_POLL);
      if (to > scanned) scan(scanned + 1, to, changes);
      return changes;
    } catch (IOException e) {
      throw new UncheckedIOException("polling " + address + " failed", e);
    }
  }

  private void rewind(long head, List<Change> changes) throws IOException {
    boolean rewound = false;
    while (!hashes.isEmpty()) {
      long n = hashes.lastKey();
      if (n <= head && hashes.get(n).equals(block(n).getHash())) return;
      List<L1Event> gone = delivered.remove(n);
      if (gone != null) for (int i = gone.size() - 1; i >= 0; i--) changes.add(new Change.Reverted(gone.get(i)));
      hashes.remove(n);
      scanned = n - 1;
      rewound = true;
    }
    if (rewound) {
      throw new IllegalStateException("L1 reorg deeper than the follower's window of " + reorgWindow + " blocks (back past block " + (scanned + 1) + ")");
    }
  }

  private void scan(long from, long to, List<Change> changes) throws IOException {
    Map<Long, String> newHashes = new HashMap<>();
    String parent = hashes.get(from - 1);
    for (long n = from; n <= to; n++) {
      EthBlock.Block b = block(n);
      if (parent != null && !parent.equals(b.getParentHash())) return; // the chain moved under us: retry next poll
      newHashes.put(n, b.getHash());
      parent = b.getHash();
    }
    EthFilter filter = new EthFilter(new DefaultBlockParameterNumber(from), new DefaultBlockParameterNumber(to), address);
    EthLog result = web3j.ethGetLogs(filter).send();
    if (result.hasError()) throw new IllegalStateException("eth_getLogs failed: " + result.getError().getMessage());
    TreeMap<Long, List<L1Event>> found = new TreeMap<>();
    for (EthLog.LogResult<?> r : result.getLogs()) {
      Log log = (Log) r.get();
      long n = log.getBlockNumber().longValueExact();
      if (log.isRemoved() || !log.getBlockHash().equals(newHashes.get(n))) return; // reorg between calls: retry
      L1Event e = L1Event.decode(log);
      if (e != null) found.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
    }
    for (long n = from; n <= to; n++) {
      hashes.put(n, newHashes.get(n));
      List<L1Event> events = found.get(n);
      if (events != null) {
        delivered.put(n, events);
        for (L1Event e : events) changes.add(new Change.Confirmed(e));
      }
    }
    scanned = to;
    while (hashes.size() > reorgWindow) {
      long oldest = hashes.firstKey();
      hashes.remove(oldest);
      delivered.remove(oldest);
    }
  }

  private EthBlock.Block block(long n) throws IOException {
    EthBlock.Block b = web3j.ethGetBlockByNumber(new DefaultBlockParameterNumber(BigInteger.valueOf(n)), false).send().getBlock();
    if (b == null) throw new IllegalStateException("L1 block " + n + " not found");
    return b;
  }
}
