package io.cairn.vm.hints.cairn;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.builtins.EcdsaBuiltin;
import io.cairn.vm.builtins.RangeCheckBuiltin;
import io.cairn.vm.hints.DictManager;
import io.cairn.vm.hints.Hint;
import io.cairn.vm.hints.HintContext;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hints of {@code cairn.common.*}: code text (exactly as the compiler emits it) → implementation. Scope variables
 * keep the Python texts' names ({@code cairn_dicts}, {@code cairn_keys}…) so a reader can follow both side by side.
 */
public final class CairnHints {
  private CairnHints() {}

  static final BigInteger P = HintContext.PRIME;
  static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  static final BigInteger TWO_250 = BigInteger.ONE.shiftLeft(250);

  // ------------------------------------------------------------------------------------------------ codes

  public static final String ALLOC = """
      # cairn.alloc: every array gets a segment of its own.
      memory[ap] = segments.add()""";
  public static final String DEFAULT_DICT_NEW = """
      # cairn.default_dict.new
      if 'cairn_dicts' not in globals():
          cairn_dicts = {}
      cairn_base = segments.add()
      cairn_dicts[cairn_base.segment_index] = [{}, ids.default_value, cairn_base]
      memory[ap] = cairn_base""";
  public static final String DICT_NEW = """
      # cairn.dict.new
      if 'cairn_dicts' not in globals():
          cairn_dicts = {}
      cairn_base = segments.add()
      cairn_dicts[cairn_base.segment_index] = [dict(globals().pop('initial_dict', {})), None, cairn_base]
      memory[ap] = cairn_base""";
  public static final String DICT_READ = """
      # cairn.dict.read
      cairn_ptr = ids.dict_ptr.address_
      cairn_data, cairn_default, cairn_current = cairn_dicts[cairn_ptr.segment_index]
      assert cairn_current == cairn_ptr, f'dict_read: wrong dict pointer {cairn_ptr}, the dict is at {cairn_current}.'
      if ids.key not in cairn_data:
          assert cairn_default is not None, f'dict_read: key {ids.key} is not in the dict.'
          cairn_data[ids.key] = cairn_default
      ids.value = cairn_data[ids.key]
      cairn_dicts[cairn_ptr.segment_index][2] = cairn_ptr + ids.DictAccess.SIZE""";
  public static final String DICT_WRITE = """
      # cairn.dict.write
      cairn_ptr = ids.dict_ptr.address_
      cairn_data, cairn_default, cairn_current = cairn_dicts[cairn_ptr.segment_index]
      assert cairn_current == cairn_ptr, f'dict_write: wrong dict pointer {cairn_ptr}, the dict is at {cairn_current}.'
      if ids.key not in cairn_data:
          assert cairn_default is not None, f'dict_write: key {ids.key} is not in the dict.'
          cairn_data[ids.key] = cairn_default
      ids.dict_ptr.prev_value = cairn_data[ids.key]
      cairn_data[ids.key] = ids.new_value
      cairn_dicts[cairn_ptr.segment_index][2] = cairn_ptr + ids.DictAccess.SIZE""";
  public static final String DICT_UPDATE = """
      # cairn.dict.update
      cairn_ptr = ids.dict_ptr.address_
      cairn_data, cairn_default, cairn_current = cairn_dicts[cairn_ptr.segment_index]
      assert cairn_current == cairn_ptr, f'dict_update: wrong dict pointer {cairn_ptr}, the dict is at {cairn_current}.'
      if ids.key not in cairn_data:
          assert cairn_default is not None, f'dict_update: key {ids.key} is not in the dict.'
          cairn_data[ids.key] = cairn_default
      assert cairn_data[ids.key] == ids.prev_value, f'dict_update: key {ids.key} holds {cairn_data[ids.key]}, not {ids.prev_value}.'
      cairn_data[ids.key] = ids.new_value
      cairn_dicts[cairn_ptr.segment_index][2] = cairn_ptr + ids.DictAccess.SIZE""";
  public static final String FIND_ELEMENT = """
      # cairn.find_element.find
      found = [i for i in range(ids.n_elms) if memory[ids.array_ptr + i * ids.elm_size] == ids.key]
      assert found, f'find_element: key {ids.key} was not found.'
      ids.index = found[0]""";
  public static final String SEARCH_SORTED_LOWER = """
      # cairn.find_element.search_sorted_lower
      ids.index = next((i for i in range(ids.n_elms) if memory[ids.array_ptr + i * ids.elm_size] >= ids.key), ids.n_elms)""";
  public static final String ASSERT_NOT_ZERO = """
      # cairn.math.assert_not_zero
      assert ids.value % PRIME != 0, 'assert_not_zero failed: value = 0.'""";
  public static final String ASSERT_NOT_EQUAL = """
      # cairn.math.assert_not_equal
      assert ids.a != ids.b, f'assert_not_equal failed: a = b = {ids.a}.'""";
  public static final String ASSERT_NN = """
      # cairn.math.assert_nn
      assert ids.a % PRIME < range_check_builtin.bound, f'assert_nn failed: a = {ids.a} is out of range.'""";
  public static final String ASSERT_LE = """
      # cairn.math.assert_le
      assert (ids.b - ids.a) % PRIME < range_check_builtin.bound, f'assert_le failed: a = {ids.a} is greater than b = {ids.b}.'""";
  public static final String ASSERT_LT = """
      # cairn.math.assert_lt
      assert (ids.b - ids.a - 1) % PRIME < range_check_builtin.bound, f'assert_lt failed: a = {ids.a} is not less than b = {ids.b}.'""";
  public static final String ASSERT_250_BIT = """
      # cairn.math.assert_250_bit
      v = ids.value % PRIME
      assert v < 2**250, f'assert_250_bit failed: value = {v} is not below 2**250.'
      ids.high, ids.low = divmod(v, 2**128)""";
  public static final String SPLIT_FELT = """
      # cairn.math.split_felt
      ids.high, ids.low = divmod(ids.value % PRIME, 2**128)""";
  public static final String ASSERT_LE_FELT = """
      # cairn.math.assert_le_felt
      assert ids.a % PRIME <= ids.b % PRIME, f'assert_le_felt failed: a = {ids.a} is greater than b = {ids.b}.'
      ids.small = 1 if ids.a % PRIME < range_check_builtin.bound and (ids.b - ids.a) % PRIME < range_check_builtin.bound else 0""";
  public static final String ASSERT_LT_FELT = """
      # cairn.math.assert_lt_felt
      assert ids.a % PRIME < ids.b % PRIME, f'assert_lt_felt failed: a = {ids.a} is not less than b = {ids.b}.'
      ids.small = 1 if ids.a % PRIME < range_check_builtin.bound and (ids.b - ids.a - 1) % PRIME < range_check_builtin.bound else 0""";
  public static final String NON_NEGATIVE = """
      # cairn.math.non_negative
      ids.non_negative = 1 if ids.value % PRIME <= PRIME // 2 else 0""";
  public static final String UNSIGNED_DIV_REM = """
      # cairn.math.unsigned_div_rem
      d = ids.div % PRIME
      assert 0 < d <= PRIME // range_check_builtin.bound, f'unsigned_div_rem: div = {hex(d)} is out of the valid range.'
      ids.q, ids.r = divmod(ids.value % PRIME, d)""";
  public static final String SIGNED_DIV_REM = """
      # cairn.math.signed_div_rem
      d = ids.div % PRIME
      assert 0 < d <= PRIME // range_check_builtin.bound, f'signed_div_rem: div = {hex(d)} is out of the valid range.'
      b = ids.bound % PRIME
      assert b <= range_check_builtin.bound // 2, f'signed_div_rem: bound = {hex(b)} is out of the valid range.'
      v = ids.value % PRIME
      if v > PRIME // 2:
          v -= PRIME
      q, ids.r = divmod(v, d)
      assert -b <= q < b, f'signed_div_rem: {v} // {d} = {q} is out of the range [{-b}, {b}).'
      ids.biased_q = q + b""";
  public static final String SPLIT_INT = """
      # cairn.math.split_int
      limb = (ids.value % PRIME) % (ids.base % PRIME)
      assert limb < ids.bound % PRIME, f'split_int: limb {limb} is out of range.'
      memory[ids.output] = limb""";
  public static final String SQRT = """
      # cairn.math.sqrt
      from math import isqrt
      v = ids.value % PRIME
      assert v < 2**250, f'sqrt: value = {v} is not below 2**250.'
      ids.root = isqrt(v)""";
  public static final String IS_NN = """
      # cairn.math_cmp.is_nn
      v = ids.a % PRIME
      ids.case = 0 if v < range_check_builtin.bound else (1 if PRIME - v <= range_check_builtin.bound else 2)""";
  public static final String IS_LE_FELT = """
      # cairn.math_cmp.is_le_felt
      ids.le = 1 if ids.a % PRIME <= ids.b % PRIME else 0""";
  public static final String POW_BIT = """
      # cairn.pow.bit
      ids.bit = (ids.exp % PRIME) & 1""";
  public static final String RELOCATE_SEGMENT = """
      # cairn.segments.relocate_segment
      memory.add_relocation_rule(src_ptr=ids.src_ptr, dest_ptr=ids.dest_ptr)""";
  public static final String VERIFY_ECDSA_SIGNATURE = """
      # cairn.signature.verify_ecdsa_signature
      ecdsa_builtin.add_signature(ids.ecdsa_ptr.address_, (ids.signature_r, ids.signature_s))""";
  public static final String SQUASH_START = """
      # cairn.squash_dict.start
      cairn_indices = {}
      for cairn_i in range(ids.n_accesses):
          cairn_indices.setdefault(memory[ids.accesses_start + cairn_i * ids.DictAccess.SIZE], []).append(cairn_i)
      cairn_keys = sorted(cairn_indices, reverse=True)
      ids.big_keys = 1 if cairn_keys[0] >= range_check_builtin.bound else 0
      ids.first_key = cairn_key = cairn_keys.pop()""";
  public static final String SQUASH_FIRST_INDEX = """
      # cairn.squash_dict.first_index
      cairn_pending = sorted(cairn_indices[cairn_key], reverse=True)
      ids.first_index = cairn_pending.pop()""";
  public static final String SQUASH_END = """
      # cairn.squash_dict.end
      assert not cairn_keys, f'squash_dict: keys {cairn_keys} have accesses left over.'""";
  public static final String SQUASH_NEXT_KEY = """
      # cairn.squash_dict.next_key
      assert cairn_keys, 'squash_dict: accesses remain but no keys are left.'
      ids.next_key = cairn_key = cairn_keys.pop()""";
  public static final String SQUASH_NEXT_INDEX = """
      # cairn.squash_dict.next_index
      ids.more = 1 if cairn_pending else 0
      if cairn_pending:
          ids.index = cairn_pending.pop()""";
  public static final String UINT256_ADD = """
      # cairn.uint256.add
      ids.carry_low = 1 if ids.a.low + ids.b.low >= 2**128 else 0
      ids.carry_high = 1 if ids.a.high + ids.b.high + ids.carry_low >= 2**128 else 0""";
  public static final String SPLIT_64 = """
      # cairn.uint256.split_64
      ids.high, ids.low = divmod(ids.a % PRIME, 2**64)""";
  public static final String SPLIT_128 = """
      # cairn.uint256.split_128
      ids.high, ids.low = divmod(ids.x % PRIME, 2**128)""";
  public static final String UINT256_SQRT = """
      # cairn.uint256.sqrt
      from math import isqrt
      ids.root = isqrt(ids.n.high * 2**128 + ids.n.low)""";
  public static final String UINT256_DIV_REM = """
      # cairn.uint256.unsigned_div_rem
      cairn_div = ids.div.high * 2**128 + ids.div.low
      assert cairn_div != 0, 'uint256_unsigned_div_rem: division by zero.'
      cairn_q, cairn_r = divmod(ids.a.high * 2**128 + ids.a.low, cairn_div)
      ids.quotient.high, ids.quotient.low = divmod(cairn_q, 2**128)
      ids.remainder.high, ids.remainder.low = divmod(cairn_r, 2**128)""";
  public static final String USORT_SORT = """
      # cairn.usort.sort
      cairn_positions = {}
      for cairn_i in range(ids.input_len):
          cairn_positions.setdefault(memory[ids.input + cairn_i], []).append(cairn_i)
      cairn_values = sorted(cairn_positions)
      ids.output_len = len(cairn_values)
      ids.output = segments.gen_arg(cairn_values)
      ids.multiplicities = segments.gen_arg([len(cairn_positions[v]) for v in cairn_values])""";
  public static final String USORT_POSITIONS = """
      # cairn.usort.positions
      cairn_pending = sorted(cairn_positions[ids.value], reverse=True)""";
  public static final String USORT_NEXT_POSITION = """
      # cairn.usort.next_position
      ids.position = cairn_pending.pop()""";

  public static final String IS_QUAD_RESIDUE = """
      # cairn.math.is_quad_residue
      from starkware.python.math_utils import is_quad_residue, sqrt as field_sqrt
      v = ids.x % PRIME
      # 3 is not a square modulo PRIME, so exactly one of v and 3 * v is.
      ids.root = field_sqrt(v if is_quad_residue(v, PRIME) else 3 * v % PRIME, PRIME)""";
  public static final String SEARCH_SORTED_OPTIMISTIC = """
      # cairn.find_element.search_sorted_optimistic
      ids.index = next((i for i in range(ids.n_elms) if memory[ids.array_ptr + i * ids.elm_size] == ids.key), ids.n_elms)""";
  public static final String UINT256_MUL_DIV_MOD = """
      # cairn.uint256.mul_div_mod
      cairn_div = ids.div.high * 2**128 + ids.div.low
      assert cairn_div != 0, 'uint256_mul_div_mod: division by zero.'
      cairn_q, cairn_r = divmod((ids.a.high * 2**128 + ids.a.low) * (ids.b.high * 2**128 + ids.b.low), cairn_div)
      ids.quotient_low.high, ids.quotient_low.low = divmod(cairn_q % 2**256, 2**128)
      ids.quotient_high.high, ids.quotient_high.low = divmod(cairn_q >> 256, 2**128)
      ids.remainder.high, ids.remainder.low = divmod(cairn_r, 2**128)""";

  // ------------------------------------------------------------------------------------------------ table

  /** Adds every Cairn library hint to {@code m}; fails if a code is already taken. */
  public static void register(Map<String, Hint> m) {
    Map<String, Hint> t = table();
    for (Map.Entry<String, Hint> e : t.entrySet()) {
      if (m.put(e.getKey(), e.getValue()) != null) throw new IllegalStateException("hint registered twice:\n" + e.getKey());
    }
  }

  /** The Cairn library's hints alone, in source order (code → implementation). */
  public static Map<String, Hint> table() {
    Map<String, Hint> m = new LinkedHashMap<>();
    m.put(ALLOC, c -> c.writeAp(c.addSegment()));
    m.put(DICT_NEW, c -> {
      Map<MaybeRelocatable, MaybeRelocatable> initial = c.scopeHas("initial_dict") ? c.scopeGet("initial_dict") : null;
      if (c.scopeHas("initial_dict")) c.scopeSet("initial_dict", null);
      c.writeAp(dicts(c).newDict(c, initial == null ? Map.of() : initial, null));
    });
    m.put(DEFAULT_DICT_NEW, c -> c.writeAp(dicts(c).newDict(c, Map.of(), c.get("default_value"))));
    m.put(DICT_READ, c -> {
      DictManager.Tracker t = dicts(c).tracker(c.address("dict_ptr"));
      c.set("value", t.get(c.get("key")));
      t.currentPtr = t.currentPtr.add(c.constant("DictAccess.SIZE"));
    });
    m.put(DICT_WRITE, c -> {
      DictManager.Tracker t = dicts(c).tracker(c.address("dict_ptr"));
      MaybeRelocatable key = c.get("key");
      c.set("dict_ptr.prev_value", t.get(key));
      t.data.put(key, c.get("new_value"));
      t.currentPtr = t.currentPtr.add(c.constant("DictAccess.SIZE"));
    });
    m.put(DICT_UPDATE, c -> {
      DictManager.Tracker t = dicts(c).tracker(c.address("dict_ptr"));
      MaybeRelocatable key = c.get("key");
      MaybeRelocatable held = t.get(key), prev = c.get("prev_value");
      if (!held.equals(prev))
        throw new VmError("dict_update: key " + key + " holds " + held + ", not " + prev + ".");
      t.data.put(key, c.get("new_value"));
      t.currentPtr = t.currentPtr.add(c.constant("DictAccess.SIZE"));
    });
    m.put(FIND_ELEMENT, c -> {
      long index = indexOfKey(c);
      if (index == c.getInt("n_elms").longValueExact())
        throw new VmError("find_element: key " + c.get("key") + " was not found.");
      c.set("index", index);
    });
    m.put(SEARCH_SORTED_LOWER, c -> {
      long n = c.getInt("n_elms").longValueExact();
      Relocatable base = c.getPtr("array_ptr");
      BigInteger size = c.getInt("elm_size"), key = c.getInt("key");
      long index = n;
      for (long i = 0; i < n; i++) {
        if (c.memory().getInt(base.add(size.multiply(BigInteger.valueOf(i)))).compareTo(key) >= 0) {
          index = i;
          break;
        }
      }
      c.set("index", index);
    });
    m.put(ASSERT_NOT_ZERO, c -> {
      if (c.getInt("value").signum() == 0) throw new VmError("assert_not_zero failed: value = 0.");
    });
    m.put(ASSERT_NOT_EQUAL, c -> {
      MaybeRelocatable a = c.get("a");
      if (a.equals(c.get("b"))) throw new VmError("assert_not_equal failed: a = b = " + a + ".");
    });
    m.put(ASSERT_NN, c -> {
      BigInteger a = c.getInt("a");
      if (a.compareTo(rcBound(c)) >= 0) throw new VmError("assert_nn failed: a = " + a + " is out of range.");
    });
    m.put(ASSERT_LE, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b");
      if (b.subtract(a).mod(P).compareTo(rcBound(c)) >= 0)
        throw new VmError("assert_le failed: a = " + a + " is greater than b = " + b + ".");
    });
    m.put(ASSERT_LT, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b");
      if (b.subtract(a).subtract(BigInteger.ONE).mod(P).compareTo(rcBound(c)) >= 0)
        throw new VmError("assert_lt failed: a = " + a + " is not less than b = " + b + ".");
    });
    m.put(ASSERT_250_BIT, c -> {
      BigInteger v = c.getInt("value");
      if (v.compareTo(TWO_250) >= 0)
        throw new VmError("assert_250_bit failed: value = " + v + " is not below 2**250.");
      setDivmod(c, v, TWO_128, "high", "low");
    });
    m.put(SPLIT_FELT, c -> setDivmod(c, c.getInt("value"), TWO_128, "high", "low"));
    m.put(ASSERT_LE_FELT, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b");
      if (a.compareTo(b) > 0) throw new VmError("assert_le_felt failed: a = " + a + " is greater than b = " + b + ".");
      c.set("small", fitsTwice(c, a, b.subtract(a)) ? 1 : 0);
    });
    m.put(ASSERT_LT_FELT, c -> {
      BigInteger a = c.getInt("a"), b = c.getInt("b");
      if (a.compareTo(b) >= 0) throw new VmError("assert_lt_felt failed: a = " + a + " is not less than b = " + b + ".");
      c.set("small", fitsTwice(c, a, b.subtract(a).subtract(BigInteger.ONE)) ? 1 : 0);
    });
    m.put(NON_NEGATIVE, c -> c.set("non_negative", c.getInt("value").compareTo(P.shiftRight(1)) <= 0 ? 1 : 0));
    m.put(UNSIGNED_DIV_REM, c -> {
      BigInteger d = checkedDivisor(c, "unsigned_div_rem");
      setDivmod(c, c.getInt("value"), d, "q", "r");
    });
    m.put(SIGNED_DIV_REM, c -> {
      BigInteger d = checkedDivisor(c, "signed_div_rem");
      BigInteger b = c.getInt("bound");
      if (b.compareTo(rcBound(c).shiftRight(1)) > 0)
        throw new VmError("signed_div_rem: bound = 0x" + b.toString(16) + " is out of the valid range.");
      BigInteger v = c.getInt("value");
      if (v.compareTo(P.shiftRight(1)) > 0) v = v.subtract(P);
      BigInteger q = floorDiv(v, d), r = v.subtract(q.multiply(d));
      if (q.compareTo(b.negate()) < 0 || q.compareTo(b) >= 0)
        throw new VmError("signed_div_rem: " + v + " // " + d + " = " + q + " is out of the range [" + b.negate() + ", " + b + ").");
      c.set("r", r);
      c.set("biased_q", q.add(b));
    });
    m.put(SPLIT_INT, c -> {
      BigInteger limb = c.getInt("value").mod(c.getInt("base"));
      if (limb.compareTo(c.getInt("bound")) >= 0) throw new VmError("split_int: limb " + limb + " is out of range.");
      c.memory().write(c.getPtr("output"), limb);
    });
    m.put(SQRT, c -> {
      BigInteger v = c.getInt("value");
      if (v.compareTo(TWO_250) >= 0) throw new VmError("sqrt: value = " + v + " is not below 2**250.");
      c.set("root", v.sqrt());
    });
    m.put(IS_NN, c -> {
      BigInteger v = c.getInt("a"), bound = rcBound(c);
      c.set("case", v.compareTo(bound) < 0 ? 0 : P.subtract(v).compareTo(bound) <= 0 ? 1 : 2);
    });
    m.put(IS_LE_FELT, c -> c.set("le", c.getInt("a").compareTo(c.getInt("b")) <= 0 ? 1 : 0));
    m.put(POW_BIT, c -> c.set("bit", c.getInt("exp").testBit(0) ? 1 : 0));
    m.put(RELOCATE_SEGMENT, c -> c.memory().addRelocationRule(c.getPtr("src_ptr"), c.getPtr("dest_ptr")));
    m.put(VERIFY_ECDSA_SIGNATURE, c -> ((EcdsaBuiltin) c.builtin("ecdsa"))
        .addSignature(c.address("ecdsa_ptr"), c.getInt("signature_r"), c.getInt("signature_s")));
    m.put(SQUASH_START, CairnHints::squashStart);
    m.put(SQUASH_FIRST_INDEX, c -> {
      Map<BigInteger, List<Long>> indices = c.scopeGet("cairn_indices");
      List<Long> pending = descending(indices.get(c.<BigInteger>scopeGet("cairn_key")));
      c.scopeSet("cairn_pending", pending);
      c.set("first_index", pending.remove(pending.size() - 1));
    });
    m.put(SQUASH_END, c -> {
      List<BigInteger> keys = c.scopeGet("cairn_keys");
      if (!keys.isEmpty()) throw new VmError("squash_dict: keys " + keys + " have accesses left over.");
    });
    m.put(SQUASH_NEXT_KEY, c -> {
      List<BigInteger> keys = c.scopeGet("cairn_keys");
      if (keys.isEmpty()) throw new VmError("squash_dict: accesses remain but no keys are left.");
      BigInteger key = keys.remove(keys.size() - 1);
      c.scopeSet("cairn_key", key);
      c.set("next_key", key);
    });
    m.put(SQUASH_NEXT_INDEX, c -> {
      List<Long> pending = c.scopeGet("cairn_pending");
      c.set("more", pending.isEmpty() ? 0 : 1);
      if (!pending.isEmpty()) c.set("index", pending.remove(pending.size() - 1));
    });
    m.put(UINT256_ADD, c -> {
      BigInteger low = c.getInt("a.low").add(c.getInt("b.low"));
      int carryLow = low.compareTo(TWO_128) >= 0 ? 1 : 0;
      c.set("carry_low", carryLow);
      BigInteger high = c.getInt("a.high").add(c.getInt("b.high")).add(BigInteger.valueOf(carryLow));
      c.set("carry_high", high.compareTo(TWO_128) >= 0 ? 1 : 0);
    });
    m.put(SPLIT_64, c -> setDivmod(c, c.getInt("a"), TWO_64, "high", "low"));
    m.put(SPLIT_128, c -> setDivmod(c, c.getInt("x"), TWO_128, "high", "low"));
    m.put(UINT256_SQRT, c -> c.set("root", uint256(c, "n").sqrt()));
    m.put(UINT256_DIV_REM, c -> {
      BigInteger div = uint256(c, "div");
      if (div.signum() == 0) throw new VmError("uint256_unsigned_div_rem: division by zero.");
      BigInteger[] qr = uint256(c, "a").divideAndRemainder(div);
      setDivmod(c, qr[0], TWO_128, "quotient.high", "quotient.low");
      setDivmod(c, qr[1], TWO_128, "remainder.high", "remainder.low");
    });
    m.put(USORT_SORT, c -> {
      long n = c.getInt("input_len").longValueExact();
      Relocatable input = c.getPtr("input");
      Map<BigInteger, List<Long>> positions = new LinkedHashMap<>();
      for (long i = 0; i < n; i++) positions.computeIfAbsent(c.memory().getInt(input.add(i)), k -> new ArrayList<>()).add(i);
      List<BigInteger> values = new ArrayList<>(positions.keySet());
      Collections.sort(values);
      List<BigInteger> multiplicities = new ArrayList<>(values.size());
      for (BigInteger v : values) multiplicities.add(BigInteger.valueOf(positions.get(v).size()));
      c.scopeSet("cairn_positions", positions);
      c.set("output_len", values.size());
      c.set("output", genArg(c, values));
      c.set("multiplicities", genArg(c, multiplicities));
    });
    m.put(USORT_POSITIONS, c -> {
      Map<BigInteger, List<Long>> positions = c.scopeGet("cairn_positions");
      List<Long> at = positions.get(c.getInt("value"));
      if (at == null) throw new VmError("usort: value " + c.getInt("value") + " is not in the input.");
      c.scopeSet("cairn_pending", descending(at));
    });
    m.put(USORT_NEXT_POSITION, c -> {
      List<Long> pending = c.scopeGet("cairn_pending");
      if (pending.isEmpty()) throw new VmError("usort: pop from empty list (multiplicity too large).");
      c.set("position", pending.remove(pending.size() - 1));
    });
    m.put(IS_QUAD_RESIDUE, c -> {
      Felt x = Felt.of(c.getInt("x"));
      // math_utils.sqrt gives the smaller of the two roots; so does this, for the same memory as cairo-run.
      BigInteger root = (x.isSquare() ? x : x.mul(Felt.of(3))).sqrt().toBigInteger();
      c.set("root", root.min(P.subtract(root).mod(P)));
    });
    m.put(SEARCH_SORTED_OPTIMISTIC, c -> c.set("index", indexOfKey(c)));
    m.put(UINT256_MUL_DIV_MOD, c -> {
      BigInteger div = uint256(c, "div");
      if (div.signum() == 0) throw new VmError("uint256_mul_div_mod: division by zero.");
      BigInteger[] qr = uint256(c, "a").multiply(uint256(c, "b")).divideAndRemainder(div);
      BigInteger low = qr[0].mod(BigInteger.ONE.shiftLeft(256));
      setDivmod(c, low, TWO_128, "quotient_low.high", "quotient_low.low");
      setDivmod(c, qr[0].shiftRight(256), TWO_128, "quotient_high.high", "quotient_high.low");
      setDivmod(c, qr[1], TWO_128, "remainder.high", "remainder.low");
    });
    return m;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** The first i < n_elms with array_ptr[i * elm_size] == key, or n_elms. */
  private static long indexOfKey(HintContext c) {
    long n = c.getInt("n_elms").longValueExact();
    Relocatable base = c.getPtr("array_ptr");
    BigInteger size = c.getInt("elm_size");
    MaybeRelocatable key = c.get("key");
    for (long i = 0; i < n; i++) {
      if (key.equals(c.memory().get(base.add(size.multiply(BigInteger.valueOf(i)))))) return i;
    }
    return n;
  }

  private static DictManager dicts(HintContext c) {
    if (!c.scopeHas("cairn_dicts")) c.scopeSet("cairn_dicts", new DictManager());
    return c.scopeGet("cairn_dicts");
  }

  /** Both values, reduced modulo PRIME, are below the range-check bound. */
  private static boolean fitsTwice(HintContext c, BigInteger x, BigInteger y) {
    BigInteger bound = rcBound(c);
    return x.mod(P).compareTo(bound) < 0 && y.mod(P).compareTo(bound) < 0;
  }

  private static BigInteger rcBound(HintContext c) {
    return ((RangeCheckBuiltin) c.builtin("range_check")).bound();
  }

  private static BigInteger checkedDivisor(HintContext c, String function) {
    BigInteger d = c.getInt("div");
    if (d.signum() == 0 || d.compareTo(P.divide(rcBound(c))) > 0)
      throw new VmError(function + ": div = 0x" + d.toString(16) + " is out of the valid range.");
    return d;
  }

  private static BigInteger floorDiv(BigInteger v, BigInteger d) {
    BigInteger[] qr = v.divideAndRemainder(d);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** ids.{quotient}, ids.{remainder} = divmod(v, d). */
  private static void setDivmod(HintContext c, BigInteger v, BigInteger d, String quotient, String remainder) {
    BigInteger[] qr = v.divideAndRemainder(d);
    c.set(quotient, qr[0]);
    c.set(remainder, qr[1]);
  }

  private static BigInteger uint256(HintContext c, String name) {
    return c.getInt(name + ".high").shiftLeft(128).add(c.getInt(name + ".low"));
  }

  private static List<Long> descending(List<Long> indices) {
    List<Long> out = new ArrayList<>(indices);
    out.sort(Comparator.reverseOrder());
    return out;
  }

  /** segments.gen_arg: a new segment holding the values. */
  private static Relocatable genArg(HintContext c, List<BigInteger> values) {
    Relocatable base = c.addSegment();
    c.writeArg(base, values);
    return base;
  }

  private static void squashStart(HintContext c) {
    long n = c.getInt("n_accesses").longValueExact();
    long size = c.constant("DictAccess.SIZE").longValueExact();
    Relocatable start = c.getPtr("accesses_start");
    Map<BigInteger, List<Long>> indices = new LinkedHashMap<>();
    for (long i = 0; i < n; i++) indices.computeIfAbsent(c.memory().getInt(start.add(i * size)), k -> new ArrayList<>()).add(i);
    List<BigInteger> keys = new ArrayList<>(indices.keySet());
    keys.sort(Comparator.reverseOrder());
    c.set("big_keys", keys.get(0).compareTo(rcBound(c)) >= 0 ? 1 : 0);
    BigInteger first = keys.remove(keys.size() - 1);
    c.scopeSet("cairn_indices", indices);
    c.scopeSet("cairn_keys", keys);
    c.scopeSet("cairn_key", first);
    c.set("first_key", first);
  }

}
