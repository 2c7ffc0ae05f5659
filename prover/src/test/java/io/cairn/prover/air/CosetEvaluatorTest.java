package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The block-wise coset evaluation gives, at every row, the value the compiled program gives at that point (which
 * {@link CompiledAirTest} ties to the interpreter) — with hoisted tables (a long tabulation limit) and with per-point
 * divisions and wrapped mask reads (a short one).
 */
class CosetEvaluatorTest {
  @ParameterizedTest
  @CsvSource({"recursive,12,8192", "recursive,12,4", "small,13,64", "starknet,15,2"})
  void everyRowEqualsThePointwiseProgram(String layout, int logT, int maxTable) {
    AirDescription air = AirDescription.load(layout);
    CompiledAir compiled = new CompiledAir(air);
    Random rnd = new Random(layout.hashCode() + logT);
    int t = 1 << logT;
    Felt g = Felt.of(3).pow(Felt.MODULUS.subtract(BigInteger.ONE).shiftRight(logT));
    Felt offset = CompiledAirTest.random(rnd);
    long[][] columns = new long[air.mainColumns + air.interactionColumns][4 * t];
    for (long[] col : columns) for (int i = 0; i < t; i++) CompiledAirTest.random(rnd).writeTo(col, 4 * i);
    Map<String, Felt> external = new HashMap<>();
    Map<String, Integer> periods = new HashMap<>();
    Map<String, long[]> periodic = new HashMap<>();
    for (AirDescription.PeriodicColumn p : air.periodicColumns) {
      int period = Math.min(t, 1 << (1 + rnd.nextInt(4)));
      periods.put(p.exprName(), period);
      long[] values = new long[4 * period];
      for (int i = 0; i < period; i++) CompiledAirTest.random(rnd).writeTo(values, 4 * i);
      periodic.put(p.exprName(), values);
    }
    for (String name : air.externalNames()) if (!periods.containsKey(name)) external.put(name, CompiledAirTest.random(rnd));
    long[] coefficients = new long[4 * air.constraints.size()];
    for (int i = 0; i < air.constraints.size(); i++) CompiledAirTest.random(rnd).writeTo(coefficients, 4 * i);

    int stride = 2, at = 1;
    long[] out = new long[4 * stride * t];
    CosetEvaluator evaluator = new CosetEvaluator(compiled, logT, external, coefficients, g, periods, maxTable);
    assertTrue(evaluator.perPointOperations() < compiled.operations(), "something is hoisted");
    evaluator.evaluate(offset, columns, periodic, out, stride, at);

    for (int i = 0; i < t; i++) {
      Felt point = offset.mul(g.pow(i));
      long[] r = compiled.newRegisters();
      for (AirDescription.MaskEntry e : air.mask)
        CompiledAir.set(r, compiled.register(e.name()), Felt.fromMontgomeryLimbs(columns[e.column()], 4 * Math.floorMod(i + e.row(), t)));
      CompiledAir.set(r, compiled.register("point"), point);
      for (int k = 1; k <= air.pointPowers.size(); k++)
        CompiledAir.set(r, compiled.register("point_pow" + k), point.pow(air.pointPowers.get(k - 1).of(t)));
      for (int k = 0; k < air.shifts.size(); k++) CompiledAir.set(r, compiled.register("shift" + k), g.pow(air.shifts.get(k).of(t)));
      for (var e : external.entrySet()) CompiledAir.set(r, compiled.register(e.getKey()), e.getValue());
      for (var e : periodic.entrySet())
        CompiledAir.set(r, compiled.register(e.getKey()), Felt.fromMontgomeryLimbs(e.getValue(), 4 * (i % periods.get(e.getKey()))));
      long[] expected = new long[4];
      compiled.evaluate(r, coefficients, expected, 0, new long[12]);
      assertEquals(Felt.fromMontgomeryLimbs(expected, 0), Felt.fromMontgomeryLimbs(out, 4 * (stride * i + at)), layout + " row " + i);
    }
  }
}
