package io.cairn.vm.runner;

import io.cairn.vm.builtins.OutputBuiltin;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;

/**
 * The post-run checks cairo-run applies (STYLE.md §2: security is a post-run pass): builtin cells agree with their
 * deduction rules (CL {@code vm.verify_auto_deductions}, always), and with {@code secure_run} (CL
 * {@code security.verify_secure_runner}) no cell lies beyond a builtin's stop pointer or the program, every address
 * value points into an existing segment, and every builtin instance has all its inputs.
 */
public final class SecurityChecks {
  private SecurityChecks() {}

  /** A run that is not safe to relocate or prove. */
  public static final class SecurityError extends VmError {
    public SecurityError(String m) {
      super(m);
    }
  }

  /** Recomputes every written output cell of a deducing builtin and compares. */
  public static void verifyAutoDeductions(CairoRunner runner) {
    verifyAutoDeductions(runner.memory(), runner.builtins());
  }

  /** Recomputes every written output cell of the given deducing builtins and compares. */
  public static void verifyAutoDeductions(Memory m, java.util.List<SimpleBuiltin> builtins) {
    for (SimpleBuiltin b : builtins) {
      int seg = b.base().segment();
      int n = m.usedSize(seg);
      for (int o = 0; o < n; o++) {
        MaybeRelocatable current = m.get(seg, o);
        if (current == null) continue;
        MaybeRelocatable deduced = b.deduce(m, o);
        if (deduced != null && !deduced.equals(current))
          throw new VmError(
              "Inconsistent auto deduction rule at address " + seg + ":" + o + ". " + current + " != " + deduced + ".");
      }
    }
  }

  /** cairo-run's secure-run pass; call after {@link CairoRunner#run()} and before relocation. */
  public static void verifySecureRunner(CairoRunner runner) {
    Memory m = runner.memory();
    int programSeg = runner.programBase().segment();
    for (int s = 0; s < m.segmentCount(); s++) {
      SimpleBuiltin b = builtinOf(runner, s);
      long limit = Long.MAX_VALUE;
      String what = null;
      if (b != null && b.included() && b.stopPtr() != null) {
        limit = b.stopPtr().offset() - b.base().offset();
        what = "builtin segment " + b.name();
      } else if (s == programSeg) {
        limit = runner.program().size();
        what = "program segment";
      }
      int n = m.usedSize(s);
      for (int o = 0; o < n; o++) {
        MaybeRelocatable v = m.get(s, o);
        if (v == null) continue;
        if (o >= limit) throw new SecurityError("Out of bounds access to " + what + " at " + s + ":" + o + ".");
      }
    }
    verifyAddresses(m);
    for (SimpleBuiltin b : runner.builtins()) if (b instanceof io.cairn.vm.builtins.ModBuiltin mb && m.usedSize(b.base().segment()) > 0) mb.runSecurityChecks(m);
    verifyBuiltinCells(m, runner.builtins());
  }

  /** Every address value in memory points into an existing (non-temporary) segment at a non-negative offset. */
  public static void verifyAddresses(Memory m) {
    int nSeg = m.segmentCount();
    for (int s = 0; s < nSeg; s++) {
      // a shared bytecode image holds felts only (and the extra-data pointer the runner wrote itself)
      if (m.isShared(s)) continue;
      // on the raw cells (segment, offset, _, flags): no allocation per cell, as this runs after every contract call
      long[] a = m.cells(s);
      int n = m.usedSize(s);
      for (int o = 0; o < n; o++) {
        int i = 4 * o;
        if ((a[i + 3] & (Memory.WRITTEN | Memory.RELOC)) != (Memory.WRITTEN | Memory.RELOC)) continue;
        if (a[i] < 0 || a[i] >= nSeg || a[i + 1] < 0)
          throw new SecurityError("Invalid memory value at address " + s + ":" + o + ": " + m.get(s, o) + ".");
      }
    }
  }

  /** Every used instance of each builtin (output excepted) has all its input cells and deducible output cells. */
  public static void verifyBuiltinCells(Memory m, java.util.List<SimpleBuiltin> builtins) {
    for (SimpleBuiltin b : builtins) {
      if (b instanceof OutputBuiltin) continue;
      int seg = b.base().segment();
      int used = m.usedSize(seg);
      if (used == 0) continue;
      int cells = b.cellsPerInstance(), inputs = b.inputCells();
      int instances = (used - 1) / cells + 1;
      for (int i = 0; i < instances; i++) {
        for (int j = 0; j < inputs; j++) {
          if (!m.isWritten(seg, (long) i * cells + j))
            throw new SecurityError("Missing memory cells for " + b.name() + ": " + (i * cells + j) + ".");
        }
        for (int j = inputs; j < cells; j++) {
          int o = i * cells + j;
          if (!m.isWritten(seg, o) && b.deduce(m, o) == null)
            throw new SecurityError("Cannot deduce " + b.name() + " output cell " + o + ".");
        }
      }
    }
  }

  private static SimpleBuiltin builtinOf(CairoRunner runner, int segment) {
    for (SimpleBuiltin b : runner.builtins()) if (b.base().segment() == segment) return b;
    return null;
  }
}
