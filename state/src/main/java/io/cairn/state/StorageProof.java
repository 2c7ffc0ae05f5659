package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.trie.InvalidProofException;
import io.cairn.state.trie.TrieNode;
import java.util.List;
import java.util.Map;

/**
 * Merkle proofs in the shape of {@code starknet_getStorageProof}'s result: the union of the nodes on the paths to the
 * requested classes, contracts and storage keys (each mapping root-first, hash → node), the contracts' leaf data in
 * request order, and the two trie roots. The {@code verify…} methods check a part against the roots and return the
 * proven value; they throw {@link InvalidProofException} when it does not check out.
 *
 * @param contractsStorageProofs one mapping per requested contract, in request order
 */
public record StorageProof(
    long block,
    Felt contractsTreeRoot,
    Felt classesTreeRoot,
    Map<Felt, TrieNode> classesProof,
    Map<Felt, TrieNode> contractsProof,
    List<ContractState> contractLeavesData,
    List<Map<Felt, TrieNode>> contractsStorageProofs) {

  /** The global root these trie roots commit to. */
  public Felt globalRoot(StateCommitment sc) {
    return sc.globalRoot(contractsTreeRoot, classesTreeRoot);
  }

  /** The classes-trie leaf of {@code classHash} (0 when not declared). */
  public Felt verifyClass(StateCommitment sc, Felt classHash) {
    return sc.classesTrie().verify(classesTreeRoot, classHash, classesProof);
  }

  /**
   * Checks that the {@code i}-th contract's leaf data is what the contracts trie holds for {@code address}, and
   * returns it.
   */
  public ContractState verifyContract(StateCommitment sc, int i, Felt address) {
    ContractState s = contractLeavesData.get(i);
    Felt proven = sc.contractsTrie().verify(contractsTreeRoot, address, contractsProof);
    Felt claimed = sc.contractLeaf(s.classHash(), s.storageRoot(), s.nonce());
    if (!proven.equals(claimed))
      throw new InvalidProofException("contract " + address.toHex() + "'s leaf data does not match the trie");
    return s;
  }

  /** The value of {@code key} in the {@code i}-th requested contract's storage, whose root is {@code storageRoot}. */
  public Felt verifyStorage(StateCommitment sc, int i, Felt storageRoot, Felt key) {
    return sc.storageTrie().verify(storageRoot, key, contractsStorageProofs.get(i));
  }
}
