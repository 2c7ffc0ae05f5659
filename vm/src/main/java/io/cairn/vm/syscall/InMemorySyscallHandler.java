package io.cairn.vm.syscall;

import io.cairn.vm.casm.CasmProgram;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A world in memory for tests and the CLI: storage per contract address, emitted events, and deployed classes that
 * nested calls run. Reverts are not rolled back.
 */
public final class InMemorySyscallHandler implements SyscallHandler {
  /** An emitted event with the address that emitted it. */
  public record Event(BigInteger from, List<BigInteger> keys, List<BigInteger> data) {}

  private final SyscallCosts costs;
  private final Map<BigInteger, Map<BigInteger, BigInteger>> storage = new HashMap<>();
  private final Map<BigInteger, BigInteger> classOf = new HashMap<>();
  private final Map<BigInteger, CasmProgram> classes = new HashMap<>();
  private final List<Event> events = new ArrayList<>();
  /** Call frames: {address, caller, selector}. */
  private final ArrayDeque<BigInteger[]> contexts = new ArrayDeque<>();
  private long maxSteps = 10_000_000;

  public InMemorySyscallHandler(SyscallCosts costs) {
    this.costs = costs;
  }

  public void declare(BigInteger classHash, CasmProgram cls) {
    classes.put(classHash, cls);
  }

  public void deploy(BigInteger address, BigInteger classHash) {
    if (!classes.containsKey(classHash)) throw new IllegalArgumentException("class 0x" + classHash.toString(16) + " is not declared");
    classOf.put(address, classHash);
  }

  public List<Event> events() {
    return events;
  }

  public BigInteger storage(BigInteger address, BigInteger key) {
    return storage.getOrDefault(address, Map.of()).getOrDefault(key, BigInteger.ZERO);
  }

  /** Calls an entry point of a deployed contract from outside (a transaction's top-level call). */
  public ContractRunner.Outcome invoke(BigInteger address, BigInteger selector, List<BigInteger> calldata, long gas) {
    return invokeFrom(BigInteger.ZERO, address, selector, calldata, gas);
  }

  /** A top-level call whose caller (get_caller_address) is {@code caller}. */
  public ContractRunner.Outcome invokeFrom(BigInteger caller, BigInteger address, BigInteger selector, List<BigInteger> calldata, long gas) {
    return run(caller, address, classOf(address), selector, calldata, gas);
  }

  private BigInteger classOf(BigInteger address) {
    BigInteger c = classOf.get(address);
    if (c == null) throw new IllegalArgumentException("no contract deployed at 0x" + address.toString(16));
    return c;
  }

  private ContractRunner.Outcome run(
      BigInteger caller, BigInteger address, BigInteger classHash, BigInteger selector, List<BigInteger> calldata, long gas) {
    contexts.push(new BigInteger[] {address, caller, selector});
    try {
      return ContractRunner.call(classes.get(classHash), selector, calldata, gas, this, costs, maxSteps);
    } finally {
      contexts.pop();
    }
  }

  private BigInteger[] frame() {
    BigInteger[] a = contexts.peek();
    if (a == null) throw new IllegalStateException("no contract is executing");
    return a;
  }

  private BigInteger self() {
    return frame()[0];
  }

  @Override
  public ExecutionInfo executionInfo() {
    BigInteger[] f = frame();
    BigInteger z = BigInteger.ZERO;
    BigInteger origin = contexts.peekLast()[1];
    return new ExecutionInfo(z, z, z, BigInteger.valueOf(3), origin, z, z, z, f[1], f[0], f[2]);
  }

  @Override
  public BigInteger storageRead(BigInteger addressDomain, BigInteger key) {
    return storage(self(), key);
  }

  @Override
  public void storageWrite(BigInteger addressDomain, BigInteger key, BigInteger value) {
    storage.computeIfAbsent(self(), k -> new HashMap<>()).put(key, value);
  }

  @Override
  public void emitEvent(List<BigInteger> keys, List<BigInteger> data) {
    events.add(new Event(self(), List.copyOf(keys), List.copyOf(data)));
  }

  @Override
  public CallResult callContract(BigInteger address, BigInteger selector, List<BigInteger> calldata, long[] gas) {
    ContractRunner.Outcome o = run(self(), address, classOf(address), selector, calldata, gas[0]);
    gas[0] = o.gasLeft();
    return new CallResult(o.panicked(), o.retdata());
  }

  @Override
  public CallResult libraryCall(BigInteger classHash, BigInteger selector, List<BigInteger> calldata, long[] gas) {
    if (!classes.containsKey(classHash)) throw new IllegalArgumentException("class 0x" + classHash.toString(16) + " is not declared");
    ContractRunner.Outcome o = run(frame()[1], self(), classHash, selector, calldata, gas[0]);
    gas[0] = o.gasLeft();
    return new CallResult(o.panicked(), o.retdata());
  }
}
