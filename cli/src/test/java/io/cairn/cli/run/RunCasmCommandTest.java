package io.cairn.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.CliHarness;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn run} on Cairo 1 programs, hand-assembled (instruction encodings as in CAIRO.md §4). */
class RunCasmCommandTest {
  @TempDir Path tmp;

  private static final String RET = "0x208b7fff7fff7ffe";
  private static final String PRIME = "0x800000000000011000000000000000000000000000000000000000000000001";

  /** f(a, b) = a + b; g(arr) = arr; h(data) panics with data; each with cairo-vm-ts's argument layouts. */
  private static final String FUNCTIONS =
      """
      {"prime": "%s", "compiler_version": "2.12.0",
       "bytecode": ["0x482a7ffd7ffc8000", "%s",
                    "0x480a7ffc7fff8000", "0x480a7ffd7fff8000", "%s",
                    "0x480680017fff8000", "0x1", "0x480a7ffc7fff8000", "0x480a7ffd7fff8000", "%s"],
       "hints": [],
       "entry_points_by_function": {
         "f": {"offset": 0, "builtins": [],
               "input_args": [{"generic_id": "felt252", "size": 1, "debug_name": "a"},
                              {"generic_id": "felt252", "size": 1, "debug_name": "b"}],
               "return_arg": [{"generic_id": "felt252", "size": 1, "debug_name": "felt252"}]},
         "g": {"offset": 2, "builtins": [],
               "input_args": [{"generic_id": "Array<felt252>", "size": 2, "debug_name": "arr"}],
               "return_arg": [{"generic_id": "Array<felt252>", "size": 2, "debug_name": "Array<felt252>"}]},
         "h": {"offset": 5, "builtins": [],
               "input_args": [{"generic_id": "Array<felt252>", "size": 2, "debug_name": "data"}],
               "return_arg": [{"generic_id": "PanicResult", "size": 3, "debug_name": "PanicResult",
                               "panic_inner_type": {"generic_id": "felt252", "size": 1, "debug_name": "felt252"}}]}}}
      """
          .formatted(PRIME, RET, RET, RET);

  /**
   * An Executable: Standalone header, then at 6 a body that reads its arguments (WriteRunParam), marks them as its
   * panic data (AddMarker) and fails `assert 1 = 0` — the shape of the compiler's wrapper when main panics.
   */
  private static final String PANICKING_EXECUTABLE =
      """
      {"program": {"prime": "%s", "compiler_version": "2.12.0",
        "bytecode": ["0x40780017fff7fff", "0x1", "0x1104800180018000", "0x4", "0x10780017fff7fff", "0x0",
                     "0x40780017fff7fff", "0x2", "0x480680017fff8000", "0x1", "0x400680017fff7fff", "0x0", "%s"],
        "hints": [[6, [{"WriteRunParam": {"index": {"Immediate": "0x0"}, "dst": {"register": "AP", "offset": 0}}}]],
                  [8, [{"AddMarker": {"start": {"Deref": {"register": "AP", "offset": -2}},
                                      "end": {"Deref": {"register": "AP", "offset": -1}}}}]]]},
       "entrypoints": [{"builtins": ["output"], "offset": 0, "kind": "Standalone"},
                       {"builtins": ["output"], "offset": 6, "kind": "Bootloader"}]}
      """
          .formatted(PRIME, RET);

  /** An Executable whose body writes 42 to the output and returns output + 1. */
  private static final String EXECUTABLE =
      """
      {"program": {"prime": "%s", "compiler_version": "2.12.0",
        "bytecode": ["0x40780017fff7fff", "0x1", "0x1104800180018000", "0x4", "0x10780017fff7fff", "0x0",
                     "0x480680017fff8000", "0x2a", "0x400280007ffd7fff", "0x482680017ffd8000", "0x1", "%s"],
        "hints": []},
       "entrypoints": [{"builtins": ["output"], "offset": 0, "kind": "Standalone"},
                       {"builtins": ["output"], "offset": 6, "kind": "Bootloader"}]}
      """
          .formatted(PRIME, RET);

  private Path write(String name, String json) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  @Test
  void functionArgumentsAndReturnedValues() throws Exception {
    Path p = write("fns.casm.json", FUNCTIONS);
    CliHarness r = CliHarness.run("run", "--casm", p.toString(), "--function", "f", "--args", "2,40", "--print-info");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("returned: 0x2a\nsteps: 2\n"), r.out());
    // an array argument is passed as a span and comes back as one
    r = CliHarness.run("run", p.toString(), "--function", "g", "--args", "[1 2 0x3]");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("returned: [0x1, 0x2, 0x3]\n", r.out());
  }

  @Test
  void aPanicResultErrPrintsThePanicTextAndExitsOne() throws Exception {
    Path p = write("fns.casm.json", FUNCTIONS);
    // 'Out of gas' as a short string
    CliHarness r = CliHarness.run("run", p.toString(), "--function", "h", "--args", "[0x4f7574206f6620676173]");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("panic: Panicked with 0x4f7574206f6620676173 ('Out of gas').\n", r.out());
  }

  @Test
  void aPanicBacktraceRecordedByAddTraceIsPrinted() throws Exception {
    // h's first instruction (pc 5) carries AddTrace('panic'): the chain is just h's own frame at pc 5
    Path p = write("traced.casm.json", FUNCTIONS.replace("\"hints\": []", "\"hints\": [[5, [{\"AddTrace\": {\"flag\": {\"Immediate\": \"0x70616e6963\"}}}]]]"));
    CliHarness r = CliHarness.run("run", p.toString(), "--function", "h", "--args", "[1]");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("panic: Panicked with 0x1.\npanic backtrace (pc): 0:5\n", r.out());
  }

  @Test
  void wrongArgumentCountsAndUnknownFunctionsAreBadInput() throws Exception {
    Path p = write("fns.casm.json", FUNCTIONS);
    CliHarness r = CliHarness.run("run", p.toString(), "--function", "f", "--args", "1");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("f takes 2 cells (a: 1, b: 1), got 1"), r.err());
    r = CliHarness.run("run", p.toString(), "--function", "nope");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("no entry 'nope'"), r.err());
    r = CliHarness.run("run", p.toString(), "--function", "f", "--args", "[1 2");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("missing ']'"), r.err());
    r = CliHarness.run("run", p.toString(), "--function", "f", "--args", "1,2", "--proof-mode");
    assertEquals(2, r.exitCode());
  }

  @Test
  void executablePrintsItsOutput() throws Exception {
    Path p = write("prog.executable.json", EXECUTABLE);
    CliHarness r = CliHarness.run("run", p.toString(), "--print-info");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("output: [0x2a]\nsteps: 6\nbuiltin output: 1 instances\n", r.out());
  }

  @Test
  void executablePanicDecodesTheMarkedData() throws Exception {
    Path p = write("panics.executable.json", PANICKING_EXECUTABLE);
    CliHarness r = CliHarness.run("run", p.toString(), "--args", "0x4f7574206f6620676173");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("panic: Panicked with 0x4f7574206f6620676173 ('Out of gas').\n", r.out());
    // arguments are Serde-serialized for an executable: [7 8] becomes its length then its items
    r = CliHarness.run("run", p.toString(), "--args", "5,[7 8]");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("panic: Panicked with (0x5, 0x2, 0x7, 0x8).\n", r.out());
  }

  @Test
  void aContractClassIsReferredToCall() {
    Path p = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json");
    CliHarness r = CliHarness.run("run", p.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("cairn call"), r.err());
  }
}
