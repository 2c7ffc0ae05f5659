package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.trace.CpuColumns;
import io.cairn.prover.trace.MainTrace;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU component of the trace satisfies the layout's CPU constraints (Stone's, as the verifier checks them). */
class CpuTraceTest {

  static RunOutput smallFibonacci() {
    Program p = Program.load(Fixtures.require("cairo0-programs/proof_mode/fibonacci.json"));
    CairoRunner r = new CairoRunner(p, new RunConfig(Layout.named("small"), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    r.run();
    return r.relocate();
  }

  /** Names of the constraints that fail somewhere on the trace (only those among {@code indices}). */
  static List<String> failures(AirDescription air, MainTrace t, Map<String, Felt> external, int fromIndex, int toIndex) {
    int n = t.rows();
    Felt g = Ntt.rootOfUnity(Integer.numberOfTrailingZeros(n));
    List<String> failed = new ArrayList<>();
    Felt point = Felt.ONE;
    Felt[] mask = new Felt[air.mask.size()];
    for (int row = 0; row < n; row++, point = point.mul(g)) {
      for (int m = 0; m < mask.length; m++) {
        AirDescription.MaskEntry e = air.mask.get(m);
        mask[m] = e.column() < t.columnCount() ? t.get(e.column(), (row + e.row()) % n) : Felt.ZERO;
      }
      Felt[] env = air.environment(mask, external, point, g, n, true);
      for (AirDescription.Constraint c : air.constraints) {
        if (c.index() < fromIndex || c.index() > toIndex) continue;
        Boolean ok = air.holds(c, env);
        if (ok != null && !ok) failed.add(c.name() + " @row " + row);
      }
    }
    return failed;
  }

  @Test
  void cpuConstraintsVanishOnTheSmallFibonacciTrace() {
    RunOutput run = smallFibonacci();
    AirDescription air = AirDescription.load("small");
    MainTrace t = MainTrace.cpu(run, CpuColumns.SMALL, air.mainColumns);
    assertEquals(8192, t.rows());
    Map<String, Felt> ext = new HashMap<>();
    ext.put("offset_size_", Felt.of(1 << 16));
    ext.put("half_offset_size_", Felt.of(1 << 15));
    ext.put("initial_ap_", Felt.of(run.ap(0)));
    ext.put("initial_pc_", Felt.of(run.pc(0)));
    ext.put("final_ap_", Felt.of(run.ap(run.steps() - 1)));
    ext.put("final_pc_", Felt.of(run.pc(run.steps() - 1)));
    // constraints 0–32: decoding, operands, register updates, opcodes, initial and final registers
    List<String> failed = failures(air, t, ext, 0, 32);
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed.subList(0, Math.min(5, failed.size())));

    // one wrong register cell breaks them
    MainTrace bad = MainTrace.cpu(run, CpuColumns.SMALL, air.mainColumns);
    bad.setForTest(CpuColumns.SMALL.registers(), 16 * 100 + CpuColumns.SMALL.ap(), Felt.of(run.ap(100) + 1));
    assertTrue(!failures(air, bad, ext, 0, 32).isEmpty());
  }

  @Test
  void memoryAndRangeCheckColumnsSatisfyTheirConstraints() throws Exception {
    RunOutput run = smallFibonacci();
    AirDescription air = AirDescription.load("small");
    var pub =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json").toFile())
            .get("public_input");
    var pm = pub.get("public_memory");
    long[] addrs = new long[pm.size()];
    Felt[] vals = new Felt[pm.size()];
    for (int i = 0; i < addrs.length; i++) {
      addrs[i] = pm.get(i).get("address").asLong();
      vals[i] = Felt.fromHex(pm.get(i).get("value").asText());
    }
    long rcMin = pub.get("rc_min").asLong(), rcMax = pub.get("rc_max").asLong();
    MainTrace t = MainTrace.cpu(run, CpuColumns.SMALL, air.mainColumns);
    t.finishMemory(addrs, vals, air.publicMemoryStep, 20);
    t.finishRangeCheck(rcMin, rcMax, 2);
    Map<String, Felt> ext = new HashMap<>();
    ext.put("range_check_min_", Felt.of(rcMin));
    ext.put("range_check_max_", Felt.of(rcMax));
    // memory/diff_is_bit, is_func, initial_addr, public memory cells zero; range_check16 diff_is_bit, minimum, maximum
    List<String> failed = new ArrayList<>(failures(air, t, ext, 36, 40));
    failed.addAll(failures(air, t, ext, 44, 46));
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed.subList(0, Math.min(5, failed.size())));
    // the sorted memory is a function of the address: give one address a second value
    t.setForTest(20, 2 * 40 + 1, t.get(20, 2 * 40 + 1).add(Felt.ONE));
    t.setForTest(20, 2 * 41, t.get(20, 2 * 40));
    assertTrue(!failures(air, t, ext, 36, 40).isEmpty());
  }
}
