package io.cairn.vm.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * add_mod / mul_mod on hand-built memory: circuits are laid out explicitly (values table, offsets table, first
 * instance), filled, checked, and compared with values computed here with BigInteger.
 */
class ModBuiltinTest {
  private static final BigInteger MASK96 = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);
  /** A 2-word modulus (so limb handling matters): the Mersenne prime 2^127 − 1. */
  private static final BigInteger P = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
  /** A composite modulus to exercise non-invertible factors. */
  private static final BigInteger P15 = BigInteger.valueOf(15);

  private final Memory memory = new Memory();
  private final ModBuiltin add = new ModBuiltin("add_mod", true, 128, 1);
  private final ModBuiltin mul = new ModBuiltin("mul_mod", true, 256, 1);
  private Relocatable values;
  private Relocatable addOffsets;
  private Relocatable mulOffsets;

  ModBuiltinTest() {
    memory.addSegment(); // segment 0: stands in for program/execution
    add.initializeSegments(memory);
    mul.initializeSegments(memory);
    values = memory.addSegment();
    addOffsets = memory.addSegment();
    mulOffsets = memory.addSegment();
    Relocatable zeros = memory.addSegment();
    add.setZeroValue(zeros);
    mul.setZeroValue(zeros);
  }

  private void setValue(int slot, BigInteger v) {
    for (int i = 0; i < 4; i++) memory.write(values.add(4L * slot + i), v.shiftRight(96 * i).and(MASK96));
  }

  private BigInteger value(int slot) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < 4; i++) {
      MaybeRelocatable w = memory.get(values.add(4L * slot + i));
      if (w == null) return null;
      v = v.add(((IntValue) w).value().shiftLeft(96 * i));
    }
    return v;
  }

  /** Gates as value-slot triples (a, b, c); offsets are in cells (slot · 4). */
  private void gates(Relocatable offsets, int[]... gates) {
    for (int g = 0; g < gates.length; g++)
      for (int k = 0; k < 3; k++) memory.write(offsets.add(3L * g + k), 4L * gates[g][k]);
  }

  /** The first instance, as run_mod_p_circuit writes it (n omitted when null). */
  private void firstInstance(ModBuiltin b, Relocatable offsets, BigInteger p, Long n) {
    Relocatable at = b.base();
    for (int i = 0; i < 4; i++) memory.write(at.add(i), p.shiftRight(96 * i).and(MASK96));
    memory.write(at.add(4), values);
    memory.write(at.add(5), offsets);
    if (n != null) memory.write(at.add(6), n);
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void addCircuitDeducesSumAndMissingAddends() {
    BigInteger x0 = P.subtract(big(5)), x1 = big(11), x4 = big(3);
    setValue(0, x0);
    setValue(1, x1);
    setValue(4, x4);
    // x2 = x0 + x1; x3 + x2 = x4 (x3 unknown); x0 + x5 = x2 (x5 unknown)
    gates(addOffsets, new int[] {0, 1, 2}, new int[] {3, 2, 4}, new int[] {0, 5, 2});
    firstInstance(add, addOffsets, P, 3L);
    ModBuiltin.fillMemory(memory, add, add.base(), 3, null, null, 0);

    BigInteger x2 = x0.add(x1).mod(P);
    assertEquals(big(6), x2);
    assertEquals(x2, value(2));
    assertEquals(x4.subtract(x2).mod(P), value(3));
    assertEquals(x1, value(5)); // the least solution
    // Instances 1, 2 chain from the first one.
    assertEquals(addOffsets.add(3), memory.get(add.base().add(7 + 5)));
    assertEquals(new IntValue(big(1)), memory.get(add.base().add(14 + 6)));
    add.runSecurityChecks(memory);
  }

  @Test
  void addDeductionKeepsSumBelowTwoP() {
    // a + b ≥ 2p is not reduced fully: c = a + b − p (k_bound = 2), still < 2^384.
    BigInteger a = P.add(big(7)), b = P.subtract(big(1));
    setValue(0, a);
    setValue(1, b);
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 1L);
    ModBuiltin.fillMemory(memory, add, add.base(), 1, null, null, 0);
    assertEquals(a.add(b).subtract(P), value(2));
    add.runSecurityChecks(memory);
  }

  @Test
  void mulCircuitDeducesProductAndFactorAndComputesN() {
    BigInteger x0 = P.subtract(big(2)), x1 = new BigInteger("123456789abcdef0123456789abcdef", 16), x4 = big(42);
    setValue(0, x0);
    setValue(1, x1);
    setValue(4, x4);
    // x2 = x0 · x1; x3 · x0 = x4 (x3 unknown)
    gates(mulOffsets, new int[] {0, 1, 2}, new int[] {3, 0, 4});
    firstInstance(mul, mulOffsets, P, null); // n is computed by fill_memory
    ModBuiltin.fillMemory(memory, null, null, 0, mul, mul.base(), 2);

    assertEquals(x0.multiply(x1).mod(P), value(2));
    BigInteger x3 = value(3);
    assertEquals(x4.multiply(x0.modInverse(P)).mod(P), x3);
    assertEquals(x4, x3.multiply(x0).mod(P));
    assertEquals(new IntValue(big(2)), memory.get(mul.base().add(6)));
    assertEquals(new IntValue(big(1)), memory.get(mul.base().add(13)));
    mul.runSecurityChecks(memory);
  }

  @Test
  void mixedCircuitInterleavesAddAndMulGates() {
    // y = (x + 1) · x + 3, with x = 2^100 + 9: the add gate after the mul gate needs the product first.
    BigInteger x = BigInteger.ONE.shiftLeft(100).add(big(9));
    setValue(0, x);
    setValue(1, big(1));
    setValue(2, big(3));
    gates(addOffsets, new int[] {0, 1, 3}, new int[] {4, 2, 5}); // s = x + 1; y = t + 3
    gates(mulOffsets, new int[] {3, 0, 4}); // t = s · x
    firstInstance(add, addOffsets, P, 2L);
    firstInstance(mul, mulOffsets, P, 1L);
    ModBuiltin.fillMemory(memory, add, add.base(), 2, mul, mul.base(), 1);
    BigInteger expected = x.add(BigInteger.ONE).multiply(x).add(big(3)).mod(P);
    assertEquals(expected, value(5));
    add.runSecurityChecks(memory);
    mul.runSecurityChecks(memory);
  }

  @Test
  void nonInvertibleFactorWritesNullifierAndCutsN() {
    // Gate 0: 1 · x0 = 1 → x0 = 1; gate 1: 6 · x = 3 has no inverse mod 15 → nullifier 15/3 = 5, n = 1.
    setValue(0, big(1));
    setValue(1, big(6));
    setValue(2, big(3));
    gates(mulOffsets, new int[] {0, 3, 0}, new int[] {1, 4, 2});
    firstInstance(mul, mulOffsets, P15, null);
    ModBuiltin.fillMemory(memory, null, null, 0, mul, mul.base(), 2);
    assertEquals(big(1), value(3));
    assertEquals(big(5), value(4));
    assertEquals(big(30).mod(P15), big(6).multiply(value(4)).mod(P15));
    assertEquals(new IntValue(big(1)), memory.get(mul.base().add(6)));
    assertNull(memory.get(mul.base().add(7)), "no second instance when n is cut to 1");
  }

  @Test
  void offsetsArePaddedToTheGivenN() {
    setValue(0, big(4));
    setValue(1, big(5));
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 3L); // 3 instances requested for 1 real gate
    ModBuiltin.fillMemory(memory, add, add.base(), 1, null, null, 0);
    for (int g = 1; g < 3; g++)
      for (int k = 0; k < 3; k++) assertEquals(memory.get(addOffsets.add(k)), memory.get(addOffsets.add(3L * g + k)));
    assertEquals(big(9), value(2));
    add.runSecurityChecks(memory);
  }

  @Test
  void unsatisfiableInstanceIsRejectedAtTheEnd() {
    setValue(0, big(2));
    setValue(1, big(3));
    setValue(2, big(6)); // 2 + 3 ≠ 6
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 1L);
    ModBuiltin.fillMemory(memory, add, add.base(), 1, null, null, 0); // all known: nothing to deduce
    VmError e = assertThrows(VmError.class, () -> add.runSecurityChecks(memory));
    assertTrue(e.getMessage().contains("Expected a + b == c (mod p)"), e.getMessage());
    assertTrue(e.getMessage().contains("instance=0"), e.getMessage());
  }

  @Test
  void mulResultOutsideQuotientBoundIsRejected() {
    // 2 · 3 ≡ 6 + p (mod p), but c = 6 + p > a·b: (a·b − c) is negative.
    setValue(0, big(2));
    setValue(1, big(3));
    setValue(2, big(6).add(P));
    gates(mulOffsets, new int[] {0, 1, 2});
    firstInstance(mul, mulOffsets, P, 1L);
    VmError e = assertThrows(VmError.class, () -> mul.runSecurityChecks(memory));
    assertTrue(e.getMessage().contains("to be in {0,1,..."), e.getMessage());
  }

  @Test
  void twoUnknownOperandsCannotBeFilled() {
    setValue(0, big(2));
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 1L);
    VmError e = assertThrows(VmError.class, () -> ModBuiltin.fillMemory(memory, add, add.base(), 1, null, null, 0));
    assertTrue(e.getMessage().contains("Could not fill the values table"), e.getMessage());
  }

  @Test
  void wordAbove96BitsIsRejected() {
    memory.write(values, BigInteger.ONE.shiftLeft(96));
    for (int i = 1; i < 4; i++) memory.write(values.add(i), 0);
    setValue(1, big(1));
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 1L);
    VmError e = assertThrows(VmError.class, () -> ModBuiltin.fillMemory(memory, add, add.base(), 1, null, null, 0));
    assertTrue(e.getMessage().contains("smaller than 2^96"), e.getMessage());
  }

  @Test
  void brokenInstanceChainIsRejected() {
    setValue(0, big(1));
    setValue(1, big(2));
    gates(addOffsets, new int[] {0, 1, 2}, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 2L);
    // The second instance, hand-written with a wrong offsets_ptr (+0 instead of +3).
    Relocatable second = add.base().add(7);
    for (int i = 0; i < 4; i++) memory.write(second.add(i), P.shiftRight(96 * i).and(MASK96));
    memory.write(second.add(4), values);
    memory.write(second.add(5), addOffsets);
    memory.write(second.add(6), 1);
    setValue(2, big(3));
    VmError e = assertThrows(VmError.class, () -> add.runSecurityChecks(memory));
    assertTrue(e.getMessage().contains("does not continue instance 0"), e.getMessage());
  }

  @Test
  void lastInstanceMustHaveNOne() {
    setValue(0, big(1));
    setValue(1, big(2));
    setValue(2, big(3));
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 2L); // claims 2 gates, only one instance written
    VmError e = assertThrows(VmError.class, () -> add.runSecurityChecks(memory));
    assertTrue(e.getMessage().contains("must have n = 1"), e.getMessage());
  }

  /** Segment bases used for relocation in the private-input tests: segment s starts at 1000·(s+1). */
  private long[] bases() {
    long[] b = new long[memory.segmentCount()];
    for (int s = 0; s < b.length; s++) b[s] = 1000L * (s + 1);
    return b;
  }

  private Map<String, Object> filledAddPrivateInput(BigInteger a, BigInteger b) {
    setValue(0, a);
    setValue(1, b);
    gates(addOffsets, new int[] {0, 1, 2}, new int[] {2, 1, 3});
    firstInstance(add, addOffsets, P, 2L);
    ModBuiltin.fillMemory(memory, add, add.base(), 2, null, null, 0);
    add.runSecurityChecks(memory);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) add.airPrivateInput(memory, bases()).get("add_mod");
    return m;
  }

  private static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }

  @Test
  @SuppressWarnings("unchecked")
  void privateInputListsEveryInstanceWithItsGate() {
    BigInteger a = BigInteger.ONE.shiftLeft(120).add(big(77)), b = big(5);
    Map<String, Object> m = filledAddPrivateInput(a, b);
    long[] bases = bases();
    assertEquals(bases[mulOffsets.segment() + 1], m.get("zero_value_address"));
    List<Map<String, Object>> inst = (List<Map<String, Object>>) m.get("instances");
    assertEquals(2, inst.size());
    Map<String, Object> i1 = inst.get(1);
    assertEquals(List.of("index", "p0", "p1", "p2", "p3", "values_ptr", "offsets_ptr", "n", "batch"),
        List.copyOf(i1.keySet()));
    assertEquals(1, i1.get("index"));
    assertEquals(hex(P.and(MASK96)), i1.get("p0"));
    assertEquals(hex(P.shiftRight(96)), i1.get("p1"));
    assertEquals("0x0", i1.get("p2"));
    assertEquals(bases[values.segment()], i1.get("values_ptr"));
    assertEquals(bases[addOffsets.segment()] + 3, i1.get("offsets_ptr"));
    assertEquals(1L, i1.get("n"));
    Map<String, Object> g = ((List<Map<String, Object>>) i1.get("batch")).get(0);
    // Gate 1: c = (a + b) + b, slots 2, 1, 3.
    assertEquals(8L, g.get("a_offset"));
    assertEquals(4L, g.get("b_offset"));
    assertEquals(12L, g.get("c_offset"));
    BigInteger c = a.add(b).add(b);
    assertEquals(hex(c.and(MASK96)), g.get("c0"));
    assertEquals(hex(c.shiftRight(96).and(MASK96)), g.get("c1"));
    assertEquals(hex(b), g.get("b0"));
    assertEquals(15, g.size());
  }

  @Test
  void privateInputFollowsTheMemory() {
    Map<String, Object> base = filledAddPrivateInput(big(10), big(20));
    ModBuiltinTest other = new ModBuiltinTest();
    Map<String, Object> mutated = other.filledAddPrivateInput(big(10), big(21));
    assertNotEquals(base, mutated, "a different operand must show in the private input");
    ModBuiltinTest same = new ModBuiltinTest();
    assertEquals(base, same.filledAddPrivateInput(big(10), big(20)));
  }

  @Test
  void privateInputRejectsAnInstanceWithoutItsValues() {
    gates(addOffsets, new int[] {0, 1, 2});
    firstInstance(add, addOffsets, P, 1L); // values never written
    VmError e = assertThrows(VmError.class, () -> add.airPrivateInput(memory, bases()));
    assertTrue(e.getMessage().contains("Missing memory variable 'a0'"), e.getMessage());
  }
}
