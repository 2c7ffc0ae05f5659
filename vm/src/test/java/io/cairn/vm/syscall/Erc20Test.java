package io.cairn.vm.syscall;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.casm.CasmProgram;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Cairo compiler's example ERC20 (cairo-test-data erc20__erc_20) and nested calls through test_contract, with the
 * in-memory world; expectations from the contracts' Cairo sources.
 */
class Erc20Test {
  private static final long GAS = 100_000_000L;

  private static BigInteger sel(String name) {
    return Selectors.fromName(name).toBigInteger();
  }

  private static List<BigInteger> felts(long... v) {
    BigInteger[] b = new BigInteger[v.length];
    for (int i = 0; i < v.length; i++) b[i] = BigInteger.valueOf(v[i]);
    return List.of(b);
  }

  private static InMemorySyscallHandler world() throws Exception {
    return new InMemorySyscallHandler(
        SyscallCosts.load(Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json")));
  }

  @Test
  void constructorMintsAndBalanceOfReadsIt() throws Exception {
    InMemorySyscallHandler w = world();
    BigInteger cls = BigInteger.valueOf(0xe20), token = BigInteger.valueOf(0x700), holder = BigInteger.valueOf(0xabc);
    w.declare(cls, CasmProgram.of(ContractClasses.loadCasm(Fixtures.require("cairo1-classes/cairo-test-data/erc20__erc_20.compiled_contract_class.json")), "erc20"));
    w.deploy(token, cls);
    // constructor(name 'TKN', symbol 'T', decimals 18, initial_supply u256 (1000, 0), recipient 0xabc)
    ContractRunner.Outcome c = w.invoke(token, Selectors.CONSTRUCTOR.toBigInteger(), felts(0x544b4e, 0x54, 18, 1000, 0, 0xabc), GAS);
    assertFalse(c.panicked(), c.panicText());
    // one Transfer event (from 0 to the recipient, value 1000)
    assertEquals(1, w.events().size());
    assertTrue(w.events().get(0).data().contains(BigInteger.valueOf(1000)) || w.events().get(0).keys().contains(BigInteger.valueOf(1000)));
    ContractRunner.Outcome b = w.invoke(token, sel("balance_of"), List.of(holder), GAS);
    assertFalse(b.panicked(), b.panicText());
    assertEquals(felts(1000, 0), b.retdata()); // u256 as (low, high)
    ContractRunner.Outcome other = w.invoke(token, sel("balance_of"), felts(0xdef), GAS);
    assertEquals(felts(0, 0), other.retdata());
    // transfer(recipient 0xdef, amount u256 (300, 0)) from the holder: balances become 700 and 300
    ContractRunner.Outcome t = w.invokeFrom(holder, token, sel("transfer"), felts(0xdef, 300, 0), GAS);
    assertFalse(t.panicked(), t.panicText());
    assertEquals(felts(700, 0), w.invoke(token, sel("balance_of"), List.of(holder), GAS).retdata());
    assertEquals(felts(300, 0), w.invoke(token, sel("balance_of"), felts(0xdef), GAS).retdata());
    assertEquals(2, w.events().size());
    // overdrawing panics (u256 underflow) with a readable reason
    ContractRunner.Outcome over = w.invokeFrom(BigInteger.valueOf(0xdef), token, sel("transfer"), felts(0xabc, 301, 0), GAS);
    assertTrue(over.panicked());
    assertFalse(over.panicText().isEmpty());
    ContractRunner.Outcome name = w.invoke(token, sel("get_name"), felts(), GAS);
    assertEquals(felts(0x544b4e), name.retdata());
  }

  @Test
  void nestedCallContractRunsTheCalleeInItsOwnStorage() throws Exception {
    InMemorySyscallHandler w = world();
    BigInteger cls = BigInteger.valueOf(0x1234), a = BigInteger.valueOf(0x100), b = BigInteger.valueOf(0x200);
    w.declare(cls, CasmProgram.of(ContractClasses.loadCasm(Fixtures.require("cairo1-classes/feature-contracts/test_contract.casm.json")), "test_contract"));
    w.deploy(a, cls);
    w.deploy(b, cls);
    // a.test_call_contract(b, selector(test_storage_read_write), [0x10, 5]) returns b's retdata [5] unchanged
    // (blockifier's test_call_contract expects the outer retdata to equal the inner one)
    List<BigInteger> calldata = List.of(b, sel("test_storage_read_write"), BigInteger.TWO, BigInteger.valueOf(0x10), BigInteger.valueOf(5));
    ContractRunner.Outcome o = w.invoke(a, sel("test_call_contract"), calldata, GAS);
    assertFalse(o.panicked(), o.panicText());
    assertEquals(felts(5), o.retdata());
    assertEquals(BigInteger.valueOf(5), w.storage(b, BigInteger.valueOf(0x10)));
    assertEquals(BigInteger.ZERO, w.storage(a, BigInteger.valueOf(0x10)));
  }
}
