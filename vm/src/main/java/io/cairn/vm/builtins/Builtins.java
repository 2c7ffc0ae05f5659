package io.cairn.vm.builtins;

import io.cairn.vm.layout.Layout;

/** The single dispatch point from a layout's builtin definition to its runner. */
public final class Builtins {
  private Builtins() {}

  public static SimpleBuiltin create(Layout.BuiltinDef def, boolean included) {
    Integer r = def.ratio();
    return switch (def.name()) {
      case "output" -> new OutputBuiltin(included);
      case "pedersen" -> new PedersenBuiltin(included, r);
      case "range_check" -> new RangeCheckBuiltin("range_check", included, r, 1, 8);
      case "range_check96" -> new RangeCheckBuiltin("range_check96", included, r, def.ratioDen(), 6);
      case "ecdsa" -> new EcdsaBuiltin(included, r);
      case "bitwise" -> new BitwiseBuiltin(included, r);
      case "ec_op" -> new EcOpBuiltin(included, r);
      case "keccak" -> new KeccakBuiltin(included, r);
      case "poseidon" -> new PoseidonBuiltin(included, r);
      case "add_mod", "mul_mod" -> new ModBuiltin(def.name(), included, r, def.ratioDen());
      default -> throw new IllegalArgumentException("The " + def.name() + " builtin is not supported.");
    };
  }
}
