package io.cairn.vm.syscall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Syscall gas from blockifier's versioned constants (STARKNET.md §9.6): max(syscall_base_gas_cost, n_steps·step +
 * n_memory_holes·hole + Σ builtins·builtin_cost) of {@code os_resources.execute_syscalls[name]}. The compiled code
 * has already paid {@code syscall_base_gas_cost}, so a syscall charges the difference.
 */
public final class SyscallCosts {
  private final Map<String, Long> base = new HashMap<>();
  private final long syscallBase;
  private final long[] builtinCostTable;

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
      JsonNode r = e.getValue().has("constant") ? e.getValue().get("constant") : e.getValue();
      long g = r.path("n_steps").asLong() * step + r.path("n_memory_holes").asLong() * hole;
      Iterator<Map.Entry<String, JsonNode>> b = r.path("builtin_instance_counter").fields();
      while (b.hasNext()) {
        Map.Entry<String, JsonNode> be = b.next();
        String name = be.getKey().replace("_builtin", "");
        JsonNode c = builtinCosts.get(name.equals("ec_op") ? "ecop" : name);
        if (c == null) throw new IllegalArgumentException(source + ": no gas cost for builtin " + be.getKey());
        g += be.getValue().asLong() * c.asLong();
      }
      base.put(e.getKey(), Math.max(syscallBase, g));
    }
  }

  public static SyscallCosts load(Path file) throws IOException {
    return new SyscallCosts(new ObjectMapper().readTree(Files.readAllBytes(file)), file.toString());
  }

  /** The full cost of a syscall (e.g. "StorageRead"), before the already-paid base is subtracted. */
  public long cost(String syscall) {
    Long c = base.get(syscall);
    if (c == null) throw new IllegalArgumentException("no gas cost for syscall " + syscall);
    return c;
  }

  /** Gas per builtin instance in the order the OS lays out its cost table (pedersen … mul_mod). */
  public long[] builtinCostTable() {
    return builtinCostTable.clone();
  }

  /** What the syscall hint deducts from the gas counter. */
  public long charge(String syscall) {
    return cost(syscall) - syscallBase;
  }
}
