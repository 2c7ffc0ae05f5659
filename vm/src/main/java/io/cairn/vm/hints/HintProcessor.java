package io.cairn.vm.hints;

import io.cairn.vm.core.CairoVm;
import io.cairn.vm.core.HintRunner;
import io.cairn.vm.program.Program;

/** Placeholder until the registry lands. */
public final class HintProcessor implements HintRunner {
  @Override
  public Object compile(Program program, Program.HintSpec spec, int pc) {
    throw new IllegalArgumentException("Unknown hint at pc " + pc + ":\n" + spec.code());
  }

  @Override
  public void run(CairoVm vm, Object compiledHint) {}
}
