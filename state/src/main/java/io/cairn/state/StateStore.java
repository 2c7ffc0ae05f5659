package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.kv.Column;
import io.cairn.state.kv.InMemoryKeyValueStore;
import io.cairn.state.kv.KeyValueStore;
import io.cairn.state.kv.RocksKeyValueStore;
import io.cairn.state.trie.NodeSource;
import io.cairn.state.trie.PatriciaTrie;
import io.cairn.state.trie.TrieNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starknet's state, versioned by block, over a {@link KeyValueStore}.
 *
 * <p>Each block is committed in one transaction: its trie nodes, the new versions of the storage slots, contract
 * states and compiled class hashes it touches, its classes, roots and diff, and the new head. After a crash the
 * store therefore holds the whole block or none of it. Trie nodes are content-addressed and never deleted, so every
 * past root stays provable; flat, block-versioned columns serve reads at the head and at any past block with one
 * seek. {@link #revertTo} undoes blocks using their stored diffs.
 *
 * <p>Blocks are numbered from 0; an empty store has head −1. One writer at a time; readers may run concurrently
 * with it and see committed blocks only.
 */
public final class StateStore implements AutoCloseable {
  private static final byte[] HEAD_KEY = {'h', 'e', 'a', 'd'};
  private static final int DEFAULT_NODE_CACHE = 1 << 18;

  private final KeyValueStore kv;
  private final StateCommitment commitment;
  private final StoredNodes nodes;
  private final ExecutorService hashers;
  private volatile long head;
  private volatile HeadCache headCache;

  public StateStore(KeyValueStore kv, StateCommitment commitment) {
    this.kv = kv;
    this.commitment = commitment;
    this.nodes = new StoredNodes(kv, DEFAULT_NODE_CACHE);
    byte[] h = kv.get(Column.META, HEAD_KEY);
    this.head = h == null ? -1 : Codec.block(h, 0);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.hashers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "state-hasher");
              t.setDaemon(true);
              return t;
            });
    this.headCache = new HeadCache(head);
  }

  /** A store in memory, for tests and one-off computations. */
  public static StateStore inMemory() {
    return inMemory(StateCommitment.STARKNET);
  }

  public static StateStore inMemory(StateCommitment commitment) {
    return new StateStore(new InMemoryKeyValueStore(), commitment);
  }

  /** Opens (creating if needed) a RocksDB store in {@code dir}, with durable (fsync'd) commits. */
  public static StateStore open(Path dir) {
    return new StateStore(RocksKeyValueStore.open(dir, true, 256L << 20), StateCommitment.STARKNET);
  }

  public KeyValueStore keyValueStore() {
    return kv;
  }

  public StateCommitment commitment() {
    return commitment;
  }

  /** The trie nodes of every committed block. */
  public NodeSource nodes() {
    return nodes;
  }

  /** The last committed block, −1 when none. */
  public long head() {
    return head;
  }

  /** The roots after {@code block}; the empty state's (all 0) for block −1. */
  public Optional<BlockRoots> roots(long block) {
    if (block == -1) return Optional.of(new BlockRoots(-1, Felt.ZERO, Felt.ZERO, Felt.ZERO));
    if (block < -1 || block > head) return Optional.empty();
    byte[] b = kv.get(Column.BLOCK_ROOTS, Codec.block(block));
    if (b == null) return Optional.empty();
    return Optional.of(new BlockRoots(block, Codec.felt(b, 0), Codec.felt(b, 32), Codec.felt(b, 64)));
  }

  /** The diff committed as {@code block}. */
  public Optional<StateDiff> stateDiff(long block) {
    if (block < 0 || block > head) return Optional.empty();
    byte[] b = kv.get(Column.STATE_DIFFS, Codec.block(block));
    return b == null ? Optional.empty() : Optional.of(Codec.diff(b));
  }

  /** The state after {@code block} (−1: the empty state). Reads at the head are cached. */
  public StateReader reader(long block) {
    checkBlock(block);
    HeadCache c = headCache;
    if (block == c.block) return c;
    return new HistoricalReader(block);
  }

  /** A pending block on top of the head. */
  public StateWriter writer() {
    return new StateWriter(this, head);
  }

  /** A contract's class, nonce and storage root after {@code block}. */
  public ContractState contractState(long block, Felt contract) {
    checkBlock(block);
    byte[] a = Codec.felt(contract);
    KeyValueStore.Entry e = kv.seek(Column.CONTRACT_HISTORY, a, Codec.concat(a, Codec.inverted(block)));
    if (e == null) return ContractState.EMPTY;
    byte[] v = e.value();
    return new ContractState(Codec.felt(v, 0), Codec.felt(v, 32), Codec.felt(v, 64));
  }

  private void checkBlock(long block) {
    if (block < -1 || block > head)
      throw new IllegalArgumentException("block " + block + " is not in the state store (head is " + head + ")");
  }

  // ---------------------------------------------------------------------------------------------
  // Commit

  /** Commits {@code diff} as block {@code head + 1} and returns its roots. */
  public BlockRoots commit(StateDiff diff) {
    return commit(head + 1, diff, List.of());
  }

  /**
   * Commits {@code diff} (with the definitions of the classes it declares, when known) as block {@code block}, which
   * must be {@code head + 1}.
   */
  public synchronized BlockRoots commit(long block, StateDiff diff, List<ClassDefinition> definitions) {
    if (block != head + 1)
      throw new IllegalArgumentException("cannot commit block " + block + ": the head is " + head);
    Prepared p = prepare(block, diff);
    write(block, diff, definitions, p);
    return p.roots;
  }

  /** The roots that committing {@code diff} on the head would give, without committing it. */
  public synchronized BlockRoots rootsAfter(StateDiff diff) {
    return prepare(head + 1, diff).roots;
  }

  /** A block's commitments and everything its transaction writes besides the diff. */
  private record Prepared(BlockRoots roots, Map<Felt, ContractState> contracts, Map<Felt, TrieNode> created) {}

  private Prepared prepare(long block, StateDiff diff) {
    validate(diff);
    long parent = block - 1;
    PatriciaTrie storageTrie = commitment.storageTrie();
    BlockRoots parentRoots = roots(parent).orElseThrow();

    // 1. Storage tries, one task per contract: each reads only its own paths.
    Map<Felt, ContractState> before = new TreeMap<>();
    for (Felt c : diff.touchedContracts()) before.put(c, contractState(parent, c));
    List<Felt> withStorage = new ArrayList<>(diff.storage().keySet());
    List<PatriciaTrie.Update> storageUpdates = new ArrayList<>(withStorage.size());
    if (withStorage.size() <= 1) {
      for (Felt c : withStorage)
        storageUpdates.add(storageTrie.update(before.get(c).storageRoot(), nodes, diff.storage().get(c)));
    } else {
      List<Future<PatriciaTrie.Update>> futures = new ArrayList<>(withStorage.size());
      for (Felt c : withStorage) {
        Felt root = before.get(c).storageRoot();
        Map<Felt, Felt> writes = diff.storage().get(c);
        futures.add(hashers.submit(() -> storageTrie.update(root, nodes, writes)));
      }
      for (Future<PatriciaTrie.Update> f : futures) storageUpdates.add(join(f));
    }

    // 2. Contract states and the contracts trie.
    Map<Felt, Felt> newStorageRoots = new HashMap<>();
    for (int i = 0; i < withStorage.size(); i++) newStorageRoots.put(withStorage.get(i), storageUpdates.get(i).root());
    Map<Felt, ContractState> after = new TreeMap<>();
    Map<Felt, Felt> contractLeaves = new HashMap<>();
    for (Map.Entry<Felt, ContractState> e : before.entrySet()) {
      Felt c = e.getKey();
      ContractState old = e.getValue();
      Felt root = newStorageRoots.getOrDefault(c, old.storageRoot());
      Felt classHash = diff.classHashOf(c);
      Felt nonce = diff.nonces().get(c);
      ContractState now =
          new ContractState(classHash != null ? classHash : old.classHash(), nonce != null ? nonce : old.nonce(), root);
      after.put(c, now);
      contractLeaves.put(c, commitment.contractLeaf(now.classHash(), now.storageRoot(), now.nonce()));
    }
    PatriciaTrie.Update contracts =
        commitment.contractsTrie().update(parentRoots.contractsRoot(), nodes, contractLeaves);

    // 3. The classes trie: Sierra declarations and compiled-class-hash migrations only.
    Map<Felt, Felt> classLeaves = new HashMap<>();
    for (Map.Entry<Felt, Felt> e : diff.declaredClasses().entrySet())
      classLeaves.put(e.getKey(), commitment.classLeaf(e.getValue()));
    for (Map.Entry<Felt, Felt> e : diff.migratedCompiledClasses().entrySet())
      classLeaves.put(e.getKey(), commitment.classLeaf(e.getValue()));
    PatriciaTrie.Update classes = commitment.classesTrie().update(parentRoots.classesRoot(), nodes, classLeaves);

    Felt global = commitment.globalRoot(contracts.root(), classes.root());
    BlockRoots roots = new BlockRoots(block, global, contracts.root(), classes.root());
    Map<Felt, TrieNode> created = new HashMap<>();
    for (PatriciaTrie.Update u : storageUpdates) created.putAll(u.newNodes());
    created.putAll(contracts.newNodes());
    created.putAll(classes.newNodes());
    return new Prepared(roots, after, created);
  }

  /** Writes a prepared block in one transaction and makes it the head. */
  private void write(long block, StateDiff diff, List<ClassDefinition> definitions, Prepared p) {
    byte[] inv = Codec.inverted(block);
    BlockRoots roots = p.roots;
    Map<Felt, TrieNode> created = p.created;
    Map<Felt, ContractState> after = p.contracts;
    try (KeyValueStore.Transaction tx = kv.transaction()) {
      for (Map.Entry<Felt, TrieNode> e : created.entrySet())
        tx.put(Column.TRIE_NODES, Codec.felt(e.getKey()), Codec.node(e.getValue()));
      for (Map.Entry<Felt, Map<Felt, Felt>> c : diff.storage().entrySet()) {
        byte[] a = Codec.felt(c.getKey());
        for (Map.Entry<Felt, Felt> w : c.getValue().entrySet())
          tx.put(Column.STORAGE_HISTORY, Codec.concat(a, Codec.felt(w.getKey()), inv), Codec.trimmed(w.getValue()));
      }
      for (Map.Entry<Felt, ContractState> e : after.entrySet()) {
        ContractState s = e.getValue();
        tx.put(
            Column.CONTRACT_HISTORY,
            Codec.concat(Codec.felt(e.getKey()), inv),
            Codec.concat(Codec.felt(s.classHash()), Codec.felt(s.nonce()), Codec.felt(s.storageRoot())));
      }
      Map<Felt, Felt> compiled = new TreeMap<>(diff.declaredClasses());
      compiled.putAll(diff.migratedCompiledClasses());
      for (Map.Entry<Felt, Felt> e : compiled.entrySet())
        tx.put(Column.COMPILED_CLASS_HISTORY, Codec.concat(Codec.felt(e.getKey()), inv), Codec.felt(e.getValue()));
      List<Felt> declared = new ArrayList<>(diff.declaredClasses().keySet());
      declared.addAll(diff.deprecatedDeclaredClasses());
      for (Felt c : declared)
        if (kv.get(Column.CLASS_DECLARED_AT, Codec.felt(c)) == null)
          tx.put(Column.CLASS_DECLARED_AT, Codec.felt(c), Codec.block(block));
      for (ClassDefinition d : definitions) {
        byte[] k = Codec.felt(d.classHash());
        tx.put(Column.CLASS_DEFINITIONS, k, Codec.concat(new byte[] {(byte) d.kind().ordinal()}, d.definition()));
        if (d.casm() != null) tx.put(Column.CASM_DEFINITIONS, k, d.casm());
      }
      tx.put(
          Column.BLOCK_ROOTS,
          Codec.block(block),
          Codec.concat(Codec.felt(roots.globalRoot()), Codec.felt(roots.contractsRoot()), Codec.felt(roots.classesRoot())));
      tx.put(Column.STATE_DIFFS, Codec.block(block), Codec.diff(diff));
      tx.put(Column.META, HEAD_KEY, Codec.block(block));
      tx.commit();
    }
    nodes.remember(created);
    head = block;
    headCache = new HeadCache(block);
  }

  private static PatriciaTrie.Update join(Future<PatriciaTrie.Update> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing storage tries", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    }
  }

  private void validate(StateDiff diff) {
    int h = commitment.storageTrie().height();
    for (Map.Entry<Felt, Map<Felt, Felt>> c : diff.storage().entrySet()) {
      checkKey(c.getKey(), h, "contract address");
      for (Felt k : c.getValue().keySet()) checkKey(k, h, "storage key (contract " + c.getKey().toHex() + ")");
    }
    for (Felt c : diff.touchedContracts()) checkKey(c, h, "contract address");
    for (Felt c : diff.declaredClasses().keySet()) checkKey(c, commitment.classesTrie().height(), "class hash");
    for (Felt c : diff.migratedCompiledClasses().keySet()) checkKey(c, commitment.classesTrie().height(), "class hash");
  }

  private static void checkKey(Felt k, int height, String what) {
    if (k.toBigInteger().bitLength() > height)
      throw new IllegalArgumentException(what + " " + k.toHex() + " is not below 2^" + height);
  }

  // ---------------------------------------------------------------------------------------------
  // Proofs

  /**
   * Proofs as of {@code block} of the given classes (in the classes trie), contracts (in the contracts trie, with
   * their leaf data) and storage keys (per contract, in the order given), as {@code starknet_getStorageProof} wants.
   */
  public StorageProof storageProof(
      long block, List<Felt> classHashes, List<Felt> contracts, Map<Felt, List<Felt>> storageKeys) {
    checkBlock(block);
    BlockRoots roots = roots(block).orElseThrow();
    Map<Felt, TrieNode> classesProof = new LinkedHashMap<>();
    for (Felt c : classHashes)
      for (Map.Entry<Felt, TrieNode> e : commitment.classesTrie().proof(roots.classesRoot(), nodes, c))
        classesProof.put(e.getKey(), e.getValue());
    Map<Felt, TrieNode> contractsProof = new LinkedHashMap<>();
    List<ContractState> leaves = new ArrayList<>();
    for (Felt c : contracts) {
      for (Map.Entry<Felt, TrieNode> e : commitment.contractsTrie().proof(roots.contractsRoot(), nodes, c))
        contractsProof.put(e.getKey(), e.getValue());
      leaves.add(contractState(block, c));
    }
    List<Map<Felt, TrieNode>> storageProofs = new ArrayList<>();
    for (Map.Entry<Felt, List<Felt>> e : storageKeys.entrySet()) {
      Felt root = contractState(block, e.getKey()).storageRoot();
      Map<Felt, TrieNode> m = new LinkedHashMap<>();
      for (Felt k : e.getValue())
        for (Map.Entry<Felt, TrieNode> n : commitment.storageTrie().proof(root, nodes, k)) m.put(n.getKey(), n.getValue());
      storageProofs.add(m);
    }
    return new StorageProof(
        block, roots.contractsRoot(), roots.classesRoot(), classesProof, contractsProof, leaves, storageProofs);
  }

  // ---------------------------------------------------------------------------------------------
  // Revert

  /** Undoes every block after {@code block} (−1 empties the store), atomically. */
  public synchronized void revertTo(long block) {
    if (block < -1 || block > head)
      throw new IllegalArgumentException("cannot revert to block " + block + ": the head is " + head);
    try (KeyValueStore.Transaction tx = kv.transaction()) {
      for (long b = head; b > block; b--) {
        StateDiff d = stateDiff(b).orElseThrow(() -> new IllegalStateException("state diff missing"));
        byte[] inv = Codec.inverted(b);
        for (Map.Entry<Felt, Map<Felt, Felt>> c : d.storage().entrySet()) {
          byte[] a = Codec.felt(c.getKey());
          for (Felt k : c.getValue().keySet()) tx.delete(Column.STORAGE_HISTORY, Codec.concat(a, Codec.felt(k), inv));
        }
        for (Felt c : d.touchedContracts()) tx.delete(Column.CONTRACT_HISTORY, Codec.concat(Codec.felt(c), inv));
        List<Felt> compiled = new ArrayList<>(d.declaredClasses().keySet());
        compiled.addAll(d.migratedCompiledClasses().keySet());
        for (Felt c : compiled) tx.delete(Column.COMPILED_CLASS_HISTORY, Codec.concat(Codec.felt(c), inv));
        List<Felt> declared = new ArrayList<>(d.declaredClasses().keySet());
        declared.addAll(d.deprecatedDeclaredClasses());
        for (Felt c : declared) {
          byte[] at = kv.get(Column.CLASS_DECLARED_AT, Codec.felt(c));
          if (at != null && Codec.block(at, 0) == b) {
            tx.delete(Column.CLASS_DECLARED_AT, Codec.felt(c));
            tx.delete(Column.CLASS_DEFINITIONS, Codec.felt(c));
            tx.delete(Column.CASM_DEFINITIONS, Codec.felt(c));
          }
        }
        tx.delete(Column.BLOCK_ROOTS, Codec.block(b));
        tx.delete(Column.STATE_DIFFS, Codec.block(b));
      }
      if (block >= 0) tx.put(Column.META, HEAD_KEY, Codec.block(block));
      else tx.delete(Column.META, HEAD_KEY);
      tx.commit();
    }
    head = block;
    headCache = new HeadCache(block);
  }

  @Override
  public void close() {
    hashers.shutdownNow();
    kv.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  /** Reads as of one committed block: one seek per value in the block-versioned columns. */
  class HistoricalReader implements StateReader {
    final long block;

    HistoricalReader(long block) {
      this.block = block;
    }

    @Override
    public Felt storageAt(Felt contract, Felt key) {
      if (block < 0) return Felt.ZERO;
      byte[] prefix = Codec.concat(Codec.felt(contract), Codec.felt(key));
      KeyValueStore.Entry e = kv.seek(Column.STORAGE_HISTORY, prefix, Codec.concat(prefix, Codec.inverted(block)));
      return e == null ? Felt.ZERO : Codec.untrimmed(e.value());
    }

    @Override
    public Felt nonceAt(Felt contract) {
      return block < 0 ? Felt.ZERO : contractState(block, contract).nonce();
    }

    @Override
    public Felt classHashAt(Felt contract) {
      return block < 0 ? Felt.ZERO : contractState(block, contract).classHash();
    }

    @Override
    public Felt compiledClassHash(Felt classHash) {
      if (block < 0) return Felt.ZERO;
      byte[] c = Codec.felt(classHash);
      KeyValueStore.Entry e = kv.seek(Column.COMPILED_CLASS_HISTORY, c, Codec.concat(c, Codec.inverted(block)));
      return e == null ? Felt.ZERO : Codec.felt(e.value(), 0);
    }

    @Override
    public Optional<ClassDefinition> classDefinition(Felt classHash) {
      byte[] k = Codec.felt(classHash);
      byte[] at = kv.get(Column.CLASS_DECLARED_AT, k);
      if (at == null || Codec.block(at, 0) > block) return Optional.empty();
      byte[] def = kv.get(Column.CLASS_DEFINITIONS, k);
      if (def == null) return Optional.empty();
      byte[] body = new byte[def.length - 1];
      System.arraycopy(def, 1, body, 0, body.length);
      return Optional.of(
          new ClassDefinition(
              classHash, ClassDefinition.Kind.values()[def[0]], body, kv.get(Column.CASM_DEFINITIONS, k)));
    }
  }

  /** The head's reader, remembering storage values and contract states it has read until the next commit. */
  private final class HeadCache extends HistoricalReader {
    private static final int LIMIT = 1 << 20;
    private final Map<Felt, Map<Felt, Felt>> storage = new HashMap<>();
    private final Map<Felt, ContractState> contracts = new HashMap<>();

    HeadCache(long block) {
      super(block);
    }

    @Override
    public Felt storageAt(Felt contract, Felt key) {
      synchronized (this) {
        Map<Felt, Felt> m = storage.get(contract);
        Felt v = m == null ? null : m.get(key);
        if (v != null) return v;
      }
      Felt v = super.storageAt(contract, key);
      synchronized (this) {
        if (storage.size() > LIMIT) storage.clear();
        storage.computeIfAbsent(contract, c -> new HashMap<>()).put(key, v);
      }
      return v;
    }

    private ContractState state(Felt contract) {
      if (block < 0) return ContractState.EMPTY;
      synchronized (this) {
        ContractState s = contracts.get(contract);
        if (s != null) return s;
      }
      ContractState s = contractState(block, contract);
      synchronized (this) {
        if (contracts.size() > LIMIT) contracts.clear();
        contracts.put(contract, s);
      }
      return s;
    }

    @Override
    public Felt nonceAt(Felt contract) {
      return state(contract).nonce();
    }

    @Override
    public Felt classHashAt(Felt contract) {
      return state(contract).classHash();
    }
  }
}
