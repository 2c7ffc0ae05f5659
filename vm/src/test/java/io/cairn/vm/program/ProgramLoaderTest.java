package io.cairn.vm.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads compiler outputs 0.10.3 – 0.14.0.1 (programs and Cairo 0 contract classes) and rejects malformed ones. */
class ProgramLoaderTest {
  @Test
  void loadsEveryFixtureProgramAndContractClass() throws Exception {
    int n = 0;
    for (String dir : List.of("cairo0-programs", "cairo0-programs/proof_mode", "cairo0-programs/with_trace_and_memory", "cairo0-classes")) {
      try (Stream<Path> s = Files.list(Fixtures.require(dir))) {
        for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
          Program p = Program.load(f);
          assertTrue(p.size() >= 0, f.toString());
          n++;
        }
      }
    }
    assertEquals(39, n, "loaded " + n);
  }

  @Test
  void resolvesLabelsHintsAndDebugInfo() {
    Program p = Program.load(Fixtures.require("cairo0-programs/proof_mode/fibonacci.json"));
    assertEquals(0, p.labelPc("__main__.__start__"));
    assertEquals(4, p.labelPc("__main__.__end__"));
    Program d = Program.load(Fixtures.require("cairo0-programs/dict_squash.json"));
    assertTrue(d.hints().size() > 10);
    assertTrue(d.references().size() > 10);
    assertEquals(List.of("range_check"), d.builtins());
    Program.HintSpec h = d.hints().values().iterator().next().get(0);
    assertTrue(h.accessibleScopes().get(0).startsWith("starkware.cairo.common") || h.accessibleScopes().contains("__main__"), h.accessibleScopes().toString());
    Program c = Program.load(Fixtures.require("cairo0-classes/test_contract_compiled.json"));
    assertTrue(c.builtins().contains("pedersen"), c.builtins().toString());
  }

  @Test
  void malformedProgramsNameWhatIsWrong() {
    assertThrows(IllegalArgumentException.class, () -> Program.parse("[1]", "x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Program.parse("{\"data\": 3}", "x"));
    assertTrue(e.getMessage().contains("$.data"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Program.parse("{\"prime\": \"0x11\", \"data\": []}", "x"));
    assertTrue(e.getMessage().contains("$.prime"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Program.parse("{\"data\": [\"0x1\"], \"hints\": {\"0\": [{\"accessible_scopes\": []}]}}", "x"));
    assertTrue(e.getMessage().contains("$.hints.0[0].code"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Program.parse("{\"data\": [\"0x1\"]}", "x").mainPc());
    assertTrue(e.getMessage().contains("missing main()"), e.getMessage());
  }
}
