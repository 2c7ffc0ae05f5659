package io.cairn.vm.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cairo layout: which builtins exist at what ratio, and the per-step budgets of the range-check, memory and diluted
 * pools, exactly as cairo-lang's {@code instances.py} (v0.14.0.1) defines them (CAIRO.md §7.2).
 *
 * @param builtins in layout order (the order of segments and of public-input names); output first when present
 * @param dynamicParams for {@code dynamic}: the params-file values echoed into the public input; else null
 */
public record Layout(
    String name,
    int cpuComponentStep,
    int rcUnits,
    int publicMemoryFraction,
    int memoryUnitsPerStep,
    DilutedPool dilutedPool,
    List<BuiltinDef> builtins,
    Integer nTraceColumns,
    Map<String, Integer> dynamicParams) {

  /** One builtin: ratio null means "dynamic, sized to usage"; ratioDen is 1 except for low-ratio builtins. */
  public record BuiltinDef(String name, Integer ratio, int ratioDen) {}

  public record DilutedPool(int logUnitsPerStep, int spacing, int nBits) {}

  public static final List<String> ALL_BUILTINS =
      List.of(
          "output", "pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "keccak", "poseidon", "range_check96",
          "add_mod", "mul_mod");

  /** Names accepted by {@code --layout}. */
  public static final List<String> NAMES =
      List.of(
          "plain", "small", "dex", "recursive", "starknet", "starknet_with_keccak", "recursive_large_output",
          "recursive_with_poseidon", "all_solidity", "all_cairo", "dynamic");

  public BuiltinDef builtin(String name) {
    for (BuiltinDef b : builtins) if (b.name.equals(name)) return b;
    return null;
  }

  private static BuiltinDef b(String name, int ratio) {
    return new BuiltinDef(name, ratio, 1);
  }

  private static final BuiltinDef OUTPUT = new BuiltinDef("output", null, 1);

  private static Layout fixed(String name, int rc, int pmf, DilutedPool d, int cols, BuiltinDef... bs) {
    return new Layout(name, 1, rc, pmf, 8, d, List.of(bs), cols, null);
  }

  private static DilutedPool diluted(int log) {
    return new DilutedPool(log, 4, 16);
  }

  /** A fixed layout by name ({@code dynamic} needs {@link #dynamic}). */
  public static Layout named(String name) {
    return switch (name) {
      case "plain" -> fixed("plain", 16, 4, null, 8);
      case "small" -> fixed("small", 16, 4, null, 25, OUTPUT, b("pedersen", 8), b("range_check", 8), b("ecdsa", 512));
      case "dex" -> fixed("dex", 4, 4, null, 22, OUTPUT, b("pedersen", 8), b("range_check", 8), b("ecdsa", 512));
      case "recursive" ->
          fixed("recursive", 4, 8, diluted(4), 10, OUTPUT, b("pedersen", 128), b("range_check", 8), b("bitwise", 8));
      case "starknet" ->
          fixed(
              "starknet", 4, 4, diluted(1), 10, OUTPUT, b("pedersen", 32), b("range_check", 16), b("ecdsa", 2048),
              b("bitwise", 64), b("ec_op", 1024), b("poseidon", 32));
      case "starknet_with_keccak" ->
          fixed(
              "starknet_with_keccak", 4, 4, diluted(4), 15, OUTPUT, b("pedersen", 32), b("range_check", 16),
              b("ecdsa", 2048), b("bitwise", 64), b("ec_op", 1024), b("keccak", 2048), b("poseidon", 32));
      case "recursive_large_output" ->
          fixed(
              "recursive_large_output", 4, 8, diluted(4), 12, OUTPUT, b("pedersen", 128), b("range_check", 8),
              b("bitwise", 8), b("poseidon", 8));
      case "recursive_with_poseidon" ->
          fixed(
              "recursive_with_poseidon", 4, 8, diluted(3), 8, OUTPUT, b("pedersen", 256), b("range_check", 16),
              b("bitwise", 16), b("poseidon", 64));
      case "all_solidity" ->
          fixed(
              "all_solidity", 8, 8, diluted(4), 27, OUTPUT, b("pedersen", 8), b("range_check", 8), b("ecdsa", 512),
              b("bitwise", 256), b("ec_op", 256));
      case "all_cairo" ->
          fixed(
              "all_cairo", 8, 8, diluted(4), 12, OUTPUT, b("pedersen", 256), b("range_check", 8), b("ecdsa", 2048),
              b("bitwise", 16), b("ec_op", 1024), b("keccak", 2048), b("poseidon", 256), b("range_check96", 8),
              b("add_mod", 128), b("mul_mod", 256));
      case "dynamic" ->
          throw new IllegalArgumentException("--layout dynamic needs --cairo-layout-params-file (as cairo-run does)");
      default ->
          throw new IllegalArgumentException("unknown layout '" + name + "' (expected one of " + NAMES + ")");
    };
  }

  private static final List<String> LOW_RATIO = List.of("range_check96", "add_mod", "mul_mod");

  /** {@code dynamic} from a {@code --cairo-layout-params-file} (CL dynamic_layout_params.CairoLayoutParams). */
  public static Layout dynamic(Path paramsFile) {
    JsonNode n;
    try {
      n = new ObjectMapper().readTree(Files.readAllBytes(paramsFile));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read layout params file " + paramsFile + ": " + e.getMessage());
    }
    Map<String, Integer> params = new LinkedHashMap<>();
    String[] base = {"cpu_component_step", "rc_units", "memory_units_per_step", "log_diluted_units_per_step"};
    for (String k : base) params.put(k, req(n, k, paramsFile));
    List<BuiltinDef> bs = new ArrayList<>();
    bs.add(OUTPUT);
    for (String b : ALL_BUILTINS) {
      if (b.equals("output")) continue;
      int uses = req(n, "uses_" + b + "_builtin", paramsFile);
      int ratio = req(n, b + "_ratio", paramsFile);
      params.put("uses_" + b + "_builtin", uses);
      params.put(b + "_ratio", ratio);
      int den = 1;
      if (LOW_RATIO.contains(b)) {
        den = req(n, b + "_ratio_den", paramsFile);
        params.put(b + "_ratio_den", den);
      }
      if (uses == 0 && ratio != 0)
        throw new IllegalArgumentException(paramsFile + ": " + b + "_ratio must be 0 when uses_" + b + "_builtin is 0");
      bs.add(new BuiltinDef(b, ratio, den));
    }
    return new Layout(
        "dynamic",
        params.get("cpu_component_step"),
        params.get("rc_units"),
        8,
        params.get("memory_units_per_step"),
        new DilutedPool(params.get("log_diluted_units_per_step"), 4, 16),
        List.copyOf(bs),
        null,
        Map.copyOf(params));
  }

  private static int req(JsonNode n, String key, Path file) {
    JsonNode v = n.get(key);
    if (v != null && v.isBoolean()) return v.asBoolean() ? 1 : 0; // cairo-vm's example file writes uses_* as booleans
    if (v == null || !v.canConvertToInt()) throw new IllegalArgumentException(file + ": missing integer '" + key + "'");
    return v.asInt();
  }
}
