package io.cairn.vm.cairo1;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.vm.builtins.ModBuiltin;
import io.cairn.vm.cairo1.Operand.CellRef;
import io.cairn.vm.cairo1.Operand.Deref;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EvalCircuit hint on hand-built circuits: values table in 4-word (96-bit limb) slots, offsets in words, first
 * add_mod / mul_mod instances written as the compiled circuit code writes them. Expected values worked out by hand.
 */
class EvalCircuitHintTest {
  private Memory mem;
  private CairoVm vm;
  private ModBuiltin add, mul;
  private Relocatable fp, values, addOffsets, mulOffsets;
  private final Cairo1HintProcessor hp = new Cairo1HintProcessor();

  @BeforeEach
  void setUp() throws Exception {
    add = new ModBuiltin("add_mod", true, 128, 1);
    mul = new ModBuiltin("mul_mod", true, 256, 1);
    HintVm h =
        HintVm.create(
            m -> {
              add.initializeSegments(m);
              mul.initializeSegments(m);
              return List.of(add, mul);
            });
    mem = h.mem();
    vm = h.vm();
    fp = h.fp();
    values = mem.addSegment();
    addOffsets = mem.addSegment();
    mulOffsets = mem.addSegment();
  }

  /** [fp+0] = n_add_mods, [fp+1] = add_mod ptr, [fp+2] = n_mul_mods, [fp+3] = mul_mod ptr. */
  private void runHint(long nAdd, long nMul) {
    mem.write(fp, BigInteger.valueOf(nAdd));
    mem.write(fp.add(1), add.base());
    mem.write(fp.add(2), BigInteger.valueOf(nMul));
    mem.write(fp.add(3), mul.base());
    hp.execute(
        vm, new Cairo1Hint.EvalCircuit(fpDeref(0), fpDeref(1), fpDeref(2), fpDeref(3)));
  }

  private static Operand.Res fpDeref(int off) {
    return new Deref(new CellRef(true, off));
  }

  private void setSlot(int slot, long v) {
    mem.write(values.add(4L * slot), BigInteger.valueOf(v));
    for (int i = 1; i < 4; i++) mem.write(values.add(4L * slot + i), BigInteger.ZERO);
  }

  private BigInteger slot(int slot) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) v = v.shiftLeft(96).add(word(values.add(4L * slot + i)));
    return v;
  }

  private BigInteger word(Relocatable at) {
    MaybeRelocatable w = mem.get(at);
    assertNotNull(w, "no value at " + at);
    return ((IntValue) w).value();
  }

  private static void offsets(Memory mem, Relocatable base, long... words) {
    for (int i = 0; i < words.length; i++) mem.write(base.add(i), BigInteger.valueOf(words[i]));
  }

  /** First instance: p (one limb used), values_ptr, offsets_ptr, and n unless null. */
  private void firstInstance(ModBuiltin b, long p, Relocatable offs, Long n) {
    Relocatable at = b.base();
    mem.write(at, BigInteger.valueOf(p));
    for (int i = 1; i < 4; i++) mem.write(at.add(i), BigInteger.ZERO);
    mem.write(at.add(4), values);
    mem.write(at.add(5), offs);
    if (n != null) mem.write(at.add(6), BigInteger.valueOf(n));
  }

  @Test
  void evaluatesAddThenMulGatesAndInvertsMod7() {
    // p = 7; inputs s0 = 3, s1 = 5, s5 = 1.
    // add gate 0: s2 = s0 + s1 = 8 ≡ 1.  mul gate 0: s3 = s2·s1 = 5 (needs the add gate first).
    // mul gate 1: s4·s0 = s5, i.e. s4 = 3⁻¹ mod 7 = 5 (3·5 = 15 = 2·7 + 1).
    setSlot(0, 3);
    setSlot(1, 5);
    setSlot(5, 1);
    offsets(mem, addOffsets, 0, 4, 8);
    offsets(mem, mulOffsets, 8, 4, 12, 16, 0, 20);
    firstInstance(add, 7, addOffsets, 1L);
    firstInstance(mul, 7, mulOffsets, null);
    runHint(1, 2);
    assertEquals(BigInteger.ONE, slot(2));
    assertEquals(BigInteger.valueOf(5), slot(3));
    assertEquals(BigInteger.valueOf(5), slot(4));
    // mul_mod: n computed as 2 on instance 0; instance 1 repeats p and values_ptr, offsets_ptr + 3, n = 1
    Relocatable m1 = mul.base().add(7);
    assertEquals(BigInteger.TWO, word(mul.base().add(6)));
    assertEquals(BigInteger.valueOf(7), word(m1));
    assertEquals(values, mem.getRelocatable(m1.add(4)));
    assertEquals(mulOffsets.add(3), mem.getRelocatable(m1.add(5)));
    assertEquals(BigInteger.ONE, word(m1.add(6)));
    assertNull(mem.get(add.base().add(7)), "a single add gate needs no second add_mod instance");
  }

  @Test
  void nonInvertibleFactorWritesNullifierAndStopsMulCountAtThatGate() {
    // p = 15; s0 = 3, s1 = 4, s4 = 1.  mul gate 0: s2 = 3·4 = 12.
    // mul gate 1: s3·s0 = s4 = 1 has no solution (gcd(3, 15) = 3): s3 gets the nullifier 15/3 = 5 (5·3 ≡ 0),
    // and the mul_mod instance count becomes the failing gate's index, 1.
    setSlot(0, 3);
    setSlot(1, 4);
    setSlot(4, 1);
    offsets(mem, mulOffsets, 0, 4, 8, 12, 0, 16);
    firstInstance(mul, 15, mulOffsets, null);
    runHint(0, 2);
    assertEquals(BigInteger.valueOf(12), slot(2));
    assertEquals(BigInteger.valueOf(5), slot(3));
    assertEquals(BigInteger.ONE, word(mul.base().add(6)));
    assertNull(mem.get(mul.base().add(7)), "only the gates before the failure get instances");
    assertNull(mem.get(add.base()), "n_add_mods = 0 leaves add_mod untouched");
  }

  @Test
  void emptyCircuitWritesNothing() {
    runHint(0, 0);
    assertNull(mem.get(add.base()));
    assertNull(mem.get(mul.base()));
  }

  @Test
  void pointerOutsideTheModSegmentsFailsClearly() {
    setSlot(0, 1);
    mem.write(fp, BigInteger.ZERO);
    mem.write(fp.add(1), add.base());
    mem.write(fp.add(2), BigInteger.ONE);
    mem.write(fp.add(3), add.base()); // add_mod's segment given as mul_mod
    VmError e =
        assertThrows(
            VmError.class,
            () -> hp.run(vm, new Cairo1Hint.EvalCircuit(fpDeref(0), fpDeref(1), fpDeref(2), fpDeref(3))));
    assertTrue(e.getMessage().contains("mul_mod"), e.getMessage());
  }

  @Test
  void decodesFromCasmJson() throws Exception {
    var json =
        new ObjectMapper()
            .readTree(
                "{\"EvalCircuit\": {\"n_add_mods\": {\"Deref\": {\"register\": \"AP\", \"offset\": -6}},"
                    + " \"add_mod_builtin\": {\"Deref\": {\"register\": \"FP\", \"offset\": -5}},"
                    + " \"n_mul_mods\": {\"Deref\": {\"register\": \"AP\", \"offset\": -4}},"
                    + " \"mul_mod_builtin\": {\"Deref\": {\"register\": \"FP\", \"offset\": -4}}}}");
    Cairo1Hint h = Cairo1Hints.decode(json, "hints[0]");
    Cairo1Hint.EvalCircuit e = assertInstanceOf(Cairo1Hint.EvalCircuit.class, h);
    assertEquals(new Deref(new CellRef(false, -6)), e.nAddMods());
    assertEquals(new Deref(new CellRef(true, -4)), e.mulModBuiltin());
  }
}
