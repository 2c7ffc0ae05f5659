package io.cairn.starknet.tx;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;
import java.util.List;

/**
 * A Starknet transaction, one record per type and version, with the fields of the JSON-RPC 0.10 schema
 * ({@code INVOKE_TXN_V0} …). Hash-relevant data only: class definitions of DECLARE are represented by their hashes.
 */
public sealed interface Transaction {

  /** The signature; empty for DEPLOY and L1_HANDLER, which carry none. */
  List<Felt> signature();

  /** The transaction's own version (0, 1, 2 or 3), without the query bit. */
  int version();

  /** The fields every V3 transaction shares (SNIP-8): fee bounds, tip, paymaster data, nonce and DA modes. */
  sealed interface V3 extends Transaction {
    Felt nonce();

    ResourceBoundsMapping resourceBounds();

    Felt tip();

    List<Felt> paymasterData();

    DaMode nonceDataAvailabilityMode();

    DaMode feeDataAvailabilityMode();

    default int version() {
      return 3;
    }
  }

  /** Data-availability mode of the nonce or the fee: L1 = 0, L2 = 1. */
  enum DaMode {
    L1,
    L2
  }

  /** A resource bound: max_amount (u64) and max_price_per_unit (u128). */
  record ResourceBounds(Felt maxAmount, Felt maxPricePerUnit) {
    public static final ResourceBounds ZERO = new ResourceBounds(Felt.ZERO, Felt.ZERO);

    public ResourceBounds {
      if (maxAmount.toBigInteger().bitLength() > 64)
        throw new IllegalArgumentException("max_amount does not fit in a u64: " + maxAmount.toHex());
      if (maxPricePerUnit.toBigInteger().bitLength() > 128)
        throw new IllegalArgumentException("max_price_per_unit does not fit in a u128: " + maxPricePerUnit.toHex());
    }
  }

  /**
   * The resource bounds of a V3 transaction. {@code l1DataGas} is null for the early V3 transactions (before
   * Starknet 0.13.3) that bounded only L1 and L2 gas; their hash leaves the L1_DATA resource out.
   */
  record ResourceBoundsMapping(ResourceBounds l1Gas, ResourceBounds l1DataGas, ResourceBounds l2Gas) {
    public ResourceBoundsMapping {
      if (l1Gas == null || l2Gas == null) throw new IllegalArgumentException("l1_gas and l2_gas bounds are required");
    }
  }

  record InvokeV0(
      Felt maxFee, List<Felt> signature, Felt contractAddress, Felt entryPointSelector, List<Felt> calldata)
      implements Transaction {
    public int version() {
      return 0;
    }
  }

  record InvokeV1(Felt senderAddress, List<Felt> calldata, Felt maxFee, List<Felt> signature, Felt nonce)
      implements Transaction {
    public int version() {
      return 1;
    }
  }

  /** INVOKE v3; {@code proofFacts} is empty for ordinary transactions (it is hashed only when non-empty). */
  record InvokeV3(
      Felt senderAddress,
      List<Felt> calldata,
      List<Felt> signature,
      Felt nonce,
      ResourceBoundsMapping resourceBounds,
      Felt tip,
      List<Felt> paymasterData,
      List<Felt> accountDeploymentData,
      DaMode nonceDataAvailabilityMode,
      DaMode feeDataAvailabilityMode,
      List<Felt> proofFacts)
      implements V3 {
  }

  record DeclareV0(Felt senderAddress, Felt maxFee, List<Felt> signature, Felt classHash) implements Transaction {
    public int version() {
      return 0;
    }
  }

  record DeclareV1(Felt senderAddress, Felt maxFee, List<Felt> signature, Felt nonce, Felt classHash)
      implements Transaction {
    public int version() {
      return 1;
    }
  }

  record DeclareV2(
      Felt senderAddress, Felt compiledClassHash, Felt maxFee, List<Felt> signature, Felt nonce, Felt classHash)
      implements Transaction {
    public int version() {
      return 2;
    }
  }

  record DeclareV3(
      Felt senderAddress,
      Felt compiledClassHash,
      List<Felt> signature,
      Felt nonce,
      Felt classHash,
      ResourceBoundsMapping resourceBounds,
      Felt tip,
      List<Felt> paymasterData,
      List<Felt> accountDeploymentData,
      DaMode nonceDataAvailabilityMode,
      DaMode feeDataAvailabilityMode)
      implements V3 {
  }

  record DeployAccountV1(
      Felt maxFee,
      List<Felt> signature,
      Felt nonce,
      Felt contractAddressSalt,
      List<Felt> constructorCalldata,
      Felt classHash)
      implements Transaction {
    public int version() {
      return 1;
    }
  }

  record DeployAccountV3(
      List<Felt> signature,
      Felt nonce,
      Felt contractAddressSalt,
      List<Felt> constructorCalldata,
      Felt classHash,
      ResourceBoundsMapping resourceBounds,
      Felt tip,
      List<Felt> paymasterData,
      DaMode nonceDataAvailabilityMode,
      DaMode feeDataAvailabilityMode)
      implements V3 {
  }

  /** L1_HANDLER (version 0); calldata starts with the L1 sender's address. */
  record L1Handler(Felt nonce, Felt contractAddress, Felt entryPointSelector, List<Felt> calldata)
      implements Transaction {
    public List<Felt> signature() {
      return List.of();
    }

    public int version() {
      return 0;
    }
  }

  /** The deprecated DEPLOY transaction (versions 0 and 1), removed from Starknet in 0.10. */
  record Deploy(int version, Felt contractAddressSalt, List<Felt> constructorCalldata, Felt classHash)
      implements Transaction {
    public List<Felt> signature() {
      return List.of();
    }
  }

  /** 2^128: added to the version of transactions signed only for fee estimation and simulation. */
  BigInteger QUERY_VERSION_BASE = BigInteger.ONE.shiftLeft(128);
}
