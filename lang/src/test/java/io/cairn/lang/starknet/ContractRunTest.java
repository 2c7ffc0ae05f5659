package io.cairn.lang.starknet;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.core.HintRunner;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs compiled entry points on Cairn's VM the way the Starknet OS calls a Cairo 0 contract:
 * {@code [fp-6]} selector, {@code [fp-5]} OS context (system pointer, then one pointer per
 * builtin), {@code [fp-4]} calldata size, {@code [fp-3]} calldata; the wrapper returns the context
 * pointers followed by the return data size and pointer.
 */
class ContractRunTest {
  static JsonNode cls;
  static Program program;

  @BeforeAll
  static void compile() throws Exception {
    String json = ContractCompilerTest.compile("vault.cairo", ContractCompilerTest.resource("vault.cairo"));
    cls = ContractCompilerTest.OM.readTree(json);
    program = Program.parse(json, "vault");
  }

  /** Calls {@code __wrappers__.NAME} with the calldata; returns the retdata. */
  static List<BigInteger> call(String name, long... calldata) {
    Memory m = new Memory();
    Relocatable prog = m.addSegment();
    Relocatable exec = m.addSegment();
    for (int i = 0; i < program.size(); i++) m.write(prog.add(i), program.word(i));
    Relocatable osContext = m.addSegment();
    int builtins = cls.at("/program/builtins").size();
    for (int i = 0; i <= builtins; i++) m.write(osContext.add(i), m.addSegment());
    Relocatable cd = m.addSegment();
    for (int i = 0; i < calldata.length; i++) m.write(cd.add(i), calldata[i]);
    Relocatable retFp = m.addSegment(), end = m.addSegment();
    List<MaybeRelocatable> frame = List.of(MaybeRelocatable.of(0), osContext, MaybeRelocatable.of(calldata.length), cd, retFp, end);
    for (int i = 0; i < frame.size(); i++) m.write(exec.add(i), frame.get(i));
    // The stand-in syscalls' hints have no Java implementation (there is no deprecated syscall
    // handler yet): they fail only if reached, which the entry points called here never do.
    HintProcessor processor = new HintProcessor();
    HintRunner hints = new HintRunner() {
      @Override
      public Object compile(Program p, Program.HintSpec spec, int at) {
        try {
          return processor.compile(p, spec, at);
        } catch (HintProcessor.UnknownHintException e) {
          return e;
        }
      }

      @Override
      public void run(CairoVm vm, Object hint) {
        if (hint instanceof RuntimeException e) throw e;
        processor.run(vm, hint);
      }
    };
    Object[][] compiled = new Object[program.size()][];
    for (Map.Entry<Integer, List<Program.HintSpec>> e : program.hints().entrySet()) {
      Object[] hs = new Object[e.getValue().size()];
      for (int i = 0; i < hs.length; i++) hs[i] = hints.compile(program, e.getValue().get(i), e.getKey());
      compiled[e.getKey()] = hs;
    }
    CairoVm vm = new CairoVm(m, program, prog.segment(), hints, compiled, List.of(), false);
    int pc = cls.at("/program/identifiers/__wrappers__." + name + "/pc").asInt();
    Relocatable ap = exec.add(frame.size());
    vm.setRegisters(prog.add(pc), ap, ap);
    assertTrue(vm.runUntil(end.segment(), end.offset(), 100_000), "reached the end");
    Relocatable top = vm.ap();
    // The context pointers come back first, in os-context order.
    for (int i = 0; i <= builtins; i++) {
      Relocatable p = m.getRelocatable(top.add(-(builtins + 3) + i));
      assertEquals(m.getRelocatable(osContext.add(i)).segment(), p.segment());
    }
    long size = m.getInt(top.add(-2)).longValueExact();
    Relocatable data = m.getRelocatable(top.add(-1));
    List<BigInteger> out = new ArrayList<>();
    for (long i = 0; i < size; i++) out.add(m.getInt(data.add(i)));
    return out;
  }

  private static List<BigInteger> felts(long... v) {
    List<BigInteger> out = new ArrayList<>();
    for (long x : v) out.add(BigInteger.valueOf(x));
    return out;
  }

  @Test
  void viewWithArrayArgumentAndStructResult() {
    // sum(values=[1, 2, 3]) -> (total=6, doubled=Point(12, 0))
    assertEquals(felts(6, 12, 0), call("sum", 3, 1, 2, 3));
    assertEquals(felts(0, 0, 0), call("sum", 0));
  }

  @Test
  void arrayResultIsCopiedToReturnData() {
    assertEquals(felts(2, 7, 8), call("echo", 2, 7, 8));
  }

  @Test
  void rawInputAndOutputPassCalldataThrough() {
    assertEquals(felts(5, 6, 7), call("__default__", 5, 6, 7));
  }

  @Test
  void calldataOfTheWrongSizeFails() {
    assertThrows(VmError.class, () -> call("sum", 3, 1, 2));
    assertThrows(VmError.class, () -> call("echo", 1, 7, 8));
  }
}
