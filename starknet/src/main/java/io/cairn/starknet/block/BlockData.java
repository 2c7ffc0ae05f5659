package io.cairn.starknet.block;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.tx.Transaction;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The parts of a block that its commitments hash. */
public final class BlockData {
  private BlockData() {}

  /** A transaction with its hash (the commitment uses the hash and, per version, the signature). */
  public record HashedTransaction(Felt hash, Transaction transaction) {}

  public record Event(Felt fromAddress, List<Felt> keys, List<Felt> data) {}

  public record MessageToL1(Felt fromAddress, Felt toAddress, List<Felt> payload) {}

  /**
   * What the receipt commitment and the event commitment read from a receipt. {@code revertReason} is null for a
   * successful transaction; gas figures are the total consumed.
   */
  public record Receipt(
      Felt transactionHash,
      Felt actualFee,
      List<MessageToL1> messages,
      List<Event> events,
      String revertReason,
      Felt l1Gas,
      Felt l1DataGas) {}

  /**
   * A block's state diff as its commitment sees it: deployed contracts include replaced classes, declared classes
   * include migrated compiled class hashes, storage diffs are per contract. Maps are sorted by key.
   */
  public record StateDiff(
      SortedMap<Felt, Felt> deployedContracts,
      SortedMap<Felt, Felt> declaredClasses,
      List<Felt> deprecatedDeclaredClasses,
      SortedMap<Felt, SortedMap<Felt, Felt>> storageDiffs,
      SortedMap<Felt, Felt> nonces) {

    /** The number of entries: the header's state_diff_length. */
    public long length() {
      long n = deployedContracts.size() + declaredClasses.size() + deprecatedDeclaredClasses.size() + nonces.size();
      for (Map<Felt, Felt> m : storageDiffs.values()) n += m.size();
      return n;
    }
  }
}
