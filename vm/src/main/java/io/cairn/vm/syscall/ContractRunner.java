package io.cairn.vm.syscall;

import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.cairo1.PanicText;
import io.cairn.vm.casm.CasmProgram;
import io.cairn.vm.casm.CasmRunner;
import io.cairn.vm.core.VmException;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls a contract entry point as the Starknet OS does: frame = builtin pointers in the entry point's order, gas,
 * system pointer, calldata start and end; at the final ret the stack ends with gas, system end, panic flag, retdata
 * start and end.
 */
public final class ContractRunner {
  private ContractRunner() {}

  /**
   * The outcome of one entry-point call; {@code syscalls} counts this call's own syscalls (not its callees') by name,
   * as blockifier's {@code syscalls_usage}.
   */
  public record Outcome(boolean panicked, List<BigInteger> retdata, long gasLeft, long steps, Map<String, SyscallDispatcher.Usage> syscalls) {
    public Outcome {
      retdata = List.copyOf(retdata);
      syscalls = Collections.unmodifiableMap(new TreeMap<>(syscalls));
    }

    /** An outcome without syscalls. */
    public Outcome(boolean panicked, List<BigInteger> retdata, long gasLeft, long steps) {
      this(panicked, retdata, gasLeft, steps, Map.of());
    }

    /** The panic data as the Cairo runner prints it: short strings, ByteArrays as text, other felts as hex. */
    public String panicText() {
      return PanicText.describe(retdata);
    }
  }

  /**
   * Runs the entry point with {@code gas} as the call's initial gas. As the OS does, the entry point's initial
   * budget is taken first (the code gets {@code gas − entry_point_initial_budget} and redeposits what it does not
   * need); with less than the budget the call fails with 'Out of gas' and consumes nothing. {@link
   * Outcome#gasLeft()} is what the code returned, so {@code gas − gasLeft} is blockifier's gas_consumed.
   */
  public static Outcome call(
      CasmProgram cls, BigInteger selector, List<BigInteger> calldata, long gas, SyscallHandler handler, SyscallCosts costs, long maxSteps) {
    long budget = costs.entryPointInitialBudget();
    if (Long.compareUnsigned(gas, budget) < 0) return new Outcome(true, List.of(SyscallDispatcher.OUT_OF_GAS), gas, 0);
    SyscallDispatcher syscalls = new SyscallDispatcher(handler, costs);
    Cairo1HintProcessor hp = new Cairo1HintProcessor(syscalls, new PrintStream(System.out));
    CasmRunner runner = new CasmRunner(cls, hp);
    runner.appendBuiltinCostTable(costs.builtinCostTable());
    Memory m = runner.memory();
    Relocatable system = m.addSegment();
    Relocatable cd = m.addSegment();
    for (int i = 0; i < calldata.size(); i++) m.write(cd.add(i), calldata.get(i));
    List<MaybeRelocatable> args =
        List.of(IntValue.of(BigInteger.valueOf(gas - budget)), system, cd, cd.add(calldata.size()));
    CasmRunner.Result r = runner.run("0x" + selector.toString(16), args, gas - budget, system, 5, maxSteps);
    List<MaybeRelocatable> t = r.returned();
    long gasLeft = ((IntValue) t.get(0)).value().longValueExact();
    boolean panicked = !((IntValue) t.get(2)).value().equals(BigInteger.ZERO);
    Relocatable s = (Relocatable) t.get(3), e = (Relocatable) t.get(4);
    List<BigInteger> ret = new ArrayList<>();
    for (Relocatable p = s; p.offset() < e.offset(); p = p.add(1)) ret.add(m.getInt(p));
    if (!(t.get(1) instanceof Relocatable sysEnd) || sysEnd.segment() != system.segment())
      throw new VmError("entry point returned a bad system pointer " + t.get(1));
    return new Outcome(panicked, ret, gasLeft, r.steps(), syscalls.usage());
  }

  /**
   * A failed run (a hard syscall error deep in nested calls, a VM error) as one line: the pcs of the nested runs it
   * passed through, outermost first, then the innermost cause, e.g. {@code at pc 0:5954 > 0:812: Class with hash
   * 0xdead is not declared.}
   */
  public static String failureText(Throwable failure) {
    StringBuilder pcs = new StringBuilder();
    String reason = failure.getMessage();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof VmException v) {
        pcs.append(pcs.isEmpty() ? "at pc " : " > ").append("0:").append(v.pc());
        reason = v.inner();
      } else if (t != failure && t.getMessage() != null) {
        reason = t.getMessage();
      }
      if (t.getCause() == t) break;
    }
    String first = reason == null ? failure.getClass().getSimpleName() : reason.lines().findFirst().orElse(reason);
    int hint = first.indexOf("Got an exception while executing a hint: ");
    if (hint >= 0 && first.length() > hint + 41) first = first.substring(hint + 41);
    return pcs.isEmpty() ? first : pcs + ": " + first;
  }

  /** Felts as text: printable short strings quoted, others 0x-hex. */
  public static String describe(List<BigInteger> felts) {
    StringBuilder sb = new StringBuilder();
    for (BigInteger f : felts) {
      if (!sb.isEmpty()) sb.append(", ");
      byte[] b = f.toByteArray();
      int from = b.length > 0 && b[0] == 0 ? 1 : 0;
      boolean printable = f.signum() > 0 && b.length - from <= 31;
      for (int i = from; i < b.length && printable; i++) printable = b[i] >= 0x20 && b[i] < 0x7f;
      if (printable) sb.append('\'').append(new String(b, from, b.length - from, StandardCharsets.US_ASCII)).append('\'');
      else sb.append("0x").append(f.toString(16));
    }
    return sb.toString();
  }
}
