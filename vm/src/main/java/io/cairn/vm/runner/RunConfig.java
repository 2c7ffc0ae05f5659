package io.cairn.vm.runner;

import io.cairn.vm.layout.Layout;

/**
 * What to run and how: layout, proof mode, step limit, whether to keep the trace.
 *
 * @param maxSteps the step budget (cairo-run's RunResources); Long.MAX_VALUE for none
 * @param traceEnabled keep the trace (forced on in proof mode)
 * @param disableTracePadding proof mode without padding to a power of two
 * @param secureRun run cairo-run's post-run security pass (its default: on unless in proof mode)
 */
public record RunConfig(
    Layout layout,
    boolean proofMode,
    long maxSteps,
    boolean traceEnabled,
    boolean disableTracePadding,
    boolean secureRun) {

  public RunConfig(Layout layout, boolean proofMode, long maxSteps, boolean traceEnabled, boolean disableTracePadding) {
    this(layout, proofMode, maxSteps, traceEnabled, disableTracePadding, !proofMode);
  }

  public static RunConfig of(String layout) {
    return new RunConfig(Layout.named(layout), false, Long.MAX_VALUE, true, false, true);
  }

  public RunConfig withProofMode(boolean p) {
    return new RunConfig(layout, p, maxSteps, traceEnabled || p, disableTracePadding, !p);
  }

  public RunConfig withMaxSteps(long n) {
    return new RunConfig(layout, proofMode, n, traceEnabled, disableTracePadding, secureRun);
  }

  public RunConfig withTrace(boolean t) {
    return new RunConfig(layout, proofMode, maxSteps, t || proofMode, disableTracePadding, secureRun);
  }
}
