package io.cairn.vm.syscall;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Addresses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.casm.CasmProgram;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * test_contract's syscall entry points (blockifier's feature contract, compiler 2.16) end to end with the in-memory
 * world. What each must return or assert comes from its Cairo source in starkware-libs/sequencer
 * (crates/blockifier_test_utils/resources/feature_contracts/cairo1/test_contract.cairo).
 */
class FeatureContractSyscallsTest {
  private static final BigInteger CLASS = BigInteger.valueOf(0x1234);
  private static final BigInteger OTHER_CLASS = BigInteger.valueOf(0x5678);
  private static final BigInteger ADDR = BigInteger.valueOf(0x100);
  private static final long GAS = 1_000_000_000L;
  private InMemorySyscallHandler world;
  private SyscallCosts costs;

  @BeforeEach
  void setUp() throws Exception {
    costs = SyscallCosts.load(Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json"));
    world = new InMemorySyscallHandler(costs);
    world.declare(CLASS, CasmProgram.of(ContractClasses.loadCasm(Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json")), "test_contract"));
    world.declare(OTHER_CLASS, CasmProgram.of(ContractClasses.loadCasm(Fixtures.require("cairo1-classes/feature-contracts/empty_contract.casm.json")), "empty_contract"));
    world.deploy(ADDR, CLASS);
  }

  private static BigInteger sel(String name) {
    return Selectors.fromName(name).toBigInteger();
  }

  private static BigInteger ss(String s) {
    return new BigInteger(1, s.getBytes(StandardCharsets.US_ASCII));
  }

  private static List<BigInteger> felts(Object... v) {
    List<BigInteger> out = new ArrayList<>();
    for (Object o : v) {
      if (o instanceof BigInteger b) out.add(b);
      else if (o instanceof String s) out.add(s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : ss(s));
      else out.add(BigInteger.valueOf(((Number) o).longValue()));
    }
    return out;
  }

  private ContractRunner.Outcome ok(String entry, List<BigInteger> calldata) {
    ContractRunner.Outcome o = world.invoke(ADDR, sel(entry), calldata, GAS);
    assertFalse(o.panicked(), entry + " panicked: " + o.panicText());
    return o;
  }

  @Test
  void deployRunsTheConstructorAtTheStarknetAddress() {
    // test_deploy(class_hash, salt = 7, calldata = [3, 4], deploy_from_zero = false); the constructor writes
    // arg1 + arg2 into my_storage_var and returns arg1
    ok("test_deploy", felts(CLASS, 7, 2, 3, 4, 0));
    BigInteger expected =
        Addresses.contractAddress(Felt.of(ADDR), Felt.of(7), Felt.of(CLASS), List.of(Felt.of(3), Felt.of(4))).toBigInteger();
    assertEquals(1, world.deployments().size());
    InMemorySyscallHandler.Deployment d = world.deployments().get(0);
    assertEquals(expected, d.address());
    assertEquals(CLASS, world.classHashOf(expected));
    assertEquals(ADDR, d.deployer());
    BigInteger myStorageVar = Addresses.storageVarAddress("my_storage_var").toBigInteger();
    assertEquals(BigInteger.valueOf(7), world.storage(expected, myStorageVar));
    // the transaction's syscalls: the deploy (2 calldata felts) and the constructor's storage write
    assertEquals(
        java.util.Map.of("Deploy", new SyscallDispatcher.Usage(1, 2), "StorageWrite", new SyscallDispatcher.Usage(1, 0)), world.syscallUsage());
    // deploy_from_zero: the deployer part of the address is 0
    ok("test_deploy", felts(CLASS, 7, 2, 3, 4, 1));
    BigInteger fromZero = Addresses.contractAddress(Felt.ZERO, Felt.of(7), Felt.of(CLASS), List.of(Felt.of(3), Felt.of(4))).toBigInteger();
    assertEquals(fromZero, world.deployments().get(1).address());
    // a class without constructor deploys with empty calldata
    ok("test_deploy", felts(OTHER_CLASS, 1, 0, 0));
    assertEquals(OTHER_CLASS, world.classHashOf(world.deployments().get(2).address()));
  }

  @Test
  void deployingTwiceToOneAddressFailsTheWholeRun() {
    ok("test_deploy", felts(CLASS, 7, 2, 3, 4, 0));
    RuntimeException e = assertThrows(RuntimeException.class, () -> world.invoke(ADDR, sel("test_deploy"), felts(CLASS, 7, 2, 3, 4, 0), GAS));
    assertTrue(String.valueOf(e.getMessage()).contains("Deployment failed") || String.valueOf(e.getCause()).contains("Deployment failed"), String.valueOf(e));
  }

  @Test
  void aFailedDeployIsRolledBack() {
    // test_get_class_hash_after_failed_deploy: deploy_and_fail deploys, then panics 'Designed fail'; afterwards the
    // class hash at the would-be address is zero again
    BigInteger salt = BigInteger.valueOf(11);
    // deploy_and_fail passes no constructor calldata, so deploy the empty contract (test_contract's takes two)
    BigInteger expectedEmpty = Addresses.contractAddress(Felt.of(ADDR), Felt.of(salt), Felt.of(OTHER_CLASS), List.of()).toBigInteger();
    ok("test_get_class_hash_after_failed_deploy", felts(OTHER_CLASS, ADDR, salt, expectedEmpty));
    assertEquals(BigInteger.ZERO, world.classHashOf(expectedEmpty));
    assertTrue(world.deployments().isEmpty());
  }

  @Test
  void sendMessageToL1IsRecorded() {
    ok("test_send_message_to_l1", felts(0x1234, 3, 5, 6, 7));
    assertEquals(List.of(new InMemorySyscallHandler.MessageToL1(ADDR, BigInteger.valueOf(0x1234), felts(5, 6, 7))), world.messagesToL1());
  }

  @Test
  void getBlockHashServesOnlyBlocksTenBehind() {
    world.setBlockInfo(new SyscallHandler.BlockInfo(BigInteger.valueOf(100), BigInteger.valueOf(1_700_000_000), BigInteger.valueOf(0x5e9)));
    world.setBlockHash(90, BigInteger.valueOf(0xb10c));
    assertEquals(felts(0xb10c), ok("test_get_block_hash", felts(90, 0xb10c)).retdata());
    assertEquals(BigInteger.valueOf(0xb10c), world.storage(BigInteger.ONE, BigInteger.valueOf(90)), "kept in the block-hash contract");
    ContractRunner.Outcome recent = world.invoke(ADDR, sel("test_get_block_hash"), felts(91, 0), GAS);
    assertTrue(recent.panicked());
    assertEquals(felts("Block number out of range"), recent.retdata());
    ok("test_get_block_hash_current_block_number", felts());
  }

  @Test
  void getClassHashAtAndReplaceClass() {
    ok("test_get_class_hash_at", felts(ADDR, CLASS, 0x999));
    ContractRunner.Outcome wrong = world.invoke(ADDR, sel("test_get_class_hash_at"), felts(ADDR, OTHER_CLASS, 0x999), GAS);
    assertTrue(wrong.panicked());
    assertEquals(felts("WRONG_CLASS_HASH"), wrong.retdata());
    ok("test_replace_class", felts(OTHER_CLASS));
    assertEquals(OTHER_CLASS, world.classHashOf(ADDR));
  }

  @Test
  void replacingWithAnUndeclaredClassFailsTheRun() {
    assertThrows(RuntimeException.class, () -> world.invoke(ADDR, sel("test_replace_class"), felts(0xdead), GAS));
    assertEquals(CLASS, world.classHashOf(ADDR));
  }

  @Test
  void keccakAndSha256() {
    ok("test_keccak", felts());
    // one 17-word round for the padded u256; the 1-word call reverts before any round is counted
    assertEquals(new SyscallDispatcher.Usage(1, 0), world.syscallUsage().get("Keccak"));
    ok("test_sha256", felts());
    ok("test_sha256_with_alternating_inner_calls", felts());
  }

  @Test
  void secp256k1() {
    BigInteger x = new BigInteger("F728B4FA42485E3A0A5D2F346BAA9455E3E70682C2094CAC629F6FBED82C07CD", 16);
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    ok("test_secp256k1", felts());
    ok("test_secp256k1_point_from_x", felts());
    ok("test_new_point_secp256k1", felts(x.and(mask), x.shiftRight(128)));
    ok("test_signature_verification_secp256k1", felts());
  }

  @Test
  void secp256r1() {
    BigInteger x = new BigInteger("502A43CE77C6F5C736A82F847FA95F8C2D483FE223B12B91047D83258A958B0F", 16);
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    ok("test_secp256r1", felts());
    ok("test_new_point_secp256r1", felts(x.and(mask), x.shiftRight(128)));
    ok("test_signature_verification_secp256r1", felts());
  }

  private SyscallHandler.TxInfo v3Tx() {
    return new SyscallHandler.TxInfo(
        BigInteger.valueOf(3), BigInteger.valueOf(0xacc), BigInteger.ZERO, felts(0x7a), BigInteger.valueOf(0x7a), ss("SN_SEPOLIA"), BigInteger.valueOf(5), true,
        List.of(
            new SyscallHandler.ResourceBound(ss("L1_GAS"), BigInteger.valueOf(10), BigInteger.valueOf(11)),
            new SyscallHandler.ResourceBound(ss("L2_GAS"), BigInteger.valueOf(12), BigInteger.valueOf(13)),
            new SyscallHandler.ResourceBound(ss("L1_DATA"), BigInteger.valueOf(14), BigInteger.valueOf(15))),
        BigInteger.valueOf(2), felts(0xaa), 1, 0, felts(0xbb, 0xcc), felts(0xdd, 0xee));
  }

  /** BlockInfo, caller, contract, selector, then TxInfo serialized as Serde does (spans as length + items). */
  private List<BigInteger> expectedInfo(String entry, boolean withProofFacts) {
    List<BigInteger> cd = new ArrayList<>(felts(100, 1_700_000_000, 0x5e9, 0xca11e7, ADDR, sel(entry)));
    cd.addAll(felts(3, 0xacc, 0, 1, 0x7a, 0x7a, "SN_SEPOLIA", 5));
    cd.addAll(felts(3, "L1_GAS", 10, 11, "L2_GAS", 12, 13, "L1_DATA", 14, 15));
    cd.addAll(felts(2, 1, 0xaa, 1, 0, 2, 0xbb, 0xcc));
    if (withProofFacts) cd.addAll(felts(2, 0xdd, 0xee));
    return cd;
  }

  @Test
  void getExecutionInfoV2AndV3ReadTheSameLayout() {
    world.setBlockInfo(new SyscallHandler.BlockInfo(BigInteger.valueOf(100), BigInteger.valueOf(1_700_000_000), BigInteger.valueOf(0x5e9)));
    world.setTxInfo(v3Tx());
    BigInteger caller = BigInteger.valueOf(0xca11e7);
    ContractRunner.Outcome v3 = world.invokeFrom(caller, ADDR, sel("test_get_execution_info_v3"), expectedInfo("test_get_execution_info_v3", true), GAS);
    assertFalse(v3.panicked(), v3.panicText());
    ContractRunner.Outcome v2 = world.invokeFrom(caller, ADDR, sel("test_get_execution_info_v2"), expectedInfo("test_get_execution_info_v2", false), GAS);
    assertFalse(v2.panicked(), v2.panicText());
    // a mutation the contract must notice: another nonce
    List<BigInteger> bad = expectedInfo("test_get_execution_info_v3", true);
    bad.set(13, BigInteger.valueOf(6));
    ContractRunner.Outcome m = world.invokeFrom(caller, ADDR, sel("test_get_execution_info_v3"), bad, GAS);
    assertTrue(m.panicked());
    assertEquals(felts("NONCE_MISMATCH"), m.retdata());
  }

  @Test
  void v1BoundAndDataGasAccountClassesSeeWhatBlockifierShowsThem() {
    world.setBlockInfo(new SyscallHandler.BlockInfo(BigInteger.valueOf(100), BigInteger.valueOf(1_700_000_000), BigInteger.valueOf(0x5e9)));
    world.setTxInfo(v3Tx());
    BigInteger caller = BigInteger.valueOf(0xca11e7);
    // a class listed in v1_bound_accounts_cairo1 sees version 1 for a v3 transaction with tip 2 (≤ the max tip)
    BigInteger v1Bound = new BigInteger("1a736d6ed154502257f02b1ccdf4d9d1089f80811cd6acad48e6b6a9d1f2003", 16);
    world.declare(v1Bound, world_class("test_contract"));
    world.deploy(BigInteger.valueOf(0x300), v1Bound);
    List<BigInteger> cd = expectedInfo("test_get_execution_info_v3", true);
    cd.set(4, BigInteger.valueOf(0x300));
    cd.set(6, BigInteger.ONE);
    ContractRunner.Outcome o = world.invokeFrom(caller, BigInteger.valueOf(0x300), sel("test_get_execution_info_v3"), cd, GAS);
    assertFalse(o.panicked(), o.panicText());
    // a class listed in data_gas_accounts sees only the L1_GAS and L2_GAS bounds
    BigInteger dataGas = new BigInteger("2c8c7e6fbcfb3e8e15a46648e8914c6aa1fc506fc1e7fb3d1e19630716174bc", 16);
    world.declare(dataGas, world_class("test_contract"));
    world.deploy(BigInteger.valueOf(0x400), dataGas);
    List<BigInteger> cd2 = expectedInfo("test_get_execution_info_v3", true);
    cd2.set(4, BigInteger.valueOf(0x400));
    cd2.set(14, BigInteger.TWO);
    cd2.subList(21, 24).clear(); // drop the L1_DATA triple
    ContractRunner.Outcome o2 = world.invokeFrom(caller, BigInteger.valueOf(0x400), sel("test_get_execution_info_v3"), cd2, GAS);
    assertFalse(o2.panicked(), o2.panicText());
    // the plain class sees the transaction as it is
    assertFalse(world.invokeFrom(caller, ADDR, sel("test_get_execution_info_v3"), expectedInfo("test_get_execution_info_v3", true), GAS).panicked());
  }

  @Test
  void validateModeRoundsTheBlockAndRefusesSyscalls() {
    // block 123 at 1,700,001,234 is seen by __validate__ as block 100 at 1,699,999,200 (multiples of 100 and 3600),
    // sequencer 0
    world.setBlockInfo(new SyscallHandler.BlockInfo(BigInteger.valueOf(123), BigInteger.valueOf(1_700_001_234), BigInteger.valueOf(0x5e9)));
    world.setTxInfo(v3Tx());
    world.setValidateMode(true);
    List<BigInteger> cd = expectedInfo("test_get_execution_info_v3", true);
    cd.set(0, BigInteger.valueOf(100));
    cd.set(1, BigInteger.valueOf(1_699_999_200));
    cd.set(2, BigInteger.ZERO);
    ContractRunner.Outcome o = world.invokeFrom(BigInteger.valueOf(0xca11e7), ADDR, sel("test_get_execution_info_v3"), cd, GAS);
    assertFalse(o.panicked(), o.panicText());
    for (String[] c : new String[][] {{"test_deploy", "deploy"}, {"test_get_class_hash_at", "get_class_hash_at"}, {"test_get_block_hash", "get_block_hash"}}) {
      List<BigInteger> args = c[0].equals("test_deploy") ? felts(CLASS, 7, 2, 3, 4, 0) : c[0].equals("test_get_block_hash") ? felts(120, 0) : felts(ADDR, CLASS, 0x999);
      RuntimeException e = assertThrows(RuntimeException.class, () -> world.invoke(ADDR, sel(c[0]), args, GAS));
      String text = e.getMessage() + " " + e.getCause();
      assertTrue(text.contains("Unauthorized syscall " + c[1]), text);
    }
    // a call to itself is allowed, to another contract not
    ok("recursive_syscall", felts(ADDR, sel("recursive_syscall"), 1));
    world.deploy(BigInteger.valueOf(0x200), CLASS);
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> world.invoke(ADDR, sel("recursive_syscall"), felts(0x200, sel("recursive_syscall"), 1), GAS));
    assertTrue((e.getMessage() + " " + e.getCause()).contains("Unauthorized syscall call_contract"), String.valueOf(e));
  }

  @Test
  void atMostAThousandEventsPerTransaction() {
    // test_emit_events(n, keys, data): 1000 pass in one transaction, and again in the next; 1001 fail the run
    ok("test_emit_events", felts(1000, 1, 7, 0));
    ok("test_emit_events", felts(1000, 1, 7, 0));
    assertEquals(2000, world.events().size());
    RuntimeException e = assertThrows(RuntimeException.class, () -> world.invoke(ADDR, sel("test_emit_events"), felts(1001, 1, 7, 0), GAS));
    assertTrue((e.getMessage() + " " + e.getCause()).contains("Exceeded the maximum number of events"), String.valueOf(e));
    assertEquals(2000, world.events().size(), "the failed transaction's events are gone");
  }

  @Test
  void executionInfoOfADeprecatedTransaction() {
    // test_get_execution_info_without_block_info(version, account, max_fee, resource_bounds, caller, contract, selector)
    world.setTxInfo(SyscallHandler.TxInfo.deprecated(BigInteger.ONE, BigInteger.valueOf(0xacc), BigInteger.valueOf(77), List.of(), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO));
    ok("test_get_execution_info_without_block_info", felts(1, 0xacc, 77, 0, 0, ADDR, sel("test_get_execution_info_without_block_info")));
  }

  @Test
  void directExecuteCallIsRefused() {
    // test_direct_execute_call expects the inner error to end with 'Invalid argument'
    ok("test_direct_execute_call", felts(ADDR, 0));
  }

  @Test
  void aRevertedInnerCallLeavesNoTrace() {
    // test_call_contract_revert: the callee emits, replaces the class, sends a message, writes storage, then
    // panics 'test_revert_helper'; the caller sees [.., 'test_revert_helper', 'ENTRYPOINT_FAILED'] and none of it
    // stays (storage 0, class unchanged); through call_contract, through meta_tx_v0 (its __execute__), and for an
    // unknown selector ('ENTRYPOINT_NOT_FOUND')
    BigInteger helper = sel("test_revert_helper"), execute = sel("__execute__"), bad = sel("bad_selector");
    ok("test_call_contract_revert", felts(ADDR, helper, 2, OTHER_CLASS, 1, 0));
    ok("test_call_contract_revert", felts(ADDR, execute, 2, OTHER_CLASS, 1, 1));
    ok("test_call_contract_revert", felts(ADDR, bad, 0, 0));
    assertEquals(CLASS, world.classHashOf(ADDR));
    assertTrue(world.events().isEmpty());
    assertTrue(world.messagesToL1().isEmpty());
    // catch_write_revert_panic: a write by a nested call of a reverted call is undone too
    BigInteger key = BigInteger.valueOf(0x77);
    assertEquals(felts(0), ok("catch_write_revert_panic", felts(ADDR, key)).retdata());
    assertEquals(BigInteger.ZERO, world.storage(ADDR, key));
    ok("test_revert_with_inner_call_and_reverted_storage", felts(ADDR, OTHER_CLASS));
  }

  /** The 0.14.2 constants with one syscall's resources changed. */
  private SyscallCosts tweaked(String syscall, String part, long extraSteps) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode vc =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json").toFile());
    com.fasterxml.jackson.databind.node.ObjectNode r =
        (com.fasterxml.jackson.databind.node.ObjectNode) vc.path("os_resources").path("execute_syscalls").path(syscall);
    if (part != null) r = (com.fasterxml.jackson.databind.node.ObjectNode) r.path(part);
    r.put("n_steps", r.path("n_steps").asLong() + extraSteps);
    return new SyscallCosts(vc, "tweaked");
  }

  private long gasUsed(SyscallCosts c, String entry, List<BigInteger> calldata) throws Exception {
    InMemorySyscallHandler w = new InMemorySyscallHandler(c);
    w.declare(CLASS, world_class("test_contract"));
    w.deploy(ADDR, CLASS);
    ContractRunner.Outcome o = w.invoke(ADDR, sel(entry), calldata, GAS);
    assertFalse(o.panicked(), o.panicText());
    return GAS - o.gasLeft();
  }

  @Test
  void eachSyscallIsChargedExactlyItsVersionedCost() throws Exception {
    // the gas a run uses moves by exactly the change in the syscall's cost: 1 message → +1 step = +100 gas
    long base = gasUsed(costs, "test_send_message_to_l1", felts(1, 2, 9, 9));
    assertEquals(base + 100, gasUsed(tweaked("SendMessageToL1", null, 1), "test_send_message_to_l1", felts(1, 2, 9, 9)));
    // deploy with two constructor felts: one more step in the calldata factor costs 2·100 more
    long d = gasUsed(costs, "test_deploy", felts(CLASS, 7, 2, 3, 4, 0));
    assertEquals(d + 200, gasUsed(tweaked("Deploy", "calldata_factor", 1), "test_deploy", felts(CLASS, 7, 2, 3, 4, 0)));
    assertEquals(d + 100, gasUsed(tweaked("Deploy", "constant", 1), "test_deploy", felts(CLASS, 7, 2, 3, 4, 0)));
    // test_keccak runs keccak_u256s_le_inputs on one u256 (one 17-word round) and a failing 1-word call (no
    // round charged): one more KeccakRound step costs exactly 100
    long k = gasUsed(costs, "test_keccak", felts());
    assertEquals(k + 100, gasUsed(tweaked("KeccakRound", null, 1), "test_keccak", felts()));
  }

  @Test
  void callsNestAtMostMaxRecursionDepthDeep() {
    // recursive_syscall(address, selector, depth) calls itself depth times: depth + 1 frames; the limit is 50
    BigInteger self = sel("recursive_syscall");
    ok("recursive_syscall", felts(ADDR, self, 49));
    io.cairn.vm.memory.VmError e =
        assertThrows(io.cairn.vm.memory.VmError.class, () -> world.invoke(ADDR, self, felts(ADDR, self, 50), GAS));
    assertTrue(String.valueOf(e.getMessage()).contains("Recursion depth exceeded") || String.valueOf(e.getCause()).contains("Recursion depth exceeded"), String.valueOf(e));
  }

  @Test
  void theEntryPointInitialBudgetIsTakenFirst() {
    // entry_point_initial_budget = 100 steps = 10,000 gas: with less, the call fails 'Out of gas' and uses nothing
    ContractRunner.Outcome o = world.invoke(ADDR, sel("empty_function"), felts(), 9_999);
    assertTrue(o.panicked());
    assertEquals(felts("Out of gas"), o.retdata());
    assertEquals(9_999, o.gasLeft());
    // with enough, an empty function uses less than the budget: the code redeposits what it does not need
    long used = GAS - ok("empty_function", felts()).gasLeft();
    assertTrue(used > 0 && used < 10_000, "gas used " + used);
  }

  private CasmProgram world_class(String name) {
    try {
      return CasmProgram.of(ContractClasses.loadCasm(Fixtures.require("cairo1-classes/feature-contracts/" + name + ".casm.json")), name);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
