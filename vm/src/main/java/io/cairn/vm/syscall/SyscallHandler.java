package io.cairn.vm.syscall;

import java.math.BigInteger;
import java.util.List;

/** What Starknet syscalls do to the world; the execution engine implements it for real. */
public interface SyscallHandler {
  /** A call's outcome: retdata, or a revert with its reason felts. */
  record CallResult(boolean failed, List<BigInteger> retdata) {}

  /** What get_execution_info returns (block info, transaction info, call info); absent fields are zero. */
  record ExecutionInfo(
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
      BigInteger entryPointSelector) {}

  ExecutionInfo executionInfo();

  BigInteger storageRead(BigInteger addressDomain, BigInteger key);

  void storageWrite(BigInteger addressDomain, BigInteger key, BigInteger value);

  void emitEvent(List<BigInteger> keys, List<BigInteger> data);

  /** Runs {@code selector} of the contract at {@code address} with the remaining gas; returns its result. */
  CallResult callContract(BigInteger address, BigInteger selector, List<BigInteger> calldata, long[] gas);

  /** Runs {@code selector} of class {@code classHash} in the caller's context. */
  CallResult libraryCall(BigInteger classHash, BigInteger selector, List<BigInteger> calldata, long[] gas);
}
