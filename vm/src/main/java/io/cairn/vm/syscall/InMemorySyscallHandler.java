package io.cairn.vm.syscall;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.hash.Addresses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.starknet.tx.Transaction;
import io.cairn.starknet.tx.TransactionHashes;
import io.cairn.vm.casm.CasmProgram;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A world in memory for tests and the CLI: declared classes, contracts (address → class), storage per address
 * (block hashes in the block-hash contract's, as the OS keeps them), emitted events, L2→L1 messages, deployments, and the block and transaction info that
 * get_execution_info reports. Nested calls, library calls, deploys (constructor included) and meta_tx_v0 run the
 * callee's class on a fresh VM. A call that fails (panics) leaves no trace: its storage writes, class changes,
 * events, messages and deployments are rolled back, as blockifier reverts a failed inner call.
 */
public final class InMemorySyscallHandler implements SyscallHandler {
  private static final BigInteger ENTRYPOINT_NOT_FOUND = SyscallDispatcher.shortString("ENTRYPOINT_NOT_FOUND");
  private static final BigInteger BLOCK_NUMBER_OUT_OF_RANGE = SyscallDispatcher.shortString("Block number out of range");
  private static final BigInteger CONSTRUCTOR = Selectors.CONSTRUCTOR.toBigInteger();

  /** An emitted event with the address that emitted it. */
  public record Event(BigInteger from, List<BigInteger> keys, List<BigInteger> data) {}

  /** An L2→L1 message: the sending contract, the L1 recipient and the payload. */
  public record MessageToL1(BigInteger from, BigInteger to, List<BigInteger> payload) {}

  /** A contract deployed by the deploy syscall. */
  public record Deployment(BigInteger address, BigInteger classHash, BigInteger deployer, List<BigInteger> constructorCalldata) {}

  /** One running call: storage/contract address, class whose code runs, caller, selector. */
  private record Frame(BigInteger address, BigInteger classHash, BigInteger caller, BigInteger selector) {}

  private final SyscallCosts costs;
  private final Map<BigInteger, Map<BigInteger, BigInteger>> storage = new HashMap<>();
  private final Map<BigInteger, BigInteger> classOf = new HashMap<>();
  private final Map<BigInteger, CasmProgram> classes = new HashMap<>();
  private final List<Event> events = new ArrayList<>();
  private final List<MessageToL1> messages = new ArrayList<>();
  private final List<Deployment> deployments = new ArrayList<>();
  private final List<Runnable> undo = new ArrayList<>();
  private final ArrayDeque<Frame> frames = new ArrayDeque<>();
  private final Map<String, long[]> txUsage = new TreeMap<>();
  private BlockInfo block = new BlockInfo(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  private TxInfo tx;
  private long maxSteps = 10_000_000;
  private boolean validate;
  private long txSteps;
  private int txFirstEvent;

  public InMemorySyscallHandler(SyscallCosts costs) {
    this.costs = costs;
  }

  public void declare(BigInteger classHash, CasmProgram cls) {
    classes.put(classHash, cls);
  }

  /** Puts a contract of a declared class at {@code address} (no constructor runs). */
  public void deploy(BigInteger address, BigInteger classHash) {
    if (!classes.containsKey(classHash)) throw new IllegalArgumentException("class 0x" + classHash.toString(16) + " is not declared");
    classOf.put(address, classHash);
  }

  /** The block that get_execution_info reports and get_block_hash measures recency against. */
  public void setBlockInfo(BlockInfo block) {
    this.block = block;
  }

  /** Stores a block hash where the OS keeps it: the block-hash system contract (address 1), key = block number. */
  public void setBlockHash(long number, BigInteger hash) {
    storage.computeIfAbsent(costs.blockHashContractAddress(), k -> new HashMap<>()).put(BigInteger.valueOf(number), hash);
  }

  /** The transaction info get_execution_info reports; by default a v3 one from the top-level caller, empty otherwise. */
  public void setTxInfo(TxInfo tx) {
    this.tx = tx;
  }

  /**
   * Validate mode (an account's __validate__ / __validate_deploy__ / __validate_declare__ run), as blockifier runs
   * it: get_execution_info shows the block number and timestamp rounded down (validate_rounding_consts) and sequencer
   * 0; deploy (when disable_deploy_in_validation_mode), get_class_hash_at, meta_tx_v0, call_contract to another
   * contract and get_block_hash of a recent block fail the run.
   */
  public void setValidateMode(boolean validate) {
    this.validate = validate;
  }

  private void refuseInValidate(String syscall) {
    if (validate) throw new VmError("Unauthorized syscall " + syscall + " in execution mode Validate.");
  }

  public void setMaxSteps(long maxSteps) {
    this.maxSteps = maxSteps;
  }

  public List<Event> events() {
    return events;
  }

  public List<MessageToL1> messagesToL1() {
    return messages;
  }

  public List<Deployment> deployments() {
    return deployments;
  }

  /**
   * The syscalls of the last top-level call and everything it called (reverted calls included, as their resources
   * were spent), by name, as blockifier sums {@code syscalls_usage} over a transaction's call tree.
   */
  public Map<String, SyscallDispatcher.Usage> syscallUsage() {
    Map<String, SyscallDispatcher.Usage> out = new TreeMap<>();
    for (Map.Entry<String, long[]> e : txUsage.entrySet()) out.put(e.getKey(), new SyscallDispatcher.Usage(e.getValue()[0], e.getValue()[1]));
    return out;
  }

  /** VM steps of the last top-level call and everything it called. */
  public long callTreeSteps() {
    return txSteps;
  }

  public BigInteger storage(BigInteger address, BigInteger key) {
    return storage.getOrDefault(address, Map.of()).getOrDefault(key, BigInteger.ZERO);
  }

  /** The class at {@code address}, zero when nothing is deployed there. */
  public BigInteger classHashOf(BigInteger address) {
    return classOf.getOrDefault(address, BigInteger.ZERO);
  }

  /** Calls an entry point of a deployed contract from outside (a transaction's top-level call). */
  public ContractRunner.Outcome invoke(BigInteger address, BigInteger selector, List<BigInteger> calldata, long gas) {
    return invokeFrom(BigInteger.ZERO, address, selector, calldata, gas);
  }

  /** A top-level call whose caller (get_caller_address) is {@code caller}. */
  public ContractRunner.Outcome invokeFrom(BigInteger caller, BigInteger address, BigInteger selector, List<BigInteger> calldata, long gas) {
    return run(new Frame(address, deployedClass(address), caller, selector), calldata, gas);
  }

  /** Runs the constructor of the contract at {@code address} (its class must have one), as a deploy would. */
  public ContractRunner.Outcome construct(BigInteger caller, BigInteger address, List<BigInteger> calldata, long gas) {
    return run(new Frame(address, deployedClass(address), caller, CONSTRUCTOR), calldata, gas);
  }

  private BigInteger deployedClass(BigInteger address) {
    BigInteger c = classOf.get(address);
    if (c == null) throw new VmError("Requested contract address 0x" + address.toString(16) + " is not deployed.");
    return c;
  }

  private CasmProgram declaredClass(BigInteger classHash) {
    CasmProgram p = classes.get(classHash);
    if (p == null) throw new VmError("Class with hash 0x" + classHash.toString(16) + " is not declared.");
    return p;
  }

  /** Runs one call; a failed (panicked) call's effects are rolled back, hard errors roll back and propagate. */
  private ContractRunner.Outcome run(Frame f, List<BigInteger> calldata, long gas) {
    CasmProgram cls = declaredClass(f.classHash);
    if (frames.size() + 1 > costs.maxRecursionDepth())
      throw new VmError("Recursion depth exceeded: calls nest deeper than max_recursion_depth = " + costs.maxRecursionDepth());
    if (frames.isEmpty()) {
      txUsage.clear();
      txSteps = 0;
      txFirstEvent = events.size();
    }
    int undoMark = undo.size(), eventMark = events.size(), messageMark = messages.size(), deployMark = deployments.size();
    boolean ok = false;
    frames.push(f);
    try {
      ContractRunner.Outcome o;
      if (!cls.entries().containsKey("0x" + f.selector.toString(16))) o = new ContractRunner.Outcome(true, List.of(ENTRYPOINT_NOT_FOUND), gas, 0);
      else o = ContractRunner.call(cls, f.selector, calldata, gas, this, costs, maxSteps);
      ok = !o.panicked();
      txSteps += o.steps();
      for (Map.Entry<String, SyscallDispatcher.Usage> e : o.syscalls().entrySet()) {
        long[] u = txUsage.computeIfAbsent(e.getKey(), k -> new long[2]);
        u[0] += e.getValue().calls();
        u[1] += e.getValue().linearFactor();
      }
      return o;
    } finally {
      frames.pop();
      if (!ok) {
        for (int i = undo.size() - 1; i >= undoMark; i--) undo.remove(i).run();
        events.subList(eventMark, events.size()).clear();
        messages.subList(messageMark, messages.size()).clear();
        deployments.subList(deployMark, deployments.size()).clear();
      }
      if (frames.isEmpty()) undo.clear(); // a finished top-level call is a committed transaction
    }
  }

  private Frame frame() {
    Frame f = frames.peek();
    if (f == null) throw new VmError("no contract is executing");
    return f;
  }

  private void setStorage(BigInteger address, BigInteger key, BigInteger value) {
    Map<BigInteger, BigInteger> s = storage.computeIfAbsent(address, k -> new HashMap<>());
    boolean had = s.containsKey(key);
    BigInteger old = s.put(key, value);
    undo.add(() -> {
      if (had) s.put(key, old);
      else s.remove(key);
    });
  }

  private void setClass(BigInteger address, BigInteger classHash) {
    BigInteger old = classOf.put(address, classHash);
    undo.add(() -> {
      if (old == null) classOf.remove(address);
      else classOf.put(address, old);
    });
  }

  /**
   * Block info, tx info and the current call. As blockifier: v1-bound account classes see version 1 for a v3
   * transaction whose tip is at most v1_bound_accounts_max_tip, and data-gas account classes see no L1_DATA bound.
   */
  @Override
  public ExecutionInfo executionInfo() {
    Frame f = frame();
    TxInfo t = tx != null ? tx : defaultTx();
    // the version may carry the query bit (2^128 + version); the account rules look at the version without it
    boolean query = t.version().testBit(128);
    if (t.current() && t.version().clearBit(128).equals(BigInteger.valueOf(3))) {
      BigInteger version = t.version();
      if (costs.isV1BoundAccount(f.classHash) && t.tip().compareTo(costs.v1BoundAccountsMaxTip()) <= 0)
        version = query ? BigInteger.ONE.setBit(128) : BigInteger.ONE;
      List<ResourceBound> bounds = t.resourceBounds();
      if (costs.isDataGasAccount(f.classHash)) {
        BigInteger l1Data = SyscallDispatcher.shortString("L1_DATA");
        bounds = new ArrayList<>();
        for (ResourceBound b : t.resourceBounds()) if (!b.resource().equals(l1Data)) bounds.add(b);
      }
      t = new TxInfo(version, t.accountAddress(), t.maxFee(), t.signature(), t.transactionHash(), t.chainId(), t.nonce(), true, bounds,
          t.tip(), t.paymasterData(), t.nonceDataAvailabilityMode(), t.feeDataAvailabilityMode(), t.accountDeploymentData(), t.proofFacts());
    }
    BlockInfo b = block;
    if (validate) {
      long nr = costs.validateBlockNumberRounding(), tr = costs.validateTimestampRounding();
      b = new BlockInfo(
          BigInteger.valueOf(block.number().longValueExact() / nr * nr), BigInteger.valueOf(block.timestamp().longValueExact() / tr * tr), BigInteger.ZERO);
    }
    return new ExecutionInfo(b, t, f.caller, f.address, f.selector);
  }

  private TxInfo defaultTx() {
    BigInteger z = BigInteger.ZERO;
    BigInteger origin = frames.peekLast().caller;
    return new TxInfo(BigInteger.valueOf(3), origin, z, List.of(), z, z, z, true, List.of(), z, List.of(), 0, 0, List.of(), List.of());
  }

  @Override
  public BigInteger storageRead(BigInteger addressDomain, BigInteger key) {
    return storage(frame().address, key);
  }

  @Override
  public void storageWrite(BigInteger addressDomain, BigInteger key, BigInteger value) {
    setStorage(frame().address, key, value);
  }

  @Override
  public void emitEvent(List<BigInteger> keys, List<BigInteger> data) {
    int n = events.size() - txFirstEvent + 1; // per transaction, as blockifier's n_emitted_events
    if (n > costs.maxEmittedEvents())
      throw new VmError("Exceeded the maximum number of events, number events: " + n + ", max number events: " + costs.maxEmittedEvents() + ".");
    events.add(new Event(frame().address, List.copyOf(keys), List.copyOf(data)));
  }

  @Override
  public CallResult callContract(BigInteger address, BigInteger selector, List<BigInteger> calldata, long[] gas) {
    if (!address.equals(frame().address)) refuseInValidate("call_contract");
    ContractRunner.Outcome o = run(new Frame(address, deployedClass(address), frame().address, selector), calldata, gas[0]);
    gas[0] = o.gasLeft();
    return new CallResult(o.panicked(), o.retdata());
  }

  @Override
  public CallResult libraryCall(BigInteger classHash, BigInteger selector, List<BigInteger> calldata, long[] gas) {
    Frame f = frame();
    ContractRunner.Outcome o = run(new Frame(f.address, classHash, f.caller, selector), calldata, gas[0]);
    gas[0] = o.gasLeft();
    return new CallResult(o.panicked(), o.retdata());
  }

  /**
   * Address = pedersen-chain('STARKNET_CONTRACT_ADDRESS', deployer or 0, salt, class, hash(calldata)) mod 2^251−256;
   * the class is set before the constructor runs (it may call itself). A failing constructor, an occupied
   * address, or calldata for a class without constructor fail the whole run, as in blockifier.
   */
  @Override
  public DeployResult deploy(BigInteger classHash, BigInteger salt, List<BigInteger> calldata, boolean deployFromZero, long[] gas) {
    if (costs.disableDeployInValidationMode()) refuseInValidate("deploy");
    BigInteger deployer = frame().address;
    List<Felt> cd = new ArrayList<>(calldata.size());
    for (BigInteger v : calldata) cd.add(Felt.of(v));
    BigInteger address =
        Addresses.contractAddress(Felt.of(deployFromZero ? BigInteger.ZERO : deployer), Felt.of(salt), Felt.of(classHash), cd).toBigInteger();
    CasmProgram cls = declaredClass(classHash);
    if (classOf.containsKey(address))
      throw new VmError("Deployment failed: contract already deployed at address 0x" + address.toString(16));
    setClass(address, classHash);
    deployments.add(new Deployment(address, classHash, deployer, List.copyOf(calldata)));
    if (!cls.entries().containsKey("0x" + CONSTRUCTOR.toString(16))) {
      if (!calldata.isEmpty()) throw new VmError("Cannot pass calldata to a contract with no constructor.");
      return new DeployResult(address, List.of());
    }
    ContractRunner.Outcome o = run(new Frame(address, classHash, deployer, CONSTRUCTOR), calldata, gas[0]);
    gas[0] = o.gasLeft();
    if (o.panicked()) throw new VmError("Deployment failed: constructor of 0x" + address.toString(16) + " panicked: " + o.panicText());
    return new DeployResult(address, o.retdata());
  }

  @Override
  public void sendMessageToL1(BigInteger toAddress, List<BigInteger> payload) {
    messages.add(new MessageToL1(frame().address, toAddress, List.copyOf(payload)));
  }

  /**
   * Blocks up to {@code current − stored_block_hash_buffer} are read from the block-hash contract's storage (zero
   * when none was set); later ones revert.
   */
  @Override
  public BigInteger blockHash(long number) {
    long newest = block.number().longValueExact() - costs.storedBlockHashBuffer();
    if (newest < 0 || number > newest) {
      refuseInValidate("get_block_hash on recent blocks");
      throw new Revert(List.of(BLOCK_NUMBER_OUT_OF_RANGE));
    }
    return storage(costs.blockHashContractAddress(), BigInteger.valueOf(number));
  }

  @Override
  public BigInteger classHashAt(BigInteger address) {
    refuseInValidate("get_class_hash_at");
    return classHashOf(address);
  }

  @Override
  public void replaceClass(BigInteger classHash) {
    declaredClass(classHash);
    setClass(frame().address, classHash);
  }

  /**
   * Runs {@code __execute__} of {@code address} with caller 0 under a v0 transaction info: this signature, the
   * invoke-v0 hash of (address, selector, calldata, max_fee 0) on the current chain, nonce 0.
   */
  @Override
  public CallResult metaTxV0(BigInteger address, BigInteger selector, List<BigInteger> calldata, List<BigInteger> signature, long[] gas) {
    refuseInValidate("meta_tx_v0");
    TxInfo outer = tx;
    TxInfo current = tx != null ? tx : defaultTx();
    List<Felt> sig = new ArrayList<>(), cd = new ArrayList<>();
    for (BigInteger v : signature) sig.add(Felt.of(v));
    for (BigInteger v : calldata) cd.add(Felt.of(v));
    BigInteger hash =
        TransactionHashes.hash(new Transaction.InvokeV0(Felt.ZERO, sig, Felt.of(address), Felt.of(selector), cd), Felt.of(current.chainId()))
            .toBigInteger();
    tx = TxInfo.deprecated(BigInteger.ZERO, address, BigInteger.ZERO, signature, hash, current.chainId(), BigInteger.ZERO);
    try {
      ContractRunner.Outcome o = run(new Frame(address, deployedClass(address), BigInteger.ZERO, selector), calldata, gas[0]);
      gas[0] = o.gasLeft();
      return new CallResult(o.panicked(), o.retdata());
    } finally {
      tx = outer;
    }
  }
}
