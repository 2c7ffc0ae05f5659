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

  // ---------------------------------------------------------------------------------------------
  // scopes

  @Test
  void vmEnterScopePushesAnEmptyScopeAndVmExitScopePopsIt() {
    HintTester t = new HintTester(HintCodes.VM_ENTER_SCOPE).scope("x", 1).run();
    assertEquals(2, t.scopeDepth());
    assertTrue(t.processor.scopes().get(1).isEmpty());
    assertEquals(null, t.scopeVar("x")); // the new scope does not see the main scope's names
    HintRegistry.builtIn().get(HintCodes.VM_EXIT_SCOPE).execute(new HintContext(t.runner.vm(), t.processor, null));
    assertEquals(1, t.scopeDepth());
    assertEquals(1, t.scopeVar("x"));
    // vm_exit_scope from the main scope is an error
    assertThrows(VmError.class, () -> new HintTester(HintCodes.VM_EXIT_SCOPE).run());
  }

  @Test
  void memsetEnterScopeBindsN() {
    HintTester t = new HintTester(HintCodes.MEMSET_ENTER_SCOPE).id("n", "felt", 6).run();
    assertEquals(2, t.scopeDepth());
    assertEquals(Map.of("n", b(6)), t.processor.scopes().get(1));
  }

  // ---------------------------------------------------------------------------------------------
  // math, nondet

  @Test
  void nondetNGreaterThanWritesTheComparisonAtAp() {
    long[][] cases = {{9, 0, 1}, {10, 1, 1}, {11, 1, 1}, {1, 0, 0}, {2, 0, 1}}; // n, n>=10, n>=2
    for (long[] c : cases) {
      assertEquals(f(c[1]), new HintTester(HintCodes.NONDET_N_GREATER_THAN_10).id("n", "felt", c[0]).run().atAp(), "n=" + c[0]);
      assertEquals(f(c[2]), new HintTester(HintCodes.NONDET_N_GREATER_THAN_2).id("n", "felt", c[0]).run().atAp(), "n=" + c[0]);
    }
  }

  @Test
  void importMathTouchesNeitherMemoryNorScopes() {
    HintTester t = new HintTester(HintCodes.IMPORT_MATH).id("x", "felt").scope("y", 3).run();
    assertEquals(null, t.atAp());
    assertEquals(null, t.cell("x", 0));
    assertEquals(1, t.scopeDepth());
    assertEquals(Map.of("y", 3), t.processor.scopes().get(0));
  }

  @Test
  void relocateSegmentRejectsNonTemporarySources() {
    // add_relocation_rule: src must be the start of an existing temporary segment
    assertThrows(VmError.class, () -> new HintTester(HintCodes.RELOCATE_SEGMENT).id("src_ptr", "felt*", new Relocatable(1, 0))
        .id("dest_ptr", "felt*", new Relocatable(1, 50)).run());
    assertThrows(VmError.class, () -> new HintTester(HintCodes.RELOCATE_SEGMENT).id("src_ptr", "felt*", new Relocatable(-1, 0))
        .id("dest_ptr", "felt*", new Relocatable(1, 50)).run());
  }

  @Test
  void secpGetKIsAnExactDivisionByTheGroupOrder() {
    BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    // res·b − a = 2·3N − N = 5N
    HintTester t = new HintTester(HintCodes.SECP_GET_K).scope("res", b(2)).scope("b", n.multiply(b(3))).scope("a", n).run();
    assertEquals(b(5), t.scopeVar("k"));
    assertEquals(b(5), t.scopeVar("value"));
    // negative quotients stay exact: res·b − a = 0 − 7N
    assertEquals(b(-7), new HintTester(HintCodes.SECP_GET_K).scope("res", b(0)).scope("b", b(1)).scope("a", n.multiply(b(7)))
        .run().scopeVar("k"));
    assertThrows(VmError.class, () -> new HintTester(HintCodes.SECP_GET_K).scope("res", b(1)).scope("b", n).scope("a", b(1)).run());
  }

  // ---------------------------------------------------------------------------------------------
  // hash and curve helpers

  @Test
  void blake2sComputeCompressesTheBlockBeforeOutput() {
    // output[-26..-18] = h (IV, h0 ^ 0x01010020), [-18..-2] = message ("abc" little-endian), [-2] = t, [-1] = f
    Relocatable out = new Relocatable(1, 200);
    Object[] in = new Object[26];
    long[] iv = {0x6B08E647L, 0xBB67AE85L, 0x3C6EF372L, 0xA54FF53AL, 0x510E527FL, 0x9B05688CL, 0x1F83D9ABL, 0x5BE0CD19L};
    for (int i = 0; i < 8; i++) in[i] = iv[i];
    for (int i = 0; i < 16; i++) in[8 + i] = 0;
    in[8] = 0x00636261L;
    in[24] = 3;
    in[25] = 0xFFFFFFFFL;
    HintTester t = new HintTester(HintCodes.BLAKE2S_COMPUTE).id("output", "felt*", out).memory(out.add(-26), in).run();
    // hashlib.blake2s(b"abc") = 508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982, as LE words
    long[] digest = {0x8c5e8c50L, 0xe2147c32L, 0xa32ba7e1L, 0x2f45eb4eL, 0x208b4537L, 0x293ad69eL, 0x4c9b994dL, 0x82596786L};
    for (int i = 0; i < 8; i++) assertEquals(f(digest[i]), t.runner.memory().get(out.add(i)), "word " + i);
    assertEquals(null, t.runner.memory().get(out.add(8)));
  }

  @Test
  void blockPermutationAppliesKeccakF1600ToThePreviousState() {
    // state lanes 0..24 before keccak_ptr; expected from a Python Keccak-f[1600] checked against hashlib.sha3_256(b"")
    Relocatable ptr = new Relocatable(1, 125);
    Object[] state = new Object[25];
    for (int i = 0; i < 25; i++) state[i] = i;
    HintTester t = new HintTester(HintCodes.BLOCK_PERMUTATION).id("keccak_ptr", "felt*", ptr)
        .constant("KECCAK_STATE_SIZE_FELTS", 25).memory(ptr.add(-25), state).run();
    String[] expected = {"8374b05252ed8115", "1df7a676b6569400", "f765194b8a51797d", "20477b43d1760545", "d15f8ba4f3f6606a",
        "a1d7144f7c8dd493", "30d193965138fd3f", "487e9472951be3be", "0cf3a858cbda7a5a", "2fe54e389bb17f88",
        "0b7338de0d9f268f", "55efdff58b256d7f", "c8353e94eb2c3e6a", "2e2af6948c901f11", "e873de0cca309da6",
        "f7afc26c944d31e2", "a0f5ea808cc415d7", "53f531437e3ed8cf", "777f1f3b43a4d221", "fd0ca63cb499e985",
        "d4c055c0c5d12330", "a72fe58aa6e0a7df", "421af5937c9948a3", "5e16103071340888", "d153f43a297e4a33"};
    for (int i = 0; i < 25; i++)
      assertEquals(MaybeRelocatable.of(new BigInteger(expected[i], 16)), t.runner.memory().get(ptr.add(i)), "lane " + i);
    assertEquals(null, t.runner.memory().get(ptr.add(25)));
  }

  static final BigInteger STARK_BETA = new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);

  static BigInteger[] randomPoint(long m) {
    HintTester t = new HintTester(HintCodes.EC_OP_RANDOM_EC_POINT).id("p", "EcPoint", 1, 2).id("m", "felt", m)
        .id("q", "EcPoint", 3, 4).id("s", "EcPoint").run();
    return new BigInteger[] {t.felt("s", 0), t.felt("s", 1)};
  }

  @Test
  void ecOpRandomEcPointIsASeededPointOnTheStarkCurve() {
    BigInteger P = HintTester.P;
    BigInteger[] s = randomPoint(5);
    // y² = x³ + x + β over the STARK field (alpha = 1)
    assertEquals(s[0].pow(3).add(s[0]).add(STARK_BETA).mod(P), s[1].multiply(s[1]).mod(P));
    BigInteger[] again = randomPoint(5), other = randomPoint(6);
    assertEquals(s[0], again[0]);
    assertEquals(s[1], again[1]);
    assertTrue(!s[0].equals(other[0]), "the seed includes ids.m");
    // math_utils.random_ec_point(seed = the five values as 32-byte big-endian) evaluated in Python: x from
    // sha256(sha256(seed)[1:] ‖ i as 10 little-endian bytes), y the smaller root, negated when sha256(seed)[0] is odd
    assertEquals(new BigInteger("711977038268349ac3202c932d485910db5f1ab3e9d7406adb696b87cc0f3f8", 16), s[0]);
    assertEquals(new BigInteger("704f210107537876e465415cea8173c711695f879100155539ed6562a2d6f8d", 16), s[1]);
    assertEquals(new BigInteger("262a0b4afd19e57bbfcac90b24e1273b601d3f8da3cfbc457464d96f277463e", 16), other[0]);
    assertEquals(new BigInteger("621933bf0aaa58188ebc0c654e2ca3329713d649685a363075ed446a7bbb8cb", 16), other[1]);
    assertEquals(other[0].pow(3).add(other[0]).add(STARK_BETA).mod(P), other[1].multiply(other[1]).mod(P));
  }

  // ---------------------------------------------------------------------------------------------
  // hints that need VM state the tiny program does not have: the first step fails, the test supplies the state,
  // and the same step runs again

  @Test
  void relocateSegmentAddsARuleForATemporarySegment() {
    Relocatable dest = new Relocatable(1, 50);
    HintTester t = new HintTester(HintCodes.RELOCATE_SEGMENT).id("src_ptr", "felt*", new Relocatable(-1, 0))
        .id("dest_ptr", "felt*", dest);
    assertThrows(VmError.class, t::run); // no temporary segment -1 yet
    assertEquals(new Relocatable(-1, 0), t.runner.memory().addTempSegment());
    t.runner.vm().step();
    assertEquals(dest.add(5), t.runner.memory().relocateAddress(-1, 5));
    assertTrue(t.runner.memory().hasRelocationRules());
  }

  @Test
  void verifyEcdsaSignatureRegistersTheSignatureAtThePointer() {
    int ecdsaSegment = new HintTester(HintCodes.IMPORT_MATH).run().runner.memory().segmentCount();
    Relocatable ptr = new Relocatable(ecdsaSegment, 2);
    HintTester t = new HintTester(HintCodes.VERIFY_ECDSA_SIGNATURE).id("ecdsa_ptr", "EcPoint*", ptr)
        .id("signature_r", "felt", 11).id("signature_s", "felt", 22);
    assertThrows(VmError.class, t::run); // the tiny program has no ecdsa builtin
    io.cairn.vm.builtins.EcdsaBuiltin ecdsa = new io.cairn.vm.builtins.EcdsaBuiltin(true, null);
    ecdsa.initializeSegments(t.runner.memory());
    assertEquals(ecdsaSegment, ecdsa.base().segment());
    t.processor.attachBuiltins(List.of(ecdsa));
    t.runner.vm().step();
    // the instance at offset 2 now has a signature (11, 22): writing its pub key and message checks it (and it is
    // not a valid signature); the instance at offset 0 has none
    t.runner.memory().write(ptr, MaybeRelocatable.of(5));
    VmError bad = assertThrows(VmError.class, () -> t.runner.memory().write(ptr.add(1), MaybeRelocatable.of(6)));
    assertTrue(bad.getMessage().contains("Signature (11, 22), is invalid"), bad.getMessage());
    t.runner.memory().write(new Relocatable(ecdsaSegment, 0), MaybeRelocatable.of(5));
    VmError missing = assertThrows(VmError.class,
        () -> t.runner.memory().write(new Relocatable(ecdsaSegment, 1), MaybeRelocatable.of(6)));
    assertTrue(missing.getMessage().contains("Signature hint is missing"), missing.getMessage());
  }
}
