package io.cairn.vm.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Deduced operands satisfy their gate for random moduli up to 2^384 − 1 and random operands below 2^384: the filled
 * circuit always passes the end-of-run checks, and deduced results are the values cairo-lang prescribes.
 */
class ModBuiltinPropertyTest {
  private static final BigInteger MASK96 = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);

  @Provide
  Arbitrary<BigInteger> modulus() {
    return Arbitraries.bigIntegers().between(BigInteger.TWO, BigInteger.ONE.shiftLeft(384).subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<BigInteger> below2p() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(200));
  }

  /** Runs one gate with slot {@code unknown} (0 = a, 1 = b, 2 = c) left for the builtin; returns the filled value. */
  private static BigInteger fillOne(String name, BigInteger p, BigInteger[] abc, int unknown) {
    Memory m = new Memory();
    ModBuiltin b = new ModBuiltin(name, true, 128, 1);
    b.initializeSegments(m);
    Relocatable values = m.addSegment(), offsets = m.addSegment();
    for (int k = 0; k < 3; k++) {
      m.write(offsets.add(k), 4L * k);
      if (k != unknown)
        for (int i = 0; i < 4; i++) m.write(values.add(4L * k + i), abc[k].shiftRight(96 * i).and(MASK96));
    }
    for (int i = 0; i < 4; i++) m.write(b.base().add(i), p.shiftRight(96 * i).and(MASK96));
    m.write(b.base().add(4), values);
    m.write(b.base().add(5), offsets);
    m.write(b.base().add(6), 1);
    if (b.isAddMod()) ModBuiltin.fillMemory(m, b, b.base(), 1, null, null, 0);
    else ModBuiltin.fillMemory(m, null, null, 0, b, b.base(), 1);
    b.runSecurityChecks(m);
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < 4; i++) v = v.add(((IntValue) m.get(values.add(4L * unknown + i))).value().shiftLeft(96 * i));
    return v;
  }

  @Property(tries = 150)
  void addGateIsCompletedConsistently(@ForAll("modulus") BigInteger p, @ForAll("below2p") BigInteger x,
      @ForAll("below2p") BigInteger y) {
    BigInteger a = x.mod(p), bb = y.mod(p);
    BigInteger c = fillOne("add_mod", p, new BigInteger[] {a, bb, null}, 2);
    assertEquals(a.add(bb).mod(p), c); // a, b < p: the sum is reduced fully
    BigInteger b2 = fillOne("add_mod", p, new BigInteger[] {a, null, c}, 1);
    assertEquals(bb, b2);
  }

  @Property(tries = 150)
  void mulGateIsCompletedConsistently(@ForAll("modulus") BigInteger p, @ForAll("below2p") BigInteger x,
      @ForAll("below2p") BigInteger y) {
    BigInteger a = x.mod(p), bb = y.mod(p);
    BigInteger c = fillOne("mul_mod", p, new BigInteger[] {a, bb, null}, 2);
    assertEquals(a.multiply(bb).mod(p), c);
    if (a.gcd(p).equals(BigInteger.ONE)) {
      BigInteger b2 = fillOne("mul_mod", p, new BigInteger[] {a, null, c}, 1);
      assertEquals(c, a.multiply(b2).mod(p));
      assertTrue(b2.compareTo(p) < 0, "the deduced factor is the residue below p");
    }
  }
}
