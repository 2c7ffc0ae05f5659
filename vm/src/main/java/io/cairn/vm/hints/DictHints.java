package io.cairn.vm.hints;

import static io.cairn.vm.hints.HintRegistry.put;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** dict, default_dict and squash_dict hints (CL common/dict.cairo, squash_dict.cairo, dict_squash). */
final class DictHints {
  private DictHints() {}

  static DictManager manager(HintContext c) {
    if (!c.scopeHas("__dict_manager")) c.scopeSet("__dict_manager", new DictManager());
    return c.scopeGet("__dict_manager");
  }

  @SuppressWarnings("unchecked")
  static void register(Map<String, Hint> m) {
    put(m, HintCodes.DEFAULT_DICT_NEW, c -> c.writeAp(manager(c).newDict(c, Map.of(), c.get("default_value"))));
    put(m, HintCodes.DICT_NEW, c -> {
      Map<MaybeRelocatable, MaybeRelocatable> initial = c.scopeGet("initial_dict");
      c.writeAp(manager(c).newDict(c, initial, null));
      c.scopeSet("initial_dict", null);
    });
    put(m, HintCodes.DICT_READ, c -> {
      DictManager.Tracker t = manager(c).tracker(c.getPtr("dict_ptr"));
      t.currentPtr = t.currentPtr.add(c.constant("DictAccess.SIZE"));
      c.set("value", t.get(c.get("key")));
    });
    put(m, HintCodes.DICT_WRITE, c -> {
      DictManager.Tracker t = manager(c).tracker(c.getPtr("dict_ptr"));
      t.currentPtr = t.currentPtr.add(c.constant("DictAccess.SIZE"));
      c.set("dict_ptr.prev_value", t.get(c.get("key")));
      t.data.put(c.get("key"), c.get("new_value"));
    });
    put(m, HintCodes.DICT_UPDATE, c -> {
      DictManager.Tracker t = manager(c).tracker(c.getPtr("dict_ptr"));
      MaybeRelocatable current = t.get(c.get("key"));
      MaybeRelocatable prev = c.get("prev_value");
      if (!current.equals(prev))
        throw new VmError("Wrong previous value in dict. Got " + prev + ", expected " + current + ".");
      t.data.put(c.get("key"), c.get("new_value"));
      t.currentPtr = t.currentPtr.add(c.constant("DictAccess.SIZE"));
    });
    put(m, HintCodes.DICT_SQUASH_COPY_DICT, c -> {
      DictManager dm = manager(c);
      Map<MaybeRelocatable, MaybeRelocatable> copy = new HashMap<>(dm.tracker(c.getPtr("dict_accesses_end")).data);
      Map<String, Object> scope = new HashMap<>();
      scope.put("__dict_manager", dm);
      scope.put("initial_dict", copy);
      c.enterScope(scope);
    });
    put(m, HintCodes.DICT_SQUASH_UPDATE_PTR, c ->
        manager(c).tracker(c.getPtr("squashed_dict_start")).currentPtr = c.address("squashed_dict_end"));

    put(m, HintCodes.SQUASH_DICT, c -> {
      long size = c.constant("DictAccess.SIZE").longValueExact();
      Relocatable address = c.getPtr("dict_accesses");
      if (c.getInt("ptr_diff").mod(BigInteger.valueOf(size)).signum() != 0)
        throw new VmError("Accesses array size must be divisible by DictAccess.SIZE");
      long n = c.getInt("n_accesses").longValueExact();
      if (c.scopeHas("__squash_dict_max_size")) {
        BigInteger max = c.scopeGet("__squash_dict_max_size");
        if (BigInteger.valueOf(n).compareTo(max) > 0)
          throw new VmError("squash_dict() can only be used with n_accesses<=" + max + ". Got: n_accesses=" + n + ".");
      }
      Map<BigInteger, List<Long>> access = new LinkedHashMap<>();
      for (long i = 0; i < n; i++) {
        BigInteger key = c.memory().getInt(address.add(size * i));
        access.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
      List<BigInteger> keys = new ArrayList<>(access.keySet());
      keys.sort(Comparator.reverseOrder());
      c.scopeSet("access_indices", access);
      c.scopeSet("keys", keys);
      c.set("big_keys", keys.get(0).compareTo(MathHints.rcBound(c)) >= 0 ? 1 : 0);
      BigInteger key = keys.remove(keys.size() - 1);
      c.scopeSet("key", key);
      c.set("first_key", key);
    });
    put(m, HintCodes.SQUASH_DICT_INNER_FIRST_ITERATION, c -> {
      Map<BigInteger, List<Long>> access = c.scopeGet("access_indices");
      List<Long> cur = new ArrayList<>(access.get(c.<BigInteger>scopeGet("key")));
      cur.sort(Comparator.reverseOrder());
      long idx = cur.remove(cur.size() - 1);
      c.scopeSet("current_access_indices", cur);
      c.scopeSet("current_access_index", idx);
      c.memory().write(c.getPtr("range_check_ptr"), idx);
    });
    put(m, HintCodes.SQUASH_DICT_INNER_SKIP_LOOP, c ->
        c.set("should_skip_loop", c.<List<Long>>scopeGet("current_access_indices").isEmpty() ? 1 : 0));
    put(m, HintCodes.SQUASH_DICT_INNER_CHECK_ACCESS_INDEX, c -> {
      List<Long> cur = c.scopeGet("current_access_indices");
      long next = cur.remove(cur.size() - 1);
      long prev = c.<Long>scopeGet("current_access_index");
      c.set("loop_temps.index_delta_minus1", next - prev - 1);
      c.scopeSet("current_access_index", next);
    });
    put(m, HintCodes.SQUASH_DICT_INNER_CONTINUE_LOOP, c ->
        c.set("loop_temps.should_continue", c.<List<Long>>scopeGet("current_access_indices").isEmpty() ? 0 : 1));
    put(m, HintCodes.SQUASH_DICT_INNER_ASSERT_LEN, c -> {
      if (!c.<List<Long>>scopeGet("current_access_indices").isEmpty())
        throw new VmError("assert len(current_access_indices) == 0");
    });
    put(m, HintCodes.SQUASH_DICT_INNER_USED_ACCESSES_ASSERT, c -> {
      Map<BigInteger, List<Long>> access = c.scopeGet("access_indices");
      if (c.getInt("n_used_accesses").longValueExact() != access.get(c.<BigInteger>scopeGet("key")).size())
        throw new VmError("assert ids.n_used_accesses == len(access_indices[key])");
    });
    put(m, HintCodes.SQUASH_DICT_INNER_LEN_ASSERT, c -> {
      if (!c.<List<BigInteger>>scopeGet("keys").isEmpty()) throw new VmError("assert len(keys) == 0");
    });
    put(m, HintCodes.SQUASH_DICT_INNER_NEXT_KEY, c -> {
      List<BigInteger> keys = c.scopeGet("keys");
      if (keys.isEmpty()) throw new VmError("No keys left but remaining_accesses > 0.");
      BigInteger key = keys.remove(keys.size() - 1);
      c.scopeSet("key", key);
      c.set("next_key", key);
    });
  }

  static IntValue felt(long v) {
    return IntValue.of(BigInteger.valueOf(v));
  }
}
