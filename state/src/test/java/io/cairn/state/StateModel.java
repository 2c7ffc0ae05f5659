package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.trie.NaiveTrie;
import io.cairn.state.trie.PatriciaTrie;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A plain-map model of the state and an independent full recomputation of its roots (via {@link NaiveTrie}), to
 * check {@link StateStore}'s incremental commits against.
 */
final class StateModel {
  final Map<Felt, Map<Felt, Felt>> storage = new HashMap<>();
  final Map<Felt, Felt> nonces = new HashMap<>();
  final Map<Felt, Felt> classHashes = new HashMap<>();
  final Map<Felt, Felt> compiled = new HashMap<>(); // class hash → compiled class hash (classes trie)

  StateModel copy() {
    StateModel m = new StateModel();
    storage.forEach((c, s) -> m.storage.put(c, new HashMap<>(s)));
    m.nonces.putAll(nonces);
    m.classHashes.putAll(classHashes);
    m.compiled.putAll(compiled);
    return m;
  }

  void apply(StateDiff d) {
    d.storage().forEach((c, w) -> storage.computeIfAbsent(c, x -> new HashMap<>()).putAll(w));
    nonces.putAll(d.nonces());
    classHashes.putAll(d.deployedContracts());
    classHashes.putAll(d.replacedClasses());
    compiled.putAll(d.declaredClasses());
    compiled.putAll(d.migratedCompiledClasses());
  }

  Felt storage(Felt c, Felt k) {
    return storage.getOrDefault(c, Map.of()).getOrDefault(k, Felt.ZERO);
  }

  BlockRoots roots(StateCommitment sc) {
    int h = PatriciaTrie.STARKNET_HEIGHT;
    Map<BigInteger, Felt> contractLeaves = new HashMap<>();
    java.util.Set<Felt> contracts = new java.util.HashSet<>(storage.keySet());
    contracts.addAll(nonces.keySet());
    contracts.addAll(classHashes.keySet());
    for (Felt c : contracts) {
      Map<BigInteger, Felt> leaves = new HashMap<>();
      storage.getOrDefault(c, Map.of()).forEach((k, v) -> leaves.put(k.toBigInteger(), v));
      Felt storageRoot = NaiveTrie.root(leaves, h, sc.storageTrie().nodeHash());
      Felt leaf =
          sc.contractLeaf(classHashes.getOrDefault(c, Felt.ZERO), storageRoot, nonces.getOrDefault(c, Felt.ZERO));
      contractLeaves.put(c.toBigInteger(), leaf);
    }
    Map<BigInteger, Felt> classLeaves = new HashMap<>();
    compiled.forEach((k, v) -> classLeaves.put(k.toBigInteger(), sc.classLeaf(v)));
    Felt contractsRoot = NaiveTrie.root(contractLeaves, h, sc.contractsTrie().nodeHash());
    Felt classesRoot = NaiveTrie.root(classLeaves, h, sc.classesTrie().nodeHash());
    return new BlockRoots(-1, sc.globalRoot(contractsRoot, classesRoot), contractsRoot, classesRoot);
  }

  /** A random diff over a small universe of contracts, keys and classes, with deletions and overwrites. */
  static StateDiff randomDiff(Random r) {
    StateDiff.Builder b = StateDiff.builder();
    int writes = r.nextInt(25);
    for (int i = 0; i < writes; i++) {
      Felt c = Felt.of(0x100 + r.nextInt(6));
      Felt k = r.nextInt(4) == 0 ? Felt.of(r.nextInt(8)) : Felt.of(new BigInteger(250, r));
      b.storage(c, k, r.nextInt(4) == 0 ? Felt.ZERO : Felt.of(1 + r.nextInt(1 << 30)));
    }
    for (int i = r.nextInt(3); i > 0; i--) b.nonce(Felt.of(0x100 + r.nextInt(8)), Felt.of(r.nextInt(5)));
    for (int i = r.nextInt(2); i > 0; i--) b.deploy(Felt.of(0x100 + r.nextInt(8)), Felt.of(0xc0 + r.nextInt(4)));
    for (int i = r.nextInt(2); i > 0; i--) b.replaceClass(Felt.of(0x100 + r.nextInt(8)), Felt.of(0xc0 + r.nextInt(4)));
    for (int i = r.nextInt(2); i > 0; i--) b.declare(Felt.of(new BigInteger(250, r)), Felt.of(1 + r.nextInt(100)));
    if (r.nextInt(4) == 0) b.declareDeprecated(Felt.of(new BigInteger(250, r)));
    if (r.nextInt(5) == 0) b.migrate(Felt.of(0xc0 + r.nextInt(4)), Felt.of(1 + r.nextInt(100)));
    return b.build();
  }
}
