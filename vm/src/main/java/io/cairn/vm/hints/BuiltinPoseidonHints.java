package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import java.util.Map;

/**
 * cairo-lang v0.14's {@code common/builtin_poseidon/poseidon.cairo}: poseidon_hash_many's loop asks whether ten, then
 * two, elements are left. Not on Starknet's whitelists (0.12's version of the module has no hints).
 */
final class BuiltinPoseidonHints {
  private BuiltinPoseidonHints() {}

  static final String AT_LEAST_TEN_LEFT = "memory[ap] = to_felt_or_relocatable(ids.elements_end - ids.elements >= 10)";
  static final String AT_LEAST_TWO_LEFT = "memory[ap] = to_felt_or_relocatable(ids.elements_end - ids.elements >= 2)";

  static void register(Map<String, Hint> m) {
    put(m, AT_LEAST_TEN_LEFT, c -> c.writeAp(c.getPtr("elements_end").sub(c.getPtr("elements")) >= 10 ? 1 : 0));
    put(m, AT_LEAST_TWO_LEFT, c -> c.writeAp(c.getPtr("elements_end").sub(c.getPtr("elements")) >= 2 ? 1 : 0));
  }
}
