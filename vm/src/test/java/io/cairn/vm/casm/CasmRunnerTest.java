package io.cairn.vm.casm;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.cairo1.RunArg;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.runner.SecurityChecks;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The entry-point harness: executables' Standalone frame, builtin usage, end-of-run security checks, the shared
 * bytecode image, and code loaded into a segment at run time with its hints keyed by (segment, offset).
 * Instructions are hand-encoded (flags and offsets as in CAIRO.md §4).
 */
class CasmRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String RET = "0x208b7fff7fff7ffe";
  static final String AP_ADD_IMM = "0x40780017fff7fff"; // ap += imm
  static final String CALL_REL = "0x1104800180018000"; // call rel imm
  static final String JMP_REL = "0x10780017fff7fff"; // jmp rel imm
  static final String AP_IMM_APPP = "0x480680017fff8000"; // [ap] = imm, ap++
  static final String AP_M1_EQ_DEREF_FP_M3 = "0x400280007ffd7fff"; // [ap - 1] = [[fp - 3]]
  static final String AP_EQ_FP_M3_PLUS_IMM_APPP = "0x482680017ffd8000"; // [ap] = [fp - 3] + imm, ap++
  static final String CALL_ABS_FP_M3 = "0x10887ffd80018000"; // call abs [fp - 3]

  /**
   * An executable as cairo-lang-executable lays it out: the Standalone header {@code ap += 1; call rel 4; jmp rel
   * 0} at 0, and at 6 (the Bootloader entry) a body that writes 42 to the output and returns output + 1.
   */
  static String executable(String... extraEntries) {
    return """
        {"program": {"prime": "0x800000000000011000000000000000000000000000000000000000000000001",
          "compiler_version": "2.12.0",
          "bytecode": ["%s", "0x1", "%s", "0x4", "%s", "0x0", "%s", "0x2a", "%s", "%s", "0x1", "%s"],
          "hints": []},
         "entrypoints": [{"builtins": ["output"], "offset": 0, "kind": "Standalone"},
                         {"builtins": ["output"], "offset": 6, "kind": "Bootloader"}]}
        """
        .formatted(AP_ADD_IMM, CALL_REL, JMP_REL, AP_IMM_APPP, AP_M1_EQ_DEREF_FP_M3, AP_EQ_FP_M3_PLUS_IMM_APPP, RET);
  }

  private static CasmProgram parse(String json, String name) throws Exception {
    return CasmProgram.parse(JSON.readTree(json), name);
  }

  @Test
  void standaloneExecutableRunsItsHeaderAndWritesTheOutput() throws Exception {
    CasmProgram p = parse(executable(), "exe.executable.json");
    CasmRunner r = new CasmRunner(p, new Cairo1HintProcessor());
    CasmRunner.Result res = r.run("Standalone", List.of(), 0, null, 0, 100);
    // ap += 1; call; [ap] = 42; [[fp-3]] = 42; [ap] = out + 1; ret → back at the jmp: 6 steps
    assertEquals(6, res.steps());
    assertEquals(Map.of("output", 1), res.builtinUsage());
    Relocatable out = new Relocatable(r.programBase().segment() + 2, 0); // segments: program, exec, output
    assertEquals(BigInteger.valueOf(42), r.memory().getInt(out));
    // the Bootloader entry is the same body called with an ordinary frame: one step fewer per header instruction
    CasmRunner b = new CasmRunner(p, new Cairo1HintProcessor());
    assertEquals(4, b.run("Bootloader", List.of(), 0, null, 0, 100).steps());
  }

  /** The executable's body with its returned output pointer moved: output + k instead of output + 1. */
  private static String returningOutputPlus(int k) {
    String tail = "\"%s\", \"0x1\", \"%s\"]".formatted(AP_EQ_FP_M3_PLUS_IMM_APPP, RET);
    String moved = executable().replace(tail, "\"%s\", \"0x%x\", \"%s\"]".formatted(AP_EQ_FP_M3_PLUS_IMM_APPP, k, RET));
    assertNotEquals(k == 1, !executable().equals(moved));
    return moved;
  }

  @Test
  void aCellWrittenPastTheReturnedStopPointerIsRejected() throws Exception {
    // writes output[0] but returns output + 0
    CasmProgram p = parse(returningOutputPlus(0), "bad.json");
    VmError e = assertThrows(VmError.class, () -> new CasmRunner(p, new Cairo1HintProcessor()).run("Bootloader", List.of(), 0, null, 0, 100));
    assertInstanceOf(SecurityChecks.SecurityError.class, e);
    assertTrue(e.getMessage().contains("written past the returned stop pointer"), e.getMessage());
    // without the checks the run is accepted
    assertEquals(4, new CasmRunner(p, new Cairo1HintProcessor()).setSecure(false).run("Bootloader", List.of(), 0, null, 0, 100).steps());
    // a pointer past unwritten cells (output + 2 after one write) is accepted, as blockifier accepts it; usage follows it
    CasmRunner.Result r = new CasmRunner(parse(returningOutputPlus(2), "gap.json"), new Cairo1HintProcessor()).run("Bootloader", List.of(), 0, null, 0, 100);
    assertEquals(Map.of("output", 2), r.builtinUsage());
  }

  @Test
  void theBytecodeImageAndDecodeCacheAreSharedBetweenRuns() throws Exception {
    CasmProgram p = parse(executable(), "exe.json");
    assertEquals(0, p.image().decodeCache[6]);
    new CasmRunner(p, new Cairo1HintProcessor()).run("Bootloader", List.of(), 0, null, 0, 100);
    long decoded = p.image().decodeCache[6];
    assertNotEquals(0, decoded); // the first run decoded pc 6 into the program's own cache
    assertEquals(new BigInteger(AP_IMM_APPP.substring(2), 16).longValue(), decoded);
    // a second runner starts from the same image and cache, and gets the same result
    CasmRunner again = new CasmRunner(p, new Cairo1HintProcessor());
    assertEquals(4, again.run("Bootloader", List.of(), 0, null, 0, 100).steps());
    assertEquals(BigInteger.valueOf(42), again.memory().getInt(new Relocatable(2, 0)));
  }

  @Test
  void theSharedImageIsNeverWritten() throws Exception {
    CasmProgram p = parse(executable(), "exe.json");
    long[] before = p.image().cells.clone();
    CasmRunner r = new CasmRunner(p, new Cairo1HintProcessor());
    r.appendBuiltinCostTable(new long[] {1, 2, 3, 4, 5, 6});
    r.run("Bootloader", List.of(), 0, null, 0, 100);
    assertArrayEquals(before, p.image().cells);
    // the extra data is there all the same: a ret, then the cost table's address
    assertEquals(new BigInteger(RET.substring(2), 16), r.memory().getInt(r.programBase().add(12)));
    assertEquals(BigInteger.valueOf(6), r.memory().getInt(((Relocatable) r.memory().get(r.programBase().add(13))).add(5)));
    // a write into a shared segment copies it first
    io.cairn.vm.memory.Memory m = new io.cairn.vm.memory.Memory();
    Relocatable seg = m.addSegment();
    m.shareCells(seg.segment(), p.image().cells, 12);
    m.write(seg.add(12), 99);
    assertFalse(m.isShared(seg.segment()));
    assertEquals(BigInteger.valueOf(99), m.getInt(seg.add(12)));
    assertEquals(BigInteger.valueOf(42), m.getInt(seg.add(7)));
    assertArrayEquals(before, p.image().cells);
  }

  /** Code with a hint at offset 0 that writes [ap] = (3 < 5) = 1, then {@code ap += 1; ret}. */
  private static final String LOADED =
      """
      {"bytecode": ["%s", "0x1", "%s"],
       "hints": [[0, [{"TestLessThan": {"lhs": {"Immediate": "0x3"}, "rhs": {"Immediate": "0x5"},
                  "dst": {"register": "AP", "offset": 0}}}]]],
       "entry_points_by_function": {"f": {"offset": 0, "builtins": []}}}
      """
          .formatted(AP_ADD_IMM, RET);

  @Test
  void codeLoadedAtRunTimeRunsWithItsOwnHints() throws Exception {
    // the loader: main(code) { call abs code; ret } — its own offset 0 has no hint
    CasmProgram loader =
        parse(
            """
            {"bytecode": ["%s", "%s"], "hints": [],
             "entry_points_by_function": {"main": {"offset": 0, "builtins": []}}}
            """
                .formatted(CALL_ABS_FP_M3, RET),
            "loader.json");
    CasmProgram code = parse(LOADED, "loaded.json");
    CasmRunner r = new CasmRunner(loader, new Cairo1HintProcessor());
    Relocatable base = r.loadCode(code, null);
    assertNotEquals(r.programBase().segment(), base.segment());
    CasmRunner.Result res = r.run("main", List.of(base), 0, null, 1, 100);
    // call, (hint) ap += 1, ret, ret
    assertEquals(4, res.steps());
    assertEquals(IntValue.of(BigInteger.ONE), res.returned().get(0));
    // without registering the code's hints the cell stays unwritten
    CasmRunner noHints = new CasmRunner(loader, new Cairo1HintProcessor());
    Relocatable other = noHints.memory().addSegment();
    noHints.memory().loadCells(other.segment(), code.image().cells, code.program().size());
    VmError e = assertThrows(VmError.class, () -> noHints.run("main", List.of(other), 0, null, 1, 100));
    assertTrue(e.getMessage().toLowerCase().contains("unknown") || e.getMessage().contains("not written") || e.getMessage().contains("no value"), e.getMessage());
  }

  @Test
  void aContractClassLoadedIntoASegmentRunsLikeTheMainProgram() throws Exception {
    Path f = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json");
    CasmProgram cls = CasmProgram.of(ContractClasses.loadCasm(f), "test_contract");
    String sel = "0x" + Selectors.fromName("test_segment_arena").toBigInteger().toString(16);
    long[] costs = {0, 0, 0, 0, 0, 0};
    // directly
    CasmRunner direct = new CasmRunner(cls, new Cairo1HintProcessor());
    direct.appendBuiltinCostTable(costs);
    List<MaybeRelocatable> want = call(direct, null, sel);
    // loaded at run time next to a one-instruction main program
    CasmProgram host = parse("{\"bytecode\": [\"%s\"], \"entry_points_by_function\": {\"main\": {\"offset\": 0}}}".formatted(RET), "host");
    CasmRunner hosted = new CasmRunner(host, new Cairo1HintProcessor());
    Relocatable base = hosted.loadCode(cls, costs);
    List<MaybeRelocatable> got = call(hosted, base, sel);
    assertEquals(IntValue.of(BigInteger.ZERO), got.get(2), "no panic");
    assertEquals(want.get(2), got.get(2));
    assertEquals(want.get(0), got.get(0)); // same gas left: the same code ran
  }

  private static List<MaybeRelocatable> call(CasmRunner r, Relocatable loadedAt, String selector) {
    Relocatable system = r.memory().addSegment();
    Relocatable cd = r.memory().addSegment();
    List<MaybeRelocatable> args = new ArrayList<>(List.of(IntValue.of(BigInteger.valueOf(10_000_000)), system, cd, cd));
    CasmRunner.Result res =
        loadedAt == null
            ? r.run(selector, args, 0, system, 5, 1_000_000)
            : r.runLoaded(loadedAt, selector, args, 0, system, 5, 1_000_000);
    assertTrue(res.builtinUsage().containsKey("range_check"), res.builtinUsage().toString());
    return res.returned();
  }

  @Test
  void arraysAmongTheArgumentsBecomeSpans() throws Exception {
    CasmRunner r = new CasmRunner(parse(LOADED, "x.json"), new Cairo1HintProcessor());
    List<MaybeRelocatable> flat = r.materialize(RunArg.parse("7,[1 2 3]"));
    assertEquals(3, flat.size());
    Relocatable start = (Relocatable) flat.get(1), end = (Relocatable) flat.get(2);
    assertEquals(start.add(3), end);
    assertEquals(BigInteger.valueOf(3), r.memory().getInt(start.add(2)));
  }

  @Test
  void unsquashedDictsFailTheSegmentArenaCheck() throws Exception {
    // f(segment_arena) returns its arena pointer + k. The constructed = destructed comparison itself runs in every
    // dict-using contract test (ContractRunnerTest, Erc20Test); here: a final pointer that is not past a whole triple.
    String body =
        """
        {"bytecode": ["%s", "0x1", "%s"], "hints": [],
         "entry_points_by_function": {"f": {"offset": 0, "builtins": ["segment_arena"]}}}
        """
            .formatted(AP_EQ_FP_M3_PLUS_IMM_APPP, RET);
    // [ap] = [fp-3] + 1: returns arena + 1 past the header — not a whole triple
    VmError e = assertThrows(VmError.class, () -> new CasmRunner(parse(body, "a.json"), new Cairo1HintProcessor()).run("f", List.of(), 0, null, 0, 10));
    assertInstanceOf(SecurityChecks.SecurityError.class, e);
    assertTrue(e.getMessage().contains("segment_arena"), e.getMessage());
    // + 0: the untouched header (no dicts) is valid; usage counts the header triple
    CasmRunner ok = new CasmRunner(parse(body.replace("\"0x1\"", "\"0x0\""), "b.json"), new Cairo1HintProcessor());
    assertEquals(Map.of("segment_arena", 1), ok.run("f", List.of(), 0, null, 0, 10).builtinUsage());
  }
}
