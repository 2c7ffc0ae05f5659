package io.cairn.vm.cairo1;

import static io.cairn.vm.cairo1.HintVm.ap;
import static io.cairn.vm.cairo1.HintVm.deref;
import static io.cairn.vm.cairo1.HintVm.imm;
import static org.junit.jupiter.api.Assertions.*;

import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per Cairo 1 hint; expected values worked out by hand in the comments. */
class Cairo1HintsTest {
  private static final BigInteger P = Field.P;
  private static final BigInteger T128 = BigInteger.ONE.shiftLeft(128);
  private Memory mem;
  private CairoVm vm;
  private Relocatable fp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Cairo1HintProcessor hp;

  @BeforeEach
  void setUp() throws Exception {
    HintVm h = HintVm.create();
    mem = h.mem();
    vm = h.vm();
    fp = h.fp();
    hp = new Cairo1HintProcessor(null, new PrintStream(out, true));
  }

  private BigInteger at(int apOff) {
    return mem.getInt(fp.add(apOff));
  }

  private void run(Cairo1Hint h) {
    hp.execute(vm, h);
  }

  @Test
  void allocSegment() {
    int before = mem.segmentCount();
    run(new Cairo1Hint.AllocSegment(ap(0)));
    assertEquals(new Relocatable(before, 0), mem.getRelocatable(fp));
  }

  @Test
  void testLessThanAndLessThanOrEqual() {
    run(new Cairo1Hint.TestLessThan(imm(3), imm(5), ap(0)));
    run(new Cairo1Hint.TestLessThan(imm(5), imm(5), ap(1)));
    run(new Cairo1Hint.TestLessThanOrEqual(imm(5), imm(5), ap(2)));
    run(new Cairo1Hint.TestLessThanOrEqual(imm(6), imm(5), ap(3)));
    // felts compare as integers in [0, p): -1 = p - 1 is the largest
    run(new Cairo1Hint.TestLessThan(imm(5), imm(P.subtract(BigInteger.ONE)), ap(4)));
    assertEquals(List.of(1, 0, 1, 0, 1), List.of(at(0).intValue(), at(1).intValue(), at(2).intValue(), at(3).intValue(), at(4).intValue()));
  }

  @Test
  void testLessThanOrEqualAddress() {
    mem.write(fp.add(-2), fp.add(3));
    mem.write(fp.add(-1), fp.add(5));
    run(new Cairo1Hint.TestLessThanOrEqualAddress(deref(-2), deref(-1), ap(0)));
    run(new Cairo1Hint.TestLessThanOrEqualAddress(deref(-1), deref(-2), ap(1)));
    assertEquals(BigInteger.ONE, at(0));
    assertEquals(BigInteger.ZERO, at(1));
  }

  @Test
  void wideMul128() {
    // (2^64 + 1)^2 = 2^128 + 2^65 + 1: high 1, low 2^65 + 1
    BigInteger x = BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE);
    run(new Cairo1Hint.WideMul128(imm(x), imm(x), ap(0), ap(1)));
    assertEquals(BigInteger.ONE, at(0));
    assertEquals(BigInteger.ONE.shiftLeft(65).add(BigInteger.ONE), at(1));
    assertThrows(VmError.class, () -> run(new Cairo1Hint.WideMul128(imm(T128), imm(1), ap(2), ap(3))));
  }

  @Test
  void divMod() {
    run(new Cairo1Hint.DivMod(imm(17), imm(5), ap(0), ap(1)));
    assertEquals(List.of(BigInteger.valueOf(3), BigInteger.TWO), List.of(at(0), at(1)));
    assertThrows(VmError.class, () -> run(new Cairo1Hint.DivMod(imm(1), imm(0), ap(2), ap(3))));
  }

  @Test
  void uint256DivMod() {
    // (2^128 + 5) / 2 = 2^127 + 2 rem 1
    run(new Cairo1Hint.Uint256DivMod(imm(5), imm(1), imm(2), imm(0), ap(0), ap(1), ap(2), ap(3)));
    assertEquals(BigInteger.ONE.shiftLeft(127).add(BigInteger.TWO), at(0));
    assertEquals(BigInteger.ZERO, at(1));
    assertEquals(BigInteger.ONE, at(2));
    assertEquals(BigInteger.ZERO, at(3));
  }

  @Test
  void uint512DivModByUint256() {
    // (2^384 + 7) / 2^128 = 2^256 rem 7
    run(
        new Cairo1Hint.Uint512DivModByUint256(
            imm(7), imm(0), imm(0), imm(1), imm(0), imm(1), ap(0), ap(1), ap(2), ap(3), ap(4), ap(5)));
    assertEquals(List.of(0, 0, 1, 0, 7, 0), List.of(at(0).intValue(), at(1).intValue(), at(2).intValue(), at(3).intValue(), at(4).intValue(), at(5).intValue()));
  }

  @Test
  void squareRoot() {
    run(new Cairo1Hint.SquareRoot(imm(17), ap(0)));
    run(new Cairo1Hint.SquareRoot(imm(T128), ap(1)));
    assertEquals(BigInteger.valueOf(4), at(0));
    assertEquals(BigInteger.ONE.shiftLeft(64), at(1));
  }

  @Test
  void uint256SquareRoot() {
    // 2^256 - 1: sqrt = 2^128 - 1 (both 64-bit halves 2^64 - 1), remainder 2^129 - 2, 2·sqrt - rem = 0 < 2^128
    BigInteger m = T128.subtract(BigInteger.ONE);
    run(new Cairo1Hint.Uint256SquareRoot(imm(m), imm(m), ap(0), ap(1), ap(2), ap(3), ap(4)));
    BigInteger m64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    assertEquals(List.of(m64, m64, T128.subtract(BigInteger.TWO), BigInteger.ONE, BigInteger.ZERO), List.of(at(0), at(1), at(2), at(3), at(4)));
    // 2^128 - 1: sqrt = 2^64 - 1, remainder 2^65 - 2; 2·sqrt - rem = 0
    // 3·2^128: sqrt = floor(2^64·√3), flag set when 2·sqrt - rem ≥ 2^128 — check the defining identity instead
    BigInteger v = T128.multiply(BigInteger.valueOf(3));
    run(new Cairo1Hint.Uint256SquareRoot(imm(0), imm(3), ap(5), ap(6), ap(7), ap(8), ap(9)));
    BigInteger s = at(5).add(at(6).shiftLeft(64));
    BigInteger r = at(7).add(at(8).shiftLeft(128));
    assertEquals(v, s.multiply(s).add(r));
    assertTrue(r.compareTo(s.shiftLeft(1)) <= 0);
    assertEquals(s.shiftLeft(1).subtract(r).compareTo(T128) >= 0 ? BigInteger.ONE : BigInteger.ZERO, at(9));
  }

  @Test
  void linearSplit() {
    // 100 = 7·14 + 2, but x is capped at 10: y = 100 - 70 = 30
    run(new Cairo1Hint.LinearSplit(imm(100), imm(7), imm(10), ap(0), ap(1)));
    run(new Cairo1Hint.LinearSplit(imm(100), imm(7), imm(20), ap(2), ap(3)));
    assertEquals(List.of(10, 30, 14, 2), List.of(at(0).intValue(), at(1).intValue(), at(2).intValue(), at(3).intValue()));
  }

  @Test
  void felt252DictLifecycle() {
    // segment arena header [infos, n_dicts = 0, n_destructed = 0]; the program holds the pointer past it
    Relocatable arena = mem.addSegment();
    Relocatable infos = mem.addSegment();
    mem.write(arena, infos);
    mem.write(arena.add(1), 0);
    mem.write(arena.add(2), 0);
    mem.write(fp.add(-1), arena.add(3));
    run(new Cairo1Hint.AllocFelt252Dict(deref(-1)));
    Relocatable dict = mem.getRelocatable(infos);
    // first access to key 5: previous value defaults to 0
    mem.write(fp.add(-2), dict);
    mem.write(dict, 5);
    run(new Cairo1Hint.Felt252DictEntryInit(deref(-2), imm(5)));
    assertEquals(BigInteger.ZERO, mem.getInt(dict.add(1)));
    mem.write(fp.add(-3), dict.add(3));
    run(new Cairo1Hint.Felt252DictEntryUpdate(deref(-3), imm(9)));
    run(new Cairo1Hint.Felt252DictEntryInit(deref(-3), imm(5)));
    assertEquals(BigInteger.valueOf(9), mem.getInt(dict.add(4)));
    run(new Cairo1Hint.GetSegmentArenaIndex(deref(-3), ap(0)));
    assertEquals(BigInteger.ZERO, at(0));
    // a second dict (n_dicts now 1 in the header) gets index 1 and lands in infos[3]
    Relocatable arena2 = mem.addSegment();
    mem.write(arena2, infos);
    mem.write(arena2.add(1), 1);
    mem.write(arena2.add(2), 0);
    mem.write(fp.add(-4), arena2.add(3));
    run(new Cairo1Hint.AllocFelt252Dict(deref(-4)));
    mem.write(fp.add(-5), mem.getRelocatable(infos.add(3)));
    run(new Cairo1Hint.GetSegmentArenaIndex(deref(-5), ap(1)));
    assertEquals(BigInteger.ONE, at(1));
  }

  @Test
  void dictSquashWalk() {
    // accesses (key, prev, new) with keys 7, 3, 7, 7 at indices 0..3
    Relocatable acc = mem.addSegment();
    long[] keys = {7, 3, 7, 7};
    for (int i = 0; i < 4; i++) mem.write(acc.add(3 * i), keys[i]);
    mem.write(fp.add(-1), acc);
    Relocatable rc = mem.addSegment();
    mem.write(fp.add(-2), rc);
    run(new Cairo1Hint.InitSquashData(deref(-1), imm(0), imm(4), ap(0), ap(1)));
    assertEquals(BigInteger.ZERO, at(0)); // no key ≥ 2^128
    assertEquals(BigInteger.valueOf(3), at(1)); // smallest key first
    run(new Cairo1Hint.GetCurrentAccessIndex(deref(-2)));
    assertEquals(BigInteger.ONE, mem.getInt(rc)); // key 3 was accessed at index 1
    run(new Cairo1Hint.ShouldSkipSquashLoop(ap(2)));
    assertEquals(BigInteger.ONE, at(2)); // a single access: skip the loop
    run(new Cairo1Hint.GetNextDictKey(ap(3)));
    assertEquals(BigInteger.valueOf(7), at(3));
    mem.write(fp.add(-3), rc.add(1));
    run(new Cairo1Hint.GetCurrentAccessIndex(deref(-3)));
    assertEquals(BigInteger.ZERO, mem.getInt(rc.add(1)));
    run(new Cairo1Hint.ShouldSkipSquashLoop(ap(4)));
    assertEquals(BigInteger.ZERO, at(4));
    run(new Cairo1Hint.GetCurrentAccessDelta(ap(5)));
    assertEquals(BigInteger.ONE, at(5)); // 2 - 0 - 1
    run(new Cairo1Hint.ShouldContinueSquashLoop(ap(6)));
    assertEquals(BigInteger.ONE, at(6));
    run(new Cairo1Hint.GetCurrentAccessDelta(ap(7)));
    assertEquals(BigInteger.ZERO, at(7)); // 3 - 2 - 1
    run(new Cairo1Hint.ShouldContinueSquashLoop(ap(8)));
    assertEquals(BigInteger.ZERO, at(8));
  }

  @Test
  void bigKeysFlag() {
    Relocatable acc = mem.addSegment();
    mem.write(acc, T128);
    mem.write(fp.add(-1), acc);
    run(new Cairo1Hint.InitSquashData(deref(-1), imm(0), imm(1), ap(0), ap(1)));
    assertEquals(BigInteger.ONE, at(0));
    assertEquals(T128, at(1));
  }

  @Test
  void assertLeArcs() {
    Relocatable rc = mem.addSegment();
    mem.write(fp.add(-1), rc);
    // a = 10, b = 20: arcs 10 (a), 10 (b - a), p - 21; the long third arc is excluded
    run(new Cairo1Hint.AssertLeFindSmallArcs(deref(-1), imm(10), imm(20)));
    assertEquals(List.of(10, 0, 10, 0), List.of(mem.getInt(rc).intValue(), mem.getInt(rc.add(1)).intValue(), mem.getInt(rc.add(2)).intValue(), mem.getInt(rc.add(3)).intValue()));
    run(new Cairo1Hint.AssertLeIsFirstArcExcluded(ap(0)));
    run(new Cairo1Hint.AssertLeIsSecondArcExcluded(ap(1)));
    assertEquals(List.of(BigInteger.ONE, BigInteger.ONE), List.of(at(0), at(1)));
    // a = p - 5, b = p - 2: arcs p - 5 (a), 3, 1: a's arc is the long one → excluded 0
    Relocatable rc2 = mem.addSegment();
    mem.write(fp.add(-2), rc2);
    run(new Cairo1Hint.AssertLeFindSmallArcs(deref(-2), imm(P.subtract(BigInteger.valueOf(5))), imm(P.subtract(BigInteger.TWO))));
    assertEquals(List.of(1, 0, 3, 0), List.of(mem.getInt(rc2).intValue(), mem.getInt(rc2.add(1)).intValue(), mem.getInt(rc2.add(2)).intValue(), mem.getInt(rc2.add(3)).intValue()));
    run(new Cairo1Hint.AssertLeIsFirstArcExcluded(ap(2)));
    run(new Cairo1Hint.AssertLeIsSecondArcExcluded(ap(3)));
    assertEquals(List.of(BigInteger.ZERO, BigInteger.ONE), List.of(at(2), at(3)));
    // a long arc split: (p/3 high part) q·h + r
    BigInteger h = new BigInteger("3544607988759775765608368578435044694");
    Relocatable rc3 = mem.addSegment();
    mem.write(fp.add(-3), rc3);
    BigInteger a = h.multiply(BigInteger.valueOf(5)).add(BigInteger.valueOf(11));
    run(new Cairo1Hint.AssertLeFindSmallArcs(deref(-3), imm(a), imm(P.subtract(BigInteger.ONE))));
    // arcs: a, p - 1 - a (huge), 0 → sorted 0 (index 2), a, huge; first arc 0, second a
    assertEquals(BigInteger.ZERO, mem.getInt(rc3));
    BigInteger h2 = new BigInteger("5316911983139663648412552867652567041");
    assertEquals(a.mod(h2), mem.getInt(rc3.add(2)));
    assertEquals(a.divide(h2), mem.getInt(rc3.add(3)));
  }

  @Test
  void randomEcPointIsOnTheCurve() {
    run(new Cairo1Hint.RandomEcPoint(ap(0), ap(1)));
    BigInteger x = at(0), y = at(1);
    BigInteger beta = new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);
    assertEquals(y.multiply(y).mod(P), x.pow(3).add(x).add(beta).mod(P));
  }

  @Test
  void fieldSqrt() {
    run(new Cairo1Hint.FieldSqrt(imm(4), ap(0)));
    assertEquals(BigInteger.TWO, at(0)); // roots 2 and p - 2: the smaller
    run(new Cairo1Hint.FieldSqrt(imm(P.subtract(BigInteger.valueOf(4))), ap(1)));
    BigInteger s = at(1); // -4 is a square iff -1 is; either way s² ∈ {-4, -12}
    BigInteger s2 = s.multiply(s).mod(P);
    assertTrue(s2.equals(P.subtract(BigInteger.valueOf(4))) || s2.equals(P.subtract(BigInteger.valueOf(12))), s2.toString());
    assertTrue(s.compareTo(P.shiftRight(1)) <= 0);
    run(new Cairo1Hint.FieldSqrt(imm(3), ap(2)));
    assertEquals(BigInteger.valueOf(3), at(2)); // 3 is a non-residue: sqrt(3·3) = 3
  }

  @Test
  void debugPrint() {
    Relocatable s = mem.addSegment();
    mem.write(s, 42);
    mem.write(s.add(1), 7);
    mem.write(fp.add(-1), s);
    mem.write(fp.add(-2), s.add(2));
    run(new Cairo1Hint.DebugPrint(deref(-1), deref(-2)));
    // as cairo-lang-runner's format_for_debug: 42 = '*' reads as a short string, 7 does not
    assertEquals("[DEBUG]\t0x2a ('*')\n[DEBUG]\t0x7\n", out.toString());
    // println!("hi") serializes a ByteArray "hi\n": printed as is, no [DEBUG] prefix
    out.reset();
    Relocatable b = mem.addSegment();
    mem.write(b, PanicText.BYTE_ARRAY_MAGIC);
    mem.write(b.add(1), 0);
    mem.write(b.add(2), 0x68690a);
    mem.write(b.add(3), 3);
    mem.write(fp.add(-3), b);
    mem.write(fp.add(-4), b.add(4));
    run(new Cairo1Hint.DebugPrint(deref(-3), deref(-4)));
    assertEquals("hi\n", out.toString());
  }

  @Test
  void allocConstantSize() {
    run(new Cairo1Hint.AllocConstantSize(imm(2), ap(0)));
    run(new Cairo1Hint.AllocConstantSize(imm(3), ap(1)));
    run(new Cairo1Hint.AllocConstantSize(imm(1), ap(2)));
    Relocatable a = mem.getRelocatable(fp);
    assertEquals(a.add(2), mem.getRelocatable(fp.add(1)));
    assertEquals(a.add(5), mem.getRelocatable(fp.add(2)));
  }

  @Test
  void unimplementedAndSyscallWithoutHandlerFailClearly() {
    VmError e = assertThrows(VmError.class, () -> hp.run(vm, new Cairo1Hint.NotImplemented("Cheatcode", "{}")));
    assertTrue(e.getMessage().contains("Cheatcode"), e.getMessage());
    mem.write(fp.add(-1), fp);
    e = assertThrows(VmError.class, () -> hp.run(vm, new Cairo1Hint.SystemCall(deref(-1))));
    assertTrue(e.getMessage().contains("syscall"), e.getMessage());
  }

  @Test
  void u256InvModN() {
    // 3⁻¹ mod 7 = 5 (3·5 = 15 = 1 + 2·7): r = 5, k = 2, g0_or_no_inv = 0
    run(new Cairo1Hint.U256InvModN(imm(3), imm(0), imm(7), imm(0), ap(0), ap(1), ap(2), ap(3), ap(4), ap(5)));
    assertEquals(List.of(0, 5, 0, 2, 0), List.of(at(0).intValue(), at(2).intValue(), at(3).intValue(), at(4).intValue(), at(5).intValue()));
    // 6 and 9 share 3: no inverse, g = 3, s = 2, t = 3
    run(new Cairo1Hint.U256InvModN(imm(6), imm(0), imm(9), imm(0), ap(6), ap(7), ap(8), ap(9), ap(10), ap(11)));
    assertEquals(List.of(3, 0, 2, 0, 3, 0), List.of(at(6).intValue(), at(7).intValue(), at(8).intValue(), at(9).intValue(), at(10).intValue(), at(11).intValue()));
    // 4 and 12 share 4, but an even gcd is reported as 2: s = 2, t = 6
    run(new Cairo1Hint.U256InvModN(imm(4), imm(0), imm(12), imm(0), ap(12), ap(13), ap(14), ap(15), ap(16), ap(17)));
    assertEquals(List.of(2, 0, 2, 0, 6, 0), List.of(at(12).intValue(), at(13).intValue(), at(14).intValue(), at(15).intValue(), at(16).intValue(), at(17).intValue()));
    // a 256-bit modulus: b = 2, n = 2^255 + 1 (odd): r = 2^254 + 1 since 2·(2^254 + 1) = 2^255 + 2 = n + 1; k = 1
    BigInteger n = BigInteger.ONE.shiftLeft(255).add(BigInteger.ONE);
    run(new Cairo1Hint.U256InvModN(imm(2), imm(0), imm(n.and(T128.subtract(BigInteger.ONE))), imm(n.shiftRight(128)), ap(18), ap(19), ap(20), ap(21), ap(22), ap(23)));
    assertEquals(BigInteger.ONE.shiftLeft(254).add(BigInteger.ONE), at(20).add(at(21).shiftLeft(128)));
    assertEquals(BigInteger.ONE, at(22));
    assertEquals(BigInteger.ZERO, at(23));
  }

  @Test
  void u256InvModNOfModulusOne() {
    // n = 1 (n0 = 1, n1 = 0): cairo-lang-runner writes g = (1, 0), s = (b0, b1) exactly as read, t = (1, 0).
    // gcd(1, b) = 1 would otherwise take the inverse branch; b = 5 + 3·2^128 shows the limbs are copied, not reduced.
    run(new Cairo1Hint.U256InvModN(imm(5), imm(3), imm(1), imm(0), ap(0), ap(1), ap(2), ap(3), ap(4), ap(5)));
    assertEquals(List.of(1, 0, 5, 3, 1, 0), List.of(at(0).intValue(), at(1).intValue(), at(2).intValue(), at(3).intValue(), at(4).intValue(), at(5).intValue()));
    // a low limb that is not a u128 is still copied as is (the Rust runner writes b0 itself)
    BigInteger big = T128.add(BigInteger.ONE);
    run(new Cairo1Hint.U256InvModN(imm(big), imm(0), imm(1), imm(0), ap(6), ap(7), ap(8), ap(9), ap(10), ap(11)));
    assertEquals(big, at(8));
    assertEquals(BigInteger.ZERO, at(9));
    // b = 0 with n = 1 is the same branch (0 is invertible mod 1)
    run(new Cairo1Hint.U256InvModN(imm(0), imm(0), imm(1), imm(0), ap(12), ap(13), ap(14), ap(15), ap(16), ap(17)));
    assertEquals(List.of(1, 0, 0, 0, 1, 0), List.of(at(12).intValue(), at(13).intValue(), at(14).intValue(), at(15).intValue(), at(16).intValue(), at(17).intValue()));
  }
}
