package io.cairn.starknet.classes;

import io.cairn.crypto.field.Felt;
import java.util.List;

/** An entry point of a compiled (CASM) class: selector, bytecode offset, and the builtins it takes, by name. */
public record CasmEntryPoint(Felt selector, int offset, List<String> builtins) {
  public CasmEntryPoint {
    builtins = List.copyOf(builtins);
  }
}
