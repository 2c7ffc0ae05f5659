package io.cairn.l1;

import java.math.BigInteger;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What one L1 transaction cost and where it landed.
 *
 * @param gasUsed gas charged (after refunds)
 * @param effectiveGasPrice wei per gas actually paid
 * @param feeWei gasUsed × effectiveGasPrice (the ETH the sender paid for gas, not counting any value sent)
 * @param contractAddress the created contract for a deployment, else null
 */
public record TxReport(
    String transactionHash,
    long blockNumber,
    String blockHash,
    long gasUsed,
    BigInteger effectiveGasPrice,
    BigInteger feeWei,
    String contractAddress,
    TransactionReceipt receipt) {

  static TxReport of(TransactionReceipt r) {
    BigInteger price = r.getEffectiveGasPrice() == null ? BigInteger.ZERO : new BigInteger(r.getEffectiveGasPrice().substring(2), 16);
    return new TxReport(
        r.getTransactionHash(),
        r.getBlockNumber().longValueExact(),
        r.getBlockHash(),
        r.getGasUsed().longValueExact(),
        price,
        r.getGasUsed().multiply(price),
        r.getContractAddress(),
        r);
  }
}
