package io.cairn.starknet.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small tries worked out by hand from the node rules. */
class PatriciaRootTest {
  static final PatriciaRoot.NodeHash H = PatriciaRoot.POSEIDON;

  @Test
  void emptyAndSingleLeaf() {
    assertEquals(Felt.ZERO, PatriciaRoot.ofSequence(List.of(), H));
    Felt v = Felt.of(7);
    // one leaf at key 5 in a height-3 trie: an edge of length 3 with path 0b101
    assertEquals(
        Poseidon.hash(v, Felt.of(5)).add(Felt.of(3)),
        PatriciaRoot.root(List.of(BigInteger.valueOf(5)), List.of(v), 3, H));
    // zero values are absent leaves
    assertEquals(Felt.ZERO, PatriciaRoot.ofSequence(List.of(Felt.ZERO), H));
  }

  @Test
  void twoLeavesSplitBelowACommonEdge() {
    Felt a = Felt.of(11), b = Felt.of(13);
    // keys 4 (100) and 5 (101), height 3: edge "10" (length 2) above a binary node of the two leaves
    Felt binary = Poseidon.hash(a, b);
    Felt expected = Poseidon.hash(binary, Felt.of(2)).add(Felt.of(2));
    assertEquals(expected, PatriciaRoot.root(List.of(BigInteger.valueOf(4), BigInteger.valueOf(5)), List.of(a, b), 3, H));
    // keys 0 (000) and 7 (111): binary at the root, each side an edge of length 2
    Felt left = Poseidon.hash(a, Felt.ZERO).add(Felt.of(2));
    Felt right = Poseidon.hash(b, Felt.of(3)).add(Felt.of(2));
    assertEquals(
        Poseidon.hash(left, right),
        PatriciaRoot.root(List.of(BigInteger.ZERO, BigInteger.valueOf(7)), List.of(a, b), 3, H));
  }

  @Test
  void rejectsUnsortedOrOversizedKeys() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PatriciaRoot.root(List.of(BigInteger.TWO, BigInteger.ONE), List.of(Felt.ONE, Felt.ONE), 3, H));
    assertThrows(
        IllegalArgumentException.class, () -> PatriciaRoot.root(List.of(BigInteger.valueOf(8)), List.of(Felt.ONE), 3, H));
  }
}
