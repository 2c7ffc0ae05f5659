package io.cairn.vm.cairo1;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.builtins.ModBuiltin;
import io.cairn.vm.cairo1.Cairo1Hint.*;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.core.HintRunner;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.io.PrintStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import io.cairn.vm.memory.Memory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs decoded {@link Cairo1Hint}s (semantics of cairo-lang-runner {@code casm_run.rs}). Holds the run's hint state:
 * the Felt252Dict trackers, the squash scope, the constant-size allocator. One processor per run.
 */
public final class Cairo1HintProcessor implements HintRunner {
  static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  static final BigInteger MASK_128 = TWO_128.subtract(BigInteger.ONE);
  static final BigInteger PRIME_OVER_3_HIGH = new BigInteger("3544607988759775765608368578435044694");
  static final BigInteger PRIME_OVER_2_HIGH = new BigInteger("5316911983139663648412552867652567041");
  private static final BigInteger ALPHA = BigInteger.ONE;
  private static final BigInteger BETA =
      new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);

  /** Handles SystemCall hints; null when the program makes none. */
  public interface SyscallSink {
    void syscall(CairoVm vm, Relocatable request);
  }

  private final SyscallSink syscalls;
  private final PrintStream debugOut;

  // Felt252Dict trackers, by dict segment, in allocation order (their index in the segment arena)
  private final Map<Integer, DictTracker> trackers = new HashMap<>();
  private int nDicts;
  // squash scope
  private final TreeMap<BigInteger, ArrayDeque<BigInteger>> accessIndices = new TreeMap<>();
  private final ArrayDeque<BigInteger> keys = new ArrayDeque<>(); // top = current (smallest) key
  private int excludedArc = -1;
  private Relocatable constantSizeNext;
  private final SecureRandom random = new SecureRandom();
  // executables: the run arguments, the markers (output / panic data) and the panic's call chain
  private List<List<RunArg>> userArgs = List.of();
  private final List<List<BigInteger>> markers = new ArrayList<>();
  private List<Relocatable[]> panicTraceback = List.of();
  private boolean temporaryDictSegments;

  private static final class DictTracker {
    final int index;
    final Map<BigInteger, MaybeRelocatable> data = new HashMap<>();

    DictTracker(int index) {
      this.index = index;
    }
  }

  public Cairo1HintProcessor(SyscallSink syscalls, PrintStream debugOut) {
    this.syscalls = syscalls;
    this.debugOut = debugOut;
  }

  public Cairo1HintProcessor() {
    this(null, System.out);
  }

  /** The run parameters {@code WriteRunParam} writes, by index (cairo-lang-runner's {@code user_args}). */
  public Cairo1HintProcessor withUserArgs(List<List<RunArg>> args) {
    this.userArgs = List.copyOf(args);
    return this;
  }

  /**
   * Allocates every Felt252Dict after the first in a temporary segment, as the Rust runner does unless told
   * {@code no_temporary_segments}: an executable's segment-arena validation then relocates each dict right after
   * the previous one ({@code AddRelocationRule}). Contract calls keep real segments (blockifier's choice).
   */
  public Cairo1HintProcessor withTemporaryDictSegments(boolean on) {
    this.temporaryDictSegments = on;
    return this;
  }

  /** The markers {@code AddMarker} recorded, in order. */
  public List<List<BigInteger>> markers() {
    return List.copyOf(markers);
  }

  /** The (pc, fp) call chain recorded by {@code AddTrace('panic')}, outermost first; empty when none. */
  public List<Relocatable[]> panicTraceback() {
    return panicTraceback;
  }

  @Override
  public Object compile(Program program, Program.HintSpec spec, int pc) {
    throw new IllegalArgumentException(
        "pc " + pc + ": Cairo 0 hint given to the Cairo 1 hint processor (CASM hints are decoded by CasmProgram)");
  }

  @Override
  public void run(CairoVm vm, Object compiledHint) {
    Cairo1Hint h = (Cairo1Hint) compiledHint;
    try {
      execute(vm, h);
    } catch (VmError | ArithmeticException | IllegalStateException e) {
      throw new VmError(h.getClass().getSimpleName() + " hint failed: " + e.getMessage(), e);
    }
  }

  /** Runs one hint against the VM's current registers. */
  public void execute(CairoVm vm, Cairo1Hint h) {
    switch (h) {
      case AllocSegment x -> x.dst().set(vm, vm.memory().addSegment());
      case TestLessThan x -> x.dst().set(vm, bit(x.lhs().felt(vm).compareTo(x.rhs().felt(vm)) < 0));
      case TestLessThanOrEqual x -> x.dst().set(vm, bit(x.lhs().felt(vm).compareTo(x.rhs().felt(vm)) <= 0));
      case TestLessThanOrEqualAddress x -> {
        Relocatable l = x.lhs().address(vm), r = x.rhs().address(vm);
        if (l.segment() != r.segment())
          throw new VmError("cannot compare addresses in different segments: " + l + " and " + r);
        x.dst().set(vm, bit(l.offset() <= r.offset()));
      }
      case WideMul128 x -> {
        BigInteger l = u128(x.lhs().felt(vm), "lhs"), r = u128(x.rhs().felt(vm), "rhs");
        BigInteger p = l.multiply(r);
        x.high().set(vm, p.shiftRight(128));
        x.low().set(vm, p.and(MASK_128));
      }
      case DivMod x -> {
        BigInteger[] qr = x.lhs().felt(vm).divideAndRemainder(nonZero(x.rhs().felt(vm)));
        x.quotient().set(vm, qr[0]);
        x.remainder().set(vm, qr[1]);
      }
      case Uint256DivMod x -> {
        BigInteger dividend = join(x.dividend0().felt(vm), x.dividend1().felt(vm));
        BigInteger divisor = nonZero(join(x.divisor0().felt(vm), x.divisor1().felt(vm)));
        BigInteger[] qr = dividend.divideAndRemainder(divisor);
        x.quotient0().set(vm, qr[0].and(MASK_128));
        x.quotient1().set(vm, qr[0].shiftRight(128));
        x.remainder0().set(vm, qr[1].and(MASK_128));
        x.remainder1().set(vm, qr[1].shiftRight(128));
      }
      case Uint512DivModByUint256 x -> {
        BigInteger dividend =
            join(x.dividend0().felt(vm), x.dividend1().felt(vm))
                .add(join(x.dividend2().felt(vm), x.dividend3().felt(vm)).shiftLeft(256));
        BigInteger divisor = nonZero(join(x.divisor0().felt(vm), x.divisor1().felt(vm)));
        BigInteger[] qr = dividend.divideAndRemainder(divisor);
        BigInteger q = qr[0];
        x.quotient0().set(vm, q.and(MASK_128));
        x.quotient1().set(vm, q.shiftRight(128).and(MASK_128));
        x.quotient2().set(vm, q.shiftRight(256).and(MASK_128));
        x.quotient3().set(vm, q.shiftRight(384));
        x.remainder0().set(vm, qr[1].and(MASK_128));
        x.remainder1().set(vm, qr[1].shiftRight(128));
      }
      case SquareRoot x -> x.dst().set(vm, x.value().felt(vm).sqrt());
      case Uint256SquareRoot x -> {
        BigInteger value = join(x.valueLow().felt(vm), x.valueHigh().felt(vm));
        BigInteger root = value.sqrt();
        BigInteger rem = value.subtract(root.multiply(root));
        x.sqrt0().set(vm, root.and(TWO_64.subtract(BigInteger.ONE)));
        x.sqrt1().set(vm, root.shiftRight(64));
        x.remainderLow().set(vm, rem.and(MASK_128));
        x.remainderHigh().set(vm, rem.shiftRight(128));
        x.sqrtMul2MinusRemainderGeU128().set(vm, bit(root.shiftLeft(1).subtract(rem).compareTo(TWO_128) >= 0));
      }
      case LinearSplit x -> {
        BigInteger value = x.value().felt(vm), scalar = nonZero(x.scalar().felt(vm)), maxX = x.maxX().felt(vm);
        BigInteger xv = value.divide(scalar).min(maxX);
        x.x().set(vm, xv);
        x.y().set(vm, value.subtract(xv.multiply(scalar)));
      }
      case AllocFelt252Dict x -> {
        // segment_arena_ptr points just past the arena's header triple: [infos base, n_dicts, n_destructed]
        Relocatable arena = x.segmentArenaPtr().address(vm);
        Relocatable infos = vm.memory().getRelocatable(arena.add(-3));
        long n = Field.toSignedLong(vm.memory().getInt(arena.add(-2)), "n_dicts");
        Relocatable dict = temporaryDictSegments && !trackers.isEmpty() ? vm.memory().addTempSegment() : vm.memory().addSegment();
        trackers.put(dict.segment(), new DictTracker(nDicts++));
        vm.memory().write(infos.add(3 * n), dict);
      }
      case Felt252DictEntryInit x -> {
        Relocatable dict = x.dictPtr().address(vm);
        MaybeRelocatable prev = tracker(dict).data.get(x.key().felt(vm));
        vm.memory().write(dict.add(1), prev == null ? IntValue.of(BigInteger.ZERO) : prev);
      }
      case Felt252DictEntryUpdate x -> {
        Relocatable dict = x.dictPtr().address(vm);
        BigInteger key = vm.memory().getInt(dict.add(-3));
        tracker(dict).data.put(key, x.value().value(vm));
      }
      case GetSegmentArenaIndex x -> x.dictIndex().set(vm, BigInteger.valueOf(tracker(x.dictEndPtr().address(vm)).index));
      case InitSquashData x -> {
        accessIndices.clear();
        keys.clear();
        Relocatable base = x.dictAccesses().address(vm);
        long n = Field.toSignedLong(x.nAccesses().felt(vm), "n_accesses");
        for (long i = 0; i < n; i++) {
          BigInteger key = vm.memory().getInt(base.add(3 * i));
          // pushed at the front so the earliest access is popped last: the current index is the deque's tail
          accessIndices.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(BigInteger.valueOf(i));
        }
        if (accessIndices.isEmpty()) throw new VmError("no dict accesses to squash");
        for (BigInteger k : accessIndices.descendingKeySet()) keys.push(k);
        x.bigKeys().set(vm, bit(accessIndices.lastKey().compareTo(TWO_128) >= 0));
        x.firstKey().set(vm, keys.peek());
      }
      case GetCurrentAccessIndex x -> vm.memory().write(x.rangeCheckPtr().address(vm), currentAccesses().peekLast());
      case ShouldSkipSquashLoop x -> x.shouldSkipLoop().set(vm, bit(currentAccesses().size() <= 1));
      case GetCurrentAccessDelta x -> {
        ArrayDeque<BigInteger> acc = currentAccesses();
        BigInteger prev = acc.pollLast();
        BigInteger cur = acc.peekLast();
        if (cur == null) throw new VmError("no further access for the current key");
        x.indexDeltaMinus1().set(vm, cur.subtract(prev).subtract(BigInteger.ONE));
      }
      case ShouldContinueSquashLoop x -> x.shouldContinue().set(vm, bit(currentAccesses().size() > 1));
      case GetNextDictKey x -> {
        accessIndices.remove(keys.pop());
        if (keys.isEmpty()) throw new VmError("no more keys to squash");
        x.nextKey().set(vm, keys.peek());
      }
      case AssertLeFindSmallArcs x -> {
        BigInteger a = x.a().felt(vm), b = x.b().felt(vm);
        BigInteger[][] arcs = {
          {a, BigInteger.ZERO}, {b.subtract(a), BigInteger.ONE}, {Field.P.subtract(BigInteger.ONE).subtract(b), BigInteger.TWO}
        };
        java.util.Arrays.sort(arcs, (l, r) -> l[0].compareTo(r[0]));
        excludedArc = arcs[2][1].intValue();
        Relocatable rc = x.rangeCheckPtr().address(vm);
        BigInteger[] qr0 = arcs[0][0].divideAndRemainder(PRIME_OVER_3_HIGH);
        BigInteger[] qr1 = arcs[1][0].divideAndRemainder(PRIME_OVER_2_HIGH);
        vm.memory().write(rc, qr0[1]);
        vm.memory().write(rc.add(1), qr0[0]);
        vm.memory().write(rc.add(2), qr1[1]);
        vm.memory().write(rc.add(3), qr1[0]);
      }
      case AssertLeIsFirstArcExcluded x -> x.skipExcludeAFlag().set(vm, bit(excluded() != 0));
      case AssertLeIsSecondArcExcluded x -> x.skipExcludeBMinusA().set(vm, bit(excluded() != 1));
      case RandomEcPoint x -> {
        BigInteger[] pt = randomEcPoint();
        x.x().set(vm, pt[0]);
        x.y().set(vm, pt[1]);
      }
      case FieldSqrt x -> x.sqrt().set(vm, fieldSqrt(x.val().felt(vm)));
      case DebugPrint x -> {
        debugOut.print(PanicText.debugText(readFelts(vm, x.start().address(vm), x.end().address(vm))));
        debugOut.flush();
      }
      case AllocConstantSize x -> {
        if (constantSizeNext == null) constantSizeNext = vm.memory().addSegment();
        x.dst().set(vm, constantSizeNext);
        constantSizeNext = constantSizeNext.add(Field.toSignedLong(x.size().felt(vm), "size"));
      }
      case U256InvModN x -> {
        BigInteger b0 = x.b0().felt(vm), b1 = x.b1().felt(vm);
        BigInteger b = join(b0, b1), n = join(x.n0().felt(vm), x.n1().felt(vm));
        BigInteger g = n.gcd(b);
        if (n.equals(BigInteger.ONE)) {
          // every b is invertible mod 1; the Rust runner reports g = 1 with s = b (its limbs as read) and t = 1
          x.sOrR0().set(vm, b0);
          x.sOrR1().set(vm, b1);
          x.tOrK0().set(vm, BigInteger.ONE);
          x.tOrK1().set(vm, BigInteger.ZERO);
          x.g0OrNoInv().set(vm, BigInteger.ONE);
          x.g1Option().set(vm, BigInteger.ZERO);
        } else if (!g.equals(BigInteger.ONE)) {
          // no inverse: a factor g of both (2 when both are even), with b = s·g and n = t·g
          if (!g.testBit(0)) g = BigInteger.TWO;
          BigInteger s = b.divide(g), t = n.divide(g);
          x.g0OrNoInv().set(vm, g.and(MASK_128));
          x.g1Option().set(vm, g.shiftRight(128));
          x.sOrR0().set(vm, s.and(MASK_128));
          x.sOrR1().set(vm, s.shiftRight(128));
          x.tOrK0().set(vm, t.and(MASK_128));
          x.tOrK1().set(vm, t.shiftRight(128));
        } else {
          // the inverse r of b mod n, and k with r·b = 1 + k·n
          BigInteger r = b.modInverse(n);
          BigInteger k = r.multiply(b).subtract(BigInteger.ONE).divide(n);
          x.g0OrNoInv().set(vm, BigInteger.ZERO);
          x.sOrR0().set(vm, r.and(MASK_128));
          x.sOrR1().set(vm, r.shiftRight(128));
          x.tOrK0().set(vm, k.and(MASK_128));
          x.tOrK1().set(vm, k.shiftRight(128));
        }
      }
      case EvalCircuit x -> {
        // The compiler's own Python form of this hint is ModBuiltinRunner.fill_memory over both builtins.
        long nAdd = Field.toSignedLong(x.nAddMods().felt(vm), "n_add_mods");
        long nMul = Field.toSignedLong(x.nMulMods().felt(vm), "n_mul_mods");
        Relocatable addPtr = x.addModBuiltin().address(vm), mulPtr = x.mulModBuiltin().address(vm);
        if (nAdd != 0 || nMul != 0) // an empty circuit has nothing to fill
          ModBuiltin.fillMemory(
              vm.memory(),
              nAdd == 0 ? null : modRunner(vm, addPtr, true),
              addPtr,
              nAdd,
              nMul == 0 ? null : modRunner(vm, mulPtr, false),
              mulPtr,
              nMul);
      }
      case SystemCall x -> {
        if (syscalls == null) throw new VmError("SystemCall with no syscall handler attached");
        syscalls.syscall(vm, x.system().address(vm));
      }
      case AssertCurrentAccessIndicesIsEmpty x -> {}
      case AssertAllAccessesUsed x -> {}
      case AssertAllKeysUsed x -> {}
      case AssertLeAssertThirdArcExcluded x -> {}
      case AssertLtAssertValidInput x -> {}
      case Felt252DictRead x -> {
        Relocatable dict = x.dictPtr().address(vm);
        MaybeRelocatable v = tracker(dict).data.get(x.key().felt(vm));
        x.valueDst().set(vm, v == null ? IntValue.of(BigInteger.ZERO) : v);
      }
      case Felt252DictWrite x -> {
        Relocatable dict = x.dictPtr().address(vm);
        BigInteger key = x.key().felt(vm);
        MaybeRelocatable value = x.value().value(vm);
        DictTracker t = tracker(dict);
        MaybeRelocatable prev = t.data.get(key);
        vm.memory().write(dict.add(1), prev == null ? IntValue.of(BigInteger.ZERO) : prev);
        t.data.put(key, value);
      }
      case AddRelocationRule x -> vm.memory().addRelocationRule(x.src().address(vm), x.dst().address(vm));
      case WriteRunParam x -> {
        long index = Field.toSignedLong(x.index().felt(vm), "index");
        if (index < 0 || index >= userArgs.size())
          throw new VmError("run parameter " + index + " was not given (" + userArgs.size() + " given)");
        writeArgs(vm.memory(), x.dst().address(vm), userArgs.get((int) index));
      }
      case AddMarker x -> markers.add(readFelts(vm, x.start().address(vm), x.end().address(vm)));
      case AddTrace x -> {
        if (x.flag().felt(vm).equals(PANIC_FLAG)) panicTraceback = callChain(vm);
      }
      case NotImplemented x -> throw new VmError("the " + x.name() + " hint is not implemented yet: " + x.json());
    }
  }

  /** 'panic' as a short string. */
  private static final BigInteger PANIC_FLAG = new BigInteger("70616e6963", 16);

  /**
   * Writes {@code args} from {@code at} on: felts in place, each array into a fresh segment as its (start, end)
   * pair. Returns the address past the last cell written at this level.
   */
  public static Relocatable writeArgs(Memory memory, Relocatable at, List<RunArg> args) {
    for (RunArg a : args) {
      switch (a) {
        case RunArg.Value v -> memory.write(at, v.value());
        case RunArg.Array arr -> {
          Relocatable buf = memory.addSegment();
          Relocatable end = writeArgs(memory, buf, arr.items());
          memory.write(at, buf);
          at = at.add(1);
          memory.write(at, end);
        }
      }
      at = at.add(1);
    }
    return at;
  }

  private static List<BigInteger> readFelts(CairoVm vm, Relocatable start, Relocatable end) {
    if (start.segment() != end.segment() || end.offset() < start.offset())
      throw new VmError("bad felt range [" + start + ", " + end + ")");
    List<BigInteger> out = new ArrayList<>((int) (end.offset() - start.offset()));
    for (Relocatable p = start; p.offset() < end.offset(); p = p.add(1)) out.add(vm.memory().getInt(p));
    return out;
  }

  /**
   * The call chain at the current pc, outermost call first: (pc, fp) here, then for each frame the call instruction
   * that entered it (one or two words before the return pc) with the caller's fp — the Rust runner's walk.
   */
  private static List<Relocatable[]> callChain(CairoVm vm) {
    List<Relocatable[]> chain = new ArrayList<>();
    Relocatable fp = vm.fp();
    chain.add(new Relocatable[] {vm.pc(), fp});
    Memory m = vm.memory();
    while (fp.offset() >= 2) {
      if (!(m.get(fp.add(-1)) instanceof Relocatable retPc) || !(m.get(fp.add(-2)) instanceof Relocatable retFp)) break;
      if (retFp.equals(fp)) break;
      fp = retFp;
      Relocatable call = callAt(m, retPc, 1);
      if (call == null) call = callAt(m, retPc, 2);
      if (call == null) break;
      chain.add(new Relocatable[] {call, fp});
    }
    java.util.Collections.reverse(chain);
    return List.copyOf(chain);
  }

  private static Relocatable callAt(Memory m, Relocatable retPc, int back) {
    if (retPc.offset() < back) return null;
    Relocatable at = retPc.add(-back);
    if (!(m.get(at) instanceof IntValue i) || i.value().bitLength() > 64) return null;
    long w = i.value().longValue();
    return (w & 0x7000_0000_0000_0000L) == 0x1000_0000_0000_0000L ? at : null;
  }

  private static ModBuiltin modRunner(CairoVm vm, Relocatable ptr, boolean add) {
    String want = add ? "add_mod" : "mul_mod";
    if (vm.builtinAt(ptr.segment()) instanceof ModBuiltin b && b.isAddMod() == add) return b;
    throw new VmError(want + "_builtin pointer " + ptr + " is not in the " + want + " builtin's segment");
  }

  private int excluded() {
    if (excludedArc < 0) throw new VmError("no excluded arc: AssertLeFindSmallArcs has not run");
    return excludedArc;
  }

  private ArrayDeque<BigInteger> currentAccesses() {
    BigInteger k = keys.peek();
    if (k == null) throw new VmError("no current dict key (InitSquashData has not run)");
    return accessIndices.get(k);
  }

  private DictTracker tracker(Relocatable dict) {
    DictTracker t = trackers.get(dict.segment());
    if (t == null) throw new VmError("no Felt252Dict at " + dict);
    return t;
  }

  static BigInteger bit(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  private static BigInteger u128(BigInteger v, String what) {
    if (v.compareTo(TWO_128) >= 0) throw new VmError(what + " " + v + " is not a u128");
    return v;
  }

  private static BigInteger nonZero(BigInteger v) {
    if (v.signum() == 0) throw new VmError("division by zero");
    return v;
  }

  /** low + high·2^128 (a sum, as the Rust runner computes it, even for out-of-range limbs). */
  private static BigInteger join(BigInteger low, BigInteger high) {
    return low.add(high.shiftLeft(128));
  }

  /** sqrt(v) if v is a square, else sqrt(3v) (3 is a non-residue); the smaller of the two roots. */
  static BigInteger fieldSqrt(BigInteger v) {
    Felt f = Felt.of(v);
    Felt r = f.isSquare() ? f.sqrt() : f.mul(Felt.of(3)).sqrt();
    return r.toBigInteger();
  }

  private BigInteger[] randomEcPoint() {
    BigInteger p = Field.P;
    while (true) {
      BigInteger x = new BigInteger(252, random).mod(p);
      BigInteger y2 = x.modPow(BigInteger.valueOf(3), p).add(ALPHA.multiply(x)).add(BETA).mod(p);
      Felt y = Felt.of(y2).sqrt();
      if (y != null) return new BigInteger[] {x, y.toBigInteger()};
    }
  }

  /** The Felt252Dict trackers' contents (tests, debugging): dict segment → key → value. */
  public Map<Integer, Map<BigInteger, MaybeRelocatable>> dicts() {
    Map<Integer, Map<BigInteger, MaybeRelocatable>> m = new HashMap<>();
    for (Map.Entry<Integer, DictTracker> e : trackers.entrySet()) m.put(e.getKey(), Map.copyOf(e.getValue().data));
    return m;
  }

}
