package io.cairn.vm.core;

import io.cairn.vm.program.Program;

/**
 * Hints behind an interface passed to the VM (STYLE.md §2): each hint is compiled once before the run, then run
 * before the instruction at its pc, in order.
 */
public interface HintRunner {
  /** Compiles a hint; fails with a clear error naming the code and pc when it is unknown. */
  Object compile(Program program, Program.HintSpec spec, int pc);

  /** Runs one compiled hint. */
  void run(CairoVm vm, Object compiledHint);

  /** A processor that accepts no hints. */
  HintRunner NONE =
      new HintRunner() {
        @Override
        public Object compile(Program program, Program.HintSpec spec, int pc) {
          throw new IllegalArgumentException("Unknown hint at pc " + pc + ":\n" + spec.code());
        }

        @Override
        public void run(CairoVm vm, Object compiledHint) {
          throw new IllegalStateException("no hint processor");
        }
      };
}
