package io.cairn.starknet.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Contract addresses and storage-variable addresses (cairo-lang contract_address.py, abi.py). */
public final class Addresses {
  private Addresses() {}

  /** 2^251 − 256: addresses and storage keys are reduced below this bound. */
  public static final BigInteger ADDRESS_BOUND = BigInteger.ONE.shiftLeft(251).subtract(BigInteger.valueOf(256));

  private static final Felt CONTRACT_ADDRESS_PREFIX = Felt.fromShortString("STARKNET_CONTRACT_ADDRESS");

  /**
   * hash_on_elements(['STARKNET_CONTRACT_ADDRESS', deployer, salt, class_hash, hash_on_elements(calldata)]) mod
   * 2^251 − 256. The deployer is 0 for DEPLOY_ACCOUNT, for DEPLOY and for deploy-syscalls with deploy_from_zero.
   */
  public static Felt contractAddress(Felt deployer, Felt salt, Felt classHash, List<Felt> constructorCalldata) {
    Felt h =
        Pedersen.hashOnElements(
            CONTRACT_ADDRESS_PREFIX, deployer, salt, classHash, Pedersen.hashOnElements(constructorCalldata));
    return normalize(h);
  }

  /** The address of storage variable {@code name} at {@code keys}: starknet_keccak(name), Pedersen-chained keys. */
  public static Felt storageVarAddress(String name, List<Felt> keys) {
    Felt acc = Keccak.starknetKeccak(name.getBytes(StandardCharsets.US_ASCII));
    for (Felt k : keys) acc = Pedersen.hash(acc, k);
    return normalize(acc);
  }

  public static Felt storageVarAddress(String name, Felt... keys) {
    return storageVarAddress(name, List.of(keys));
  }

  /** Reduces a felt modulo 2^251 − 256 (the OS's normalize_address). */
  public static Felt normalize(Felt f) {
    BigInteger v = f.toBigInteger();
    return v.compareTo(ADDRESS_BOUND) >= 0 ? Felt.of(v.subtract(ADDRESS_BOUND)) : f;
  }

}
