package io.cairn.vm.syscall;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.casm.CasmProgram;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * test_contract's {@code test_circuit} end to end: range_check96, add_mod, mul_mod and the EvalCircuit hint. Its
 * Cairo source asserts, mod 7 with inputs 3 and 6: add = 2, inv = 2⁻¹ = 4, sub = inv − 6 = 5, mul = inv·sub = 6, and
 * panics otherwise; so a non-panicking run with empty retdata is the check. A wrong circuit value makes it panic.
 */
class CircuitEntryPointTest {
  private static final BigInteger CLASS = BigInteger.valueOf(0x1234);
  private static final BigInteger ADDR = BigInteger.valueOf(0x100);
  private static final long GAS = 100_000_000L;

  private static ContractRunner.Outcome call(String classFile, String entryPoint) throws Exception {
    Path vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json");
    Path f = Fixtures.require(classFile);
    SyscallCosts costs = SyscallCosts.load(vc);
    InMemorySyscallHandler world = new InMemorySyscallHandler(costs);
    world.declare(CLASS, CasmProgram.of(ContractClasses.loadCasm(f), classFile));
    world.deploy(ADDR, CLASS);
    return world.invoke(ADDR, Selectors.fromName(entryPoint).toBigInteger(), List.of(), GAS);
  }

  @Test
  void testCircuitEvaluatesModSevenCircuitWithoutPanicking() throws Exception {
    ContractRunner.Outcome o = call("cairo1-classes/feature-contracts/test_contract.casm.json", "test_circuit");
    assertFalse(o.panicked(), o.panicText());
    assertEquals(List.of(), o.retdata());
    assertTrue(o.gasLeft() < GAS, "gas was charged");
  }

  /**
   * The Cairo compiler's circuit_contract: inv = (3 + 6)⁻¹ mod 7 = 2⁻¹ = 4 exists, so eval returns Success; a
   * Failure would panic with "Expected success".
   */
  @Test
  void circuitContractCircuitBuiltinsSucceeds() throws Exception {
    ContractRunner.Outcome o =
        call(
            "cairo1-classes/cairo-test-data/circuit_contract__circuit_contract.compiled_contract_class.json",
            "circuit_builtins");
    assertFalse(o.panicked(), o.panicText());
    assertEquals(List.of(), o.retdata());
  }

  /** Circuit inputs filled but never evaluated, twice (range_check96 holes): the source only requires no panic. */
  @Test
  void testRc96HolesRunsCleanly() throws Exception {
    ContractRunner.Outcome o = call("cairo1-classes/feature-contracts/test_contract.casm.json", "test_rc96_holes");
    assertFalse(o.panicked(), o.panicText());
    assertEquals(List.of(), o.retdata());
  }
}
