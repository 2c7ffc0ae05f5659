package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for hints that were so far exercised only by whole fixture programs. Expected values follow the Python
 * text of each hint (cairo-lang common/dict.cairo, squash_dict.cairo, …) worked out by hand on small inputs.
 */
class FixtureOnlyHintsTest {
  /** Where the test dicts live: a free stretch of the execution segment (trackers are keyed by segment). */
  static final Relocatable DICT = new Relocatable(1, 300);

  static BigInteger b(long v) {
    return BigInteger.valueOf(v);
  }

  static MaybeRelocatable f(long v) {
    return MaybeRelocatable.of(v);
  }

  /** A manager with one dict on segment 1 whose next access is at {@code current}. */
  @SuppressWarnings("unchecked")
  static DictManager managerWith(Map<MaybeRelocatable, MaybeRelocatable> data, MaybeRelocatable defaultValue,
      Relocatable current) {
    DictManager dm = new DictManager();
    try {
      java.lang.reflect.Field trackers = DictManager.class.getDeclaredField("trackers");
      trackers.setAccessible(true);
      ((Map<Integer, DictManager.Tracker>) trackers.get(dm)).put(current.segment(),
          new DictManager.Tracker(data, defaultValue, current));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    return dm;
  }

  static Map<MaybeRelocatable, MaybeRelocatable> dict(long... kv) {
    Map<MaybeRelocatable, MaybeRelocatable> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(f(kv[i]), f(kv[i + 1]));
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // dict.cairo / default_dict.cairo

  @Test
  void dictReadReturnsTheValueAndAdvancesTheTracker() {
    DictManager dm = managerWith(dict(5, 50), null, DICT);
    HintTester t = new HintTester(HintCodes.DICT_READ).id("dict_ptr", "DictAccess*", DICT).id("key", "felt", 5)
        .id("value", "felt").scope("__dict_manager", dm).run();
    assertEquals(b(50), t.felt("value"));
    assertEquals(DICT.add(3), dm.tracker(DICT.add(3)).currentPtr); // += DictAccess.SIZE
    // get_tracker asserts the pointer is the tracker's current one
    DictManager stale = managerWith(dict(5, 50), null, DICT.add(3));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.DICT_READ).id("dict_ptr", "DictAccess*", DICT)
        .id("key", "felt", 5).id("value", "felt").scope("__dict_manager", stale).run());
    // a plain dict has no default: KeyError
    assertThrows(VmError.class, () -> new HintTester(HintCodes.DICT_READ).id("dict_ptr", "DictAccess*", DICT)
        .id("key", "felt", 6).id("value", "felt").scope("__dict_manager", managerWith(dict(5, 50), null, DICT)).run());
  }

  @Test
  void dictWriteRecordsThePreviousValueAndStoresTheNewOne() {
    DictManager dm = managerWith(dict(5, 50), null, DICT);
    HintTester t = new HintTester(HintCodes.DICT_WRITE).id("dict_ptr", "DictAccess*", DICT).id("key", "felt", 5)
        .id("new_value", "felt", 70).scope("__dict_manager", dm).run();
    assertEquals(f(50), t.runner.memory().get(DICT.add(1))); // ids.dict_ptr.prev_value
    DictManager.Tracker tr = dm.tracker(DICT.add(3));
    assertEquals(f(70), tr.data.get(f(5)));
    // a default dict answers an unseen key with its default
    DictManager dd = managerWith(dict(), f(9), DICT);
    HintTester u = new HintTester(HintCodes.DICT_WRITE).id("dict_ptr", "DictAccess*", DICT).id("key", "felt", 4)
        .id("new_value", "felt", 1).scope("__dict_manager", dd).run();
    assertEquals(f(9), u.runner.memory().get(DICT.add(1)));
    assertEquals(f(1), dd.tracker(DICT.add(3)).data.get(f(4)));
  }

  @Test
  void defaultDictNewCreatesAManagerOnceAndASegmentPerDict() {
    HintTester t = new HintTester(HintCodes.DEFAULT_DICT_NEW).id("default_value", "felt", 7).run();
    Relocatable base = assertInstanceOf(Relocatable.class, t.atAp());
    assertEquals(0, base.offset());
    assertEquals(t.runner.memory().segmentCount() - 1, base.segment()); // a fresh segment
    DictManager dm = assertInstanceOf(DictManager.class, t.scopeVar("__dict_manager"));
    DictManager.Tracker tr = dm.tracker(base);
    assertEquals(f(7), tr.get(f(123)));
    assertTrue(tr.data.containsKey(f(123))); // defaultdict stores what it returned
    // an existing manager is reused, not replaced
    DictManager existing = new DictManager();
    HintTester u = new HintTester(HintCodes.DEFAULT_DICT_NEW).id("default_value", "felt", 0)
        .scope("__dict_manager", existing).run();
    assertSame(existing, u.scopeVar("__dict_manager"));
    assertEquals(f(0), existing.tracker((Relocatable) u.atAp()).get(f(1)));
  }

  @Test
  void dictUpdateChecksThePreviousValue() {
    DictManager dm = managerWith(dict(5, 50), null, DICT);
    new HintTester(HintCodes.DICT_UPDATE).id("dict_ptr", "DictAccess*", DICT).id("key", "felt", 5)
        .id("prev_value", "felt", 50).id("new_value", "felt", 60).scope("__dict_manager", dm).run();
    assertEquals(f(60), dm.tracker(DICT.add(3)).data.get(f(5)));
    DictManager wrong = managerWith(dict(5, 50), null, DICT);
    assertThrows(VmError.class, () -> new HintTester(HintCodes.DICT_UPDATE).id("dict_ptr", "DictAccess*", DICT)
        .id("key", "felt", 5).id("prev_value", "felt", 49).id("new_value", "felt", 60).scope("__dict_manager", wrong).run());
    DictManager.Tracker tr = wrong.tracker(DICT); // neither data nor pointer moved
    assertEquals(f(50), tr.data.get(f(5)));
  }

  @Test
  void dictSquashCopyDictEntersAScopeWithACopy() {
    Map<MaybeRelocatable, MaybeRelocatable> data = dict(5, 50, 6, 60);
    DictManager dm = managerWith(data, null, DICT.add(6));
    HintTester t = new HintTester(HintCodes.DICT_SQUASH_COPY_DICT).id("dict_accesses_end", "DictAccess*", DICT.add(6))
        .scope("__dict_manager", dm).run();
    assertEquals(2, t.scopeDepth());
    assertSame(dm, t.scopeVar("__dict_manager"));
    Object copy = t.scopeVar("initial_dict");
    assertEquals(dict(5, 50, 6, 60), copy);
    assertNotSame(data, copy);
    data.put(f(7), f(70)); // later changes to the dict do not reach the copy
    assertEquals(2, ((Map<?, ?>) copy).size());
    assertEquals(2, t.processor.scopes().get(1).size()); // exactly the two names
  }

  @Test
  void dictSquashUpdatePtrMovesTheTrackerToTheSquashedEnd() {
    DictManager dm = managerWith(dict(5, 50), null, DICT);
    new HintTester(HintCodes.DICT_SQUASH_UPDATE_PTR).id("squashed_dict_start", "DictAccess*", DICT)
        .id("squashed_dict_end", "DictAccess*", DICT.add(9)).scope("__dict_manager", dm).run();
    assertEquals(DICT.add(9), dm.tracker(DICT.add(9)).currentPtr);
    assertThrows(VmError.class, () -> new HintTester(HintCodes.DICT_SQUASH_UPDATE_PTR)
        .id("squashed_dict_start", "DictAccess*", DICT.add(3)).id("squashed_dict_end", "DictAccess*", DICT.add(9))
        .scope("__dict_manager", managerWith(dict(), null, DICT)).run());
  }

  // ---------------------------------------------------------------------------------------------
  // squash_dict.cairo

  /** Accesses with keys 7, 3, 7, 5 at DICT (DictAccess = key, prev, new). */
  static HintTester squash(long nAccesses, long ptrDiff, long... keys) {
    Object[] cells = new Object[keys.length * 3];
    for (int i = 0; i < keys.length; i++) {
      cells[3 * i] = keys[i];
      cells[3 * i + 1] = 0;
      cells[3 * i + 2] = i;
    }
    return new HintTester(HintCodes.SQUASH_DICT).id("dict_accesses", "DictAccess*", DICT).id("ptr_diff", "felt", ptrDiff)
        .id("n_accesses", "felt", nAccesses).id("big_keys", "felt").id("first_key", "felt").memory(DICT, cells);
  }

  @Test
  void squashDictGroupsAccessIndicesByKey() {
    HintTester t = squash(4, 12, 7, 3, 7, 5).run();
    Map<BigInteger, List<Long>> expected = new LinkedHashMap<>();
    expected.put(b(7), List.of(0L, 2L));
    expected.put(b(3), List.of(1L));
    expected.put(b(5), List.of(3L));
    assertEquals(expected, t.scopeVar("access_indices"));
    assertEquals(List.of(b(7), b(5)), t.scopeVar("keys")); // sorted descending, smallest popped
    assertEquals(b(3), t.scopeVar("key"));
    assertEquals(b(3), t.felt("first_key"));
    assertEquals(b(0), t.felt("big_keys"));
    // a key ≥ range_check bound (2^128) sets big_keys
    BigInteger big = BigInteger.ONE.shiftLeft(128);
    HintTester u = new HintTester(HintCodes.SQUASH_DICT).id("dict_accesses", "DictAccess*", DICT).id("ptr_diff", "felt", 6)
        .id("n_accesses", "felt", 2).id("big_keys", "felt").id("first_key", "felt")
        .memory(DICT, big, 0, 0, 1, 0, 0).run();
    assertEquals(b(1), u.felt("big_keys"));
    assertEquals(b(1), u.felt("first_key"));
    assertEquals(List.of(big), u.scopeVar("keys"));
  }

  @Test
  void squashDictAssertsItsPreconditions() {
    assertThrows(VmError.class, () -> squash(4, 10, 7, 3, 7, 5).run()); // ptr_diff % 3 != 0
    assertThrows(VmError.class, () -> squash(4, 12, 7, 3, 7, 5).scope("__squash_dict_max_size", b(3)).run());
    assertEquals(b(3), squash(4, 12, 7, 3, 7, 5).scope("__squash_dict_max_size", b(4)).run().felt("first_key"));
  }

  static Map<BigInteger, List<Long>> accesses(long key, Long... indices) {
    Map<BigInteger, List<Long>> m = new HashMap<>();
    m.put(b(key), new ArrayList<>(List.of(indices)));
    return m;
  }

  @Test
  void squashDictInnerFirstIterationTakesTheSmallestIndex() {
    Map<BigInteger, List<Long>> acc = accesses(3, 4L, 1L, 9L);
    Relocatable rc = new Relocatable(1, 400);
    HintTester t = new HintTester(HintCodes.SQUASH_DICT_INNER_FIRST_ITERATION).id("range_check_ptr", "felt", rc)
        .scope("access_indices", acc).scope("key", b(3)).run();
    assertEquals(List.of(9L, 4L), t.scopeVar("current_access_indices"));
    assertEquals(1L, t.scopeVar("current_access_index"));
    assertEquals(f(1), t.runner.memory().get(rc));
    assertEquals(List.of(4L, 1L, 9L), acc.get(b(3))); // sorted() copies
  }

  @Test
  void squashDictInnerLoopFlags() {
    assertEquals(b(1), new HintTester(HintCodes.SQUASH_DICT_INNER_SKIP_LOOP).id("should_skip_loop", "felt")
        .scope("current_access_indices", new ArrayList<Long>()).run().felt("should_skip_loop"));
    assertEquals(b(0), new HintTester(HintCodes.SQUASH_DICT_INNER_SKIP_LOOP).id("should_skip_loop", "felt")
        .scope("current_access_indices", new ArrayList<>(List.of(5L))).run().felt("should_skip_loop"));
    assertEquals(b(0), new HintTester(HintCodes.SQUASH_DICT_INNER_CONTINUE_LOOP).id("loop_temps", "LoopTemps")
        .scope("current_access_indices", new ArrayList<Long>()).run().felt("loop_temps", 3));
    HintTester c = new HintTester(HintCodes.SQUASH_DICT_INNER_CONTINUE_LOOP).id("loop_temps", "LoopTemps")
        .scope("current_access_indices", new ArrayList<>(List.of(2L))).run();
    assertEquals(b(1), c.felt("loop_temps", 3)); // should_continue is member 3
    assertEquals(null, c.cell("loop_temps", 0));
    assertEquals(List.of(2L), c.scopeVar("current_access_indices")); // the flag does not pop
  }

  @Test
  void squashDictInnerAssertions() {
    new HintTester(HintCodes.SQUASH_DICT_INNER_ASSERT_LEN).scope("current_access_indices", new ArrayList<Long>()).run();
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SQUASH_DICT_INNER_ASSERT_LEN)
        .scope("current_access_indices", new ArrayList<>(List.of(1L))).run());
    new HintTester(HintCodes.SQUASH_DICT_INNER_USED_ACCESSES_ASSERT).id("n_used_accesses", "felt", 2)
        .scope("access_indices", accesses(3, 0L, 2L)).scope("key", b(3)).run();
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SQUASH_DICT_INNER_USED_ACCESSES_ASSERT)
        .id("n_used_accesses", "felt", 1).scope("access_indices", accesses(3, 0L, 2L)).scope("key", b(3)).run());
    new HintTester(HintCodes.SQUASH_DICT_INNER_LEN_ASSERT).scope("keys", new ArrayList<BigInteger>()).run();
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SQUASH_DICT_INNER_LEN_ASSERT)
        .scope("keys", new ArrayList<>(List.of(b(4)))).run());
  }
}
