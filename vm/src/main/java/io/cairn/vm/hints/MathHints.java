package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.builtins.RangeCheckBuiltin;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/** starkware.cairo.common.math / math_cmp / pow hints. */
final class MathHints {
  private MathHints() {}

  static final BigInteger P = HintContext.PRIME;

  static BigInteger rcBound(HintContext c) {
    return ((RangeCheckBuiltin) c.builtin("range_check")).bound();
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.ASSERT_NN, c -> {
      BigInteger a = c.getInt("a");
      if (a.compareTo(rcBound(c)) >= 0) throw new VmError("a = " + a + " is out of range.");
    });
    put(m, HintCodes.IS_NN, c -> c.writeAp(c.getInt("a").compareTo(rcBound(c)) < 0 ? 0 : 1));
    put(m, HintCodes.IS_NN_OUT_OF_RANGE, c -> {
      BigInteger v = c.getInt("a").negate().subtract(BigInteger.ONE).mod(P);
      c.writeAp(v.compareTo(rcBound(c)) < 0 ? 0 : 1);
    });
    put(m, HintCodes.ASSERT_LT_FELT, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b");
      if (a.compareTo(b) >= 0) throw new VmError("a = " + a + " is not less than b = " + b + ".");
    });
    put(m, HintCodes.ASSERT_LE_FELT, MathHints::assertLeFelt);
    put(m, HintCodes.ASSERT_LE_FELT_EXCLUDED_0, c -> c.writeAp(c.<Integer>scopeGet("excluded") != 0 ? 1 : 0));
    put(m, HintCodes.ASSERT_LE_FELT_EXCLUDED_1, c -> c.writeAp(c.<Integer>scopeGet("excluded") != 1 ? 1 : 0));
    put(m, HintCodes.ASSERT_LE_FELT_EXCLUDED_2, c -> {
      if (c.<Integer>scopeGet("excluded") != 2) throw new VmError("assert excluded == 2");
    });
    put(m, HintCodes.UNSIGNED_DIV_REM, c -> {
      BigInteger div = c.getInt("div");
      if (div.signum() <= 0 || div.compareTo(P.divide(rcBound(c))) > 0)
        throw new VmError("div=0x" + div.toString(16) + " is out of the valid range.");
      BigInteger[] qr = c.getInt("value").divideAndRemainder(div);
      c.set("q", qr[0]);
      c.set("r", qr[1]);
    });
    put(m, HintCodes.SQRT, c -> {
      BigInteger v = c.getInt("value");
      if (v.bitLength() > 250) throw new VmError("value=" + v + " is outside of the range [0, 2**250).");
      c.set("root", v.sqrt());
    });
    put(m, HintCodes.POW, c -> c.set("locs.bit", c.getInt("prev_locs.exp").testBit(0) ? 1 : 0));
    put(m, HintCodes.NONDET_N_GREATER_THAN_10, c -> c.writeAp(c.getInt("n").compareTo(BigInteger.TEN) >= 0 ? 1 : 0));
    put(m, HintCodes.NONDET_N_GREATER_THAN_2, c -> c.writeAp(c.getInt("n").compareTo(BigInteger.TWO) >= 0 ? 1 : 0));
    put(m, HintCodes.IMPORT_MATH, c -> {});
  }

  /** assert_le_felt: split the circle into three arcs and range-check the two short ones (common/math.cairo). */
  private static void assertLeFelt(HintContext c) {
    BigInteger a = c.getInt("a"), b = c.getInt("b");
    if (a.compareTo(b) > 0) throw new VmError("a = " + a + " is not less than or equal to b = " + b + ".");
    BigInteger[][] arcs = {
      {a, BigInteger.ZERO}, {b.subtract(a), BigInteger.ONE}, {P.subtract(BigInteger.ONE).subtract(b), BigInteger.TWO}
    };
    Arrays.sort(arcs, (x, y) -> x[0].compareTo(y[0]) != 0 ? x[0].compareTo(y[0]) : x[1].compareTo(y[1]));
    if (arcs[0][0].compareTo(P.divide(BigInteger.valueOf(3))) > 0 || arcs[1][0].compareTo(P.divide(BigInteger.TWO)) > 0)
      throw new VmError("assert lengths_and_indices[0][0] <= PRIME // 3 and lengths_and_indices[1][0] <= PRIME // 2");
    c.scopeSet("excluded", arcs[2][1].intValue());
    Relocatable rc = c.getPtr("range_check_ptr");
    BigInteger[] q0 = arcs[0][0].divideAndRemainder(c.constant("PRIME_OVER_3_HIGH"));
    BigInteger[] q1 = arcs[1][0].divideAndRemainder(c.constant("PRIME_OVER_2_HIGH"));
    c.memory().write(rc.add(1), q0[0]);
    c.memory().write(rc, q0[1]);
    c.memory().write(rc.add(3), q1[0]);
    c.memory().write(rc.add(2), q1[1]);
  }

  static MaybeRelocatable felt(long v) {
    return IntValue.of(BigInteger.valueOf(v));
  }
}
