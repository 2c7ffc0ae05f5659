package io.cairn.vm.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.builtins.Builtins;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout tables reproduce the padded builtin segments Stone proved, and cairo-lang's definitions. */
class LayoutTablesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "small_fibonacci_cairo0_stone_v6_proof.json",
        "small/cairo0_stone5_keccak_160_lsb_example_proof.json",
        "small/cairo0_stone6_keccak_160_lsb_example_proof.json",
        "recursive/cairo0_stone5_keccak_160_lsb_example_proof.json",
        "recursive/cairo0_stone6_keccak_160_lsb_example_proof.json",
        "starknet/cairo0_stone5_keccak_160_lsb_example_proof.json",
        "starknet/cairo0_stone6_keccak_160_lsb_example_proof.json",
        "ethereum/starknet_bootloader_proof_v6.json"
      })
  void builtinSegmentSizesMatchStoneProofs(String proof) throws Exception {
    JsonNode pi = new ObjectMapper().readTree(Fixtures.require("stone-proofs/" + proof).toFile()).get("public_input");
    Layout layout = Layout.named(pi.get("layout").asText());
    long steps = pi.get("n_steps").asLong();
    List<String> names = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = pi.get("memory_segments").fields();
    while (it.hasNext()) names.add(it.next().getKey());
    List<String> expectedNames = new ArrayList<>(List.of("program", "execution"));
    for (Layout.BuiltinDef b : layout.builtins()) expectedNames.add(b.name());
    assertEquals(expectedNames.stream().sorted().toList(), names.stream().sorted().toList(), "segment names");
    // builtin segments are consecutive in layout order; each one's padded size is cells · steps / ratio
    List<Layout.BuiltinDef> bs = layout.builtins();
    for (int i = 1; i + 1 < bs.size(); i++) {
      Layout.BuiltinDef b = bs.get(i);
      long begin = pi.get("memory_segments").get(b.name()).get("begin_addr").asLong();
      long next = pi.get("memory_segments").get(bs.get(i + 1).name()).get("begin_addr").asLong();
      long cells = Builtins.create(b, true).cellsPerInstance();
      assertEquals(next - begin, cells * steps * b.ratioDen() / b.ratio(), b.name() + " in " + proof);
    }
  }

  @Test
  void matchesCairoLangInstances() {
    // (layout, rc_units, public_memory_fraction, diluted log units or -99, builtins with ratios) from instances.py
    assertEquals("[output, pedersen, range_check, ecdsa, bitwise, ec_op, keccak, poseidon]",
        names(Layout.named("starknet_with_keccak")));
    assertEquals(16, Layout.named("small").rcUnits());
    assertEquals(4, Layout.named("dex").rcUnits());
    assertEquals(8, Layout.named("all_cairo").rcUnits());
    assertEquals(8, Layout.named("recursive").publicMemoryFraction());
    assertEquals(4, Layout.named("starknet").publicMemoryFraction());
    assertEquals(1, Layout.named("starknet").dilutedPool().logUnitsPerStep());
    assertEquals(3, Layout.named("recursive_with_poseidon").dilutedPool().logUnitsPerStep());
    assertEquals(256, Layout.named("all_solidity").builtin("bitwise").ratio());
    assertEquals(128, Layout.named("all_cairo").builtin("add_mod").ratio());
    assertEquals(8, Layout.named("recursive_large_output").builtin("poseidon").ratio());
    assertEquals("[]", names(Layout.named("plain")));
    assertThrows(IllegalArgumentException.class, () -> Layout.named("perpetual"));
  }

  private static String names(Layout l) {
    return l.builtins().stream().map(Layout.BuiltinDef::name).toList().toString();
  }

  @Test
  void dynamicLayoutReadsTheParamsFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path f = tmp.resolve("params.json");
    StringBuilder sb = new StringBuilder("{\"rc_units\": 4, \"log_diluted_units_per_step\": 4, \"cpu_component_step\": 8, \"memory_units_per_step\": 8");
    for (String b : List.of("pedersen:256", "range_check:8", "ecdsa:2048", "bitwise:16", "ec_op:1024", "keccak:2048", "poseidon:256",
        "range_check96:8", "add_mod:128", "mul_mod:256")) {
      String[] kv = b.split(":");
      sb.append(", \"uses_").append(kv[0]).append("_builtin\": true, \"").append(kv[0]).append("_ratio\": ").append(kv[1]);
      if (List.of("range_check96", "add_mod", "mul_mod").contains(kv[0])) sb.append(", \"").append(kv[0]).append("_ratio_den\": 1");
    }
    java.nio.file.Files.writeString(f, sb.append('}').toString());
    Layout d = Layout.dynamic(f);
    assertEquals(4, d.rcUnits());
    assertEquals(Layout.ALL_BUILTINS, d.builtins().stream().map(Layout.BuiltinDef::name).toList());
    assertEquals(128, d.builtin("add_mod").ratio());
    assertEquals(1, d.dynamicParams().get("uses_keccak_builtin"));
    assertThrows(IllegalArgumentException.class, () -> Layout.named("dynamic"));
  }
}
