package io.cairn.prover.prove;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.prover.trace.Execution;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.StoneProof.PublicInput;
import io.cairn.prover.trace.Execution;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.prover.trace.TraceLayout;
import io.cairn.vm.runner.RunOutput;

/**
 * The traces of a proof-mode Cairo run, as {@code io.cairn.prover.trace} generates them for the layout: main trace
 * (CPU, builtins, memory and range-check pools), then the permutation products. It serves one proof: the prover takes
 * the main columns over (interpolating them in place), so only the pool columns the interaction trace reads are
 * copied, and the main trace is let go once the interaction trace is built.
 */
public final class CairoTrace implements TraceSource {
  private MainTrace main; // null once the interaction trace is built: the prover owns the columns by then
  private final TraceLayout layout;

  private CairoTrace(MainTrace main, TraceLayout layout) {
    this.main = main;
    this.layout = layout;
  }

  public static CairoTrace of(RunOutput run, PublicInput pi) {
    return of(run, pi, TraceLayout.of(pi.layout()));
  }

  /** With the trace arrangement given (a layout defined at run time that shares a shipped layout's arrangement). */
  public static CairoTrace of(RunOutput run, PublicInput pi, TraceLayout layout) {
    if (run.runner() == null && pi.segments().containsKey("ecdsa"))
      throw new IllegalArgumentException(
          "a run read back from trace and memory files carries no ECDSA signatures: give the AIR private input too");
    return new CairoTrace(MainTrace.build(run, layout, pi), layout);
  }

  /**
   * A run read back from trace and memory files, with what only its AIR private input knows: the ECDSA builtin's
   * signatures (its {@code ecdsa} list), as Stone's prover reads them.
   */
  public static CairoTrace of(RunOutput run, PublicInput pi, JsonNode privateInput) {
    TraceLayout layout = TraceLayout.of(pi.layout());
    Execution execution = Execution.of(run);
    if (run.runner() == null) execution = execution.withSignatures(Execution.signatures(privateInput.get("ecdsa")));
    return new CairoTrace(MainTrace.build(execution, layout, pi), layout);
  }

  /** The main trace (tests alter cells of it). */
  public MainTrace main() {
    return main;
  }

  @Override
  public long[][] mainColumns() {
    if (main == null) throw new IllegalStateException("this trace has been proved already");
    java.util.Set<Integer> pools = new java.util.HashSet<>();
    pools.add(layout.memPool().column());
    pools.add(layout.memorySorted());
    pools.add(layout.rangeCheckPool().column());
    pools.add(layout.rangeCheckSorted().column());
    if (layout.diluted() != null) {
      pools.add(layout.diluted().pool().column());
      pools.add(layout.diluted().sorted().column());
    }
    long[][] c = new long[main.columnCount()][];
    for (int i = 0; i < c.length; i++) c[i] = pools.contains(i) ? main.column(i).clone() : main.column(i);
    return c;
  }

  @Override
  public long[][] interactionColumns(Felt[] elements) {
    InteractionTrace it = InteractionTrace.of(main, layout, elements);
    main = null;
    long[][] c = new long[it.columnCount()][];
    for (int k = 0; k < c.length; k++) c[k] = it.column(k);
    return c;
  }
}
