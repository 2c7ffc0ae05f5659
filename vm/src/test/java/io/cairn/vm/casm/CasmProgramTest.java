package io.cairn.vm.casm;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.cairo1.Cairo1Hint;
import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CasmProgramTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RET = "0x208b7fff7fff7ffe";

  @Test
  void everyFixtureCasmClassLoadsWithItsHintsDecoded() throws Exception {
    Path dir = Fixtures.require("cairo1-classes");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".casm.json") || p.toString().endsWith(".compiled_contract_class.json")).sorted().toList();
    }
    assertTrue(files.size() >= 20, "found " + files.size());
    int hinted = 0;
    for (Path f : files) {
      CasmProgram p = CasmProgram.of(ContractClasses.loadCasm(f), f.getFileName().toString());
      assertEquals(p.program().size(), p.hintsByPc().length, f.toString());
      assertFalse(p.entries().isEmpty() && !f.toString().contains("empty"), f + " has no entry points");
      for (Cairo1Hint[] hs : p.hintsByPc()) if (hs != null) hinted += hs.length;
    }
    assertTrue(hinted > 1000, "decoded " + hinted + " hints");
  }

  @Test
  void testContractHintsDecodeToTheirTypes() throws Exception {
    Path f = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json");
    CasmProgram p = CasmProgram.of(ContractClasses.loadCasm(f), "test_contract");
    // pc 0 holds TestLessThanOrEqual {lhs: Immediate 0, rhs: [fp - 6], dst: [ap + 0]}
    Cairo1Hint h = p.hintsByPc()[0][0];
    assertInstanceOf(Cairo1Hint.TestLessThanOrEqual.class, h);
    assertEquals("[ap + 0]", ((Cairo1Hint.TestLessThanOrEqual) h).dst().toString());
    assertInstanceOf(Cairo1Hint.SystemCall.class, p.hintsByPc()[77][0]);
  }

  @Test
  void executableFormRunsWithBuiltinsArgsAndHints() throws Exception {
    String exe =
        """
        {"program": {"prime": "0x800000000000011000000000000000000000000000000000000000000000001",
          "compiler_version": "2.10.0", "bytecode": ["%s"],
          "hints": [[0, [{"TestLessThan": {"lhs": {"Immediate": "0x3"}, "rhs": {"Deref": {"register": "FP", "offset": -3}},
                     "dst": {"register": "AP", "offset": 0}}}]]]},
         "entrypoints": [{"builtins": ["range_check"], "offset": 0, "kind": "Bootloader"}]}
        """
            .formatted(RET);
    CasmProgram p = CasmProgram.parse(JSON.readTree(exe), "exe");
    assertEquals(List.of("range_check"), p.entry("Bootloader").builtins());
    CasmRunner r = new CasmRunner(p, new Cairo1HintProcessor());
    CasmRunner.Result res = r.run("Bootloader", List.of(MaybeRelocatable.of(7)), 0, null, 3, 10);
    // a bare ret leaves the frame: [range_check ptr (the builtin's final pointer), 7, return fp, return pc]
    assertEquals(1, res.steps());
    assertEquals(new IntValue(BigInteger.valueOf(7)), res.returned().get(0));
    assertEquals(java.util.Map.of("range_check", 0), res.builtinUsage());
    // the hint ran before the ret: [ap] = 3 < 7
    assertEquals(BigInteger.ONE, r.memory().getInt(new Relocatable(res.vm().apSeg, res.vm().apOff)));
  }

  @Test
  void entryPointsByFunctionForm() throws Exception {
    String casm =
        """
        {"prime": "0x800000000000011000000000000000000000000000000000000000000000001", "bytecode": ["0x0", "%s"],
         "hints": [], "entry_points_by_function": {"main": {"offset": 1, "builtins": ["range_check96", "add_mod"]}}}
        """
            .formatted(RET);
    CasmProgram p = CasmProgram.parse(JSON.readTree(casm), "fn.casm.json");
    assertEquals(1, p.entry("main").offset());
    assertEquals(List.of("range_check96", "add_mod"), p.entry("main").builtins());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.entry("nope"));
    assertTrue(e.getMessage().contains("nope"));
  }

  @Test
  void badInputsNameTheirPath() throws Exception {
    String badHint =
        """
        {"bytecode": ["%s"], "hints": [[0, [{"AllocSegment": {"dst": {"register": "XP", "offset": 0}}}]]],
         "entry_points_by_function": {"main": {"offset": 0, "builtins": []}}}
        """
            .formatted(RET);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CasmProgram.parse(JSON.readTree(badHint), "b.json"));
    assertTrue(e.getMessage().contains("$.hints[0][1][0].AllocSegment.dst.register"), e.getMessage());
    String badOffset = """
        {"bytecode": ["%s"], "entry_points_by_function": {"main": {"offset": 5, "builtins": []}}}
        """.formatted(RET);
    e = assertThrows(IllegalArgumentException.class, () -> CasmProgram.parse(JSON.readTree(badOffset), "o.json"));
    assertTrue(e.getMessage().contains("outside the bytecode"), e.getMessage());
  }
}
