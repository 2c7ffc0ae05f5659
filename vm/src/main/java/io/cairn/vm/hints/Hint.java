package io.cairn.vm.hints;

/** One hint's Java implementation, registered under its exact Python source text. */
@FunctionalInterface
public interface Hint {
  void execute(HintContext ctx);
}
