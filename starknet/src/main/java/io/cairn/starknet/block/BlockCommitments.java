package io.cairn.starknet.block;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.starknet.block.BlockData.Event;
import io.cairn.starknet.block.BlockData.HashedTransaction;
import io.cairn.starknet.block.BlockData.MessageToL1;
import io.cairn.starknet.block.BlockData.Receipt;
import io.cairn.starknet.block.BlockData.StateDiff;
import io.cairn.starknet.tx.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four block commitments (starknet_api block_hash/*.rs; pathfinder block-commitments for the rules before
 * 0.13.2) and the packed counts felt.
 */
public final class BlockCommitments {
  private BlockCommitments() {}

  private static final Felt STARKNET_STATE_DIFF0 = Felt.fromShortString("STARKNET_STATE_DIFF0");

  /**
   * Transaction commitment. From 0.13.2: Poseidon trie of H_pos_many([hash, signature…]) (an empty signature
   * hashes as [0] before 0.13.4). Before: Pedersen trie of H_ped(hash, hash_on_elements(signature)), where before
   * 0.11.1 only INVOKE signatures count and DEPLOY / L1_HANDLER never carry one.
   */
  public static Felt transactionCommitment(List<HashedTransaction> txs, StarknetVersion version) {
    List<Felt> leaves = new ArrayList<>(txs.size());
    for (HashedTransaction t : txs) leaves.add(transactionLeaf(t, version));
    return PatriciaRoot.ofSequence(leaves, version.before(StarknetVersion.V0_13_2) ? PatriciaRoot.PEDERSEN : PatriciaRoot.POSEIDON);
  }

  static Felt transactionLeaf(HashedTransaction t, StarknetVersion version) {
    Transaction tx = t.transaction();
    List<Felt> sig = tx.signature();
    if (version.before(StarknetVersion.V0_13_2)) {
      boolean counts =
          version.before(StarknetVersion.V0_11_1)
              ? tx instanceof Transaction.InvokeV0 || tx instanceof Transaction.InvokeV1 || tx instanceof Transaction.InvokeV3
              : !(tx instanceof Transaction.Deploy || tx instanceof Transaction.L1Handler);
      return Pedersen.hash(t.hash(), Pedersen.hashOnElements(counts ? sig : List.of()));
    }
    List<Felt> chain = new ArrayList<>(1 + Math.max(1, sig.size()));
    chain.add(t.hash());
    if (sig.isEmpty() && version.before(StarknetVersion.V0_13_4)) chain.add(Felt.ZERO);
    else chain.addAll(sig);
    return Poseidon.hashMany(chain);
  }

  /**
   * Event commitment over all events of the block in order. From 0.13.2: Poseidon trie of H_pos_many([from,
   * tx_hash, n_keys, keys…, n_data, data…]); before: Pedersen trie of hash_on_elements([from,
   * hash_on_elements(keys), hash_on_elements(data)]).
   */
  public static Felt eventCommitment(List<Receipt> receipts, StarknetVersion version) {
    boolean legacy = version.before(StarknetVersion.V0_13_2);
    List<Felt> leaves = new ArrayList<>();
    for (Receipt r : receipts) {
      for (Event e : r.events()) {
        if (legacy) {
          leaves.add(
              Pedersen.hashOnElements(
                  e.fromAddress(), Pedersen.hashOnElements(e.keys()), Pedersen.hashOnElements(e.data())));
        } else {
          List<Felt> chain = new ArrayList<>(4 + e.keys().size() + e.data().size());
          chain.add(e.fromAddress());
          chain.add(r.transactionHash());
          chain.add(Felt.of(e.keys().size()));
          chain.addAll(e.keys());
          chain.add(Felt.of(e.data().size()));
          chain.addAll(e.data());
          leaves.add(Poseidon.hashMany(chain));
        }
      }
    }
    return PatriciaRoot.ofSequence(leaves, legacy ? PatriciaRoot.PEDERSEN : PatriciaRoot.POSEIDON);
  }

  /**
   * Receipt commitment (0.13.2+): Poseidon trie of H_pos_many([tx_hash, actual_fee, messages_hash, revert_hash,
   * 0, l1_gas, l1_data_gas]) — the L2-gas slot is hashed as 0 by every version so far.
   */
  public static Felt receiptCommitment(List<Receipt> receipts) {
    List<Felt> leaves = new ArrayList<>(receipts.size());
    for (Receipt r : receipts) {
      List<Felt> msgs = new ArrayList<>();
      msgs.add(Felt.of(r.messages().size()));
      for (MessageToL1 m : r.messages()) {
        msgs.add(m.fromAddress());
        msgs.add(m.toAddress());
        msgs.add(Felt.of(m.payload().size()));
        msgs.addAll(m.payload());
      }
      Felt revert =
          r.revertReason() == null ? Felt.ZERO : Keccak.starknetKeccak(r.revertReason().getBytes(StandardCharsets.UTF_8));
      leaves.add(
          Poseidon.hashMany(
              r.transactionHash(), r.actualFee(), Poseidon.hashMany(msgs), revert, Felt.ZERO, r.l1Gas(), r.l1DataGas()));
    }
    return PatriciaRoot.ofSequence(leaves, PatriciaRoot.POSEIDON);
  }

  /** State-diff commitment: H_pos_many over 'STARKNET_STATE_DIFF0' and the sorted diff (STARKNET.md §8). */
  public static Felt stateDiffCommitment(StateDiff d) {
    List<Felt> c = new ArrayList<>();
    c.add(STARKNET_STATE_DIFF0);
    c.add(Felt.of(d.deployedContracts().size()));
    for (Map.Entry<Felt, Felt> e : d.deployedContracts().entrySet()) {
      c.add(e.getKey());
      c.add(e.getValue());
    }
    c.add(Felt.of(d.declaredClasses().size()));
    for (Map.Entry<Felt, Felt> e : d.declaredClasses().entrySet()) {
      c.add(e.getKey());
      c.add(e.getValue());
    }
    List<Felt> deprecated = new ArrayList<>(d.deprecatedDeclaredClasses());
    deprecated.sort(null);
    c.add(Felt.of(deprecated.size()));
    c.addAll(deprecated);
    c.add(Felt.ONE); // placeholder slots of the format
    c.add(Felt.ZERO);
    int updated = 0;
    List<Felt> storage = new ArrayList<>();
    for (Map.Entry<Felt, ? extends Map<Felt, Felt>> e : d.storageDiffs().entrySet()) {
      if (e.getValue().isEmpty()) continue;
      updated++;
      storage.add(e.getKey());
      storage.add(Felt.of(e.getValue().size()));
      for (Map.Entry<Felt, Felt> kv : e.getValue().entrySet()) {
        storage.add(kv.getKey());
        storage.add(kv.getValue());
      }
    }
    c.add(Felt.of(updated));
    c.addAll(storage);
    c.add(Felt.of(d.nonces().size()));
    for (Map.Entry<Felt, Felt> e : d.nonces().entrySet()) {
      c.add(e.getKey());
      c.add(e.getValue());
    }
    return Poseidon.hashMany(c);
  }

  /** tx_count (u64) ‖ event_count (u64) ‖ state_diff_length (u64) ‖ 0x80 if blob DA else 0 ‖ 7 zero bytes. */
  public static Felt concatCounts(long txCount, long eventCount, long stateDiffLength, boolean blobDa) {
    byte[] b = new byte[32];
    putLong(b, 0, txCount);
    putLong(b, 8, eventCount);
    putLong(b, 16, stateDiffLength);
    b[24] = (byte) (blobDa ? 0x80 : 0);
    return Felt.fromBytesBE(b);
  }

  private static void putLong(byte[] b, int o, long v) {
    for (int i = 0; i < 8; i++) b[o + i] = (byte) (v >>> (56 - 8 * i));
  }
}
