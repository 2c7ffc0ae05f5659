package io.cairn.l1.da;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.crypto.field.Felt;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateDiffCodecTest {
  @Test
  void packsTheInfoWordAsTheOsDoes() {
    TreeMap<Felt, Felt> storage = new TreeMap<>();
    storage.put(Felt.of(0x10), Felt.of(0x20));
    storage.put(Felt.of(0x11), Felt.of(0x21));
    TreeMap<Felt, StateDiff.ContractDiff> contracts = new TreeMap<>();
    // nonce 3, 2 updates (small), class changed: ((3·2^8 + 2)·2 + 1)·2 + 1 = 0xc0b.
    contracts.put(Felt.of(0xabc), new StateDiff.ContractDiff(Felt.of(3), Felt.of(0x777), storage));
    // no nonce, no class, 0 updates: small flag only = 0b10.
    contracts.put(Felt.of(0xdef), new StateDiff.ContractDiff(null, null, new TreeMap<>()));
    TreeMap<Felt, Felt> classes = new TreeMap<>();
    classes.put(Felt.of(0x99), Felt.of(0x98));
    StateDiff diff = new StateDiff(contracts, classes);
    List<Felt> packed = StateDiffCodec.pack(diff);
    assertEquals(StatelessCompressionTest.felts("0x2", "0xabc", "0xc0b", "0x777", "0x10", "0x20", "0x11", "0x21", "0xdef", "0x2",
        "0x1", "0x99", "0x98"), packed);
    assertEquals(diff, StateDiffCodec.unpack(packed));
    assertEquals(diff, StateDiffCodec.decode(StateDiffCodec.encode(diff)));
  }

  @Test
  void largeUpdateCountsUseTheWideField() {
    TreeMap<Felt, Felt> storage = new TreeMap<>();
    for (int i = 0; i < 300; i++) storage.put(Felt.of(i), Felt.of(i + 1));
    TreeMap<Felt, StateDiff.ContractDiff> contracts = new TreeMap<>();
    contracts.put(Felt.of(0x5), new StateDiff.ContractDiff(Felt.of(1), null, storage));
    StateDiff diff = new StateDiff(contracts, new TreeMap<>());
    // (1·2^64 + 300)·4 + 0 (not small) + 0 (class unchanged)
    assertEquals(Felt.of(java.math.BigInteger.ONE.shiftLeft(64).add(java.math.BigInteger.valueOf(300)).shiftLeft(2)), StateDiffCodec.pack(diff).get(2));
    assertEquals(diff, StateDiffCodec.decode(StateDiffCodec.encode(diff)));
  }

  @Test
  void truncatedDiffIsBadInput() {
    List<Felt> packed = StatelessCompressionTest.felts("0x1", "0xabc", "0x6");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateDiffCodec.unpack(packed));
    assertEquals(true, e.getMessage().contains("word 3"), e.getMessage());
  }
}
