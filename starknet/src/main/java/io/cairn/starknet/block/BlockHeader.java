package io.cairn.starknet.block;

import io.cairn.crypto.field.Felt;

/**
 * The header fields a block hash covers. Commitments absent from a block of its era (the receipt and state-diff
 * commitments before 0.13.2) are zero; gas prices absent from an era are zero.
 */
public record BlockHeader(
    long blockNumber,
    Felt parentHash,
    Felt stateRoot,
    Felt sequencerAddress,
    long timestamp,
    long transactionCount,
    long eventCount,
    long stateDiffLength,
    Felt stateDiffCommitment,
    Felt transactionCommitment,
    Felt eventCommitment,
    Felt receiptCommitment,
    GasPrices gasPrices,
    boolean l1DaBlob,
    StarknetVersion starknetVersion) {

  /** Gas prices in wei and fri for L1 gas, L1 data gas and L2 gas. */
  public record GasPrices(
      Felt l1GasWei, Felt l1GasFri, Felt l1DataGasWei, Felt l1DataGasFri, Felt l2GasWei, Felt l2GasFri) {
    public static final GasPrices ZERO = new GasPrices(Felt.ZERO, Felt.ZERO, Felt.ZERO, Felt.ZERO, Felt.ZERO, Felt.ZERO);
  }
}
