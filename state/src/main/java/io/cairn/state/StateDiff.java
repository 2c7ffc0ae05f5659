package io.cairn.state;

import io.cairn.crypto.field.Felt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A block's change to the state, in the RPC's STATE_DIFF terms. Maps are sorted by key. A storage value of 0 deletes
 * the entry. Only {@code declaredClasses} and {@code migratedCompiledClasses} enter the classes trie; Cairo 0
 * ({@code deprecatedDeclaredClasses}) never do.
 *
 * @param storage contract address → storage key → new value
 * @param nonces contract address → nonce at the end of the block
 * @param deployedContracts contract address → class hash
 * @param replacedClasses contract address → new class hash
 * @param declaredClasses class hash → compiled class hash
 * @param deprecatedDeclaredClasses Cairo 0 class hashes
 * @param migratedCompiledClasses class hash → new (Blake) compiled class hash
 */
public record StateDiff(
    Map<Felt, Map<Felt, Felt>> storage,
    Map<Felt, Felt> nonces,
    Map<Felt, Felt> deployedContracts,
    Map<Felt, Felt> replacedClasses,
    Map<Felt, Felt> declaredClasses,
    List<Felt> deprecatedDeclaredClasses,
    Map<Felt, Felt> migratedCompiledClasses) {

  public StateDiff {
    TreeMap<Felt, Map<Felt, Felt>> s = new TreeMap<>();
    storage.forEach((a, m) -> s.put(a, Collections.unmodifiableMap(new TreeMap<>(m))));
    storage = Collections.unmodifiableMap(s);
    nonces = sorted(nonces);
    deployedContracts = sorted(deployedContracts);
    replacedClasses = sorted(replacedClasses);
    declaredClasses = sorted(declaredClasses);
    deprecatedDeclaredClasses = List.copyOf(new TreeSet<>(deprecatedDeclaredClasses));
    migratedCompiledClasses = sorted(migratedCompiledClasses);
  }

  private static Map<Felt, Felt> sorted(Map<Felt, Felt> m) {
    return Collections.unmodifiableMap(new TreeMap<>(m));
  }

  public static StateDiff empty() {
    return new Builder().build();
  }

  /** Every contract whose state (class, nonce or storage) the diff touches, ascending. */
  public TreeSet<Felt> touchedContracts() {
    TreeSet<Felt> t = new TreeSet<>(storage.keySet());
    t.addAll(nonces.keySet());
    t.addAll(deployedContracts.keySet());
    t.addAll(replacedClasses.keySet());
    return t;
  }

  /** The class hash the diff gives a contract, or null when it leaves it alone. */
  public Felt classHashOf(Felt contract) {
    Felt r = replacedClasses.get(contract);
    return r != null ? r : deployedContracts.get(contract);
  }

  /** Entries in the sense of the block hash's state_diff_length: storage writes, nonces, classes. */
  public int size() {
    int n = 0;
    for (Map<Felt, Felt> m : storage.values()) n += m.size();
    return n + nonces.size() + deployedContracts.size() + replacedClasses.size() + declaredClasses.size()
        + deprecatedDeclaredClasses.size() + migratedCompiledClasses.size();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects a diff; a later write to the same slot replaces an earlier one. */
  public static final class Builder {
    private final Map<Felt, Map<Felt, Felt>> storage = new TreeMap<>();
    private final Map<Felt, Felt> nonces = new TreeMap<>();
    private final Map<Felt, Felt> deployed = new TreeMap<>();
    private final Map<Felt, Felt> replaced = new TreeMap<>();
    private final Map<Felt, Felt> declared = new TreeMap<>();
    private final List<Felt> deprecated = new ArrayList<>();
    private final Map<Felt, Felt> migrated = new TreeMap<>();

    public Builder storage(Felt contract, Felt key, Felt value) {
      storage.computeIfAbsent(contract, c -> new TreeMap<>()).put(key, value);
      return this;
    }

    public Builder nonce(Felt contract, Felt nonce) {
      nonces.put(contract, nonce);
      return this;
    }

    public Builder deploy(Felt contract, Felt classHash) {
      deployed.put(contract, classHash);
      return this;
    }

    public Builder replaceClass(Felt contract, Felt classHash) {
      replaced.put(contract, classHash);
      return this;
    }

    public Builder declare(Felt classHash, Felt compiledClassHash) {
      declared.put(classHash, compiledClassHash);
      return this;
    }

    public Builder declareDeprecated(Felt classHash) {
      deprecated.add(classHash);
      return this;
    }

    public Builder migrate(Felt classHash, Felt compiledClassHash) {
      migrated.put(classHash, compiledClassHash);
      return this;
    }

    public StateDiff build() {
      return new StateDiff(storage, nonces, deployed, replaced, declared, deprecated, migrated);
    }
  }
}
