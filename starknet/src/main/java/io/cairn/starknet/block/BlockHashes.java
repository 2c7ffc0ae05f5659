package io.cairn.starknet.block;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.starknet.block.BlockHeader.GasPrices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Block hashes under the rule of the header's Starknet version. */
public final class BlockHashes {
  private BlockHashes() {}

  private static final Felt STARKNET_BLOCK_HASH0 = Felt.fromShortString("STARKNET_BLOCK_HASH0");
  private static final Felt STARKNET_BLOCK_HASH1 = Felt.fromShortString("STARKNET_BLOCK_HASH1");
  private static final Felt STARKNET_GAS_PRICES0 = Felt.fromShortString("STARKNET_GAS_PRICES0");

  /**
   * The block hash. Before 0.13.2 (from 0.7 on): hash_on_elements([number, state_root, sequencer, timestamp,
   * tx_count, tx_commitment, event_count, event_commitment, 0, 0, parent_hash]). From 0.13.2: H_pos_many over the
   * block-hash constant, the header and its commitments (STARKNET.md §8). Mainnet blocks below 833 (pre-0.7) used
   * yet another rule that is not implemented.
   */
  public static Felt compute(BlockHeader h) {
    StarknetVersion v = h.starknetVersion();
    if (v.before(StarknetVersion.V0_13_2)) {
      return Pedersen.hashOnElements(
          Felt.of(h.blockNumber()),
          h.stateRoot(),
          h.sequencerAddress(),
          Felt.of(h.timestamp()),
          Felt.of(h.transactionCount()),
          h.transactionCommitment(),
          Felt.of(h.eventCount()),
          h.eventCommitment(),
          Felt.ZERO,
          Felt.ZERO,
          h.parentHash());
    }
    boolean v1 = !v.before(StarknetVersion.V0_13_4);
    List<Felt> c = new ArrayList<>(20);
    c.add(v1 ? STARKNET_BLOCK_HASH1 : STARKNET_BLOCK_HASH0);
    c.add(Felt.of(h.blockNumber()));
    c.add(h.stateRoot());
    c.add(h.sequencerAddress());
    c.add(Felt.of(h.timestamp()));
    c.add(BlockCommitments.concatCounts(h.transactionCount(), h.eventCount(), h.stateDiffLength(), h.l1DaBlob()));
    c.add(h.stateDiffCommitment());
    c.add(h.transactionCommitment());
    c.add(h.eventCommitment());
    c.add(h.receiptCommitment());
    GasPrices g = h.gasPrices();
    if (v1) {
      c.add(
          Poseidon.hashMany(
              STARKNET_GAS_PRICES0,
              g.l1GasWei(),
              g.l1GasFri(),
              g.l1DataGasWei(),
              g.l1DataGasFri(),
              g.l2GasWei(),
              g.l2GasFri()));
    } else {
      c.add(g.l1GasWei());
      c.add(g.l1GasFri());
      c.add(g.l1DataGasWei());
      c.add(g.l1DataGasFri());
    }
    c.add(Felt.fromBytesBE(v.text().getBytes(StandardCharsets.US_ASCII)));
    c.add(Felt.ZERO);
    c.add(h.parentHash());
    return Poseidon.hashMany(c);
  }
}
