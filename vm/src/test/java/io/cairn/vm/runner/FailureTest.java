package io.cairn.vm.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.builtins.RangeCheckBuiltin;
import io.cairn.vm.core.VmException;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Each failure gives its documented error. */
class FailureTest {
  static final String RET = "\"0x208b7fff7fff7ffe\"";

  static Program program(String data, String hints) {
    return Program.parse(
        "{\"data\":[" + data + "],\"builtins\":[],\"hints\":{" + hints + "},"
            + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},\"reference_manager\":{\"references\":[]}}",
        "test");
  }

  static CairoRunner runner(Program p) {
    CairoRunner r = new CairoRunner(p, RunConfig.of("plain"), new HintProcessor());
    r.initialize();
    return r;
  }

  @Test
  void failingAssertNamesValuesAndPc() {
    // [ap] = 1; [ap] = 2; ret
    Program p = program("\"0x400680017fff8000\",\"0x1\",\"0x400680017fff8000\",\"0x2\"," + RET, "");
    VmException e = assertThrows(VmException.class, () -> runner(p).run());
    assertEquals("An ASSERT_EQ instruction failed: 1 != 2.", e.inner());
    assertEquals(2, e.pc());
    assertTrue(e.getMessage().startsWith("Error at pc=0:2:"), e.getMessage());
  }

  @Test
  void inconsistentMemoryWriteIsRejected() {
    Memory m = new Memory();
    Relocatable s = m.addSegment();
    m.write(s, 7);
    m.write(s, 7); // same value: fine
    VmError e = assertThrows(Memory.InconsistentMemoryError.class, () -> m.write(s, 8));
    assertEquals("Inconsistent memory assignment at address 0:0. 7 != 8.", e.getMessage());
  }

  @Test
  void rangeCheckCellOutOfRangeIsRejected() {
    Memory m = new Memory();
    RangeCheckBuiltin rc = new RangeCheckBuiltin("range_check", true, 8, 1, 8);
    rc.initializeSegments(m);
    m.write(rc.base(), BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)); // largest valid
    VmError e = assertThrows(VmError.class, () -> m.write(rc.base().add(1), Field.P.subtract(BigInteger.ONE)));
    assertTrue(e.getMessage().contains("is out of range [0, 340282366920938463463374607431768211456)"), e.getMessage());
    VmError r = assertThrows(VmError.class, () -> m.write(rc.base().add(2), new Relocatable(0, 0)));
    assertTrue(r.getMessage().startsWith("Range-check builtin: Expected value at address"), r.getMessage());
  }

  @Test
  void unknownHintNamesCodeAndPc() {
    Program p =
        program(
            RET,
            "\"0\":[{\"code\":\"x = 1\",\"accessible_scopes\":[],\"flow_tracking_data\":{\"ap_tracking\":{\"group\":0,\"offset\":0},\"reference_ids\":{}}}]");
    VmError e = assertThrows(HintProcessor.UnknownHintException.class, () -> runner(p));
    assertTrue(e.getMessage().contains("unknown hint at pc 0"), e.getMessage());
    assertTrue(e.getMessage().endsWith("x = 1"), e.getMessage());
  }

  @Test
  void exhaustedStepsStopsTheRun() {
    // jmp rel 0 forever
    Program p = program("\"0x10780017fff7fff\",\"0x0\"", "");
    CairoRunner r = new CairoRunner(p, RunConfig.of("plain").withMaxSteps(100), new HintProcessor());
    r.initialize();
    VmError e = assertThrows(CairoRunner.StepLimitExceeded.class, r::run);
    assertTrue(e.getMessage().contains("End of program was not reached"), e.getMessage());
    assertEquals(100, r.vm().steps());
  }

  @Test
  void opcodeExtensionBitsAreUnsupported() {
    Program p = program("\"0x8000000000000000\"", "");
    VmException e = assertThrows(VmException.class, () -> runner(p).run());
    assertTrue(e.inner().startsWith("unsupported opcode extension at pc 0:0"), e.inner());
  }

  @Test
  void invalidFlagGroupsAreRejected() {
    // op1 sources imm and fp both set
    Program p = program("\"0x400e80017fff8000\",\"0x1\"", "");
    VmException e = assertThrows(VmException.class, () -> runner(p).run());
    assertTrue(e.inner().startsWith("Invalid op1_src"), e.inner());
  }

  static Program bitwiseProgram() {
    // main(bitwise_ptr): [ap] = [fp - 3]; ap++; ret  — returns its builtin pointer unchanged
    return Program.parse(
        "{\"data\":[\"0x480a7ffd7fff8000\"," + RET + "],\"builtins\":[\"bitwise\"],\"hints\":{},"
            + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},\"reference_manager\":{\"references\":[]}}",
        "bitwise-test");
  }

  @Test
  void builtinCellThatContradictsItsDeductionIsRejected() {
    CairoRunner r = new CairoRunner(bitwiseProgram(), RunConfig.of("starknet_with_keccak"), new HintProcessor());
    r.initialize();
    Relocatable base = r.builtin("bitwise").base();
    r.memory().write(base, 12);
    r.memory().write(base.add(1), 10);
    r.memory().write(base.add(2), 99); // 12 & 10 = 8
    VmError e = assertThrows(VmError.class, () -> SecurityChecks.verifyAutoDeductions(r));
    assertEquals("Inconsistent auto deduction rule at address " + base.segment() + ":2. 99 != 8.", e.getMessage());
  }

  @Test
  void secureRunRejectsCellsBeyondTheProgram() {
    CairoRunner r = new CairoRunner(bitwiseProgram(), RunConfig.of("starknet_with_keccak"), new HintProcessor());
    r.initialize();
    r.memory().write(r.programBase().add(5), 1);
    VmError e = assertThrows(SecurityChecks.SecurityError.class, r::run);
    assertTrue(e.getMessage().startsWith("Out of bounds access to program segment"), e.getMessage());
    // the same run without the stray cell passes, and proof mode's default skips the pass
    CairoRunner ok = new CairoRunner(bitwiseProgram(), RunConfig.of("starknet_with_keccak"), new HintProcessor());
    ok.initialize();
    ok.run();
  }
}
