package io.cairn.l1.da;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.block.BlockData.StateDiff;
import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateDiffCodecTest {
  @Test
  void packsTheInfoWordAsTheOsDoes() {
    TreeMap<Felt, Felt> storage = new TreeMap<>();
    storage.put(Felt.of(0x10), Felt.of(0x20));
    storage.put(Felt.of(0x11), Felt.of(0x21));
    TreeMap<Felt, SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    storageDiffs.put(Felt.of(0xabc), storage);
    TreeMap<Felt, Felt> nonces = new TreeMap<>();
    nonces.put(Felt.of(0xabc), Felt.of(3));
    nonces.put(Felt.of(0xdef), Felt.of(1));
    TreeMap<Felt, Felt> deployed = new TreeMap<>();
    deployed.put(Felt.of(0xabc), Felt.of(0x777));
    TreeMap<Felt, Felt> classes = new TreeMap<>();
    classes.put(Felt.of(0x99), Felt.of(0x98));
    StateDiff diff = new StateDiff(deployed, classes, List.of(), storageDiffs, nonces);
    List<Felt> packed = StateDiffCodec.pack(diff);
    // 0xabc: nonce 3, 2 updates (small), class changed: ((3·2^8 + 2)·2 + 1)·2 + 1 = 0xc0b.
    // 0xdef: nonce 1, no updates, class unchanged: ((1·2^8 + 0)·2 + 1)·2 + 0 = 0x402.
    assertEquals(StatelessCompressionTest.felts("0x2", "0xabc", "0xc0b", "0x777", "0x10", "0x20", "0x11", "0x21", "0xdef", "0x402",
        "0x1", "0x99", "0x98"), packed);
    assertEquals(diff, StateDiffCodec.unpack(packed));
    assertEquals(diff, StateDiffCodec.decode(StateDiffCodec.encode(diff)));
  }

  @Test
  void largeUpdateCountsUseTheWideField() {
    TreeMap<Felt, Felt> storage = new TreeMap<>();
    for (int i = 0; i < 300; i++) storage.put(Felt.of(i), Felt.of(i + 1));
    TreeMap<Felt, SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    storageDiffs.put(Felt.of(0x5), storage);
    TreeMap<Felt, Felt> nonces = new TreeMap<>();
    nonces.put(Felt.of(0x5), Felt.ONE);
    StateDiff diff = new StateDiff(new TreeMap<>(), new TreeMap<>(), List.of(), storageDiffs, nonces);
    // (1·2^64 + 300)·4 + 0 (not small) + 0 (class unchanged)
    assertEquals(Felt.of(BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(300)).shiftLeft(2)), StateDiffCodec.pack(diff).get(2));
    assertEquals(diff, StateDiffCodec.decode(StateDiffCodec.encode(diff)));
  }

  @Test
  void cairoZeroDeclarationsAndEmptyEntriesAreNotDa() {
    TreeMap<Felt, SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    storageDiffs.put(Felt.of(0x5), new TreeMap<>());
    StateDiff diff = new StateDiff(new TreeMap<>(), new TreeMap<>(), List.of(Felt.of(0x42)), storageDiffs, new TreeMap<>());
    assertEquals(StatelessCompressionTest.felts("0x0", "0x0"), StateDiffCodec.pack(diff));
    assertEquals(StateDiffCodec.empty(), StateDiffCodec.decode(StateDiffCodec.encode(diff)));
  }

  @Test
  void truncatedDiffIsBadInput() {
    List<Felt> packed = StatelessCompressionTest.felts("0x1", "0xabc", "0x6");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateDiffCodec.unpack(packed));
    assertTrue(e.getMessage().contains("word 3"), e.getMessage());
  }
}
