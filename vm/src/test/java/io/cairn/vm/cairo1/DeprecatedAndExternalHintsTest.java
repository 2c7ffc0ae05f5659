package io.cairn.vm.cairo1;

import static io.cairn.vm.cairo1.HintVm.ap;
import static io.cairn.vm.cairo1.HintVm.deref;
import static io.cairn.vm.cairo1.HintVm.imm;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.vm.cairo1.Operand.CellRef;
import io.cairn.vm.cairo1.Operand.Immediate;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deprecated hints (pre-2.0 compilers) and the executables' external hints, one test each, against
 * cairo-lang-runner's {@code execute_deprecated_hint} / {@code execute_external_hint}; values worked by hand.
 */
class DeprecatedAndExternalHintsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Memory mem;
  private CairoVm vm;
  private Relocatable fp;
  private Cairo1HintProcessor hp;

  @BeforeEach
  void setUp() throws Exception {
    HintVm h = HintVm.create();
    mem = h.mem();
    vm = h.vm();
    fp = h.fp();
    hp = new Cairo1HintProcessor(null, new PrintStream(PrintStream.nullOutputStream()));
  }

  private void run(Cairo1Hint h) {
    hp.execute(vm, h);
  }

  private static Cairo1Hint decode(String json) throws Exception {
    return Cairo1Hints.decode(JSON.readTree(json), "$");
  }

  /** A dict through the segment arena, its pointer at [ap - 1]. */
  private Relocatable newDict() {
    return newDict(-9, -1);
  }

  private Relocatable newDict(int arenaSlot, int dictSlot) {
    Relocatable arena = mem.addSegment();
    Relocatable infos = mem.addSegment();
    mem.write(arena, infos);
    mem.write(arena.add(1), 0);
    mem.write(arena.add(2), 0);
    mem.write(fp.add(arenaSlot), arena.add(3));
    run(new Cairo1Hint.AllocFelt252Dict(deref(arenaSlot)));
    Relocatable dict = mem.getRelocatable(infos);
    mem.write(fp.add(dictSlot), dict);
    return dict;
  }

  @Test
  void deprecatedHintsDecodeFromTheirSerdeForms() throws Exception {
    // unit variants are bare strings; the others objects; the Core/Deprecated wrappers are accepted too
    assertInstanceOf(Cairo1Hint.AssertCurrentAccessIndicesIsEmpty.class, decode("\"AssertCurrentAccessIndicesIsEmpty\""));
    assertInstanceOf(Cairo1Hint.AssertAllKeysUsed.class, decode("\"AssertAllKeysUsed\""));
    assertInstanceOf(Cairo1Hint.AssertLeAssertThirdArcExcluded.class, decode("\"AssertLeAssertThirdArcExcluded\""));
    assertEquals(
        new Cairo1Hint.AssertAllAccessesUsed(new CellRef(true, 2)),
        decode("{\"AssertAllAccessesUsed\": {\"n_used_accesses\": {\"register\": \"FP\", \"offset\": 2}}}"));
    assertEquals(
        new Cairo1Hint.AssertLtAssertValidInput(imm(1), deref(-2)),
        decode("{\"Deprecated\": {\"AssertLtAssertValidInput\": {\"a\": {\"Immediate\": \"0x1\"},"
            + " \"b\": {\"Deref\": {\"register\": \"AP\", \"offset\": -2}}}}}"));
    assertEquals(
        new Cairo1Hint.Felt252DictRead(deref(-1), imm(7), ap(0)),
        decode("{\"Felt252DictRead\": {\"dict_ptr\": {\"Deref\": {\"register\": \"AP\", \"offset\": -1}},"
            + " \"key\": {\"Immediate\": \"7\"}, \"value_dst\": {\"register\": \"AP\", \"offset\": 0}}}"));
    assertEquals(
        new Cairo1Hint.Felt252DictWrite(deref(-1), imm(7), imm(8)),
        decode("{\"Felt252DictWrite\": {\"dict_ptr\": {\"Deref\": {\"register\": \"AP\", \"offset\": -1}},"
            + " \"key\": {\"Immediate\": \"7\"}, \"value\": {\"Immediate\": \"8\"}}}"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decode("\"AssertNothing\""));
    assertTrue(e.getMessage().contains("AssertNothing"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> decode("{\"NoSuchHint\": {}}"));
    assertTrue(e.getMessage().contains("unknown hint NoSuchHint"), e.getMessage());
  }

  @Test
  void externalHintsDecode() throws Exception {
    assertEquals(
        new Cairo1Hint.WriteRunParam(imm(0), ap(0)),
        decode("{\"External\": {\"WriteRunParam\": {\"index\": {\"Immediate\": \"0x0\"}, \"dst\": {\"register\": \"AP\", \"offset\": 0}}}}"));
    assertEquals(
        new Cairo1Hint.AddMarker(deref(-3), deref(-2)),
        decode("{\"AddMarker\": {\"start\": {\"Deref\": {\"register\": \"AP\", \"offset\": -3}}, \"end\": {\"Deref\": {\"register\": \"AP\", \"offset\": -2}}}}"));
    assertEquals(new Cairo1Hint.AddTrace(imm(5)), decode("{\"AddTrace\": {\"flag\": {\"Immediate\": \"5\"}}}"));
    assertEquals(
        new Cairo1Hint.AddRelocationRule(deref(-1), deref(-2)),
        decode("{\"AddRelocationRule\": {\"src\": {\"Deref\": {\"register\": \"AP\", \"offset\": -1}}, \"dst\": {\"Deref\": {\"register\": \"AP\", \"offset\": -2}}}}"));
  }

  @Test
  void assertingDeprecatedHintsAreNoOpsAsInTheRustRunner() {
    // Each would fail as the Python it replaced (no squash state, 5 < 3 false), yet blockifier's runner does nothing.
    mem.write(fp, 99);
    run(new Cairo1Hint.AssertCurrentAccessIndicesIsEmpty());
    run(new Cairo1Hint.AssertAllAccessesUsed(ap(0)));
    run(new Cairo1Hint.AssertAllKeysUsed());
    run(new Cairo1Hint.AssertLeAssertThirdArcExcluded());
    run(new Cairo1Hint.AssertLtAssertValidInput(imm(5), imm(3)));
    assertEquals(BigInteger.valueOf(99), mem.getInt(fp));
    assertFalse(mem.isWritten(fp.segment(), fp.offset() + 1));
  }

  @Test
  void felt252DictReadGivesZeroThenTheWrittenValue() {
    Relocatable dict = newDict();
    run(new Cairo1Hint.Felt252DictRead(deref(-1), imm(7), ap(0)));
    assertEquals(BigInteger.ZERO, mem.getInt(fp));
    // a write through the deprecated hint, then a read of that key and of another
    run(new Cairo1Hint.Felt252DictWrite(deref(-1), imm(7), imm(42)));
    run(new Cairo1Hint.Felt252DictRead(deref(-1), imm(7), ap(1)));
    run(new Cairo1Hint.Felt252DictRead(deref(-1), imm(8), ap(2)));
    assertEquals(BigInteger.valueOf(42), mem.getInt(fp.add(1)));
    assertEquals(BigInteger.ZERO, mem.getInt(fp.add(2)));
    // a pointer that is no dict fails naming it
    mem.write(fp.add(-2), mem.addSegment());
    VmError e = assertThrows(VmError.class, () -> run(new Cairo1Hint.Felt252DictRead(deref(-2), imm(7), ap(3))));
    assertTrue(e.getMessage().contains("no Felt252Dict"), e.getMessage());
    assertNotNull(dict);
  }

  @Test
  void felt252DictWriteStoresThePreviousValueAtPtrPlusOne() {
    Relocatable dict = newDict();
    // first write of key 7: previous value 0 goes to dict[1]
    run(new Cairo1Hint.Felt252DictWrite(deref(-1), imm(7), imm(10)));
    assertEquals(BigInteger.ZERO, mem.getInt(dict.add(1)));
    // the next access entry (3 cells on): previous is 10; the value may be an address
    Relocatable somewhere = mem.addSegment();
    mem.write(fp.add(-3), dict.add(3));
    mem.write(fp.add(-4), somewhere);
    run(new Cairo1Hint.Felt252DictWrite(deref(-3), imm(7), deref(-4)));
    assertEquals(BigInteger.TEN, mem.getInt(dict.add(4)));
    mem.write(fp.add(-5), dict.add(6));
    run(new Cairo1Hint.Felt252DictWrite(deref(-5), imm(7), imm(1)));
    assertEquals(somewhere, mem.get(dict.add(7)));
    assertEquals(IntValue.of(BigInteger.ONE), hp.dicts().get(dict.segment()).get(BigInteger.valueOf(7)));
  }

  @Test
  void writeRunParamWritesFeltsAndArraysAsSpans() {
    // run param 0 = [5, [1, 2, [9]], 6]: cells 5, start, end, 6; the array holds 1, 2, start', end' with [9] behind
    hp.withUserArgs(
        List.of(
            List.of(
                RunArg.of(5),
                new RunArg.Array(List.of(RunArg.of(1), RunArg.of(2), new RunArg.Array(List.of(RunArg.of(9))))),
                RunArg.of(6)),
            List.of(RunArg.of(77))));
    run(new Cairo1Hint.WriteRunParam(imm(0), ap(0)));
    assertEquals(BigInteger.valueOf(5), mem.getInt(fp));
    Relocatable start = mem.getRelocatable(fp.add(1)), end = mem.getRelocatable(fp.add(2));
    assertEquals(start.add(4), end);
    assertEquals(BigInteger.valueOf(6), mem.getInt(fp.add(3)));
    assertEquals(BigInteger.ONE, mem.getInt(start));
    assertEquals(BigInteger.TWO, mem.getInt(start.add(1)));
    Relocatable inner = mem.getRelocatable(start.add(2));
    assertEquals(inner.add(1), mem.getRelocatable(start.add(3)));
    assertEquals(BigInteger.valueOf(9), mem.getInt(inner));
    run(new Cairo1Hint.WriteRunParam(imm(1), ap(5)));
    assertEquals(BigInteger.valueOf(77), mem.getInt(fp.add(5)));
    VmError e = assertThrows(VmError.class, () -> run(new Cairo1Hint.WriteRunParam(imm(2), ap(6))));
    assertTrue(e.getMessage().contains("run parameter 2"), e.getMessage());
  }

  @Test
  void runArgsParseNestedArrays() {
    assertEquals(
        List.of(RunArg.of(1), new RunArg.Array(List.of(RunArg.of(2), RunArg.of(3), new RunArg.Array(List.of()))), RunArg.of(16)),
        RunArg.parse("1,[2 3 []],0x10"));
    assertEquals(List.of(new RunArg.Value(Field.P.subtract(BigInteger.ONE))), RunArg.parse("-1"));
    assertThrows(IllegalArgumentException.class, () -> RunArg.parse("[1 2"));
    assertThrows(IllegalArgumentException.class, () -> RunArg.parse("1]"));
    assertThrows(IllegalArgumentException.class, () -> RunArg.parse("x"));
  }

  @Test
  void addMarkerRecordsTheFelts() {
    Relocatable buf = mem.addSegment();
    mem.write(buf, 3);
    mem.write(buf.add(1), 4);
    mem.write(fp.add(-3), buf);
    mem.write(fp.add(-2), buf.add(2));
    run(new Cairo1Hint.AddMarker(deref(-3), deref(-2)));
    run(new Cairo1Hint.AddMarker(deref(-3), deref(-3)));
    assertEquals(List.of(List.of(BigInteger.valueOf(3), BigInteger.valueOf(4)), List.of()), hp.markers());
  }

  @Test
  void addRelocationRuleMovesATemporarySegment() {
    Relocatable tmp = mem.addTempSegment();
    mem.write(tmp, 11);
    Relocatable target = mem.addSegment();
    mem.write(target, 10);
    mem.write(fp.add(-1), tmp);
    mem.write(fp.add(-2), target.add(1));
    run(new Cairo1Hint.AddRelocationRule(deref(-1), deref(-2)));
    mem.relocateTemporarySegments();
    assertEquals(BigInteger.valueOf(11), mem.getInt(target.add(1)));
    // a real segment cannot be relocated
    mem.write(fp.add(-3), target);
    VmError e = assertThrows(VmError.class, () -> run(new Cairo1Hint.AddRelocationRule(deref(-3), deref(-2))));
    assertTrue(e.getMessage().contains("temporary segment"), e.getMessage());
  }

  @Test
  void temporaryDictSegmentsAfterTheFirst() {
    hp.withTemporaryDictSegments(true);
    Relocatable first = newDict(-9, -1);
    Relocatable second = newDict(-8, -2);
    assertTrue(first.segment() >= 0);
    assertTrue(second.segment() < 0);
  }

  @Test
  void addTracePanicRecordsTheCallChain() throws Exception {
    // program: [0] call rel 3 (two words: 0x1104800180018000, 3); [2] ret ... the callee at pc 3.
    // Frame: main's fp = F (segment e, offset 2) with [F-2] = F (itself: the outermost), callee fp = F + 2 with
    // [fp-2] = F, [fp-1] = return pc 2 → the call at pc 0.
    Relocatable prog = new Relocatable(0, 0);
    Memory m = new Memory();
    Relocatable p = m.addSegment();
    m.write(p, new BigInteger("1104800180018000", 16));
    m.write(p.add(1), 3);
    Relocatable exec = m.addSegment();
    Relocatable outer = exec.add(2);
    m.write(exec, outer);
    m.write(exec.add(1), m.addSegment());
    m.write(outer, outer);
    m.write(outer.add(1), p.add(2));
    Relocatable inner = outer.add(2);
    Program program = Program.parse(JSON.readTree("{\"data\": [\"0x1104800180018000\", \"0x3\"]}"), "t");
    CairoVm v = new CairoVm(m, program, p.segment(), null, new Object[2][], List.of(), false);
    v.setRegisters(p.add(5), inner, inner);
    hp.execute(v, new Cairo1Hint.AddTrace(imm(0x70616e6963L)));
    List<Relocatable[]> tb = hp.panicTraceback();
    assertEquals(2, tb.size());
    assertEquals(prog, tb.get(0)[0]); // the call instruction, with the caller's fp
    assertEquals(outer, tb.get(0)[1]);
    assertEquals(p.add(5), tb.get(1)[0]); // where the panic was traced
    assertEquals(inner, tb.get(1)[1]);
    // any other flag records nothing new
    Cairo1HintProcessor other = new Cairo1HintProcessor();
    other.execute(v, new Cairo1Hint.AddTrace(imm(1)));
    assertTrue(other.panicTraceback().isEmpty());
  }
}
