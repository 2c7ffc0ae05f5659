package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.builtins.ModBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.Map;

/** The mod-builtin circuit hint of cairo-lang's {@code common/modulo.cairo} ({@code run_mod_p_circuit}). */
final class ModHints {
  private ModHints() {}

  /** Dedented text of the hint in {@code run_mod_p_circuit} (cairo-lang v0.14.0.1). */
  static final String RUN_MOD_P_CIRCUIT =
      "from starkware.cairo.lang.builtins.modulo.mod_builtin_runner import ModBuiltinRunner\n"
          + "assert builtin_runners[\"add_mod_builtin\"].instance_def.batch_size == 1\n"
          + "assert builtin_runners[\"mul_mod_builtin\"].instance_def.batch_size == 1\n"
          + "\n"
          + "ModBuiltinRunner.fill_memory(\n"
          + "    memory=memory,\n"
          + "    add_mod=(ids.add_mod_ptr.address_, builtin_runners[\"add_mod_builtin\"], ids.add_mod_n),\n"
          + "    mul_mod=(ids.mul_mod_ptr.address_, builtin_runners[\"mul_mod_builtin\"], ids.mul_mod_n),\n"
          + ")";

  static void register(Map<String, Hint> m) {
    put(m, RUN_MOD_P_CIRCUIT, ModHints::runModPCircuit);
  }

  private static void runModPCircuit(HintContext c) {
    ModBuiltin add = mod(c, "add_mod"), mul = mod(c, "mul_mod");
    ModBuiltin.fillMemory(
        c.memory(), add, c.getPtr("add_mod_ptr"), count(c, "add_mod_n"), mul, c.getPtr("mul_mod_ptr"),
        count(c, "mul_mod_n"));
  }

  private static ModBuiltin mod(HintContext c, String name) {
    SimpleBuiltin b = c.builtin(name);
    if (!(b instanceof ModBuiltin mb)) throw new VmError(name + "_builtin is not a mod builtin");
    return mb;
  }

  private static long count(HintContext c, String id) {
    BigInteger n = c.getInt(id);
    if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(ModBuiltin.MAX_N)) > 0)
      throw new VmError(id + " must be in [0, " + ModBuiltin.MAX_N + "]. Got: " + n + ".");
    return n.longValueExact();
  }
}
