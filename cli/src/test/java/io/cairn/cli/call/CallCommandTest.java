package io.cairn.cli.call;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.cli.CliHarness;
import io.cairn.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class CallCommandTest {
  @Test
  void storageReadWriteReturnsTheValueAndReportsGas() {
    String cls = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json").toString();
    String vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json").toString();
    CliHarness r = CliHarness.run("call", cls, "--entry-point", "test_storage_read_write", "--calldata", "0x10,42", "--versioned-constants", vc);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("retdata: [0x2a]"), r.out());
    assertTrue(r.out().contains("gas used: "), r.out());
  }

  @Test
  void panicExitsOneWithTheReason() {
    String cls = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json").toString();
    String vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json").toString();
    CliHarness r = CliHarness.run("call", cls, "--entry-point", "test_storage_read_write", "--versioned-constants", vc);
    assertEquals(1, r.exitCode());
    assertTrue(r.out().contains("Failed to deserialize param #1"), r.out());
    CliHarness bad = CliHarness.run("call", cls, "--entry-point", "x", "--calldata", "zz", "--versioned-constants", vc);
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--calldata"), bad.err());
  }
}
