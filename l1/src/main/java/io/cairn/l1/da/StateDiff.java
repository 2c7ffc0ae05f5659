package io.cairn.l1.da;

import io.cairn.crypto.field.Felt;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one state update changed: per contract its new nonce, new class hash and storage writes, and the classes
 * declared (class hash → compiled class hash). Keys are kept sorted, as the OS emits them.
 */
public record StateDiff(SortedMap<Felt, ContractDiff> contracts, SortedMap<Felt, Felt> declaredClasses) {
  public StateDiff {
    contracts = Collections.unmodifiableSortedMap(new TreeMap<>(contracts));
    declaredClasses = Collections.unmodifiableSortedMap(new TreeMap<>(declaredClasses));
  }

  public static final StateDiff EMPTY = new StateDiff(new TreeMap<>(), new TreeMap<>());

  /**
   * @param newNonce the nonce after the update, or null when it did not change
   * @param newClassHash the class hash after a deploy or replace_class, or null when it did not change
   * @param storage storage key → new value
   */
  public record ContractDiff(Felt newNonce, Felt newClassHash, SortedMap<Felt, Felt> storage) {
    public ContractDiff {
      storage = Collections.unmodifiableSortedMap(new TreeMap<>(storage));
    }
  }
}
