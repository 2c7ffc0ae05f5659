package io.cairn.vm.syscall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Syscall gas and the other syscall rules of blockifier's versioned constants (STARKNET.md §9.6).
 *
 * <p>A syscall costs {@code base + linear_factor · n}: base = max(syscall_base_gas_cost, n_steps·step +
 * n_memory_holes·hole + Σ builtins·builtin_cost) of {@code os_resources.execute_syscalls[name]} (its {@code
 * constant} part when it has a {@code calldata_factor}); linear_factor prices the factor's resources the same way;
 * n is the calldata length for Deploy and MetaTxV0 and the payload length for SendMessageToL1. The compiled code has
 * already paid {@code syscall_base_gas_cost}, so the syscall charges the difference. Keccak also charges
 * KeccakRound's base per 17-word round.
 */
public final class SyscallCosts {
  private final Map<String, long[]> costs = new HashMap<>(); // name → {base, linear factor}
  private final long syscallBase;
  private final long[] builtinCostTable;
  private final int maxEventKeys, maxEventData, maxEvents;
  private final long storedBlockHashBuffer;
  private final Set<BigInteger> v1BoundAccounts = new HashSet<>();
  private final BigInteger v1BoundAccountsMaxTip;
  private final Set<BigInteger> dataGasAccounts = new HashSet<>();
  private final boolean blockDirectExecuteCall;
  private final long entryPointInitialBudget;
  private final int maxRecursionDepth;
  private final long validateBlockNumberRounding, validateTimestampRounding;
  private final boolean disableDeployInValidationMode;
  private final BigInteger blockHashContractAddress;

  public SyscallCosts(JsonNode versionedConstants, String source) {
    JsonNode os = versionedConstants.path("os_constants");
    long step = os.path("step_gas_cost").asLong(-1);
    long hole = os.path("memory_hole_gas_cost").asLong(0);
    if (step < 0) throw new IllegalArgumentException(source + ": $.os_constants.step_gas_cost missing");
    syscallBase = os.path("syscall_base_gas_cost").path("step_gas_cost").asLong(0) * step;
    JsonNode builtinCosts = os.path("builtin_gas_costs");
    String[] order = {"pedersen", "bitwise", "ecop", "poseidon", "add_mod", "mul_mod"};
    builtinCostTable = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      JsonNode c = builtinCosts.get(order[i]);
      if (c == null) throw new IllegalArgumentException(source + ": $.os_constants.builtin_gas_costs." + order[i] + " missing");
      builtinCostTable[i] = c.asLong();
    }
    Iterator<Map.Entry<String, JsonNode>> it = versionedConstants.path("os_resources").path("execute_syscalls").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "$.os_resources.execute_syscalls." + e.getKey();
      JsonNode v = e.getValue();
      JsonNode constant = v.has("constant") ? v.get("constant") : v;
      long base = Math.max(syscallBase, gas(constant, step, hole, builtinCosts, source, path));
      long linear = 0;
      JsonNode factor = v.get("calldata_factor");
      if (factor != null) {
        if (factor.has("scaling_factor")) {
          if (factor.get("scaling_factor").asLong() != 1)
            throw new IllegalArgumentException(source + ": " + path + ".calldata_factor.scaling_factor must be 1");
          factor = factor.path("resources");
        }
        linear = gas(factor, step, hole, builtinCosts, source, path + ".calldata_factor");
      }
      costs.put(e.getKey(), new long[] {base, linear});
    }
    JsonNode limits = versionedConstants.path("tx_event_limits");
    maxEventKeys = limits.path("max_keys_length").asInt(Integer.MAX_VALUE);
    maxEventData = limits.path("max_data_length").asInt(Integer.MAX_VALUE);
    maxEvents = limits.path("max_n_emitted_events").asInt(Integer.MAX_VALUE);
    storedBlockHashBuffer = os.path("stored_block_hash_buffer").asLong(10);
    for (JsonNode h : os.path("v1_bound_accounts_cairo1")) v1BoundAccounts.add(felt(h.asText()));
    v1BoundAccountsMaxTip = os.has("v1_bound_accounts_max_tip") ? felt(os.get("v1_bound_accounts_max_tip").asText()) : BigInteger.ZERO;
    for (JsonNode h : os.path("data_gas_accounts")) dataGasAccounts.add(felt(h.asText()));
    blockDirectExecuteCall = versionedConstants.path("block_direct_execute_call").asBoolean(false);
    entryPointInitialBudget = os.path("entry_point_initial_budget").path("step_gas_cost").asLong(0) * step;
    maxRecursionDepth = versionedConstants.path("max_recursion_depth").asInt(Integer.MAX_VALUE);
    validateBlockNumberRounding = Math.max(1, os.path("validate_rounding_consts").path("validate_block_number_rounding").asLong(1));
    validateTimestampRounding = Math.max(1, os.path("validate_rounding_consts").path("validate_timestamp_rounding").asLong(1));
    disableDeployInValidationMode = versionedConstants.path("disable_deploy_in_validation_mode").asBoolean(false);
    blockHashContractAddress = BigInteger.valueOf(os.path("os_contract_addresses").path("block_hash_contract_address").asLong(1));
  }

  private static BigInteger felt(String s) {
    return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  private static long gas(JsonNode r, long step, long hole, JsonNode builtinCosts, String source, String path) {
    long g = r.path("n_steps").asLong() * step + r.path("n_memory_holes").asLong() * hole;
    Iterator<Map.Entry<String, JsonNode>> b = r.path("builtin_instance_counter").fields();
    while (b.hasNext()) {
      Map.Entry<String, JsonNode> be = b.next();
      String name = be.getKey().replace("_builtin", "");
      JsonNode c = builtinCosts.get(name.equals("ec_op") ? "ecop" : name);
      if (c == null) throw new IllegalArgumentException(source + ": " + path + ": no gas cost for builtin " + be.getKey());
      g += be.getValue().asLong() * c.asLong();
    }
    return g;
  }

  public static SyscallCosts load(Path file) throws IOException {
    return new SyscallCosts(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
  }

  private long[] entry(String syscall) {
    long[] c = costs.get(syscall);
    if (c == null) throw new IllegalArgumentException("no gas cost for syscall " + syscall + " in the versioned constants");
    return c;
  }

  /** The full base cost of a syscall (e.g. "StorageRead"), before the already-paid base is subtracted. */
  public long cost(String syscall) {
    return entry(syscall)[0];
  }

  /** Gas per calldata (or payload) felt; 0 for syscalls without a calldata factor. */
  public long linearFactor(String syscall) {
    return entry(syscall)[1];
  }

  /** Gas per builtin instance in the order the OS lays out its cost table (pedersen … mul_mod). */
  public long[] builtinCostTable() {
    return builtinCostTable.clone();
  }

  /** What the syscall hint deducts from the gas counter for a request of linear length {@code n}. */
  public long charge(String syscall, long n) {
    long[] c = entry(syscall);
    return c[0] + c[1] * n - syscallBase;
  }

  /** What the syscall hint deducts for a syscall without a linear part. */
  public long charge(String syscall) {
    return charge(syscall, 0);
  }

  /** syscall_base_gas_cost: what compiled code pays before each syscall. */
  public long syscallBase() {
    return syscallBase;
  }

  public int maxEventKeys() {
    return maxEventKeys;
  }

  public int maxEventData() {
    return maxEventData;
  }

  public int maxEmittedEvents() {
    return maxEvents;
  }

  /** get_block_hash serves blocks at most {@code current − buffer}. */
  public long storedBlockHashBuffer() {
    return storedBlockHashBuffer;
  }

  /** Account classes that see version 1 instead of 3 in get_execution_info when the tip is at most the max tip. */
  public boolean isV1BoundAccount(BigInteger classHash) {
    return v1BoundAccounts.contains(classHash);
  }

  public BigInteger v1BoundAccountsMaxTip() {
    return v1BoundAccountsMaxTip;
  }

  /** Account classes whose get_execution_info resource bounds leave out L1_DATA. */
  public boolean isDataGasAccount(BigInteger classHash) {
    return dataGasAccounts.contains(classHash);
  }

  /** Gas the OS takes from a call's initial gas before the entry point runs (entry_point_initial_budget). */
  public long entryPointInitialBudget() {
    return entryPointInitialBudget;
  }

  /** Calls may nest this deep (the top-level call is depth 1). */
  public int maxRecursionDepth() {
    return maxRecursionDepth;
  }

  /** __validate__ sees the block number rounded down to a multiple of this. */
  public long validateBlockNumberRounding() {
    return validateBlockNumberRounding;
  }

  /** __validate__ sees the block timestamp rounded down to a multiple of this. */
  public long validateTimestampRounding() {
    return validateTimestampRounding;
  }

  public boolean disableDeployInValidationMode() {
    return disableDeployInValidationMode;
  }

  /** The system contract whose storage maps block numbers to block hashes (os_contract_addresses). */
  public BigInteger blockHashContractAddress() {
    return blockHashContractAddress;
  }

  /** Whether call_contract to {@code __execute__} is refused ('Invalid argument'). */
  public boolean blockDirectExecuteCall() {
    return blockDirectExecuteCall;
  }
}
