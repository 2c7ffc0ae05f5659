package io.cairn.vm.core;

import io.cairn.vm.builtins.BuiltinRunner;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Cairo CPU: registers, decode cache and the step function (CAIRO.md §4; CL {@code vm_core.py}).
 *
 * <p>Operands live in a scratch {@code long[]} in the memory cell format (four limbs; for addresses segment and
 * offset) so a step allocates nothing. Benchmark before refactoring {@link #runUntil}.
 */
public final class CairoVm {
  private static final int DST = 0, OP0 = 4, OP1 = 8, RES = 12, T0 = 16, T1 = 20;

  private final Memory memory;
  private final Program program;
  private final int programSegment;
  private final HintRunner hintRunner;
  /** Compiled hints by program offset. */
  private final Object[][] hintsByPc;
  /** Decoded and validated instruction words by program offset; 0 = not decoded yet. */
  private final long[] decodeCache;
  /**
   * Code loaded at run time into other segments (see {@link #registerCode}): compiled hints and decode caches by
   * segment index, null where none; empty until something is loaded, so the main program's path is unchanged.
   */
  private Object[][][] codeHints = new Object[0][][];
  private long[][] codeDecode = new long[0][];
  private final long[] v = new long[24];
  private final boolean[] rel = new boolean[6];
  private final BuiltinRunner[] builtinBySegment;

  public int pcSeg, apSeg, fpSeg;
  public long pcOff, apOff, fpOff;
  private long steps;

  private final boolean traceEnabled;
  private long[] trace = new long[0];

  public CairoVm(
      Memory memory,
      Program program,
      int programSegment,
      HintRunner hintRunner,
      Object[][] hintsByPc,
      List<BuiltinRunner> builtins,
      boolean traceEnabled) {
    this(memory, program, programSegment, hintRunner, hintsByPc, builtins, traceEnabled, new long[program.size()]);
  }

  /**
   * As above, with a decode cache the caller keeps between runs of the same bytecode (indexed by program offset, 0
   * = not decoded yet; decoding is deterministic, so runs may share it).
   */
  public CairoVm(
      Memory memory,
      Program program,
      int programSegment,
      HintRunner hintRunner,
      Object[][] hintsByPc,
      List<BuiltinRunner> builtins,
      boolean traceEnabled,
      long[] decodeCache) {
    this.memory = memory;
    this.program = program;
    this.programSegment = programSegment;
    this.hintRunner = hintRunner;
    this.hintsByPc = hintsByPc;
    if (decodeCache.length < program.size()) throw new IllegalArgumentException("decode cache shorter than the program");
    this.decodeCache = decodeCache;
    this.traceEnabled = traceEnabled;
    if (traceEnabled) trace = new long[3 * 1024];
    int max = 0;
    for (BuiltinRunner b : builtins) max = Math.max(max, b.base().segment() + 1);
    builtinBySegment = new BuiltinRunner[max];
    for (BuiltinRunner b : builtins) builtinBySegment[b.base().segment()] = b;
  }

  public Memory memory() {
    return memory;
  }

  public Program program() {
    return program;
  }

  public long steps() {
    return steps;
  }

  public Relocatable pc() {
    return new Relocatable(pcSeg, pcOff);
  }

  public Relocatable ap() {
    return new Relocatable(apSeg, apOff);
  }

  public Relocatable fp() {
    return new Relocatable(fpSeg, fpOff);
  }

  public void setRegisters(Relocatable pc, Relocatable ap, Relocatable fp) {
    pcSeg = pc.segment();
    pcOff = pc.offset();
    apSeg = ap.segment();
    apOff = ap.offset();
    fpSeg = fp.segment();
    fpOff = fp.offset();
  }

  /** Sets ap (hints such as {@code ap += n} in tests); normal execution never calls it. */
  public void setAp(Relocatable ap) {
    apSeg = ap.segment();
    apOff = ap.offset();
  }

  /** The trace as (pc, ap, fp) triples, each packed as {@code segment << 40 | offset}; length = 3·steps. */
  public long[] rawTrace() {
    if (!traceEnabled) return null;
    if (trace.length != 3 * steps) trace = Arrays.copyOf(trace, (int) (3 * steps));
    return trace;
  }

  /** Hands the trace array over (for in-place relocation); the VM must not step afterwards. */
  public long[] takeTrace() {
    long[] t = rawTrace();
    trace = new long[0];
    return t;
  }

  public boolean traceEnabled() {
    return traceEnabled;
  }

  public static int traceSegment(long packed) {
    return (int) (packed >>> 40);
  }

  public static long traceOffset(long packed) {
    return packed & ((1L << 40) - 1);
  }

  /**
   * Registers code loaded at run time into {@code segment} (e.g. a contract's bytecode the OS loads and calls): its
   * hints, compiled for this VM's hint runner and indexed by offset in the segment, run when pc is there. {@code
   * decodeCache} (may be null) caches decoded instructions of that segment and may be shared between runs.
   */
  public void registerCode(int segment, Object[][] hints, long[] decodeCache) {
    if (segment < 0 || segment == programSegment)
      throw new IllegalArgumentException("cannot register code in segment " + segment);
    if (segment >= codeHints.length) {
      codeHints = Arrays.copyOf(codeHints, segment + 1);
      codeDecode = Arrays.copyOf(codeDecode, segment + 1);
    }
    if (codeHints[segment] != null || codeDecode[segment] != null)
      throw new IllegalArgumentException("segment " + segment + " already holds registered code");
    codeHints[segment] = hints == null ? new Object[0][] : hints;
    codeDecode[segment] = decodeCache;
  }

  public BuiltinRunner builtinAt(int segment) {
    return segment >= 0 && segment < builtinBySegment.length ? builtinBySegment[segment] : null;
  }

  /**
   * Runs until pc reaches (endSeg, endOff) or maxSteps steps have run in total. Returns true when the end was
   * reached.
   */
  public boolean runUntil(int endSeg, long endOff, long maxSteps) {
    while (pcOff != endOff || pcSeg != endSeg) {
      if (steps >= maxSteps) return false;
      step();
    }
    return true;
  }

  /** Runs exactly n more steps. */
  public void runSteps(long n) {
    for (long i = 0; i < n; i++) step();
  }

  /** One step: hints at pc, then the instruction. */
  public void step() {
    int pcs = pcSeg;
    long pco = pcOff;
    if (pcs == programSegment) {
      if (pco < hintsByPc.length) {
        Object[] hs = hintsByPc[(int) pco];
        if (hs != null) runHints(hs);
      }
    } else if (pcs >= 0 && pcs < codeHints.length) {
      Object[][] t = codeHints[pcs];
      if (t != null && pco < t.length) {
        Object[] hs = t[(int) pco];
        if (hs != null) runHints(hs);
      }
    }
    long enc = fetch(pcs, pco);
    try {
      execute(enc);
    } catch (VmException e) {
      throw e;
    } catch (VmError | ArithmeticException e) {
      throw error(e.getMessage(), e);
    }
  }

  private void runHints(Object[] hs) {
    for (Object h : hs) {
      try {
        hintRunner.run(this, h);
      } catch (VmException e) {
        throw e;
      } catch (RuntimeException e) {
        if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) throw e;
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        throw error("Got an exception while executing a hint: " + m, e);
      }
    }
  }

  private long fetch(int pcs, long pco) {
    if (pcs == programSegment) {
      if (pco < decodeCache.length) {
        long c = decodeCache[(int) pco];
        if (c != 0) return c;
      }
    } else if (pcs >= 0 && pcs < codeDecode.length && codeDecode[pcs] != null && pco < codeDecode[pcs].length) {
      long c = codeDecode[pcs][(int) pco];
      if (c != 0) return c;
    }
    return decode(pcs, pco);
  }

  /** Reads, validates and caches the instruction at (pcs, pco): the slow path of {@link #fetch}. */
  private long decode(int pcs, long pco) {
    long[] a = memory.cells(pcs);
    long idx = pco * 4;
    if (pco < 0 || idx + 3 >= a.length || a[(int) idx + 3] >= 0)
      throw error("Unknown value for memory cell at address " + pcs + ":" + pco + ".", null);
    int i = (int) idx;
    long l3 = a[i + 3];
    if ((l3 & Memory.RELOC) != 0) throw error("Instruction should be an int. Found: " + pcs + ":" + pco, null);
    l3 &= Memory.LIMB3_MASK;
    long l0 = a[i], l1 = a[i + 1], l2 = a[i + 2];
    if ((l1 | l2 | l3) != 0 || l0 < 0) {
      throw error(
          "unsupported opcode extension at pc "
              + pcs
              + ":"
              + pco
              + ": instruction 0x"
              + Field.toBig(new long[] {l0, l1, l2, l3}, 0).toString(16)
              + " uses bits 63 and up (Blake/QM31 extensions are Stwo-only)",
          null);
    }
    String bad = Instruction.validate(l0);
    if (bad != null) throw error(bad, null);
    long[] cache = pcs == programSegment ? decodeCache : pcs >= 0 && pcs < codeDecode.length ? codeDecode[pcs] : null;
    if (cache != null && pco < cache.length) cache[(int) pco] = l0;
    return l0;
  }

  // ---------------------------------------------------------------------------------------------
  // Execution (CL vm_core.compute_operands / opcode_assertions / update_registers)

  private void execute(long e) {
    final long[] v = this.v;
    final int f = Instruction.flags(e);
    final boolean isCall = (f & (1 << Instruction.CALL)) != 0;
    final boolean isAssert = (f & (1 << Instruction.ASSERT_EQ)) != 0;
    final int size = (f & (1 << Instruction.OP1_IMM)) != 0 ? 2 : 1;
    final int resKind = (f >> Instruction.RES_ADD) & 3; // 0 op1/unconstrained, 1 add, 2 mul
    final boolean jnz = (f & (1 << Instruction.PC_JNZ)) != 0;

    int dstSeg;
    long dstOff;
    if ((f & 1) != 0) {
      dstSeg = fpSeg;
      dstOff = fpOff + Instruction.off0(e);
    } else {
      dstSeg = apSeg;
      dstOff = apOff + Instruction.off0(e);
    }
    int op0Seg;
    long op0Off;
    if ((f & 2) != 0) {
      op0Seg = fpSeg;
      op0Off = fpOff + Instruction.off1(e);
    } else {
      op0Seg = apSeg;
      op0Off = apOff + Instruction.off1(e);
    }
    boolean hasDst = load(dstSeg, dstOff, DST);
    boolean hasOp0 = load(op0Seg, op0Off, OP0);
    int op1Seg;
    long op1Off;
    int off2 = Instruction.off2(e);
    switch ((f >> Instruction.OP1_IMM) & 7) {
      case 1 -> {
        if (off2 != 1) throw new VmError("In immediate mode, off2 should be 1.");
        op1Seg = pcSeg;
        op1Off = pcOff + 1;
      }
      case 2 -> {
        op1Seg = fpSeg;
        op1Off = fpOff + off2;
      }
      case 4 -> {
        op1Seg = apSeg;
        op1Off = apOff + off2;
      }
      default -> {
        if (!hasOp0) throw new VmError("op0 must be known in double dereference.");
        if (!rel[OP0 >> 2])
          throw new VmError("Expected memory address to be relocatable value. Found: " + value(OP0) + ".");
        op1Seg = (int) v[OP0];
        op1Off = v[OP0 + 1] + off2;
      }
    }
    boolean hasOp1 = load(op1Seg, op1Off, OP1);
    boolean hasRes = false;

    if (!hasOp0) hasOp0 = deduceCell(op0Seg, op0Off, OP0);
    if (!hasOp1) hasOp1 = deduceCell(op1Seg, op1Off, OP1);
    boolean updDst = !hasDst, updOp0 = !hasOp0, updOp1 = !hasOp1;

    if (!hasOp0) {
      if (isCall) {
        setRel(OP0, pcSeg, pcOff + size);
        hasOp0 = true;
      } else if (isAssert) {
        if (resKind == 1 && hasDst && hasOp1) {
          sub(DST, OP1, OP0);
          copy(DST, RES);
          hasOp0 = hasRes = true;
        } else if (resKind == 2 && hasDst && hasOp1 && !rel[DST >> 2] && !rel[OP1 >> 2]) {
          if (Field.isZero(v, OP1))
            throw new VmError(
                "Cannot deduce operand in '0 = ? * " + value(DST) + "' (possibly due to division by 0).");
          Field.div(v, DST, v, OP1, v, OP0);
          rel[OP0 >> 2] = false;
          copy(DST, RES);
          hasOp0 = hasRes = true;
        }
      }
    }
    if (!hasOp1 && isAssert) {
      if (resKind == 0 && hasDst) {
        copy(DST, OP1);
        if (!hasRes) copy(DST, RES);
        hasOp1 = hasRes = true;
      } else if (resKind == 1 && hasDst && hasOp0) {
        sub(DST, OP0, OP1);
        if (!hasRes) copy(DST, RES);
        hasOp1 = hasRes = true;
      } else if (resKind == 2 && hasDst && hasOp0 && !rel[DST >> 2] && !rel[OP0 >> 2] && !Field.isZero(v, OP0)) {
        Field.div(v, DST, v, OP0, v, OP1);
        rel[OP1 >> 2] = false;
        if (!hasRes) copy(DST, RES);
        hasOp1 = hasRes = true;
      }
    }
    if (!hasOp0) throw unknown(op0Seg, op0Off);
    if (!hasOp1) throw unknown(op1Seg, op1Off);
    if (!hasRes) {
      switch (resKind) {
        case 0 -> {
          if (!jnz) {
            copy(OP1, RES);
            hasRes = true;
          }
        }
        case 1 -> {
          add(OP0, OP1, RES);
          hasRes = true;
        }
        default -> {
          if (rel[OP0 >> 2] || rel[OP1 >> 2])
            throw new VmError("Operation * is not supported between " + value(OP0) + " and " + value(OP1));
          Field.mul(v, OP0, v, OP1, v, RES);
          rel[RES >> 2] = false;
          hasRes = true;
        }
      }
    }
    if (!hasDst) {
      if (isAssert && hasRes) {
        copy(RES, DST);
        hasDst = true;
      } else if (isCall) {
        setRel(DST, fpSeg, fpOff);
        hasDst = true;
      }
    }
    if (!hasDst) throw unknown(dstSeg, dstOff);
    if (updDst) store(dstSeg, dstOff, DST);
    if (updOp0) store(op0Seg, op0Off, OP0);
    if (updOp1) store(op1Seg, op1Off, OP1);

    // opcode assertions
    if (isAssert) {
      if (!hasRes) throw new VmError("Res.UNCONSTRAINED cannot be used with Opcode.ASSERT_EQ");
      if (!same(DST, RES))
        throw new VmError("An ASSERT_EQ instruction failed: " + value(DST) + " != " + value(RES) + ".");
    } else if (isCall) {
      setRel(T0, pcSeg, pcOff + size);
      if (!same(OP0, T0))
        throw new VmError(
            "Call failed to write return-pc (inconsistent op0): "
                + value(OP0)
                + " != "
                + value(T0)
                + ". Did you forget to increment ap?");
      setRel(T1, fpSeg, fpOff);
      if (!same(DST, T1))
        throw new VmError(
            "Call failed to write return-fp (inconsistent dst): "
                + value(DST)
                + " != "
                + value(T1)
                + ". Did you forget to increment ap?");
    }

    if (traceEnabled) {
      int t = (int) (3 * steps);
      if (t + 3 > trace.length) trace = Arrays.copyOf(trace, trace.length * 2);
      trace[t] = ((long) pcSeg << 40) | pcOff;
      trace[t + 1] = ((long) apSeg << 40) | apOff;
      trace[t + 2] = ((long) fpSeg << 40) | fpOff;
    }
    memory.markAccessed(dstSeg, dstOff);
    memory.markAccessed(op0Seg, op0Off);
    memory.markAccessed(op1Seg, op1Off);
    memory.markAccessed(pcSeg, pcOff);

    // register updates: fp, ap, then pc
    int newFpSeg = fpSeg;
    long newFpOff = fpOff;
    if (isCall) {
      newFpSeg = apSeg;
      newFpOff = apOff + 2;
    } else if ((f & (1 << Instruction.RET)) != 0) {
      if (!rel[DST >> 2]) throw new VmError("Cannot set fp to a non-address value " + value(DST) + " (ret).");
      newFpSeg = (int) v[DST];
      newFpOff = v[DST + 1];
    }
    switch ((f >> Instruction.AP_ADD) & 3) {
      case 1 -> {
        if (!hasRes) throw new VmError("Res.UNCONSTRAINED cannot be used with ApUpdate.ADD");
        if (rel[RES >> 2]) throw new VmError("Cannot add a relocatable value to ap: " + value(RES));
        long d = smallOf(RES, "ap += ");
        apOff += d;
        if (apOff < 0) throw new VmError("ap became negative");
      }
      case 2 -> apOff += 1;
      default -> {
        if (isCall) apOff += 2;
      }
    }
    fpSeg = newFpSeg;
    fpOff = newFpOff;
    switch ((f >> Instruction.PC_ABS) & 7) {
      case 0 -> pcOff += size;
      case 1 -> {
        if (!hasRes) throw new VmError("Res.UNCONSTRAINED cannot be used with PcUpdate.JUMP");
        if (!rel[RES >> 2]) throw new VmError("Cannot jump to a non-address value " + value(RES) + ".");
        pcSeg = (int) v[RES];
        pcOff = v[RES + 1];
      }
      case 2 -> {
        if (!hasRes) throw new VmError("Res.UNCONSTRAINED cannot be used with PcUpdate.JUMP_REL");
        if (rel[RES >> 2]) throw new VmError("Operation jmp rel is not supported for " + value(RES) + ".");
        pcOff += smallOf(RES, "jmp rel");
      }
      default -> {
        boolean zero;
        if (rel[DST >> 2]) zero = false;
        else zero = Field.isZero(v, DST);
        if (zero) pcOff += size;
        else {
          if (rel[OP1 >> 2]) throw new VmError("Operation jnz is not supported with a relocatable op1 " + value(OP1));
          pcOff += smallOf(OP1, "jnz offset");
        }
      }
    }
    if (pcOff < 0) throw new VmError("pc became negative");
    steps++;
  }

  private long smallOf(int slot, String what) {
    long x = Field.signedSmall(v[slot], v[slot + 1], v[slot + 2], v[slot + 3]);
    if (x == Long.MIN_VALUE) throw new VmError(what + " value out of range: " + value(slot));
    return x;
  }

  private boolean load(int seg, long off, int slot) {
    if (off < 0) throw new VmError("negative address offset " + seg + ":" + off);
    long[] a;
    if (seg >= 0) {
      if (seg >= memory.segmentCount()) throw new VmError("unknown segment " + seg);
      a = memory.cells(seg);
    } else a = memory.cells(seg);
    long idx = off * 4;
    if (idx + 3 >= a.length) return false;
    int i = (int) idx;
    long l3 = a[i + 3];
    if (l3 >= 0) return false;
    v[slot] = a[i];
    v[slot + 1] = a[i + 1];
    v[slot + 2] = a[i + 2];
    v[slot + 3] = l3 & Memory.LIMB3_MASK;
    boolean r = (l3 & Memory.RELOC) != 0;
    rel[slot >> 2] = r;
    if (r && v[slot] < 0 && memory.hasRelocationRules()) {
      // values pointing into a temporary segment read as their relocated address once a rule exists (CL memory_dict)
      Relocatable to = memory.relocateAddress((int) v[slot], v[slot + 1]);
      v[slot] = to.segment();
      v[slot + 1] = to.offset();
    }
    return true;
  }

  private boolean deduceCell(int seg, long off, int slot) {
    BuiltinRunner b = builtinAt(seg);
    if (b == null) return false;
    MaybeRelocatable d = b.deduce(memory, (int) off);
    if (d == null) return false;
    setValue(slot, d);
    // a deduced cell is written to memory, as cairo-lang's deduce_memory_cell does (the prover's trace reads it)
    store(seg, off, slot);
    return true;
  }

  private void store(int seg, long off, int slot) {
    if (rel[slot >> 2]) memory.writeRelocatable(seg, off, (int) v[slot], v[slot + 1]);
    else memory.writeFelt(seg, off, v[slot], v[slot + 1], v[slot + 2], v[slot + 3]);
  }

  private void setRel(int slot, int seg, long off) {
    v[slot] = seg;
    v[slot + 1] = off;
    v[slot + 2] = 0;
    v[slot + 3] = 0;
    rel[slot >> 2] = true;
  }

  private void copy(int from, int to) {
    v[to] = v[from];
    v[to + 1] = v[from + 1];
    v[to + 2] = v[from + 2];
    v[to + 3] = v[from + 3];
    rel[to >> 2] = rel[from >> 2];
  }

  private boolean same(int a, int b) {
    return rel[a >> 2] == rel[b >> 2]
        && v[a] == v[b]
        && v[a + 1] == v[b + 1]
        && v[a + 2] == v[b + 2]
        && v[a + 3] == v[b + 3];
  }

  private void add(int a, int b, int r) {
    boolean ra = rel[a >> 2], rb = rel[b >> 2];
    if (!ra && !rb) {
      Field.add(v, a, v, b, v, r);
      rel[r >> 2] = false;
    } else if (ra && rb) {
      throw new VmError("Cannot add two relocatable values: " + value(a) + " + " + value(b) + ".");
    } else {
      int rs = ra ? a : b, is = ra ? b : a;
      long d = Field.signedSmall(v[is], v[is + 1], v[is + 2], v[is + 3]);
      if (d == Long.MIN_VALUE || v[rs + 1] + d < 0)
        throw new VmError("Address offset out of range: " + value(rs) + " + " + value(is));
      setRel(r, (int) v[rs], v[rs + 1] + d);
    }
  }

  private void sub(int a, int b, int r) {
    boolean ra = rel[a >> 2], rb = rel[b >> 2];
    if (!ra && !rb) {
      Field.sub(v, a, v, b, v, r);
      rel[r >> 2] = false;
    } else if (ra && rb) {
      if (v[a] != v[b])
        throw new VmError("Can only subtract two relocatable values of the same segment: " + value(a) + " - " + value(b));
      long d = v[a + 1] - v[b + 1];
      if (d >= 0) {
        v[r] = d;
        v[r + 1] = v[r + 2] = v[r + 3] = 0;
      } else Field.fromBig(java.math.BigInteger.valueOf(d), v, r);
      rel[r >> 2] = false;
    } else if (ra) {
      long d = Field.signedSmall(v[b], v[b + 1], v[b + 2], v[b + 3]);
      if (d == Long.MIN_VALUE || v[a + 1] - d < 0)
        throw new VmError("Address offset out of range: " + value(a) + " - " + value(b));
      setRel(r, (int) v[a], v[a + 1] - d);
    } else {
      throw new VmError("Cannot subtract a relocatable value from an integer: " + value(a) + " - " + value(b));
    }
  }

  private MaybeRelocatable value(int slot) {
    if (rel[slot >> 2]) return new Relocatable((int) v[slot], v[slot + 1]);
    return IntValue.of(Field.toBig(v, slot));
  }

  private void setValue(int slot, MaybeRelocatable m) {
    switch (m) {
      case Relocatable r -> setRel(slot, r.segment(), r.offset());
      case IntValue i -> {
        Field.fromBig(i.value(), v, slot);
        rel[slot >> 2] = false;
      }
    }
  }

  private VmError unknown(int seg, long off) {
    return new VmError("Unknown value for memory cell at address " + seg + ":" + off + ".");
  }

  // ---------------------------------------------------------------------------------------------
  // Errors with location and traceback (CL virtual_machine_base.as_vm_exception)

  /** Wraps a failure at the current pc with the source location, error_message attributes and a traceback. */
  public VmException error(String inner, Throwable cause) {
    StringBuilder sb = new StringBuilder();
    Program.Location loc = pcSeg == programSegment ? program.location((int) pcOff) : null;
    if (loc != null) sb.append(loc).append(": ");
    sb.append("Error at pc=").append(pcSeg).append(':').append(pcOff).append(":\n");
    sb.append(inner);
    for (Program.Attribute a : program.attributes()) {
      if ("error_message".equals(a.name()) && pcSeg == programSegment && a.startPc() <= pcOff && pcOff < a.endPc())
        sb.append("\nError message: ").append(a.value());
    }
    List<Long> tb = traceback();
    if (!tb.isEmpty()) {
      sb.append("\nCairo traceback (most recent call last):");
      for (int i = tb.size() - 1; i >= 0; i--) {
        long pc = tb.get(i);
        // Like cairo-run, the with_attr messages around each call site are part of the traceback.
        for (Program.Attribute a : program.attributes())
          if ("error_message".equals(a.name()) && a.startPc() <= pc && pc < a.endPc())
            sb.append("\nError message: ").append(a.value());
        Program.Location l = program.location((int) pc);
        sb.append('\n').append(l == null ? "Unknown location" : l.toString()).append(": (pc=")
            .append(programSegment).append(':').append(pc).append(')');
      }
    }
    return new VmException(sb.toString(), pcOff, inner, cause);
  }

  /** Call-site pcs walking the fp chain, innermost first. */
  public List<Long> traceback() {
    List<Long> out = new ArrayList<>();
    int fs = fpSeg;
    long fo = fpOff;
    for (int i = 0; i < 20 && fo >= 2; i++) {
      MaybeRelocatable oldFp = memory.get(fs, fo - 2);
      MaybeRelocatable retPc = memory.get(fs, fo - 1);
      if (!(oldFp instanceof Relocatable ofp) || !(retPc instanceof Relocatable rpc)) break;
      if (rpc.segment() != programSegment) break;
      long callPc = -1;
      if (isCall(memory.get(programSegment, rpc.offset() - 1), null)) callPc = rpc.offset() - 1;
      else if (isCall(memory.get(programSegment, rpc.offset() - 2), memory.get(programSegment, rpc.offset() - 1)))
        callPc = rpc.offset() - 2;
      if (callPc < 0) break;
      out.add(callPc);
      fs = ofp.segment();
      fo = ofp.offset();
    }
    return out;
  }

  private static boolean isCall(MaybeRelocatable word, MaybeRelocatable imm) {
    if (!(word instanceof IntValue iv) || iv.value().bitLength() > 63) return false;
    long e = iv.value().longValue();
    if (Instruction.validate(e) != null) return false;
    if (Instruction.flag(e, Instruction.OP1_IMM) && !(imm instanceof IntValue)) return false;
    int f = Instruction.flags(e);
    boolean jump = Instruction.flag(e, Instruction.PC_ABS) || Instruction.flag(e, Instruction.PC_REL);
    return Instruction.flag(e, Instruction.CALL) && jump && ((f >> Instruction.RES_ADD) & 3) == 0;
  }
}
