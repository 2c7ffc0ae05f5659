package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rest of common/math.cairo, math_cmp, find_element's search_sorted_lower, usort and bitwise helpers. */
final class MoreMathHints {
  private MoreMathHints() {}

  static final BigInteger P = HintContext.PRIME;
  static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  static final BigInteger MASK_128 = TWO_128.subtract(BigInteger.ONE);

  static BigInteger asInt(BigInteger v) {
    return v.compareTo(P.shiftRight(1)) > 0 ? v.subtract(P) : v;
  }

  /** Python's divmod (floor division). */
  static BigInteger[] divmod(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
      qr[0] = qr[0].subtract(BigInteger.ONE);
      qr[1] = qr[1].add(b);
    }
    return qr;
  }

  static void register(Map<String, Hint> m) {
    put(m, HintCodes.ASSERT_NOT_ZERO, c -> {
      BigInteger v = c.getInt("value");
      if (v.signum() == 0) throw new VmError("assert_not_zero failed: " + v + " = 0.");
    });
    put(m, HintCodes.ASSERT_NOT_EQUAL, c -> {
      MaybeRelocatable a = c.get("a"), b = c.get("b");
      boolean ok =
          (a instanceof IntValue && b instanceof IntValue)
              || (a instanceof Relocatable ra && b instanceof Relocatable rb && ra.segment() == rb.segment());
      if (!ok) throw new VmError("assert_not_equal failed: non-comparable values: " + a + ", " + b + ".");
      if (a.equals(b)) throw new VmError("assert_not_equal failed: " + a + " = " + b + ".");
    });
    put(m, HintCodes.IS_POSITIVE, c -> {
      BigInteger v = asInt(c.getInt("value"));
      if (v.abs().compareTo(MathHints.rcBound(c)) >= 0) throw new VmError("value=" + v + " is out of the valid range.");
      c.set("is_positive", v.signum() > 0 ? 1 : 0);
    });
    put(m, HintCodes.ASSERT_250_BITS, c -> {
      BigInteger v = c.getInt("value");
      if (v.compareTo(c.constant("UPPER_BOUND")) >= 0) throw new VmError(v + " is outside of the range [0, 2**250).");
      BigInteger[] hl = v.divideAndRemainder(c.constant("SHIFT"));
      c.set("high", hl[0]);
      c.set("low", hl[1]);
    });
    put(m, HintCodes.IS_250_BITS, c -> c.set("is_250", c.getInt("addr").bitLength() <= 250 ? 1 : 0));
    put(m, HintCodes.IS_ADDR_BOUNDED, c -> {
      BigInteger bound = c.constant("ADDR_BOUND").mod(P);
      BigInteger t250 = BigInteger.ONE.shiftLeft(250);
      if (!(t250.compareTo(bound) < 0 && bound.compareTo(t250.shiftLeft(1)) <= 0 && bound.shiftLeft(1).compareTo(P) > 0))
        throw new VmError("normalize_address() cannot be used with the current constants.");
      c.set("is_small", c.getInt("addr").compareTo(bound) < 0 ? 1 : 0);
    });
    put(m, HintCodes.SPLIT_FELT, c -> {
      BigInteger maxHigh = c.constant("MAX_HIGH"), maxLow = c.constant("MAX_LOW");
      if (maxHigh.compareTo(TWO_128) >= 0 || maxLow.compareTo(TWO_128) >= 0
          || !P.subtract(BigInteger.ONE).equals(maxHigh.shiftLeft(128).add(maxLow)))
        throw new VmError("assert ids.MAX_HIGH < 2**128 and ids.MAX_LOW < 2**128");
      BigInteger v = c.getInt("value");
      c.set("low", v.and(MASK_128));
      c.set("high", v.shiftRight(128));
    });
    put(m, HintCodes.SIGNED_DIV_REM, c -> {
      BigInteger div = c.getInt("div"), bound = c.getInt("bound"), rc = MathHints.rcBound(c);
      if (div.signum() <= 0 || div.compareTo(P.divide(rc)) > 0)
        throw new VmError("div=0x" + div.toString(16) + " is out of the valid range.");
      if (bound.compareTo(rc.shiftRight(1)) > 0) throw new VmError("bound=0x" + bound.toString(16) + " is out of the valid range.");
      BigInteger v = asInt(c.getInt("value"));
      BigInteger[] qr = divmod(v, div);
      if (qr[0].compareTo(bound.negate()) < 0 || qr[0].compareTo(bound) >= 0)
        throw new VmError(v + " / " + div + " = " + qr[0] + " is out of the range [" + bound.negate() + ", " + bound + ").");
      c.set("r", qr[1]);
      c.set("biased_q", qr[0].add(bound));
    });
    put(m, HintCodes.IS_LE_FELT, c -> c.writeAp(c.getInt("a").compareTo(c.getInt("b")) <= 0 ? 0 : 1));
    put(m, HintCodes.ASSERT_LE_FELT_V_0_6, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b");
      if (a.compareTo(b) > 0) throw new VmError("a = " + a + " is not less than or equal to b = " + b + ".");
    });
    put(m, HintCodes.ASSERT_LE_FELT_V_0_8, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b"), rc = MathHints.rcBound(c);
      if (a.compareTo(b) > 0) throw new VmError("a = " + a + " is not less than or equal to b = " + b + ".");
      c.set("small_inputs", a.compareTo(rc) < 0 && b.subtract(a).compareTo(rc) < 0 ? 1 : 0);
    });
    put(m, HintCodes.SPLIT_INT, c -> {
      BigInteger res = c.getInt("value").mod(c.getInt("base"));
      c.memory().write(c.getPtr("output"), res);
      if (res.compareTo(c.getInt("bound")) >= 0) throw new VmError("split_int(): Limb " + res + " is out of range.");
    });
    put(m, HintCodes.SPLIT_INT_ASSERT_RANGE, c -> {
      if (c.getInt("value").signum() != 0) throw new VmError("split_int(): value is out of range.");
    });
    put(m, HintCodes.SPLIT_64, c -> {
      BigInteger a = c.getInt("a");
      c.set("low", a.and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
      c.set("high", a.shiftRight(64));
    });
    put(m, HintCodes.A_B_BITAND_1, c -> {
      c.set("a_lsb", c.getInt("a").testBit(0) ? 1 : 0);
      c.set("b_lsb", c.getInt("b").testBit(0) ? 1 : 0);
    });
    put(m, HintCodes.IS_QUAD_RESIDUE, c -> {
      BigInteger x = c.getInt("x");
      Felt f = Felt.of(x);
      if (!f.isSquare()) f = f.div(Felt.of(3));
      c.set("y", minRoot(f));
    });
    put(m, HintCodes.SEARCH_SORTED_LOWER, c -> {
      Relocatable array = c.getPtr("array_ptr");
      long es = c.getInt("elm_size").longValueExact();
      if (es <= 0) throw new VmError("Invalid value for elm_size. Got: " + es + ".");
      long n = c.getInt("n_elms").longValueExact();
      BigInteger key = c.getInt("key");
      for (long i = 0; i < n; i++) {
        if (c.memory().getInt(array.add(es * i)).compareTo(key) >= 0) {
          c.set("index", i);
          return;
        }
      }
      c.set("index", n);
    });
    // usort (common/usort.cairo)
    put(m, HintCodes.USORT_ENTER_SCOPE, c -> {
      Map<String, Object> s = new HashMap<>();
      s.put("__usort_max_size", c.scopeHas("__usort_max_size") ? c.scopeGet("__usort_max_size") : null);
      c.enterScope(s);
    });
    put(m, HintCodes.USORT_BODY, c -> {
      Relocatable input = c.getPtr("input");
      int len = c.getInt("input_len").intValueExact();
      Object max = c.scopeHas("__usort_max_size") ? c.scopeGet("__usort_max_size") : null;
      if (max instanceof BigInteger mx && BigInteger.valueOf(len).compareTo(mx) > 0)
        throw new VmError("usort() can only be used with input_len<=" + mx + ". Got: input_len=" + len + ".");
      TreeMap<BigInteger, List<Long>> positions = new TreeMap<>();
      for (int i = 0; i < len; i++) positions.computeIfAbsent(c.memory().getInt(input.add(i)), k -> new ArrayList<>()).add((long) i);
      c.scopeSet("positions_dict", positions);
      List<Object> out = new ArrayList<>(positions.keySet());
      List<Object> mult = new ArrayList<>();
      for (List<Long> l : positions.values()) mult.add(BigInteger.valueOf(l.size()));
      c.set("output_len", out.size());
      Relocatable o = c.addSegment();
      c.writeArg(o, out);
      c.set("output", o);
      Relocatable mu = c.addSegment();
      c.writeArg(mu, mult);
      c.set("multiplicities", mu);
    });
    put(m, HintCodes.USORT_VERIFY, c -> {
      Map<BigInteger, List<Long>> pd = c.scopeGet("positions_dict");
      List<Long> pos = new ArrayList<>(pd.getOrDefault(c.getInt("value"), List.of()));
      java.util.Collections.reverse(pos);
      c.scopeSet("last_pos", 0L);
      c.scopeSet("positions", pos);
    });
    put(m, HintCodes.USORT_VERIFY_MULTIPLICITY_BODY, c -> {
      List<Long> pos = c.scopeGet("positions");
      long cur = pos.remove(pos.size() - 1);
      c.set("next_item_index", cur - c.<Long>scopeGet("last_pos"));
      c.scopeSet("last_pos", cur + 1);
    });
    put(m, HintCodes.USORT_VERIFY_MULTIPLICITY_ASSERT, c -> {
      if (!c.<List<Long>>scopeGet("positions").isEmpty()) throw new VmError("assert len(positions) == 0");
    });
    put(m, HintCodes.GET_FELT_BIT_LENGTH, c -> c.set("bit_length", c.getInt("x").bitLength()));
  }

  /** math_utils.sqrt: the smaller of the two roots. */
  static BigInteger minRoot(Felt f) {
    BigInteger y = f.sqrt().toBigInteger();
    BigInteger o = P.subtract(y).mod(P);
    return o.compareTo(y) < 0 ? o : y;
  }
}
