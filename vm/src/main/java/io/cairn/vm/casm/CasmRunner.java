package io.cairn.vm.casm;

import io.cairn.vm.builtins.BuiltinRunner;
import io.cairn.vm.builtins.Builtins;
import io.cairn.vm.builtins.ModBuiltin;
import io.cairn.vm.builtins.RangeCheckBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.cairo1.RunArg;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.runner.SecurityChecks;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one entry of a {@link CasmProgram} on the shared {@link CairoVm}: builtin pointers in the order the entry
 * declares, then the arguments, then the return frame; runs to the final {@code ret}. Builtins come from the
 * {@code all_cairo} layout; {@code gas_builtin}/{@code system}/{@code segment_arena} are Cairo 1's pseudo-builtins.
 * An executable's {@code Standalone} entry gets the proof-mode frame its header expects instead.
 *
 * <p>After the run, unless {@link #setSecure secure} is off, the end-of-run checks blockifier applies: range_check96
 * holes below its stop pointer are filled with 0, no builtin has cells written past its returned stop pointer,
 * add_mod/mul_mod pass their security checks, every builtin instance has its inputs and consistent deductions, every
 * address in memory points into an existing segment, nothing is written past the program's bytecode and extra data,
 * and every Felt252Dict of the segment arena was squashed (constructed = destructed).
 *
 * <p>Code loaded at run time ({@link #loadCode}) goes into its own segment with its hints keyed by (segment, offset).
 */
public final class CasmRunner {
  private final CasmProgram program;
  private final Cairo1HintProcessor hints;
  private final Memory memory = new Memory();
  private final Relocatable programBase;
  private final List<LoadedCode> loaded = new ArrayList<>();
  private int extraDataLength;
  private boolean secure = true;
  private CairoVm vm;

  private record LoadedCode(Relocatable base, CasmProgram code) {}

  /**
   * Values left on the stack at the final ret, with the run's cost: steps, and builtin usage in instances per
   * builtin (in the entry's order; segment_arena counts arena triples, as cairo-vm's runner does), and the final
   * value of each declared builtin (pointer, or the gas counter) by name.
   */
  public record Result(
      List<MaybeRelocatable> returned, long steps, CairoVm vm, Map<String, Integer> builtinUsage, Map<String, MaybeRelocatable> builtinEnds) {
    /** The last n returned values. */
    public List<MaybeRelocatable> tail(int n) {
      return returned.subList(returned.size() - n, returned.size());
    }
  }

  public CasmRunner(CasmProgram program, Cairo1HintProcessor hints) {
    this.program = program;
    this.hints = hints;
    programBase = memory.addSegment();
    memory.shareCells(programBase.segment(), program.image().cells, program.program().size());
  }

  /** Turns the end-of-run security checks off (on by default). */
  public CasmRunner setSecure(boolean on) {
    this.secure = on;
    return this;
  }

  /**
   * Writes Starknet's program extra data after the bytecode, as blockifier's {@code prepare_program_extra_data}
   * does: a {@code ret}, then a pointer to the builtin gas-cost table (pedersen, bitwise, ec_op, poseidon, add_mod,
   * mul_mod) that compiled code reads to charge builtin usage.
   */
  public void appendBuiltinCostTable(long[] costs) {
    writeExtraData(programBase, program, costs);
    extraDataLength = 2;
  }

  private void writeExtraData(Relocatable base, CasmProgram code, long[] costs) {
    Relocatable table = memory.addSegment();
    for (int i = 0; i < costs.length; i++) memory.write(table.add(i), costs[i]);
    int n = code.program().size();
    if (memory.isShared(base.segment())) {
      // the shared image with the extra data already laid out: no per-run copy of the bytecode
      memory.shareCells(base.segment(), code.image().withCostTable(table.segment()), n + 2);
      return;
    }
    memory.write(base.add(n), CasmProgram.RET);
    memory.write(base.add(n + 1), table);
    memory.markAccessed(base.segment(), n);
    memory.markAccessed(base.segment(), n + 1);
  }

  public Memory memory() {
    return memory;
  }

  public Relocatable programBase() {
    return programBase;
  }

  /**
   * Loads {@code code}'s bytecode into a fresh segment and registers its hints there, keyed by (segment, offset):
   * the running program can then jump or call into it (the Starknet OS runs contract bytecode this way). With
   * {@code builtinCosts} the extra data Starknet appends (a {@code ret} and the cost-table pointer) follows the code.
   * May be called before a run or from a hint during one. Returns the code's base address.
   */
  public Relocatable loadCode(CasmProgram code, long[] builtinCosts) {
    Relocatable base = memory.addSegment();
    memory.shareCells(base.segment(), code.image().cells, code.program().size());
    if (builtinCosts != null) writeExtraData(base, code, builtinCosts);
    LoadedCode lc = new LoadedCode(base, code);
    loaded.add(lc);
    if (vm != null) register(vm, lc);
    return base;
  }

  private static void register(CairoVm vm, LoadedCode lc) {
    vm.registerCode(lc.base().segment(), lc.code().hintsByPc(), lc.code().image().decodeCache);
  }

  /** Allocates the arrays among {@code args} (each as a fresh segment, passed as start and end) and flattens them. */
  public List<MaybeRelocatable> materialize(List<RunArg> args) {
    List<MaybeRelocatable> out = new ArrayList<>();
    for (RunArg a : args) {
      switch (a) {
        case RunArg.Value v -> out.add(IntValue.of(v.value()));
        case RunArg.Array arr -> {
          Relocatable start = memory.addSegment();
          Relocatable end = Cairo1HintProcessor.writeArgs(memory, start, arr.items());
          out.add(start);
          out.add(end);
        }
      }
    }
    return out;
  }

  /**
   * Runs {@code entry} with {@code args} after its builtin pointers; {@code gas} feeds {@code gas_builtin},
   * {@code system} the system pointer (null: a fresh segment). Returns the top {@code nReturned} stack values (the
   * builtins' final pointers sit just below them).
   */
  public Result run(String entry, List<MaybeRelocatable> args, long gas, Relocatable system, int nReturned, long maxSteps) {
    return run(programBase, program, entry, args, gas, system, nReturned, maxSteps);
  }

  /** As {@link #run(String, List, long, Relocatable, int, long)} for an entry of code loaded with {@link #loadCode}. */
  public Result runLoaded(Relocatable codeBase, String entry, List<MaybeRelocatable> args, long gas, Relocatable system, int nReturned, long maxSteps) {
    for (LoadedCode lc : loaded)
      if (lc.base().equals(codeBase)) return run(codeBase, lc.code(), entry, args, gas, system, nReturned, maxSteps);
    throw new IllegalArgumentException("no code was loaded at " + codeBase);
  }

  private Result run(
      Relocatable codeBase, CasmProgram code, String entry, List<MaybeRelocatable> args, long gas, Relocatable system, int nReturned, long maxSteps) {
    CasmProgram.Entry ep = code.entry(entry);
    Relocatable exec = memory.addSegment();
    List<MaybeRelocatable> stack = new ArrayList<>();
    if (ep.standalone()) {
      // the header `ap += n; call rel 4; jmp rel 0` finds the builtins at [fp], …: cairo-vm's proof-mode prefix
      stack.add(exec.add(2));
      stack.add(IntValue.of(BigInteger.ZERO));
    }
    Layout layout = Layout.named("all_cairo");
    List<Object> slots = new ArrayList<>(); // per declared builtin: its runner, or its pseudo-builtin name
    List<BuiltinRunner> runners = new ArrayList<>();
    Relocatable arenaSegment = null;
    for (String b : ep.builtins()) {
      switch (b) {
        case "gas", "gas_builtin" -> {
          stack.add(IntValue.of(BigInteger.valueOf(gas)));
          slots.add("gas_builtin");
        }
        case "system" -> {
          stack.add(system != null ? system : memory.addSegment());
          slots.add("system");
        }
        case "segment_arena" -> {
          // a header triple [infos, n_dicts = 0, n_destructed = 0]; the program gets the pointer past it
          Relocatable arena = memory.addSegment();
          memory.write(arena, memory.addSegment());
          memory.write(arena.add(1), 0);
          memory.write(arena.add(2), 0);
          stack.add(arena.add(3));
          arenaSegment = arena;
          slots.add("segment_arena");
        }
        default -> {
          Layout.BuiltinDef def = layout.builtin(b);
          if (def == null) throw new IllegalArgumentException(code.name() + ": entry " + entry + " takes unknown builtin " + b);
          SimpleBuiltin sb = Builtins.create(def, true);
          sb.initializeSegments(memory);
          runners.add(sb);
          slots.add(sb);
          stack.addAll(sb.initialStack());
        }
      }
    }
    stack.addAll(args);
    Relocatable ap;
    int endSeg;
    long endOff;
    if (ep.standalone()) {
      ap = exec.add(2);
      endSeg = codeBase.segment();
      endOff = codeBase.offset() + ep.offset() + 4; // the header's `jmp rel 0`
    } else {
      Relocatable returnFp = memory.addSegment();
      Relocatable end = memory.addSegment();
      stack.add(returnFp);
      stack.add(end);
      ap = exec.add(stack.size());
      endSeg = end.segment();
      endOff = end.offset();
    }
    for (int i = 0; i < stack.size(); i++) memory.write(exec.add(i), stack.get(i));
    vm = new CairoVm(memory, program.program(), programBase.segment(), hints, program.hintsByPc(), runners, false, program.image().decodeCache);
    for (LoadedCode lc : loaded) register(vm, lc);
    vm.setRegisters(codeBase.add(ep.offset()), ap, ap);
    CairoVm done = vm;
    try {
      if (!done.runUntil(endSeg, endOff, maxSteps))
        throw new VmError(code.name() + ": entry " + entry + " did not return within " + maxSteps + " steps");
    } finally {
      vm = null; // code loaded from now on goes to the next run's VM
    }
    // dicts in temporary segments move where their relocation rules say, addresses to them with them
    if (memory.tempSegmentCount() > 0) memory.relocateTemporarySegments();
    Relocatable top = done.ap();
    if (top.offset() < nReturned + slots.size())
      throw new VmError(code.name() + ": entry " + entry + " returned fewer than " + (nReturned + slots.size()) + " values");
    List<MaybeRelocatable> out = new ArrayList<>(nReturned);
    for (int i = nReturned; i > 0; i--) out.add(memory.require(top.add(-i)));
    Relocatable builtinEnds = top.add(-nReturned - slots.size());
    if (secure) secureChecks(code, entry, slots, builtinEnds, arenaSegment);
    Map<String, MaybeRelocatable> ends = new LinkedHashMap<>();
    for (int i = 0; i < slots.size(); i++)
      ends.put(slots.get(i) instanceof SimpleBuiltin b ? b.name() : (String) slots.get(i), memory.get(builtinEnds.add(i)));
    return new Result(out, done.steps(), done, usage(slots, builtinEnds), ends);
  }

  /** Instances per declared builtin, from the final pointers (segment_arena: triples up to its final pointer). */
  private Map<String, Integer> usage(List<Object> slots, Relocatable ends) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      Object s = slots.get(i);
      if (s instanceof SimpleBuiltin b) {
        MaybeRelocatable v = memory.get(ends.add(i));
        long used = v instanceof Relocatable r && r.segment() == b.base().segment() ? r.offset() : b.usedCells(memory);
        m.put(b.name(), (int) ((used + b.cellsPerInstance() - 1) / b.cellsPerInstance()));
      } else if ("segment_arena".equals(s) && memory.get(ends.add(i)) instanceof Relocatable r) {
        m.put("segment_arena", (int) (r.offset() / 3));
      }
    }
    return m;
  }

  private void secureChecks(CasmProgram code, String entry, List<Object> slots, Relocatable ends, Relocatable arena) {
    String where = code.name() + ": entry " + entry + ": ";
    List<SimpleBuiltin> used = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Object s = slots.get(i);
      MaybeRelocatable v = memory.get(ends.add(i));
      if (s instanceof SimpleBuiltin b) {
        if (!(v instanceof Relocatable stop) || stop.segment() != b.base().segment() || stop.offset() < 0
            || stop.offset() % b.cellsPerInstance() != 0)
          throw new SecurityChecks.SecurityError(where + "invalid stop pointer for " + b.name() + ": " + v);
        if (b instanceof RangeCheckBuiltin rc && rc.name().equals("range_check96")) fillHoles(b, stop); // blockifier's maybe_fill_holes
        // cells written past the returned pointer would collide with the next call's in the OS's shared segment;
        // a pointer past unwritten cells is accepted, as blockifier accepts it
        if (b.usedCells(memory) > stop.offset())
          throw new SecurityChecks.SecurityError(
              where + "out of bounds access to builtin segment " + b.name() + ": cell " + (b.usedCells(memory) - 1)
                  + " written past the returned stop pointer " + stop);
        used.add(b);
      } else if ("segment_arena".equals(s)) {
        if (!(v instanceof Relocatable p) || arena == null || p.segment() != arena.segment() || p.offset() < 3 || p.offset() % 3 != 0)
          throw new SecurityChecks.SecurityError(where + "invalid final segment_arena pointer " + v);
        BigInteger constructed = memory.getInt(p.add(-2)), destructed = memory.getInt(p.add(-1));
        if (!constructed.equals(destructed))
          throw new SecurityChecks.SecurityError(
              where + "segment_arena: " + constructed + " dicts constructed but " + destructed + " squashed");
      }
    }
    for (SimpleBuiltin b : used) if (b instanceof ModBuiltin mb) mb.runSecurityChecks(memory);
    SecurityChecks.verifyBuiltinCells(memory, used);
    SecurityChecks.verifyAutoDeductions(memory, used);
    SecurityChecks.verifyAddresses(memory);
    long limit = program.program().size() + extraDataLength;
    if (memory.usedSize(programBase.segment()) > limit)
      throw new SecurityChecks.SecurityError(
          where + "out of bounds access to the program segment at " + programBase.segment() + ":" + limit);
  }

  private void fillHoles(SimpleBuiltin b, Relocatable stop) {
    int seg = b.base().segment();
    for (long o = 0; o < stop.offset(); o++) if (!memory.isWritten(seg, o)) memory.write(new Relocatable(seg, o), 0);
  }
}
