package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.state.trie.NodeHash;
import io.cairn.state.trie.PatriciaTrie;

/**
 * Starknet's state commitment rules (STARKNET.md §7; cairo-lang {@code core/os/state/commitment.cairo}): which hash
 * each trie uses, the leaves of the contracts and classes tries, and the global root. The hashes are parameters so
 * that structure tests can run with stand-ins; {@link #STARKNET} is the real thing.
 */
public final class StateCommitment {
  /** {@code 'STARKNET_STATE_V0'}, the global root's domain tag. */
  public static final Felt GLOBAL_STATE_VERSION = Felt.fromShortString("STARKNET_STATE_V0");
  /** {@code 'CONTRACT_CLASS_LEAF_V0'}, the classes-trie leaf's domain tag. */
  public static final Felt CLASS_LEAF_VERSION = Felt.fromShortString("CONTRACT_CLASS_LEAF_V0");

  /** A three-input Poseidon (hash_many) for the global root. */
  @FunctionalInterface
  public interface HashMany3 {
    Felt hash(Felt a, Felt b, Felt c);
  }

  public static final StateCommitment STARKNET =
      new StateCommitment(Pedersen::hash, Poseidon::hash, (a, b, c) -> Poseidon.hashMany(a, b, c), PatriciaTrie.STARKNET_HEIGHT);

  private final NodeHash pedersen;
  private final NodeHash poseidon;
  private final HashMany3 poseidonMany;
  private final PatriciaTrie storageTrie;
  private final PatriciaTrie classesTrie;

  public StateCommitment(NodeHash pedersen, NodeHash poseidon, HashMany3 poseidonMany, int height) {
    this.pedersen = pedersen;
    this.poseidon = poseidon;
    this.poseidonMany = poseidonMany;
    this.storageTrie = new PatriciaTrie(height, pedersen);
    this.classesTrie = new PatriciaTrie(height, poseidon);
  }

  /** The trie of each contract's storage and the contracts trie: Pedersen. */
  public PatriciaTrie storageTrie() {
    return storageTrie;
  }

  /** The contracts trie has the same shape and hash as a storage trie. */
  public PatriciaTrie contractsTrie() {
    return storageTrie;
  }

  /** The classes trie: Poseidon. */
  public PatriciaTrie classesTrie() {
    return classesTrie;
  }

  /** H(H(H(class_hash, storage_root), nonce), 0), and 0 (no leaf) for a contract that is all zeros. */
  public Felt contractLeaf(Felt classHash, Felt storageRoot, Felt nonce) {
    if (classHash.isZero() && storageRoot.isZero() && nonce.isZero()) return Felt.ZERO;
    return pedersen.hash(pedersen.hash(pedersen.hash(classHash, storageRoot), nonce), Felt.ZERO);
  }

  /** Poseidon('CONTRACT_CLASS_LEAF_V0', compiled_class_hash). */
  public Felt classLeaf(Felt compiledClassHash) {
    return poseidon.hash(CLASS_LEAF_VERSION, compiledClassHash);
  }

  /** Starknet ≥ 0.14: Poseidon('STARKNET_STATE_V0', contracts_root, classes_root), or 0 when both tries are empty. */
  public Felt globalRoot(Felt contractsRoot, Felt classesRoot) {
    if (contractsRoot.isZero() && classesRoot.isZero()) return Felt.ZERO;
    return poseidonMany.hash(GLOBAL_STATE_VERSION, contractsRoot, classesRoot);
  }

  /** Starknet before 0.14: as {@link #globalRoot} except that an empty classes trie gives the contracts root alone. */
  public Felt globalRootBefore0_14(Felt contractsRoot, Felt classesRoot) {
    if (classesRoot.isZero()) return contractsRoot;
    return globalRoot(contractsRoot, classesRoot);
  }
}
