package io.cairn.vm.runner;

import io.cairn.vm.builtins.Builtins;
import io.cairn.vm.builtins.BuiltinRunner;
import io.cairn.vm.builtins.BuiltinRunner.InsufficientAllocatedCells;
import io.cairn.vm.builtins.OutputBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.core.HintRunner;
import io.cairn.vm.core.Instruction;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a program from {@code main} (or {@code __start__} in proof mode) to its end, then ends the run, reads the
 * builtin stop pointers, finalizes segments and relocates (CAIRO.md §5–6; CL {@code cairo_runner.py},
 * {@code cairo_run.py}).
 */
public final class CairoRunner {
  private final Program program;
  private final RunConfig config;
  private final Layout layout;
  private final Memory memory = new Memory();
  private final List<SimpleBuiltin> builtins = new ArrayList<>();
  private final HintRunner hints;
  private Relocatable programBase, executionBase, end;
  private CairoVm vm;
  private final List<Long> executionPublicMemory = new ArrayList<>();
  private boolean ended;
  /** segment → finalized size (proof mode), -1 when not finalized. */
  private long[] finalizedSizes;
  /** segment → public offsets and pages (after finalization). */
  private final Map<Integer, long[][]> publicOffsets = new LinkedHashMap<>();
  private long originalSteps;
  /** The mod builtins' zero segment, or -1. */
  private int zeroSegment = -1;

  public CairoRunner(Program program, RunConfig config, HintRunner hints) {
    this.program = program;
    this.config = config;
    this.layout = config.layout();
    this.hints = hints == null ? HintRunner.NONE : hints;
    List<String> progBuiltins = program.builtins();
    if (!config.proofMode()) {
      for (String b : progBuiltins) {
        if (layout.builtin(b) == null)
          throw new IllegalArgumentException(
              "Builtins [" + b + "] are not present in layout \"" + layout.name() + "\"");
      }
    }
    int last = -1;
    for (String b : progBuiltins) {
      int i = Layout.ALL_BUILTINS.indexOf(b);
      if (i <= last)
        throw new IllegalArgumentException(
            "The builtins specified by the %builtins directive must be subsequence of "
                + Layout.ALL_BUILTINS
                + ". Got "
                + progBuiltins
                + ".");
      last = i;
    }
    for (Layout.BuiltinDef d : layout.builtins()) {
      boolean included = progBuiltins.contains(d.name());
      if (included || config.proofMode()) builtins.add(Builtins.create(d, included));
    }
  }

  public Program program() {
    return program;
  }

  public Memory memory() {
    return memory;
  }

  public CairoVm vm() {
    return vm;
  }

  public Layout layout() {
    return layout;
  }

  public RunConfig config() {
    return config;
  }

  public List<SimpleBuiltin> builtins() {
    return builtins;
  }

  public SimpleBuiltin builtin(String name) {
    for (SimpleBuiltin b : builtins) if (b.name().equals(name)) return b;
    return null;
  }

  public Relocatable programBase() {
    return programBase;
  }

  public Relocatable executionBase() {
    return executionBase;
  }

  /** Steps taken before padding. */
  public long originalSteps() {
    return originalSteps;
  }

  /** Sets up segments, the entry frame and the VM; compiles every hint. */
  public void initialize() {
    programBase = memory.addSegment();
    executionBase = memory.addSegment();
    for (SimpleBuiltin b : builtins) b.initializeSegments(memory);
    List<MaybeRelocatable> stack = new ArrayList<>();
    for (String name : program.builtins()) {
      SimpleBuiltin b = builtin(name);
      if (b == null) stack.add(MaybeRelocatable.of(0));
      else stack.addAll(b.initialStack());
    }
    Relocatable pc, ap;
    if (config.proofMode()) {
      List<MaybeRelocatable> full = new ArrayList<>();
      full.add(executionBase.add(2));
      full.add(MaybeRelocatable.of(0));
      full.addAll(stack);
      stack = full;
      for (int i = 0; i < stack.size(); i++) executionPublicMemory.add((long) i);
      int start = program.labelPc(program.mainScope() + ".__start__");
      int endPc = program.labelPc(program.mainScope() + ".__end__");
      if (start < 0 || endPc < 0)
        throw new IllegalArgumentException(
            program.name() + ": --proof-mode needs a program compiled with --proof_mode (missing __start__/__end__)");
      pc = programBase.add(start);
      ap = executionBase.add(2);
      end = programBase.add(endPc);
    } else {
      Relocatable returnFp = memory.addSegment();
      end = memory.addSegment();
      stack.add(returnFp);
      stack.add(end);
      pc = programBase.add(program.mainPc());
      ap = executionBase.add(stack.size());
    }
    // CL initialize_zero_segment: the mod builtins share one segment of zeros, added after the entry frame
    Relocatable zeros = null;
    for (SimpleBuiltin b : builtins) {
      if (b instanceof io.cairn.vm.builtins.ModBuiltin mb) {
        if (zeros == null) {
          zeros = memory.addSegment();
          for (int i = 0; i < io.cairn.vm.builtins.ModBuiltin.ZERO_SEGMENT_SIZE; i++) memory.write(zeros.add(i), 0);
          zeroSegment = zeros.segment();
        }
        mb.setZeroValue(zeros);
      }
    }
    for (int i = 0; i < program.size(); i++) memory.write(programBase.add(i), program.word(i));
    for (int i = 0; i < stack.size(); i++) memory.write(executionBase.add(i), stack.get(i));
    for (int i = 0; i < program.size(); i++) memory.markAccessed(programBase.segment(), i);
    if (hints instanceof io.cairn.vm.hints.HintProcessor hp) hp.attachBuiltins(builtins);
    Object[][] compiled = new Object[program.size()][];
    for (Map.Entry<Integer, List<Program.HintSpec>> e : program.hints().entrySet()) {
      int at = e.getKey();
      if (at < 0 || at >= program.size()) throw new IllegalArgumentException(program.name() + ": hint at pc " + at + " is outside the program");
      Object[] hs = new Object[e.getValue().size()];
      for (int i = 0; i < hs.length; i++) hs[i] = hints.compile(program, e.getValue().get(i), at);
      compiled[at] = hs;
    }
    List<BuiltinRunner> bl = new ArrayList<>(builtins);
    vm =
        new CairoVm(
            memory, program, programBase.segment(), hints, compiled, bl, config.traceEnabled() || config.proofMode());
    vm.setRegisters(pc, ap, ap);
  }

  /**
   * Runs to the end (plus the {@code __end__} step in proof mode), ends the run (padding in proof mode), reads the
   * return values and finalizes segments. Throws {@link VmError} when the program fails.
   */
  public void run() {
    if (vm == null) initialize();
    long budget = config.maxSteps() == Long.MAX_VALUE ? Long.MAX_VALUE : config.maxSteps() - (config.proofMode() ? 1 : 0);
    if (!vm.runUntil(end.segment(), end.offset(), budget))
      throw new StepLimitExceeded(vm.error("Error: End of program was not reached (step limit " + config.maxSteps() + ")", null));
    if (config.proofMode()) vm.step();
    originalSteps = vm.steps();
    endRun();
    readReturnValues();
    if (config.proofMode()) finalizeSegments();
    if (config.secureRun()) SecurityChecks.verifySecureRunner(this);
  }

  /** A run that used up its {@code --max-steps}. */
  public static final class StepLimitExceeded extends VmError {
    StepLimitExceeded(VmError cause) {
      super(cause.getMessage(), cause);
    }
  }

  private void endRun() {
    if (ended) throw new IllegalStateException("end_run called twice.");
    memory.relocateTemporarySegments();
    SecurityChecks.verifyAutoDeductions(this);
    if (config.proofMode() && !config.disableTracePadding()) {
      runUntilSteps(nextPowerOfTwo(vm.steps()));
      while (!checkUsedCells()) {
        runSteps(1);
        runUntilSteps(nextPowerOfTwo(vm.steps()));
      }
    }
    ended = true;
  }

  private void runSteps(long n) {
    for (long i = 0; i < n; i++) {
      if (vm.pcSeg == end.segment() && vm.pcOff == end.offset() && !config.proofMode())
        throw vm.error("Error: Execution reached the end of the program.", null);
      vm.step();
    }
  }

  private void runUntilSteps(long n) {
    runSteps(Math.max(n - vm.steps(), 0));
  }

  static long nextPowerOfTwo(long x) {
    return x <= 1 ? 1 : Long.highestOneBit(x - 1) << 1;
  }

  private void readReturnValues() {
    Relocatable pointer = vm.ap();
    List<String> pb = program.builtins();
    for (int i = pb.size() - 1; i >= 0; i--) {
      SimpleBuiltin b = builtin(pb.get(i));
      if (b == null) {
        pointer = pointer.add(-1);
        MaybeRelocatable v = memory.get(pointer);
        if (!(v instanceof IntValue iv) || iv.value().signum() != 0)
          throw new VmError("The stop pointer of the missing builtin \"" + pb.get(i) + "\" must be 0.");
      } else pointer = b.finalStack(memory, pointer);
    }
    for (SimpleBuiltin b : builtins) if (!b.included()) b.finalStack(memory, pointer);
    if (pointer.segment() != executionBase.segment()) throw new VmError("return values are not in the execution segment");
    for (long o = pointer.offset(); o < vm.apOff; o++) executionPublicMemory.add(o - executionBase.offset());
  }

  // ---------------------------------------------------------------------------------------------
  // Resource checks (CL check_used_cells)

  /** True when the layout has room for this run's builtins, range checks, memory holes and diluted units. */
  public boolean checkUsedCells() {
    try {
      long steps = vm.steps();
      for (SimpleBuiltin b : builtins) b.allocatedSize(memory, steps);
      checkRangeCheckUsage(steps);
      checkMemoryUsage(steps);
      checkDilutedUsage(steps);
      return true;
    } catch (InsufficientAllocatedCells e) {
      return false;
    }
  }

  private int[] rangeCheckLimits;
  private RunOutput relocated;

  /** [rc_min, rc_max] over instruction offsets of the trace and range-check builtin parts. */
  public int[] permRangeCheckLimits() {
    if (rangeCheckLimits != null) return rangeCheckLimits;
    long[] trace = vm.rawTrace();
    int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
    for (int t = 0; t < trace.length; t += 3) {
      int seg = CairoVm.traceSegment(trace[t]);
      long off = CairoVm.traceOffset(trace[t]);
      long[] a = memory.cells(seg);
      long e = a[(int) off * 4];
      for (int k = 0; k < 3; k++) {
        int o = Instruction.biased(e, k);
        if (o < min) min = o;
        if (o > max) max = o;
      }
    }
    for (SimpleBuiltin b : builtins) {
      int[] u = b.rangeCheckUsage(memory);
      if (u == null) continue;
      min = Math.min(min, u[0]);
      max = Math.max(max, u[1]);
    }
    return new int[] {min, max};
  }

  private void checkRangeCheckUsage(long steps) {
    int[] rc = permRangeCheckLimits();
    long used = 0;
    for (SimpleBuiltin b : builtins) used += b.usedPermRangeCheckUnits(memory, steps);
    long unused = (long) (layout.rcUnits() - 3) * steps - used;
    if (unused < rc[1] - rc[0])
      throw new InsufficientAllocatedCells(
          "There are only " + unused + " cells to fill the range checks holes, but potentially " + (rc[1] - rc[0])
              + " are required.");
  }

  /** Memory holes: cells inside segments that no instruction accessed (builtin segments count as accessed). */
  public long memoryHoles() {
    long holes = 0;
    for (int s = 0; s < memory.segmentCount(); s++) {
      if (vm.builtinAt(s) != null || s == zeroSegment) continue; // builtin-owned cells are not holes
      int size = memory.usedSize(s);
      long[] a = memory.cells(s);
      int accessed = 0;
      for (int o = 0; o < size; o++) if ((a[o * 4 + 3] & Memory.ACCESSED) != 0) accessed++;
      holes += size - accessed;
    }
    return holes;
  }

  private void checkMemoryUsage(long steps) {
    long builtinUnits = 0;
    for (SimpleBuiltin b : builtins) builtinUnits += b.allocatedMemoryUnits(memory, steps);
    long total = (long) layout.memoryUnitsPerStep() * steps;
    if (total % layout.publicMemoryFraction() != 0)
      throw new InsufficientAllocatedCells(total + " is not divisible by " + layout.publicMemoryFraction() + ".");
    long unused = total - (total / layout.publicMemoryFraction() + 4 * steps + builtinUnits);
    long holes = memoryHoles();
    if (unused < holes)
      throw new InsufficientAllocatedCells(
          "There are only " + unused + " cells to fill the memory address holes, but " + holes + " are required.");
  }

  private void checkDilutedUsage(long steps) {
    Layout.DilutedPool d = layout.dilutedPool();
    if (d == null) return;
    long used = 0;
    for (SimpleBuiltin b : builtins) {
      long per = b.dilutedUnitsPerInstance(d.spacing(), d.nBits());
      if (per != 0) used += per * b.allocatedInstances(memory, steps);
    }
    long units = d.logUnitsPerStep() >= 0 ? (steps << d.logUnitsPerStep()) : steps >> -d.logUnitsPerStep();
    if (units - used < (1L << d.nBits()))
      throw new InsufficientAllocatedCells(
          "There are only " + (units - used) + " cells to fill the diluted check holes, but potentially "
              + (1L << d.nBits()) + " are required.");
  }

  // ---------------------------------------------------------------------------------------------
  // Finalization and relocation

  private void finalizeSegments() {
    finalizedSizes = new long[memory.segmentCount()];
    java.util.Arrays.fill(finalizedSizes, -1);
    finalizedSizes[programBase.segment()] = program.size();
    long[][] prog = new long[program.size()][];
    for (int i = 0; i < prog.length; i++) prog[i] = new long[] {i, 0};
    publicOffsets.put(programBase.segment(), prog);
    long[][] exec = new long[executionPublicMemory.size()][];
    for (int i = 0; i < exec.length; i++) exec[i] = new long[] {executionPublicMemory.get(i) + executionBase.offset(), 0};
    publicOffsets.put(executionBase.segment(), exec);
    long steps = vm.steps();
    for (SimpleBuiltin b : builtins) {
      long size = b.allocatedSize(memory, steps);
      finalizedSizes[b.base().segment()] = size;
      if (b instanceof OutputBuiltin o) {
        int[] pages = o.pageOfOffsets((int) size);
        long[][] pm = new long[(int) size][];
        for (int i = 0; i < size; i++) pm[i] = new long[] {i, pages[i]};
        publicOffsets.put(b.base().segment(), pm);
      } else publicOffsets.put(b.base().segment(), new long[0][]);
    }
  }

  /** Segment size: finalized if set, else highest used offset + 1. */
  public long segmentSize(int s) {
    if (finalizedSizes != null && s < finalizedSizes.length && finalizedSizes[s] >= 0) return finalizedSizes[s];
    return memory.usedSize(s);
  }

  /** Relocates memory and trace into plain arrays (FIRST_MEMORY_ADDR = 1). */
  public RunOutput relocate() {
    if (relocated != null) return relocated;
    int n = memory.segmentCount();
    long[] bases = new long[n];
    long addr = 1;
    for (int s = 0; s < n; s++) {
      bases[s] = addr;
      long size = segmentSize(s);
      if (size < memory.usedSize(s)) throw new VmError("Segment " + s + " exceeded its allocated size.");
      addr += size;
    }
    for (int k = 1; k <= memory.tempSegmentCount(); k++)
      if (memory.usedSize(-k) > 0)
        throw new VmError("Temporary segment " + (-k) + " was not relocated (missing add_relocation_rule).");
    // relocate address values in place: the run is over and memory is not written again
    long[][] segs = new long[n][];
    int[] sizes = new int[n];
    for (int s = 0; s < n; s++) {
      long[] a = memory.cells(s);
      int used = memory.usedSize(s);
      for (int o = 0; o < used; o++) {
        int i = o * 4;
        long f = a[i + 3];
        if (f >= 0 || (f & Memory.RELOC) == 0) continue;
        int vs = (int) a[i];
        if (vs < 0) throw new VmError("Cannot relocate a value pointing into temporary segment " + vs + ".");
        a[i] = bases[vs] + a[i + 1];
        a[i + 1] = 0;
        a[i + 2] = 0;
        a[i + 3] = Memory.WRITTEN | (f & Memory.ACCESSED);
      }
      segs[s] = a;
      sizes[s] = used;
    }
    long[] trace = null;
    if (vm.traceEnabled()) {
      // computed before the trace array is relocated in place
      rangeCheckLimits = permRangeCheckLimits();
      trace = vm.takeTrace();
      for (int t = 0; t < trace.length; t++) {
        long x = trace[t];
        trace[t] = bases[CairoVm.traceSegment(x)] + CairoVm.traceOffset(x);
      }
    }
    relocated = new RunOutput(this, bases, new RelocatedMemory(segs, bases, sizes), trace);
    return relocated;
  }

  /** Public memory as (relocated address, page), segment by segment (CL get_public_memory_addresses). */
  List<long[]> publicMemoryAddresses(long[] bases) {
    List<long[]> out = new ArrayList<>();
    for (int s = 0; s < memory.segmentCount(); s++) {
      long[][] offs = publicOffsets.get(s);
      if (offs == null) continue;
      for (long[] op : offs) out.add(new long[] {bases[s] + op[0], op[1]});
    }
    return out;
  }

  /** The output segment's values as signed field elements (cairo-run --print_output), or null without output. */
  public List<java.math.BigInteger> output() {
    SimpleBuiltin o = builtin("output");
    if (o == null) return null;
    List<java.math.BigInteger> out = new ArrayList<>();
    int size = o.usedCells(memory);
    for (int i = 0; i < size; i++) {
      MaybeRelocatable v = memory.get(o.base().segment(), i);
      if (v instanceof IntValue iv) {
        java.math.BigInteger x = iv.value();
        if (x.compareTo(Field.HALF_P) > 0) x = x.subtract(Field.P);
        out.add(x);
      } else out.add(null);
    }
    return out;
  }
}
