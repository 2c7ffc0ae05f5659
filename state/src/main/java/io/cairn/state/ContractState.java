package io.cairn.state;

import io.cairn.crypto.field.Felt;

/** A contract's entry in the contracts trie: its class, nonce and storage-trie root. All zero = no contract. */
public record ContractState(Felt classHash, Felt nonce, Felt storageRoot) {
  public static final ContractState EMPTY = new ContractState(Felt.ZERO, Felt.ZERO, Felt.ZERO);
}
