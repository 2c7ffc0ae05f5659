package io.cairn.vm.syscall;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.casm.CasmProgram;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** test_contract entry points run end to end with the in-memory handler; expectations from its Cairo source. */
class ContractRunnerTest {
  private static final BigInteger CLASS = BigInteger.valueOf(0x1234);
  private static final BigInteger ADDR = BigInteger.valueOf(0x100);
  private static final long GAS = 100_000_000L;
  private InMemorySyscallHandler world;
  private SyscallCosts costs;

  @BeforeEach
  void setUp() throws Exception {
    Path vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json");
    Path f = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json");
    costs = SyscallCosts.load(vc);
    world = new InMemorySyscallHandler(costs);
    world.declare(CLASS, CasmProgram.of(ContractClasses.loadCasm(f), "test_contract"));
    world.deploy(ADDR, CLASS);
  }

  private static BigInteger sel(String name) {
    return Selectors.fromName(name).toBigInteger();
  }

  private static List<BigInteger> felts(long... v) {
    BigInteger[] b = new BigInteger[v.length];
    for (int i = 0; i < v.length; i++) b[i] = BigInteger.valueOf(v[i]);
    return List.of(b);
  }

  @Test
  void syscallCostsFollowTheVersionedConstants() {
    // STARKNET.md §9.6: StorageRead = 180 steps·100 + 1 range check·70 = 18,070; the base 100 steps is prepaid
    assertEquals(18_070, costs.cost("StorageRead"));
    assertEquals(8_070, costs.charge("StorageRead"));
    assertEquals(449 * 100 + 70, costs.cost("StorageWrite"));
  }

  @Test
  void storageReadWriteReturnsTheWrittenValue() {
    ContractRunner.Outcome o = world.invoke(ADDR, sel("test_storage_read_write"), felts(0x10, 0x2a), GAS);
    assertFalse(o.panicked(), o.panicText());
    assertEquals(felts(0x2a), o.retdata());
    assertEquals(BigInteger.valueOf(0x2a), world.storage(ADDR, BigInteger.valueOf(0x10)));
    long used = GAS - o.gasLeft();
    // at least the two syscalls' charges, plus the steps run
    assertTrue(used > costs.charge("StorageRead") + costs.charge("StorageWrite"), "gas used " + used);
    assertTrue(o.steps() > 10 && o.steps() < 5_000, "steps " + o.steps());
  }

  @Test
  void emitEventsEmitsTheRequestedNumber() {
    // test_emit_events(events_number: u64 = 2, keys = [7], data = [8, 9])
    ContractRunner.Outcome o = world.invoke(ADDR, sel("test_emit_events"), felts(2, 1, 7, 2, 8, 9), GAS);
    assertFalse(o.panicked(), o.panicText());
    assertEquals(List.of(), o.retdata());
    assertEquals(2, world.events().size());
    for (InMemorySyscallHandler.Event e : world.events()) {
      assertEquals(ADDR, e.from());
      assertEquals(felts(7), e.keys());
      assertEquals(felts(8, 9), e.data());
    }
  }

  @Test
  void missingCalldataPanicsWithReadableText() {
    ContractRunner.Outcome o = world.invoke(ADDR, sel("test_storage_read_write"), felts(), GAS);
    assertTrue(o.panicked());
    assertTrue(o.panicText().contains("Failed to deserialize param #1"), o.panicText());
  }

  @Test
  void outOfGasPanics() {
    ContractRunner.Outcome o = world.invoke(ADDR, sel("test_storage_read_write"), felts(0x10, 0x2a), 20_000);
    assertTrue(o.panicked());
    assertTrue(o.panicText().contains("Out of gas"), o.panicText());
  }

  @Test
  void segmentArenaEntryPointsRunTheDictAndSquashHints() {
    // both build a Felt252Dict in the segment arena and squash it (AllocFelt252Dict, entry init/update, squash walk)
    ContractRunner.Outcome a = world.invoke(ADDR, sel("segment_arena_builtin"), felts(), GAS);
    assertFalse(a.panicked(), a.panicText());
    ContractRunner.Outcome b = world.invoke(ADDR, sel("test_segment_arena"), felts(), GAS);
    assertFalse(b.panicked(), b.panicText());
    assertEquals(1, b.retdata().size());
  }
}
