package io.cairn.starknet.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Malformed classes are rejected with the source, the JSON path and the reason, on one line. */
class ClassFormatErrorsTest {
  private static final String PROGRAM =
      "{\"prime\": \"0x800000000000011000000000000000000000000000000000000000000000001\", \"builtins\": [],"
          + " \"data\": [\"0x1\", \"0x2\"], \"hints\": {}, \"identifiers\": {}, \"main_scope\": \"__main__\","
          + " \"reference_manager\": {\"references\": []}, \"debug_info\": null}";

  private static ClassFormatException classError(String json) {
    return assertThrows(
        ClassFormatException.class,
        () -> ContractClasses.parseClass(json.getBytes(StandardCharsets.UTF_8), "some/file.json"));
  }

  private static ClassFormatException casmError(String json) {
    return assertThrows(
        ClassFormatException.class,
        () -> ContractClasses.parseCasm(json.getBytes(StandardCharsets.UTF_8), "some/file.json"));
  }

  private static String legacy(String program, String entryPoints) {
    return "{\"abi\": [], \"entry_points_by_type\": " + entryPoints + ", \"program\": " + program + "}";
  }

  @Test
  void validLegacySkeletonParses() {
    ContractClass c = ContractClasses.parseClass(legacy(PROGRAM, "{\"EXTERNAL\": [{\"selector\": \"0x5\", \"offset\": \"0x1\"}]}").getBytes(), "x");
    assertEquals(2, ((LegacyClass) c).data().size());
  }

  @Test
  void malformedJsonNamesLineAndPath() {
    ClassFormatException e = classError("{\"sierra_program\": [\"0x1\", }");
    assertTrue(e.getMessage().startsWith("some/file.json: $.sierra_program"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertEquals(-1, e.getMessage().indexOf('\n'));
  }

  @Test
  void badFeltNamesItsIndex() {
    ClassFormatException e = classError(legacy(PROGRAM.replace("\"0x2\"", "\"0xZZ\""), "{}"));
    assertEquals("$.program.data[1]", e.jsonPath());
    assertEquals("some/file.json", e.source());
  }

  @Test
  void feltAbovePrimeIsRejected() {
    String aboveP = "\"0x800000000000011000000000000000000000000000000000000000000000001\"";
    ClassFormatException e =
        classError("{\"sierra_program\": [" + aboveP + "], \"entry_points_by_type\": {}, \"abi\": \"\"}");
    assertEquals("$.sierra_program[0]", e.jsonPath());
  }

  @Test
  void entryPointOutsideTheProgram() {
    ClassFormatException e = classError(legacy(PROGRAM, "{\"EXTERNAL\": [{\"selector\": \"0x5\", \"offset\": 2}]}"));
    assertEquals("$.entry_points_by_type.EXTERNAL[0].offset", e.jsonPath());
  }

  @Test
  void unknownEntryPointTypeAndProgramField() {
    assertEquals("$.entry_points_by_type.EXTERNALS", classError(legacy(PROGRAM, "{\"EXTERNALS\": []}")).jsonPath());
    assertEquals(
        "$.program.extra", classError(legacy(PROGRAM.replace("{\"prime\"", "{\"extra\": 1, \"prime\""), "{}")).jsonPath());
  }

  @Test
  void missingFields() {
    ClassFormatException noData = classError(legacy(PROGRAM.replace(" \"data\": [\"0x1\", \"0x2\"],", ""), "{}"));
    assertEquals("$.program.data", noData.jsonPath());
    assertEquals("missing", noData.problem());
    assertEquals("$.entry_points_by_type", classError("{\"sierra_program\": []}").jsonPath());
  }

  @Test
  void wrongKinds() {
    assertTrue(classError("{\"bytecode\": []}").getMessage().contains("compiled (CASM) class"));
    assertTrue(casmError("{\"sierra_program\": []}").getMessage().contains("Sierra class"));
    assertTrue(classError("[1, 2]").getMessage().contains("expected a JSON object"));
    assertTrue(classError("").getMessage().contains("empty"));
    assertEquals("$.abi", classError("{\"sierra_program\": [], \"entry_points_by_type\": {}, \"abi\": 5}").jsonPath());
  }

  @Test
  void casmSegmentLengthsMustCoverTheBytecode() {
    String casm = "{\"bytecode\": [\"0x1\", \"0x2\"], \"bytecode_segment_lengths\": [1, 2], \"entry_points_by_type\": {}}";
    assertEquals("$.bytecode_segment_lengths", casmError(casm).jsonPath());
    String negative = "{\"bytecode\": [\"0x1\"], \"bytecode_segment_lengths\": [[1], -1], \"entry_points_by_type\": {}}";
    assertEquals("$.bytecode_segment_lengths[1]", casmError(negative).jsonPath());
  }

  @Test
  void casmEntryPointOffsetAndBuiltins() {
    String bad = "{\"bytecode\": [\"0x1\"], \"entry_points_by_type\": {\"EXTERNAL\": [{\"selector\": \"0x1\", \"offset\": 0, \"builtins\": [3]}]}}";
    assertEquals("$.entry_points_by_type.EXTERNAL[0].builtins[0]", casmError(bad).jsonPath());
  }

  @Test
  void corruptCompressedProgram() {
    ClassFormatException e = classError("{\"abi\": [], \"entry_points_by_type\": {}, \"program\": \"bm90IGd6aXA=\"}");
    assertEquals("$.program", e.jsonPath());
  }
}
