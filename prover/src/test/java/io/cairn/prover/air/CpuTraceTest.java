package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.trace.CpuColumns;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.stone.StoneProof;
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
    return failures(air, t, null, external, fromIndex, toIndex);
  }

  static final Felt[][] PEDERSEN = EcConstants.pedersenPoints();
  static boolean withPedersenPoints;

  static List<String> failures(
      AirDescription air, MainTrace t, InteractionTrace it, Map<String, Felt> external, int fromIndex, int toIndex) {
    int n = t.rows();
    Felt g = Ntt.rootOfUnity(Integer.numberOfTrailingZeros(n));
    List<String> failed = new ArrayList<>();
    Felt point = Felt.ONE;
    Felt[] mask = new Felt[air.mask.size()];
    for (int row = 0; row < n; row++, point = point.mul(g)) {
      for (int m = 0; m < mask.length; m++) {
        AirDescription.MaskEntry e = air.mask.get(m);
        int r = (row + e.row()) % n;
        mask[m] = e.column() < t.columnCount() ? t.get(e.column(), r) : it != null ? it.get(e.column() - t.columnCount(), r) : Felt.ZERO;
      }
      Map<String, Felt> ext = external;
      if (withPedersenPoints) {
        ext = new HashMap<>(external);
        ext.put("pedersen__points__x", PEDERSEN[0][row % 512]);
        ext.put("pedersen__points__y", PEDERSEN[1][row % 512]);
      }
      Felt[] env = air.environment(mask, ext, point, g, n, true);
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
  void permutationProductsSatisfyTheInteractionConstraints() {
    RunOutput run = smallFibonacci();
    AirDescription air = AirDescription.load("small");
    StoneProof proof = StoneProof.read(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json"));
    StoneProof.PublicInput pi = proof.publicInput();
    MainTrace t = MainTrace.cpu(run, CpuColumns.SMALL, air.mainColumns);
    long[] addrs = new long[pi.publicMemory().size()];
    Felt[] vals = new Felt[addrs.length];
    for (int i = 0; i < addrs.length; i++) {
      addrs[i] = pi.publicMemory().get(i).address();
      vals[i] = pi.publicMemory().get(i).value();
    }
    t.writeBuiltins(run, pi.segments().get("pedersen").beginAddr());
    t.finishMemory(addrs, vals, air.publicMemoryStep, 20);
    t.finishRangeCheck(pi.rcMin(), pi.rcMax(), 2);
    // the fixture's interaction elements (annotated; the verifier derives the same from its commitments)
    List<Felt> elements = new ArrayList<>();
    java.util.regex.Pattern pat = java.util.regex.Pattern.compile("Interaction element #\\d+: Field Element\\((0x[0-9a-f]+)\\)");
    for (String a : proof.annotations()) {
      var m = pat.matcher(a);
      if (m.find()) elements.add(Felt.fromHex(m.group(1)));
    }
    Felt[] el = elements.toArray(new Felt[0]);
    InteractionTrace it = InteractionTrace.of(t, CpuColumns.SMALL, 20, 2, el);
    Map<String, Felt> ext = new CpuAirValues(air, pi).external(el, Felt.ONE, t.rows());
    // memory perm init0/step0/last and range_check16 perm init0/step0/last
    List<String> failed = new ArrayList<>(failures(air, t, it, ext, 33, 35));
    failed.addAll(failures(air, t, it, ext, 41, 43));
    assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed.subList(0, Math.min(5, failed.size())));
    // a memory value the sorted column does not have breaks the product
    t.setForTest(19, 2 * 4 + 1, t.get(19, 2 * 4 + 1).add(Felt.ONE));
    InteractionTrace bad = InteractionTrace.of(t, CpuColumns.SMALL, 20, 2, el);
    assertTrue(!failures(air, t, bad, ext, 33, 35).isEmpty());
  }

  @Test
  void pedersenBuiltinColumnsSatisfyTheirConstraints() {
    RunOutput run = smallFibonacci();
    AirDescription air = AirDescription.load("small");
    StoneProof.PublicInput pi =
        StoneProof.read(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json")).publicInput();
    long begin = pi.segments().get("pedersen").beginAddr();
    MainTrace t = MainTrace.cpu(run, CpuColumns.SMALL, air.mainColumns);
    t.writeBuiltins(run, begin);
    // unused instances hash (0, 0): the output cell is Pedersen(0, 0) (memory unit 64i+19 → pool row 128i+39)
    assertEquals(io.cairn.crypto.hash.Pedersen.hash(Felt.ZERO, Felt.ZERO), t.get(19, 39));
    assertEquals(Felt.of(begin + 2), t.get(19, 38));
    Map<String, Felt> ext = new HashMap<>();
    ext.put("pedersen__shift_point_x_", EcConstants.pedersenShiftX());
    ext.put("pedersen__shift_point_y_", EcConstants.pedersenShiftY());
    ext.put("initial_pedersen_addr_", Felt.of(begin));
    withPedersenPoints = true;
    try {
      List<String> failed = failures(air, t, ext, 47, 134);
      assertTrue(failed.isEmpty(), () -> failed.size() + " failures, first: " + failed.subList(0, Math.min(5, failed.size())));
      t.setForTest(4, 300, t.get(4, 300).add(Felt.ONE));
      assertTrue(!failures(air, t, ext, 47, 134).isEmpty());
    } finally {
      withPedersenPoints = false;
    }
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
    t.writeBuiltins(run, pub.get("memory_segments").get("pedersen").get("begin_addr").asLong());
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
