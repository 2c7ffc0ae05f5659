package io.cairn.prover.air;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled program computes the same composition value as the interpreter, which the verifier checks against
 * Stone's OODS values on real proofs — at random points with random inputs.
 */
class CompiledAirTest {
  @ParameterizedTest
  @ValueSource(strings = {"recursive", "small", "starknet"})
  void compiledEvaluationEqualsInterpreter(String layout) {
    AirDescription air = AirDescription.load(layout);
    CompiledAir compiled = new CompiledAir(air);
    Random rnd = new Random(layout.hashCode());
    long traceLength = 1 << 16;
    Felt gen = Felt.of(3).pow(Felt.MODULUS.subtract(java.math.BigInteger.ONE).shiftRight(16));
    for (int trial = 0; trial < 3; trial++) {
      Felt point = random(rnd);
      Felt[] mask = new Felt[air.mask.size()];
      for (int i = 0; i < mask.length; i++) mask[i] = random(rnd);
      Map<String, Felt> external = new HashMap<>();
      for (String name : air.externalNames()) external.put(name, random(rnd));
      Felt[] coefficients = new Felt[air.constraints.size()];
      for (int i = 0; i < coefficients.length; i++) coefficients[i] = random(rnd);
      Felt expected = air.evaluateComposition(mask, external, coefficients, point, gen, traceLength);

      long[] r = compiled.newRegisters();
      for (int i = 0; i < mask.length; i++) CompiledAir.set(r, compiled.register(air.mask.get(i).name()), mask[i]);
      CompiledAir.set(r, compiled.register("point"), point);
      for (int k = 1; k <= air.pointPowers.size(); k++)
        CompiledAir.set(r, compiled.register("point_pow" + k), point.pow(air.pointPowers.get(k - 1).of(traceLength)));
      for (int k = 0; k < air.shifts.size(); k++)
        CompiledAir.set(r, compiled.register("shift" + k), gen.pow(air.shifts.get(k).of(traceLength)));
      for (var e : external.entrySet()) CompiledAir.set(r, compiled.register(e.getKey()), e.getValue());
      long[] coeffs = new long[4 * coefficients.length];
      for (int i = 0; i < coefficients.length; i++) coefficients[i].writeTo(coeffs, 4 * i);
      long[] out = new long[4];
      compiled.evaluate(r, coeffs, out, 0, new long[12]);
      assertEquals(expected, Felt.fromMontgomeryLimbs(out, 0), layout + " trial " + trial);
    }
  }

  static Felt random(Random rnd) {
    return Felt.of(rnd.nextLong() & Long.MAX_VALUE).mul(Felt.of(rnd.nextLong() & Long.MAX_VALUE)).add(Felt.of(rnd.nextInt()));
  }
}
