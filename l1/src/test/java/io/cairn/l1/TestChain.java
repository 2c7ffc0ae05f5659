package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.block.BlockData.StateDiff;
import io.cairn.l1.da.StateDiffCodec;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/** Builds consecutive OS outputs on top of what the contract holds, as a sequencer would. */
final class TestChain {
  static final Felt PROGRAM_HASH = Felt.fromHex("0x1c128b765f47ce1dbf6b0d648cd73df8ae34ace6b96de774abf4559fe49871f");
  static final Felt CONFIG_HASH = Felt.fromHex("0x70c7b342f93155315d1cb2da7a4e13a3c2430f51fb5696c1b224c3da5508dfb");

  final Random random;
  Felt root = Felt.ZERO;
  Felt blockNumber = OsOutput.NO_BLOCK;
  Felt blockHash = Felt.ZERO;

  TestChain(long seed) {
    this.random = new Random(seed);
  }

  Felt randomFelt() {
    return Felt.of(new BigInteger(251, random));
  }

  OsOutput next(List<MessageToL1> toL1, List<MessageToL2> toL2, StateDiff diff) {
    Felt nextNumber = blockNumber.equals(OsOutput.NO_BLOCK) ? Felt.ZERO : blockNumber.add(Felt.ONE);
    return new OsOutput(root, randomFelt(), blockNumber, nextNumber, blockHash, randomFelt(), Felt.ZERO, CONFIG_HASH,
        toL1, toL2, StateDiffCodec.encode(diff));
  }

  /** Records that {@code out} was accepted. */
  void accepted(OsOutput out) {
    root = out.newRoot();
    blockNumber = out.newBlockNumber();
    blockHash = out.newBlockHash();
  }

  /** The same diff every time for the same shape (its own random source). */
  StateDiff randomDiffWithSeed(int contracts, int slotsEach) {
    return randomDiff(new Random(contracts * 31L + slotsEach), contracts, slotsEach);
  }

  StateDiff randomDiff(int contracts, int slotsEach) {
    return randomDiff(random, contracts, slotsEach);
  }

  private static StateDiff randomDiff(Random random, int contracts, int slotsEach) {
    TreeMap<Felt, java.util.SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    TreeMap<Felt, Felt> nonces = new TreeMap<>(), deployed = new TreeMap<>();
    for (int i = 0; i < contracts; i++) {
      Felt address = Felt.of(new BigInteger(251, random));
      TreeMap<Felt, Felt> storage = new TreeMap<>();
      for (int k = 0; k < slotsEach; k++) storage.put(Felt.of(new BigInteger(251, random)), Felt.of(random.nextInt(1000)));
      if (!storage.isEmpty()) storageDiffs.put(address, storage);
      if (i % 2 == 0) nonces.put(address, Felt.of(i + 1));
      if (i % 3 == 0) deployed.put(address, Felt.of(new BigInteger(251, random)));
    }
    return new StateDiff(deployed, new TreeMap<>(), List.of(), storageDiffs, nonces);
  }

}
