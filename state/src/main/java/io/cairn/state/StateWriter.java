package io.cairn.state;

import io.cairn.crypto.field.Felt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pending block on top of a committed one: writes are buffered, reads see them first and then the base block
 * (each base value read once). {@link #diff} leaves out writes that restore the base value, as Starknet's state diffs
 * do. Not thread-safe: one per block being built.
 */
public final class StateWriter implements StateReader {
  private final StateStore store;
  private final long baseBlock;
  private final StateReader base;
  private final Map<Felt, Map<Felt, Felt>> storage = new LinkedHashMap<>();
  private final Map<Felt, Felt> nonces = new LinkedHashMap<>();
  private final Map<Felt, Felt> classHashes = new LinkedHashMap<>();
  private final Map<Felt, Felt> compiled = new LinkedHashMap<>();
  private final Map<Felt, Felt> migrated = new LinkedHashMap<>();
  private final List<Felt> deprecated = new ArrayList<>();
  private final Map<Felt, ClassDefinition> definitions = new LinkedHashMap<>();
  private final Map<Felt, Map<Felt, Felt>> baseStorage = new HashMap<>();

  StateWriter(StateStore store, long baseBlock) {
    this.store = store;
    this.baseBlock = baseBlock;
    this.base = store.reader(baseBlock);
  }

  /** The block this one builds on. */
  public long baseBlock() {
    return baseBlock;
  }

  @Override
  public Felt storageAt(Felt contract, Felt key) {
    Map<Felt, Felt> m = storage.get(contract);
    Felt v = m == null ? null : m.get(key);
    return v != null ? v : baseStorageAt(contract, key);
  }

  private Felt baseStorageAt(Felt contract, Felt key) {
    return baseStorage.computeIfAbsent(contract, c -> new HashMap<>()).computeIfAbsent(key, k -> base.storageAt(contract, k));
  }

  @Override
  public Felt nonceAt(Felt contract) {
    Felt n = nonces.get(contract);
    return n != null ? n : base.nonceAt(contract);
  }

  @Override
  public Felt classHashAt(Felt contract) {
    Felt c = classHashes.get(contract);
    return c != null ? c : base.classHashAt(contract);
  }

  @Override
  public Felt compiledClassHash(Felt classHash) {
    Felt c = migrated.get(classHash);
    if (c == null) c = compiled.get(classHash);
    return c != null ? c : base.compiledClassHash(classHash);
  }

  @Override
  public Optional<ClassDefinition> classDefinition(Felt classHash) {
    ClassDefinition d = definitions.get(classHash);
    return d != null ? Optional.of(d) : base.classDefinition(classHash);
  }

  public StateWriter setStorage(Felt contract, Felt key, Felt value) {
    storage.computeIfAbsent(contract, c -> new LinkedHashMap<>()).put(key, value);
    return this;
  }

  public StateWriter setNonce(Felt contract, Felt nonce) {
    nonces.put(contract, nonce);
    return this;
  }

  /** Deploys a contract or replaces its class (the diff tells the two apart by the base class hash). */
  public StateWriter setClassHash(Felt contract, Felt classHash) {
    classHashes.put(contract, classHash);
    return this;
  }

  /** Declares a Sierra class with its compiled class hash; the definition may be null when not kept. */
  public StateWriter declareClass(Felt classHash, Felt compiledClassHash, ClassDefinition definition) {
    compiled.put(classHash, compiledClassHash);
    if (definition != null) definitions.put(classHash, definition);
    return this;
  }

  /** Declares a Cairo 0 class (it does not enter the classes trie). */
  public StateWriter declareDeprecatedClass(Felt classHash, ClassDefinition definition) {
    deprecated.add(classHash);
    if (definition != null) definitions.put(classHash, definition);
    return this;
  }

  /** Gives a declared class a new (Blake) compiled class hash. */
  public StateWriter migrateCompiledClass(Felt classHash, Felt compiledClassHash) {
    migrated.put(classHash, compiledClassHash);
    return this;
  }

  /** The block's diff, without writes that leave a value as the base block had it. */
  public StateDiff diff() {
    StateDiff.Builder b = StateDiff.builder();
    for (Map.Entry<Felt, Map<Felt, Felt>> c : storage.entrySet())
      for (Map.Entry<Felt, Felt> w : c.getValue().entrySet())
        if (!w.getValue().equals(baseStorageAt(c.getKey(), w.getKey())))
          b.storage(c.getKey(), w.getKey(), w.getValue());
    for (Map.Entry<Felt, Felt> e : nonces.entrySet())
      if (!e.getValue().equals(base.nonceAt(e.getKey()))) b.nonce(e.getKey(), e.getValue());
    for (Map.Entry<Felt, Felt> e : classHashes.entrySet()) {
      Felt old = base.classHashAt(e.getKey());
      if (old.isZero()) b.deploy(e.getKey(), e.getValue());
      else if (!old.equals(e.getValue())) b.replaceClass(e.getKey(), e.getValue());
    }
    compiled.forEach(b::declare);
    deprecated.forEach(b::declareDeprecated);
    migrated.forEach(b::migrate);
    return b.build();
  }

  /** Commits this block as {@code baseBlock + 1}; the store's head must not have moved. */
  public BlockRoots commit() {
    return store.commit(baseBlock + 1, diff(), List.copyOf(definitions.values()));
  }
}
