package io.cairn.starknet.tx;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.starknet.hash.Addresses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.starknet.tx.Transaction.ResourceBounds;
import io.cairn.starknet.tx.Transaction.ResourceBoundsMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Transaction hashes as the sequencer computes them (starknet_api transaction_hash.rs): V3 with Poseidon over the
 * SNIP-8 fields, older versions with Pedersen's hash_on_elements.
 */
public final class TransactionHashes {
  private TransactionHashes() {}

  private static final Felt INVOKE = Felt.fromShortString("invoke");
  private static final Felt DECLARE = Felt.fromShortString("declare");
  private static final Felt DEPLOY = Felt.fromShortString("deploy");
  private static final Felt DEPLOY_ACCOUNT = Felt.fromShortString("deploy_account");
  private static final Felt L1_HANDLER = Felt.fromShortString("l1_handler");

  private static final byte[] L1_GAS_NAME = "\0L1_GAS".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] L2_GAS_NAME = "\0L2_GAS".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] L1_DATA_NAME = "L1_DATA".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** The hash of a transaction signed for execution. */
  public static Felt hash(Transaction tx, Felt chainId) {
    return hash(tx, chainId, false);
  }

  /**
   * The hash of {@code tx} on chain {@code chainId}; {@code query} selects the query version (2^128 + version) that
   * wallets sign for fee estimation and simulation.
   */
  public static Felt hash(Transaction tx, Felt chainId, boolean query) {
    Felt version = version(tx.version(), query);
    return switch (tx) {
      case Transaction.InvokeV0 t ->
          Pedersen.hashOnElements(
              INVOKE,
              version,
              t.contractAddress(),
              t.entryPointSelector(),
              Pedersen.hashOnElements(t.calldata()),
              t.maxFee(),
              chainId);
      case Transaction.InvokeV1 t ->
          Pedersen.hashOnElements(
              INVOKE,
              version,
              t.senderAddress(),
              Felt.ZERO,
              Pedersen.hashOnElements(t.calldata()),
              t.maxFee(),
              chainId,
              t.nonce());
      case Transaction.InvokeV3 t -> {
        List<Felt> chain =
            v3Common(INVOKE, version, t.senderAddress(), t, chainId);
        chain.add(Poseidon.hashMany(t.accountDeploymentData()));
        chain.add(Poseidon.hashMany(t.calldata()));
        if (!t.proofFacts().isEmpty()) chain.add(Poseidon.hashMany(t.proofFacts()));
        yield Poseidon.hashMany(chain);
      }
      case Transaction.DeclareV0 t ->
          Pedersen.hashOnElements(
              DECLARE,
              version,
              t.senderAddress(),
              Felt.ZERO,
              Pedersen.hashOnElements(List.of()),
              t.maxFee(),
              chainId,
              t.classHash());
      case Transaction.DeclareV1 t ->
          Pedersen.hashOnElements(
              DECLARE,
              version,
              t.senderAddress(),
              Felt.ZERO,
              Pedersen.hashOnElements(t.classHash()),
              t.maxFee(),
              chainId,
              t.nonce());
      case Transaction.DeclareV2 t ->
          Pedersen.hashOnElements(
              DECLARE,
              version,
              t.senderAddress(),
              Felt.ZERO,
              Pedersen.hashOnElements(t.classHash()),
              t.maxFee(),
              chainId,
              t.nonce(),
              t.compiledClassHash());
      case Transaction.DeclareV3 t -> {
        List<Felt> chain =
            v3Common(DECLARE, version, t.senderAddress(), t, chainId);
        chain.add(Poseidon.hashMany(t.accountDeploymentData()));
        chain.add(t.classHash());
        chain.add(t.compiledClassHash());
        yield Poseidon.hashMany(chain);
      }
      case Transaction.DeployAccountV1 t -> {
        List<Felt> calldata = new ArrayList<>();
        calldata.add(t.classHash());
        calldata.add(t.contractAddressSalt());
        calldata.addAll(t.constructorCalldata());
        yield Pedersen.hashOnElements(
            DEPLOY_ACCOUNT,
            version,
            deployedAddress(t),
            Felt.ZERO,
            Pedersen.hashOnElements(calldata),
            t.maxFee(),
            chainId,
            t.nonce());
      }
      case Transaction.DeployAccountV3 t -> {
        List<Felt> chain =
            v3Common(DEPLOY_ACCOUNT, version, deployedAddress(t), t, chainId);
        chain.add(Poseidon.hashMany(t.constructorCalldata()));
        chain.add(t.classHash());
        chain.add(t.contractAddressSalt());
        yield Poseidon.hashMany(chain);
      }
      case Transaction.L1Handler t ->
          Pedersen.hashOnElements(
              L1_HANDLER,
              version,
              t.contractAddress(),
              t.entryPointSelector(),
              Pedersen.hashOnElements(t.calldata()),
              Felt.ZERO,
              chainId,
              t.nonce());
      case Transaction.Deploy t ->
          Pedersen.hashOnElements(
              DEPLOY,
              version,
              deployedAddress(t),
              Selectors.CONSTRUCTOR,
              Pedersen.hashOnElements(t.constructorCalldata()),
              Felt.ZERO,
              chainId);
    };
  }

  /**
   * The other hashes that blocks of early mainnet (up to block 1470) and the first testnets accepted for the same
   * transaction: INVOKE v0 and DEPLOY without version and max_fee, L1_HANDLER hashed as an invoke or without
   * version. Empty for every other transaction.
   */
  public static List<Felt> deprecatedHashes(Transaction tx, Felt chainId) {
    return switch (tx) {
      case Transaction.InvokeV0 t ->
          List.of(
              Pedersen.hashOnElements(
                  INVOKE,
                  t.contractAddress(),
                  t.entryPointSelector(),
                  Pedersen.hashOnElements(t.calldata()),
                  chainId));
      case Transaction.Deploy t ->
          List.of(
              Pedersen.hashOnElements(
                  DEPLOY,
                  deployedAddress(t),
                  Selectors.CONSTRUCTOR,
                  Pedersen.hashOnElements(t.constructorCalldata()),
                  chainId));
      case Transaction.L1Handler t -> {
        Felt calldataHash = Pedersen.hashOnElements(t.calldata());
        yield List.of(
            Pedersen.hashOnElements(INVOKE, t.contractAddress(), t.entryPointSelector(), calldataHash, chainId),
            Pedersen.hashOnElements(
                L1_HANDLER, t.contractAddress(), t.entryPointSelector(), calldataHash, chainId, t.nonce()));
      }
      default -> List.of();
    };
  }

  /** The address a DEPLOY or DEPLOY_ACCOUNT creates (deployer 0). */
  public static Felt deployedAddress(Transaction tx) {
    return switch (tx) {
      case Transaction.DeployAccountV1 t ->
          Addresses.contractAddress(Felt.ZERO, t.contractAddressSalt(), t.classHash(), t.constructorCalldata());
      case Transaction.DeployAccountV3 t ->
          Addresses.contractAddress(Felt.ZERO, t.contractAddressSalt(), t.classHash(), t.constructorCalldata());
      case Transaction.Deploy t ->
          Addresses.contractAddress(Felt.ZERO, t.contractAddressSalt(), t.classHash(), t.constructorCalldata());
      default -> throw new IllegalArgumentException("not a deploying transaction: " + tx.getClass().getSimpleName());
    };
  }

  /** H_pos_many([tip, R(L1_GAS), R(L2_GAS), R(L1_DATA)?]) with R = 0 ‖ name ‖ max_amount u64 ‖ max_price u128. */
  public static Felt tipAndResourceBoundsHash(Felt tip, ResourceBoundsMapping bounds) {
    List<Felt> felts = new ArrayList<>(4);
    felts.add(tip);
    felts.add(resource(L1_GAS_NAME, bounds.l1Gas()));
    felts.add(resource(L2_GAS_NAME, bounds.l2Gas()));
    if (bounds.l1DataGas() != null) felts.add(resource(L1_DATA_NAME, bounds.l1DataGas()));
    return Poseidon.hashMany(felts);
  }

  private static Felt resource(byte[] name, ResourceBounds b) {
    byte[] out = new byte[32];
    System.arraycopy(name, 0, out, 1, 7);
    byte[] amount = b.maxAmount().toBytesBE(); // value < 2^64: its low 8 bytes
    System.arraycopy(amount, 24, out, 8, 8);
    byte[] price = b.maxPricePerUnit().toBytesBE(); // value < 2^128: its low 16 bytes
    System.arraycopy(price, 16, out, 16, 16);
    return Felt.fromBytesBE(out);
  }

  /** The slots every V3 hash starts with: prefix, version, address, fee fields hash, paymaster hash, chain, nonce, DA. */
  private static List<Felt> v3Common(Felt prefix, Felt version, Felt address, Transaction.V3 t, Felt chainId) {
    List<Felt> chain = new ArrayList<>(11);
    chain.add(prefix);
    chain.add(version);
    chain.add(address);
    chain.add(tipAndResourceBoundsHash(t.tip(), t.resourceBounds()));
    chain.add(Poseidon.hashMany(t.paymasterData()));
    chain.add(chainId);
    chain.add(t.nonce());
    long modes = ((long) t.nonceDataAvailabilityMode().ordinal() << 32) + t.feeDataAvailabilityMode().ordinal();
    chain.add(Felt.of(modes));
    return chain;
  }

  private static Felt version(int v, boolean query) {
    Felt base = Felt.of(v);
    return query ? base.add(Felt.of(Transaction.QUERY_VERSION_BASE)) : base;
  }
}
