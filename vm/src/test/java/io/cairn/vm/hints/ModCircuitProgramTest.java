package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.builtins.ModBuiltin;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-assembled program under {@code all_cairo} that runs cairo-lang's {@code run_mod_p_circuit} hint and returns
 * the advanced add_mod / mul_mod pointers, as the common library's function does:
 *
 * <pre>
 *   %{ run_mod_p_circuit hint %}   // ids: add_mod_ptr = [fp-4], mul_mod_ptr = [fp-3], add_mod_n = [fp], mul_mod_n = [fp+1]
 *   ap += 2
 *   [ap] = [fp-4] + 7·n_add; ap++
 *   [ap] = [fp-3] + 7·n_mul; ap++
 *   ret
 * </pre>
 *
 * The first instances, the values and offsets tables and the two counts are written before the run, as the Cairo
 * code before the hint would.
 */
class ModCircuitProgramTest {
  private static final BigInteger P = new BigInteger("fffffffffffffffffffffffffffffffeffffffffffffffff", 16); // P-192
  private static final BigInteger MASK96 = BigInteger.ONE.shiftLeft(96).subtract(BigInteger.ONE);

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static Program program(int nAdd, int nMul) {
    String data = String.join(",",
        "\"0x40780017fff7fff\"", "\"0x2\"", // ap += 2
        "\"0x482680017ffc8000\"", "\"" + "0x" + Integer.toHexString(7 * nAdd) + "\"", // [ap] = [fp-4] + imm; ap++
        "\"0x482680017ffd8000\"", "\"" + "0x" + Integer.toHexString(7 * nMul) + "\"", // [ap] = [fp-3] + imm; ap++
        "\"0x208b7fff7fff7ffe\""); // ret
    String refs = String.join(",",
        ref("[cast(fp + -4, felt**)]"), ref("[cast(fp + -3, felt**)]"), ref("[cast(fp + 0, felt*)]"),
        ref("[cast(fp + 1, felt*)]"));
    String json = "{\"data\":[" + data + "],\"builtins\":[\"add_mod\",\"mul_mod\"],\"main_scope\":\"__main__\","
        + "\"hints\":{\"0\":[{\"code\":" + quote(ModHints.RUN_MOD_P_CIRCUIT) + ","
        + "\"accessible_scopes\":[\"__main__\",\"__main__.main\"],"
        + "\"flow_tracking_data\":{\"ap_tracking\":{\"group\":0,\"offset\":0},\"reference_ids\":{"
        + "\"__main__.main.add_mod_ptr\":0,\"__main__.main.mul_mod_ptr\":1,"
        + "\"__main__.main.add_mod_n\":2,\"__main__.main.mul_mod_n\":3}}}]},"
        + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},"
        + "\"reference_manager\":{\"references\":[" + refs + "]}}";
    return Program.parse(json, "mod-circuit-test");
  }

  private static String ref(String value) {
    return "{\"pc\":0,\"value\":\"" + value + "\",\"ap_tracking_data\":{\"group\":0,\"offset\":0}}";
  }

  private static void write384(Memory m, Relocatable at, BigInteger v) {
    for (int i = 0; i < 4; i++) m.write(at.add(i), v.shiftRight(96 * i).and(MASK96));
  }

  private static BigInteger read384(Memory m, Relocatable at) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < 4; i++) v = v.add(((IntValue) m.get(at.add(i))).value().shiftLeft(96 * i));
    return v;
  }

  /** Computes (x + y) · x mod P with one add gate and one mul gate; returns the runner after the run. */
  private static CairoRunner runCircuit(BigInteger x, BigInteger y, BigInteger presetResult) {
    CairoRunner r = new CairoRunner(program(1, 1),
        new RunConfig(Layout.named("all_cairo"), false, 100, true, false, true), new HintProcessor());
    r.initialize();
    Memory m = r.memory();
    Relocatable fp = r.vm().fp();
    Relocatable values = m.addSegment(), addOffsets = m.addSegment(), mulOffsets = m.addSegment();
    write384(m, values, x);
    write384(m, values.add(4), y);
    if (presetResult != null) write384(m, values.add(12), presetResult);
    long[] addGate = {0, 4, 8}, mulGate = {8, 0, 12}; // s = x + y; z = s · x
    for (int k = 0; k < 3; k++) {
      m.write(addOffsets.add(k), addGate[k]);
      m.write(mulOffsets.add(k), mulGate[k]);
    }
    for (String b : List.of("add_mod", "mul_mod")) {
      Relocatable inst = r.builtin(b).base();
      write384(m, inst, P);
      m.write(inst.add(4), values);
      m.write(inst.add(5), b.equals("add_mod") ? addOffsets : mulOffsets);
      m.write(inst.add(6), 1);
    }
    m.write(fp, 1); // add_mod_n
    m.write(fp.add(1), 1); // mul_mod_n
    r.run();
    return r;
  }

  @Test
  void runModPCircuitFillsTheCircuitUnderAllCairo() throws Exception {
    BigInteger x = P.subtract(BigInteger.valueOf(3)), y = BigInteger.TEN;
    CairoRunner r = runCircuit(x, y, null);
    Relocatable values = r.memory().getRelocatable(r.builtin("mul_mod").base().add(4));
    BigInteger s = x.add(y).mod(P), z = s.multiply(x).mod(P);
    assertEquals(s, read384(r.memory(), values.add(8)));
    assertEquals(z, read384(r.memory(), values.add(12)));
    assertEquals(BigInteger.valueOf(7).multiply(BigInteger.valueOf(-3)).mod(P), z); // (−3 + 10)·(−3)
    // The values and offsets tables are read by the builtin: none of their cells is a memory hole.
    Relocatable addOffsets = r.memory().getRelocatable(r.builtin("add_mod").base().add(5));
    for (int o = 0; o < 16; o++) assertTrue(r.memory().isAccessed(values.segment(), o), "values cell " + o);
    for (int o = 0; o < 3; o++) assertTrue(r.memory().isAccessed(addOffsets.segment(), o), "offsets cell " + o);
    RunOutput out = r.relocate();
    Map<String, Object> pi = out.privateInput(Path.of("t"), Path.of("m"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inst = (List<Map<String, Object>>) ((Map<String, Object>) pi.get("mul_mod")).get("instances");
    assertEquals(1, inst.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> gate = ((List<Map<String, Object>>) inst.get(0).get("batch")).get(0);
    assertEquals("0x" + z.and(MASK96).toString(16), gate.get("c0"), inst.toString());
    assertEquals(12L, gate.get("c_offset"));
  }

  @Test
  void wrongPresetResultFailsTheRun() {
    BigInteger x = BigInteger.valueOf(5), y = BigInteger.valueOf(6);
    // z = 55 is written as 56 before the run: the hint leaves it, the end-of-run check rejects it.
    VmError e = assertThrows(VmError.class, () -> runCircuit(x, y, BigInteger.valueOf(56)));
    assertTrue(e.getMessage().contains("mul_mod builtin: Expected a * b == c (mod p)"), e.getMessage());
  }

  @Test
  void hintIsRegisteredUnderItsExactCode() {
    assertTrue(HintRegistry.builtIn().containsKey(ModHints.RUN_MOD_P_CIRCUIT));
    assertEquals(4, ModBuiltin.ZERO_SEGMENT_SIZE);
  }
}
