package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.stone.StoneProof.PublicInput;
import io.cairn.prover.trace.CpuColumns;
import io.cairn.prover.trace.InteractionTrace;
import io.cairn.prover.trace.MainTrace;
import io.cairn.vm.runner.RunOutput;

/**
 * The traces of a proof-mode Cairo run, as {@code io.cairn.prover.trace} generates them for the layout: main trace
 * (CPU, builtins, memory and range-check pools), then the permutation products.
 */
public final class CairoTrace implements TraceSource {
  // layout small (Stone cpu_air_definition0): memory/sorted and range_check16/sorted columns
  private static final int SMALL_MEMORY_SORTED = 20, SMALL_RANGE_CHECK_SORTED = 2;

  private final MainTrace main;
  private final CpuColumns columns;

  private CairoTrace(MainTrace main, CpuColumns columns) {
    this.main = main;
    this.columns = columns;
  }

  public static CairoTrace of(RunOutput run, AirDescription air, PublicInput pi) {
    return of(run, air, pi, CpuColumns.of(air.layout));
  }

  /** With the CPU columns given (a layout defined at run time that shares a shipped layout's arrangement). */
  public static CairoTrace of(RunOutput run, AirDescription air, PublicInput pi, CpuColumns cols) {
    MainTrace t = MainTrace.cpu(run, cols, air.mainColumns);
    t.writeBuiltins(run, pi.segments().get("pedersen").beginAddr());
    long[] addresses = new long[pi.publicMemory().size()];
    Felt[] values = new Felt[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = pi.publicMemory().get(i).address();
      values[i] = pi.publicMemory().get(i).value();
    }
    t.finishMemory(addresses, values, air.publicMemoryStep, SMALL_MEMORY_SORTED);
    t.finishRangeCheck(pi.rcMin(), pi.rcMax(), SMALL_RANGE_CHECK_SORTED);
    return new CairoTrace(t, cols);
  }

  /** The main trace (tests alter cells of it). */
  public MainTrace main() {
    return main;
  }

  @Override
  public long[][] mainColumns() {
    long[][] c = new long[main.columnCount()][];
    for (int i = 0; i < c.length; i++) c[i] = main.column(i);
    return c;
  }

  @Override
  public long[][] interactionColumns(Felt[] elements) {
    InteractionTrace it = InteractionTrace.of(main, columns, SMALL_MEMORY_SORTED, SMALL_RANGE_CHECK_SORTED, elements);
    int rows = main.rows();
    long[][] c = new long[it.columnCount()][4 * rows];
    for (int k = 0; k < c.length; k++) for (int r = 0; r < rows; r++) it.get(k, r).writeTo(c[k], 4 * r);
    return c;
  }
}
