package io.cairn.lang.starknet;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.vm.builtins.BuiltinRunner;
import io.cairn.vm.builtins.Builtins;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.core.HintRunner;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs compiled entry points on Cairn's VM the way the Starknet OS calls a Cairo 0 contract:
 * {@code [fp-6]} selector, {@code [fp-5]} OS context (system pointer, then one pointer per
 * builtin), {@code [fp-4]} calldata size, {@code [fp-3]} calldata; the wrapper returns the context
 * pointers followed by the return data size and pointer. The stand-in library's system calls are
 * served by a small in-test handler (storage as a map, events recorded); Pedersen and range check
 * are the VM's builtins.
 */
class ContractRunTest {
  static JsonNode cls;
  static Program program;
  final Map<BigInteger, BigInteger> storage = new HashMap<>();
  final List<List<BigInteger>> events = new ArrayList<>();
  final List<List<BigInteger>> calls = new ArrayList<>();

  @BeforeAll
  static void compile() throws Exception {
    String json = ContractCompilerTest.compile("vault.cairo", ContractCompilerTest.resource("vault.cairo"));
    cls = ContractCompilerTest.OM.readTree(json);
    program = Program.parse(json, "vault");
  }

  /** The stand-in syscalls: the system pointer is the function's implicit argument, below its arguments. */
  private final class Syscalls implements HintRunner {
    final HintProcessor processor = new HintProcessor();

    @Override
    public Object compile(Program p, Program.HintSpec spec, int at) {
      String code = spec.code();
      if (code.startsWith("syscall_handler.")) return code.substring("syscall_handler.".length(), code.indexOf('('));
      return processor.compile(p, spec, at);
    }

    @Override
    public void run(CairoVm vm, Object hint) {
      if (!(hint instanceof String name)) {
        processor.run(vm, hint);
        return;
      }
      Memory m = vm.memory();
      Relocatable fp = vm.fp();
      switch (name) {
        case "storage_read" -> {
          Relocatable sp = m.getRelocatable(fp.add(-4));
          m.write(sp.add(2), storage.getOrDefault(m.getInt(sp.add(1)), BigInteger.ZERO));
        }
        case "storage_write" -> {
          Relocatable sp = m.getRelocatable(fp.add(-5));
          storage.put(m.getInt(sp.add(1)), m.getInt(sp.add(2)));
        }
        case "emit_event" -> {
          Relocatable sp = m.getRelocatable(fp.add(-7));
          List<BigInteger> event = new ArrayList<>();
          long keys = m.getInt(sp.add(1)).longValueExact(), data = m.getInt(sp.add(3)).longValueExact();
          for (long i = 0; i < keys; i++) event.add(m.getInt(m.getRelocatable(sp.add(2)).add(i)));
          for (long i = 0; i < data; i++) event.add(m.getInt(m.getRelocatable(sp.add(4)).add(i)));
          events.add(event);
        }
        case "call_contract" -> {
          // Records (address, selector, calldata…) and answers with the calldata's first word + 1000.
          Relocatable sp = m.getRelocatable(fp.add(-7));
          List<BigInteger> call = new ArrayList<>(List.of(m.getInt(sp.add(1)), m.getInt(sp.add(2))));
          long size = m.getInt(sp.add(3)).longValueExact();
          for (long i = 0; i < size; i++) call.add(m.getInt(m.getRelocatable(sp.add(4)).add(i)));
          calls.add(call);
          Relocatable ret = m.addSegment();
          m.write(ret, call.get(2).add(BigInteger.valueOf(1000)));
          m.write(sp.add(5), 1);
          m.write(sp.add(6), ret);
        }
        default -> throw new VmError("unexpected system call " + name);
      }
    }
  }

  /** Calls {@code __wrappers__.NAME} with the calldata; returns the retdata. */
  List<BigInteger> call(String name, long... calldata) {
    Memory m = new Memory();
    Relocatable prog = m.addSegment();
    Relocatable exec = m.addSegment();
    for (int i = 0; i < program.size(); i++) m.write(prog.add(i), program.word(i));
    Layout layout = Layout.named("all_cairo");
    List<BuiltinRunner> builtins = new ArrayList<>();
    Relocatable osContext = m.addSegment();
    m.write(osContext, m.addSegment());
    int k = 1;
    for (JsonNode b : cls.at("/program/builtins")) {
      SimpleBuiltin builtin = Builtins.create(layout.builtin(b.asText()), true);
      builtin.initializeSegments(m);
      builtins.add(builtin);
      m.write(osContext.add(k++), builtin.base());
    }
    Relocatable cd = m.addSegment();
    for (int i = 0; i < calldata.length; i++) m.write(cd.add(i), calldata[i]);
    Relocatable retFp = m.addSegment(), end = m.addSegment();
    List<MaybeRelocatable> frame = List.of(MaybeRelocatable.of(0), osContext, MaybeRelocatable.of(calldata.length), cd, retFp, end);
    for (int i = 0; i < frame.size(); i++) m.write(exec.add(i), frame.get(i));
    Syscalls hints = new Syscalls();
    Object[][] compiled = new Object[program.size()][];
    for (Map.Entry<Integer, List<Program.HintSpec>> e : program.hints().entrySet()) {
      Object[] hs = new Object[e.getValue().size()];
      for (int i = 0; i < hs.length; i++) hs[i] = hints.compile(program, e.getValue().get(i), e.getKey());
      compiled[e.getKey()] = hs;
    }
    CairoVm vm = new CairoVm(m, program, prog.segment(), hints, compiled, builtins, false);
    int pc = cls.at("/program/identifiers/__wrappers__." + name + "/pc").asInt();
    Relocatable ap = exec.add(frame.size());
    vm.setRegisters(prog.add(pc), ap, ap);
    assertTrue(vm.runUntil(end.segment(), end.offset(), 100_000), "reached the end");
    Relocatable top = vm.ap();
    int contextSize = builtins.size() + 1;
    // The context pointers come back first, in os-context order, advanced past what was used.
    for (int i = 0; i < contextSize; i++) {
      Relocatable p = m.getRelocatable(top.add(-(contextSize + 2) + i));
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

  /** sn_keccak(name) mod 2^251 - 256, computed here, not by the compiler. */
  private static BigInteger base(String name) {
    return Keccak.starknetKeccak(name.getBytes(StandardCharsets.US_ASCII)).toBigInteger()
        .mod(BigInteger.TWO.pow(251).subtract(BigInteger.valueOf(256)));
  }

  private static BigInteger balanceAddress(long owner) {
    return Pedersen.hash(Felt.of(base("balance")), Felt.of(owner)).toBigInteger();
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

  @Test
  void storageVariablesLiveAtTheirPedersenAddresses() {
    assertEquals(List.of(), call("constructor", 5));
    assertEquals(Map.of(balanceAddress(5), BigInteger.valueOf(100)), storage);
    assertEquals(felts(107), call("deposit", 5, 7));
    assertEquals(BigInteger.valueOf(107), storage.get(balanceAddress(5)));
    assertEquals(List.of(), call("on_message", 9, 6));
    assertEquals(BigInteger.valueOf(9), storage.get(balanceAddress(6)));
  }

  @Test
  void contractInterfaceCallsThroughCallContract() {
    // forward(vault=77, amount=5) calls IVault.deposit(contract_address=77, amount=5).
    assertEquals(felts(1005), call("forward", 77, 5));
    BigInteger deposit = Keccak.starknetKeccak("deposit".getBytes(StandardCharsets.US_ASCII)).toBigInteger();
    assertEquals(List.of(List.of(BigInteger.valueOf(77), deposit, BigInteger.valueOf(5))), calls);
  }

  @Test
  void structStorageAndEvents() {
    assertEquals(List.of(), call("move", 3, 4));
    BigInteger origin = base("origin");
    assertEquals(BigInteger.valueOf(3), storage.get(origin));
    assertEquals(BigInteger.valueOf(4), storage.get(origin.add(BigInteger.ONE)));
    BigInteger selector = Keccak.starknetKeccak("moved".getBytes(StandardCharsets.US_ASCII)).toBigInteger();
    assertEquals(List.of(List.of(selector, BigInteger.ZERO, BigInteger.valueOf(3), BigInteger.valueOf(4))), events);
  }
}
