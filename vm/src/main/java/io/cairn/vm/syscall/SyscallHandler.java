package io.cairn.vm.syscall;

import java.math.BigInteger;
import java.util.List;

/**
 * What Starknet syscalls do to the world; the execution engine implements it for real. The {@link
 * SyscallDispatcher} reads requests, charges gas and writes responses; pure computations (keccak, sha256/512, secp
 * curves) never reach the handler.
 *
 * <p>Two kinds of failure, as in blockifier: a {@link Revert} is returned to the calling Cairo code as the syscall's
 * failure (flag 1 and the reason felts, e.g. 'Block number out of range'); any other exception aborts the whole
 * entry-point run (blockifier's non-revert errors, such as deploying to an occupied address or replacing a class
 * with an undeclared one).
 */
public interface SyscallHandler {
  /** A call's outcome: retdata, or a failure with the callee's revert reason felts. */
  record CallResult(boolean failed, List<BigInteger> retdata) {}

  /** A deploy's outcome: the new contract's address and its constructor's retdata. */
  record DeployResult(BigInteger address, List<BigInteger> constructorRetdata) {}

  /** A syscall failure handed back to the calling contract with these revert-reason felts. */
  final class Revert extends RuntimeException {
    private final List<BigInteger> reason;

    public Revert(List<BigInteger> reason) {
      super("syscall reverted: " + ContractRunner.describe(reason), null, false, false);
      this.reason = List.copyOf(reason);
    }

    public Revert(String shortString) {
      this(List.of(SyscallDispatcher.shortString(shortString)));
    }

    public List<BigInteger> reason() {
      return reason;
    }
  }

  /** BlockInfo {block_number, block_timestamp, sequencer_address}. */
  record BlockInfo(BigInteger number, BigInteger timestamp, BigInteger sequencerAddress) {}

  /** One entry of TxInfo.resource_bounds: resource name ('L1_GAS', 'L2_GAS', 'L1_DATA'), max amount, max price. */
  record ResourceBound(BigInteger resource, BigInteger maxAmount, BigInteger maxPricePerUnit) {}

  /**
   * TxInfo as get_execution_info returns it. {@code current} is false for v0/v1 transactions (blockifier's
   * deprecated transaction info): the v2/v3 fields are then written as zero felts, spans included.
   */
  record TxInfo(
      BigInteger version,
      BigInteger accountAddress,
      BigInteger maxFee,
      List<BigInteger> signature,
      BigInteger transactionHash,
      BigInteger chainId,
      BigInteger nonce,
      boolean current,
      List<ResourceBound> resourceBounds,
      BigInteger tip,
      List<BigInteger> paymasterData,
      long nonceDataAvailabilityMode,
      long feeDataAvailabilityMode,
      List<BigInteger> accountDeploymentData,
      List<BigInteger> proofFacts) {
    public TxInfo {
      signature = List.copyOf(signature);
      resourceBounds = List.copyOf(resourceBounds);
      paymasterData = List.copyOf(paymasterData);
      accountDeploymentData = List.copyOf(accountDeploymentData);
      proofFacts = List.copyOf(proofFacts);
    }

    /** A v0/v1-style transaction info (no resource bounds, tip, paymaster data, DA modes, deployment data, proof facts). */
    public static TxInfo deprecated(
        BigInteger version, BigInteger account, BigInteger maxFee, List<BigInteger> signature, BigInteger hash, BigInteger chainId, BigInteger nonce) {
      BigInteger z = BigInteger.ZERO;
      return new TxInfo(version, account, maxFee, signature, hash, chainId, nonce, false, List.of(), z, List.of(), 0, 0, List.of(), List.of());
    }
  }

  /** What get_execution_info returns: block info, transaction info and the current call. */
  record ExecutionInfo(
      BlockInfo block, TxInfo tx, BigInteger callerAddress, BigInteger contractAddress, BigInteger entryPointSelector) {
    /** The short form: a deprecated tx info with zero max fee and an empty signature. */
    public ExecutionInfo(
        BigInteger blockNumber,
        BigInteger blockTimestamp,
        BigInteger sequencerAddress,
        BigInteger txVersion,
        BigInteger accountAddress,
        BigInteger txHash,
        BigInteger chainId,
        BigInteger nonce,
        BigInteger callerAddress,
        BigInteger contractAddress,
        BigInteger entryPointSelector) {
      this(
          new BlockInfo(blockNumber, blockTimestamp, sequencerAddress),
          TxInfo.deprecated(txVersion, accountAddress, BigInteger.ZERO, List.of(), txHash, chainId, nonce),
          callerAddress,
          contractAddress,
          entryPointSelector);
    }
  }

  ExecutionInfo executionInfo();

  BigInteger storageRead(BigInteger addressDomain, BigInteger key);

  void storageWrite(BigInteger addressDomain, BigInteger key, BigInteger value);

  void emitEvent(List<BigInteger> keys, List<BigInteger> data);

  /**
   * Runs {@code selector} of the contract at {@code address} with the remaining gas in {@code gas[0]} (updated to
   * what is left). A failed callee comes back as a failed result with its raw revert data; the dispatcher appends
   * 'ENTRYPOINT_FAILED' as blockifier does.
   */
  CallResult callContract(BigInteger address, BigInteger selector, List<BigInteger> calldata, long[] gas);

  /** Runs {@code selector} of class {@code classHash} in the caller's context. */
  CallResult libraryCall(BigInteger classHash, BigInteger selector, List<BigInteger> calldata, long[] gas);

  /** Deploys {@code classHash} (address from deployer, salt, class hash and calldata) and runs its constructor. */
  default DeployResult deploy(BigInteger classHash, BigInteger salt, List<BigInteger> calldata, boolean deployFromZero, long[] gas) {
    throw new UnsupportedOperationException("deploy is not supported by " + getClass().getSimpleName());
  }

  /** Records an L2→L1 message from the current contract. */
  default void sendMessageToL1(BigInteger toAddress, List<BigInteger> payload) {
    throw new UnsupportedOperationException("send_message_to_l1 is not supported by " + getClass().getSimpleName());
  }

  /** The hash of block {@code number}; a {@link Revert} ('Block number out of range') for the recent ones. */
  default BigInteger blockHash(long number) {
    throw new UnsupportedOperationException("get_block_hash is not supported by " + getClass().getSimpleName());
  }

  /** The class hash deployed at {@code address}; zero when nothing is deployed there. */
  default BigInteger classHashAt(BigInteger address) {
    throw new UnsupportedOperationException("get_class_hash_at is not supported by " + getClass().getSimpleName());
  }

  /** Replaces the current contract's class (the running code keeps running). */
  default void replaceClass(BigInteger classHash) {
    throw new UnsupportedOperationException("replace_class is not supported by " + getClass().getSimpleName());
  }

  /** Calls {@code __execute__} of {@code address} as a v0 invoke with this signature (meta_tx_v0). */
  default CallResult metaTxV0(BigInteger address, BigInteger selector, List<BigInteger> calldata, List<BigInteger> signature, long[] gas) {
    throw new UnsupportedOperationException("meta_tx_v0 is not supported by " + getClass().getSimpleName());
  }
}
