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

  @Test
  void messagesDeploysAndBlockHashesAreServedAndPrinted() {
    String cls = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json").toString();
    String empty = Fixtures.require("cairo1-classes/feature-contracts/empty_contract.casm.json").toString();
    String vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json").toString();
    CliHarness m = CliHarness.run("call", cls, "--entry-point", "test_send_message_to_l1", "--calldata", "0x1234,2,5,6", "--versioned-constants", vc);
    assertEquals(0, m.exitCode(), m.err());
    assertTrue(m.out().contains("message to L1: from 0x1000 to 0x1234 payload [0x5, 0x6]"), m.out());
    // test_deploy(class 0x1 = test_contract itself, salt 7, calldata [3, 4], deploy_from_zero = false)
    CliHarness d = CliHarness.run("call", cls, "--entry-point", "test_deploy", "--calldata", "0x1,7,2,3,4,0", "--versioned-constants", vc);
    assertEquals(0, d.exitCode(), d.err());
    java.math.BigInteger addr =
        io.cairn.starknet.hash.Addresses.contractAddress(
                io.cairn.crypto.field.Felt.of(0x1000), io.cairn.crypto.field.Felt.of(7), io.cairn.crypto.field.Felt.of(1),
                java.util.List.of(io.cairn.crypto.field.Felt.of(3), io.cairn.crypto.field.Felt.of(4)))
            .toBigInteger();
    assertTrue(d.out().contains("deployed: 0x" + addr.toString(16) + " class 0x1 by 0x1000 calldata [0x3, 0x4]"), d.out());
    assertTrue(d.out().contains("syscalls: Deploy x1 (+2 felts), StorageWrite x1"), d.out());
    CliHarness e = CliHarness.run("call", cls, "--entry-point", "test_deploy", "--calldata", "0x77,1,0,0", "--declare", "0x77=" + empty, "--versioned-constants", vc);
    assertEquals(0, e.exitCode(), e.err());
    assertTrue(e.out().contains(" class 0x77 by 0x1000"), e.out());
    CliHarness h =
        CliHarness.run("call", cls, "--entry-point", "test_get_block_hash", "--calldata", "90,0xb10c", "--block-number", "100", "--block-hash", "90=0xb10c",
            "--versioned-constants", vc);
    assertEquals(0, h.exitCode(), h.err());
    assertTrue(h.out().contains("retdata: [0xb10c]"), h.out());
    CliHarness recent =
        CliHarness.run("call", cls, "--entry-point", "test_get_block_hash", "--calldata", "95,0", "--block-number", "100", "--versioned-constants", vc);
    assertEquals(1, recent.exitCode());
    assertTrue(recent.out().contains("'Block number out of range'"), recent.out());
    CliHarness bad = CliHarness.run("call", cls, "--entry-point", "test", "--block-hash", "x", "--versioned-constants", vc);
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--block-hash"), bad.err());
  }

  @Test
  void transactionInfoFlagsReachGetExecutionInfo() {
    String cls = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json").toString();
    String vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json").toString();
    // test_get_execution_info_without_block_info(version, account, max_fee, resource_bounds, caller, contract, selector)
    String selector = "0x" + io.cairn.starknet.hash.Selectors.fromName("test_get_execution_info_without_block_info").toBigInteger().toString(16);
    CliHarness r =
        CliHarness.run("call", cls, "--entry-point", "test_get_execution_info_without_block_info", "--tx-version", "1", "--caller", "0xacc",
            "--calldata", "1,0xacc,0,0,0xacc,0x1000," + selector, "--chain-id", "SN_SEPOLIA", "--versioned-constants", vc);
    assertEquals(0, r.exitCode(), r.out() + r.err());
    CliHarness wrong =
        CliHarness.run("call", cls, "--entry-point", "test_get_execution_info_without_block_info", "--tx-version", "3", "--caller", "0xacc",
            "--calldata", "1,0xacc,0,0,0xacc,0x1000," + selector, "--versioned-constants", vc);
    assertEquals(1, wrong.exitCode());
    assertTrue(wrong.out().contains("VERSION_MISMATCH"), wrong.out());
    CliHarness bad = CliHarness.run("call", cls, "--entry-point", "test", "--tx-version", "2", "--versioned-constants", vc);
    assertEquals(2, bad.exitCode());
  }

  @Test
  void aHardSyscallErrorIsOneLineWithThePcsAndTheCause() {
    String cls = Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json").toString();
    String vc = Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json").toString();
    CliHarness r = CliHarness.run("call", cls, "--entry-point", "test_replace_class", "--calldata", "0xdead", "--versioned-constants", vc);
    assertEquals(1, r.exitCode());
    assertTrue(r.err().matches("(?s)cairn: cairn call failed: at pc 0:\\d+: Class with hash 0xdead is not declared\\.\\s*"), r.err());
    // through a nested call: test_call_contract -> test_replace_class, two pcs
    String sel = "0x" + io.cairn.starknet.hash.Selectors.fromName("test_replace_class").toBigInteger().toString(16);
    CliHarness n = CliHarness.run("call", cls, "--entry-point", "test_call_contract", "--calldata", "0x1000," + sel + ",1,0xdead", "--versioned-constants", vc);
    assertEquals(1, n.exitCode());
    assertTrue(n.err().matches("(?s)cairn: cairn call failed: at pc 0:\\d+ > 0:\\d+: Class with hash 0xdead is not declared\\.\\s*"), n.err());
  }
}
