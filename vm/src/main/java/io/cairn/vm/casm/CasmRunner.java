package io.cairn.vm.casm;

import io.cairn.vm.builtins.BuiltinRunner;
import io.cairn.vm.builtins.Builtins;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one entry of a {@link CasmProgram} on the shared {@link CairoVm}: builtin pointers in the order the entry
 * declares, then the arguments, then the return frame; runs to the final {@code ret}. Builtins come from the
 * {@code all_cairo} layout; {@code gas_builtin}/{@code system}/{@code segment_arena} are Cairo 1's pseudo-builtins.
 */
public final class CasmRunner {
  private final CasmProgram program;
  private final Cairo1HintProcessor hints;
  private final Memory memory = new Memory();
  private final Relocatable programBase;
  private final List<BuiltinRunner> builtins = new ArrayList<>();

  /** Values left on the stack at the final ret, with the run's cost. */
  public record Result(List<MaybeRelocatable> returned, long steps, CairoVm vm) {
    /** The last n returned values. */
    public List<MaybeRelocatable> tail(int n) {
      return returned.subList(returned.size() - n, returned.size());
    }
  }

  public CasmRunner(CasmProgram program, Cairo1HintProcessor hints) {
    this.program = program;
    this.hints = hints;
    programBase = memory.addSegment();
    for (int i = 0; i < program.program().size(); i++) {
      memory.write(programBase.add(i), program.program().word(i));
      memory.markAccessed(programBase.segment(), i);
    }
  }

  /**
   * Writes Starknet's program extra data after the bytecode, as blockifier's {@code prepare_program_extra_data}
   * does: a {@code ret}, then a pointer to the builtin gas-cost table (pedersen, bitwise, ec_op, poseidon, add_mod,
   * mul_mod) that compiled code reads to charge builtin usage.
   */
  public void appendBuiltinCostTable(long[] costs) {
    Relocatable table = memory.addSegment();
    for (int i = 0; i < costs.length; i++) memory.write(table.add(i), costs[i]);
    Relocatable at = programBase.add(program.program().size());
    memory.write(at, new BigInteger("208b7fff7fff7ffe", 16));
    memory.write(at.add(1), table);
  }

  public Memory memory() {
    return memory;
  }

  /**
   * Runs {@code entry} with {@code args} after its builtin pointers; {@code gas} feeds {@code gas_builtin},
   * {@code system} the system pointer (null: a fresh segment). Returns the top {@code nReturned} stack values.
   */
  public Result run(String entry, List<MaybeRelocatable> args, long gas, Relocatable system, int nReturned, long maxSteps) {
    CasmProgram.Entry ep = program.entry(entry);
    Relocatable exec = memory.addSegment();
    List<MaybeRelocatable> stack = new ArrayList<>();
    Layout layout = Layout.named("all_cairo");
    for (String b : ep.builtins()) {
      switch (b) {
        case "gas", "gas_builtin" -> stack.add(IntValue.of(BigInteger.valueOf(gas)));
        case "system" -> stack.add(system != null ? system : memory.addSegment());
        case "segment_arena" -> {
          // a header triple [infos, n_dicts = 0, n_destructed = 0]; the program gets the pointer past it
          Relocatable arena = memory.addSegment();
          memory.write(arena, memory.addSegment());
          memory.write(arena.add(1), 0);
          memory.write(arena.add(2), 0);
          stack.add(arena.add(3));
        }
        default -> {
          Layout.BuiltinDef def = layout.builtin(b);
          if (def == null) throw new IllegalArgumentException(program.name() + ": entry " + entry + " takes unknown builtin " + b);
          SimpleBuiltin sb = Builtins.create(def, true);
          sb.initializeSegments(memory);
          builtins.add(sb);
          stack.addAll(sb.initialStack());
        }
      }
    }
    stack.addAll(args);
    Relocatable returnFp = memory.addSegment();
    Relocatable end = memory.addSegment();
    stack.add(returnFp);
    stack.add(end);
    for (int i = 0; i < stack.size(); i++) memory.write(exec.add(i), stack.get(i));
    CairoVm vm = new CairoVm(memory, program.program(), programBase.segment(), hints, program.hintsByPc(), builtins, false);
    Relocatable ap = exec.add(stack.size());
    vm.setRegisters(programBase.add(ep.offset()), ap, ap);
    if (!vm.runUntil(end.segment(), end.offset(), maxSteps))
      throw new VmError(program.name() + ": entry " + entry + " did not return within " + maxSteps + " steps");
    List<MaybeRelocatable> out = new ArrayList<>(nReturned);
    for (int i = nReturned; i > 0; i--) out.add(memory.require(new Relocatable(vm.apSeg, vm.apOff - i)));
    return new Result(out, vm.steps(), vm);
  }
}
