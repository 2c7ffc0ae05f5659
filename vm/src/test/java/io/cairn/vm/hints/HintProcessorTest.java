package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.vm.core.VmException;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ids resolution with ap tracking, caller hints overriding built-ins, and program_input. */
class HintProcessorTest {
  /** A program whose pc 0 carries one hint with ap tracking (hintGroup, hintOffset) and one reference x. */
  static Program program(String code, String refValue, int refGroup, int refOffset, int hintGroup, int hintOffset) {
    return Program.parse(
        "{\"data\":[\"0x208b7fff7fff7ffe\"],\"builtins\":[],\"hints\":{\"0\":[{\"code\":\"" + code + "\","
            + "\"accessible_scopes\":[\"__main__\",\"__main__.main\"],\"flow_tracking_data\":{\"ap_tracking\":{\"group\":"
            + hintGroup + ",\"offset\":" + hintOffset + "},\"reference_ids\":{\"__main__.main.x\":0}}}]},"
            + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},"
            + "\"reference_manager\":{\"references\":[{\"pc\":0,\"value\":\"" + refValue + "\",\"ap_tracking_data\":"
            + "{\"group\":" + refGroup + ",\"offset\":" + refOffset + "}}]}}",
        "t");
  }

  static final Map<String, Hint> COPY_X_TO_AP = Map.of("copy_x", c -> c.writeAp(c.get("x")));

  static CairoRunner run(Program p, HintProcessor hp, int writeAtApMinus, long value) {
    CairoRunner r = new CairoRunner(p, RunConfig.of("plain"), hp);
    r.initialize();
    Relocatable ap = r.vm().ap();
    if (writeAtApMinus > 0) r.memory().write(ap.add(-writeAtApMinus), value);
    r.run();
    return r;
  }

  @Test
  void apTrackingShiftsApByTheOffsetDifference() {
    // the reference was made when ap was 1 lower than at the hint (offsets 1 vs 2): [ap + (-1)] then is [ap - 2] now.
    // main's frame puts [ap-2] = return fp and [ap-1] = return pc, so read them back through the reference
    Program p = program("copy_x", "[cast(ap + (-1), felt*)]", 1, 1, 1, 2);
    CairoRunner r = new CairoRunner(p, RunConfig.of("plain"), new HintProcessor(COPY_X_TO_AP));
    r.initialize();
    Relocatable ap = r.vm().ap();
    r.run();
    assertEquals(r.memory().get(ap.add(-2)), r.memory().get(ap));
  }

  @Test
  void referenceFromAnotherApGroupIsRevoked() {
    Program p = program("copy_x", "[cast(ap + (-1), felt*)]", 0, 0, 1, 0);
    VmException e = assertThrows(VmException.class, () -> run(p, new HintProcessor(COPY_X_TO_AP), 0, 0));
    assertTrue(e.getMessage().contains("revoked"), e.getMessage());
  }

  @Test
  void callerHintsOverrideBuiltIns() {
    Program p = program(HintCodes.SEGMENTS_ADD.replace("\n", "\\n"), "[cast(fp, felt*)]", 0, 0, 0, 0);
    CairoRunner r = run(p, new HintProcessor(Map.of(HintCodes.SEGMENTS_ADD, c -> c.writeAp(42))), 0, 0);
    assertEquals(MaybeRelocatable.of(42), r.memory().get(r.executionBase().add(2)));
  }

  @Test
  void programInputIsVisibleToHints() throws Exception {
    Program p = program("read_input", "[cast(fp, felt*)]", 0, 0, 0, 0);
    HintProcessor hp = new HintProcessor(Map.of("read_input", c -> c.writeAp(c.programInput().get("n").asLong())));
    hp.setProgramInput(new ObjectMapper().readTree("{\"n\": 7}"));
    CairoRunner r = run(p, hp, 0, 0);
    assertEquals(MaybeRelocatable.of(7), r.memory().get(r.executionBase().add(2)));
  }
}
