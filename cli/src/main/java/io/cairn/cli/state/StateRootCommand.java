package io.cairn.cli.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.BlockRoots;
import io.cairn.state.StateCommitment;
import io.cairn.state.StateDiffJson;
import io.cairn.state.StateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "state-root",
    mixinStandardHelpOptions = true,
    description = {
      "Applies state diffs, one block each in the order given, to an empty state and prints the global state root,",
      "then the contracts-trie root and the classes-trie root, one per line.",
      "A diff is the RPC's STATE_DIFF, or a state update holding one under \"state_diff\" (RPC or feeder gateway)."
    })
public final class StateRootCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--diff", required = true, paramLabel = "DIFF.json", description = "A state diff file (repeatable).")
  List<Path> diffs;

  @Option(
      names = "--pre-0.14",
      description = "Print the global root by the rule before Starknet 0.14 (the contracts root alone when no class is declared).")
  boolean pre014;

  @Override
  public Integer call() {
    BlockRoots roots;
    try (StateStore store = StateStore.inMemory()) {
      roots = store.roots(-1).orElseThrow();
      for (Path p : diffs) roots = store.commit(StateDiffJson.read(p));
    }
    Felt global =
        pre014
            ? StateCommitment.STARKNET.globalRootBefore0_14(roots.contractsRoot(), roots.classesRoot())
            : roots.globalRoot();
    spec.commandLine().getOut().println(global.toHex());
    spec.commandLine().getOut().println(roots.contractsRoot().toHex());
    spec.commandLine().getOut().println(roots.classesRoot().toHex());
    return 0;
  }
}
