package io.cairn.vm.hints;

import java.util.HashMap;
import java.util.Map;

/** The built-in hint table: code text → implementation, filled by per-topic registrars. */
public final class HintRegistry {
  private HintRegistry() {}

  private static final Map<String, Hint> BUILT_IN = build();

  private static Map<String, Hint> build() {
    Map<String, Hint> m = new HashMap<>();
    MathHints.register(m);
    MemoryHints.register(m);
    DictHints.register(m);
    KeccakHints.register(m);
    SecpHints.register(m);
    Blake2sHints.register(m);
    EcHints.register(m);
    MoreMathHints.register(m);
    Uint256Hints.register(m);
    EcSecpHints.register(m);
    Sha256Hints.register(m);
    Uint384Hints.register(m);
    ModHints.register(m);
    BuiltinKeccakHints.register(m);
    BuiltinPoseidonHints.register(m);
    io.cairn.vm.hints.cairn.CairnHints.register(m);
    return Map.copyOf(m);
  }

  public static Map<String, Hint> builtIn() {
    return BUILT_IN;
  }

  static void put(Map<String, Hint> m, String code, Hint h) {
    if (m.put(code, h) != null) throw new IllegalStateException("hint registered twice:\n" + code);
  }
}
