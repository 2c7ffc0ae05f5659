package io.cairn.vm.hints;

import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one hint on a tiny VM built from explicit memory (STYLE.md §7): each id is laid out at fp + k with a type, the
 * hint runs before a {@code ret}, and the test reads memory and scopes back.
 */
final class HintTester {
  static final BigInteger P = HintContext.PRIME;

  private static final String STRUCTS =
      struct("Uint256", "low", "high")
          + struct("BigInt3", "d0", "d1", "d2")
          + struct("Uint384", "d0", "d1", "d2")
          + struct("Uint512", "d0", "d1", "d2", "d3")
          + struct("Uint768", "d0", "d1", "d2", "d3", "d4", "d5")
          + struct("Uint384Expand", "b01", "b23", "b45")
          + struct("EcPoint", "x", "y")
          + struct("DictAccess", "key", "prev_value", "new_value")
          + struct("LoopTemps", "index_delta_minus1", "index_delta", "ptr_delta", "should_continue")
          + struct("Locs", "bit", "exp")
          + "\"__main__.SecpPoint\":{\"type\":\"struct\",\"full_name\":\"__main__.SecpPoint\",\"size\":6,\"members\":{"
          + "\"x\":{\"offset\":0,\"cairo_type\":\"__main__.BigInt3\"},\"y\":{\"offset\":3,\"cairo_type\":\"__main__.BigInt3\"}}},";

  private static String struct(String name, String... members) {
    StringBuilder sb = new StringBuilder("\"__main__." + name + "\":{\"type\":\"struct\",\"full_name\":\"__main__." + name
        + "\",\"size\":" + members.length + ",\"members\":{");
    for (int i = 0; i < members.length; i++) {
      if (i > 0) sb.append(',');
      sb.append('"').append(members[i]).append("\":{\"offset\":").append(i).append(",\"cairo_type\":\"felt\"}");
    }
    return sb.append("}},").toString();
  }

  static int size(String type) {
    return switch (type) {
      case "Uint256", "EcPoint" -> 2;
      case "BigInt3", "Uint384", "DictAccess", "Uint384Expand" -> 3;
      case "Uint512", "LoopTemps" -> 4;
      case "Uint768", "SecpPoint" -> 6;
      case "Locs" -> 2;
      default -> 1;
    };
  }

  private final String code;
  private final Map<String, String> types = new LinkedHashMap<>();
  private final Map<String, Integer> offsets = new LinkedHashMap<>();
  private final Map<String, List<Object>> initial = new LinkedHashMap<>();
  private final Map<String, BigInteger> constants = new LinkedHashMap<>();
  private final Map<String, Object> scope = new LinkedHashMap<>();
  private int next = 1; // fp + 0 = ap is left free for memory[ap]
  CairoRunner runner;
  HintProcessor processor;
  Relocatable fp;

  HintTester(String code) {
    this.code = code;
  }

  /** An id of the given type ("felt", "felt*", a struct name, or "Struct*"), with initial cell values (null = unset). */
  HintTester id(String name, String type, Object... values) {
    types.put(name, type);
    offsets.put(name, next);
    initial.put(name, List.of(values));
    next += type.endsWith("*") ? 1 : size(type);
    return this;
  }

  private final Map<Relocatable, Object[]> presets = new LinkedHashMap<>();

  /** Cells written before the hint runs, from {@code at} on. */
  HintTester memory(Relocatable at, Object... values) {
    presets.put(at, values);
    return this;
  }

  HintTester constant(String name, BigInteger v) {
    constants.put(name, v);
    return this;
  }

  HintTester constant(String name, long v) {
    return constant(name, BigInteger.valueOf(v));
  }

  HintTester scope(String name, Object v) {
    scope.put(name, v);
    return this;
  }

  HintTester run() {
    StringBuilder refs = new StringBuilder(), ids = new StringBuilder(), idents = new StringBuilder(STRUCTS);
    int k = 0;
    for (Map.Entry<String, String> e : types.entrySet()) {
      String t = e.getValue();
      String full = t.equals("felt") || t.equals("felt*") ? t : "__main__." + t;
      if (k > 0) {
        refs.append(',');
        ids.append(',');
      }
      refs.append("{\"pc\":0,\"value\":\"[cast(fp + ").append(offsets.get(e.getKey())).append(", ").append(full)
          .append("*)]\",\"ap_tracking_data\":{\"group\":0,\"offset\":0}}");
      ids.append("\"__main__.main.").append(e.getKey()).append("\":").append(k);
      k++;
    }
    for (Map.Entry<String, BigInteger> c : constants.entrySet())
      idents.append("\"__main__.").append(c.getKey()).append("\":{\"type\":\"const\",\"value\":").append(c.getValue()).append("},");
    idents.append("\"__main__.main\":{\"type\":\"function\",\"pc\":0}");
    String json =
        "{\"data\":[\"0x208b7fff7fff7ffe\"],\"builtins\":[\"range_check\"],\"main_scope\":\"__main__\","
            + "\"hints\":{\"0\":[{\"code\":" + quote(code) + ",\"accessible_scopes\":[\"__main__\",\"__main__.main\"],"
            + "\"flow_tracking_data\":{\"ap_tracking\":{\"group\":0,\"offset\":0},\"reference_ids\":{" + ids + "}}}]},"
            + "\"identifiers\":{" + idents + "},\"reference_manager\":{\"references\":[" + refs + "]}}";
    Program p = Program.parse(json, "hint-test");
    processor = new HintProcessor();
    processor.scopes().get(0).putAll(scope);
    runner = new CairoRunner(p, new RunConfig(Layout.named("starknet_with_keccak"), false, 10, true, false), processor);
    runner.initialize();
    fp = runner.vm().fp();
    for (Map.Entry<String, List<Object>> e : initial.entrySet()) {
      int off = offsets.get(e.getKey());
      List<Object> vs = e.getValue();
      for (int i = 0; i < vs.size(); i++) if (vs.get(i) != null) runner.memory().write(fp.add(off + i), value(vs.get(i)));
    }
    for (Map.Entry<Relocatable, Object[]> e : presets.entrySet())
      for (int i = 0; i < e.getValue().length; i++) runner.memory().write(e.getKey().add(i), value(e.getValue()[i]));
    runner.vm().step();
    return this;
  }

  static MaybeRelocatable value(Object o) {
    if (o instanceof MaybeRelocatable m) return m;
    if (o instanceof BigInteger b) return IntValue.of(b);
    if (o instanceof Number n) return IntValue.of(BigInteger.valueOf(n.longValue()));
    if (o instanceof String s) return IntValue.of(new BigInteger(s));
    throw new IllegalArgumentException(String.valueOf(o));
  }

  /** Cell i of id {@code name} (its struct member i, or the felt itself for i = 0). */
  MaybeRelocatable cell(String name, int i) {
    return runner.memory().get(fp.add(offsets.get(name) + i));
  }

  BigInteger felt(String name, int i) {
    return ((IntValue) cell(name, i)).value();
  }

  BigInteger felt(String name) {
    return felt(name, 0);
  }

  MaybeRelocatable atAp() {
    return runner.memory().get(fp);
  }

  Object scopeVar(String name) {
    List<Map<String, Object>> s = processor.scopes();
    return s.get(s.size() - 1).get(name);
  }

  int scopeDepth() {
    return processor.scopes().size();
  }

  static BigInteger big(String s) {
    return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }

  static List<Object> list(Object... xs) {
    return new ArrayList<>(List.of(xs));
  }
}
