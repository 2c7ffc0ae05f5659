package io.cairn.cli.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.state.BlockRoots;
import io.cairn.state.StateDiffJson;
import io.cairn.state.StateStore;
import io.cairn.state.StorageProofJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "Inspects or extends a state store (RocksDB): reads at the head or at any past block, roots, diffs.",
    subcommands = {
      StateCommand.GetStorage.class,
      StateCommand.GetNonce.class,
      StateCommand.GetClassHash.class,
      StateCommand.Root.class,
      StateCommand.Proof.class,
      StateCommand.Apply.class,
      StateCommand.Revert.class
    })
public final class StateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "DIR", description = "The state store's directory.")
  Path db;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  StateStore openExisting() {
    if (!Files.isDirectory(db)) throw new IllegalArgumentException("no state store in " + db);
    return StateStore.open(db);
  }

  /** A command on one block of an existing store: {@code --block N}, the head by default. */
  abstract static class AtBlock implements Callable<Integer> {
    @ParentCommand StateCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--block", paramLabel = "N", description = "As of block N (default: the head).")
    Long block;

    abstract void run(StateStore store, long block, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
      try (StateStore store = parent.openExisting()) {
        long b = block != null ? block : store.head();
        if (b < -1 || b > store.head())
          throw new IllegalArgumentException("--block " + b + ": the store holds blocks 0.." + store.head());
        run(store, b, spec.commandLine().getOut());
      }
      return 0;
    }
  }

  /** Reads of one value. */
  abstract static class Read extends AtBlock {
    abstract Felt read(StateStore store, long block);

    @Override
    void run(StateStore store, long b, PrintWriter out) {
      out.println(read(store, b).toHex());
    }
  }

  @Command(name = "get-storage", mixinStandardHelpOptions = true, description = "Prints a storage value (0x0 when unset).")
  static final class GetStorage extends Read {
    @Option(names = "--contract", required = true, paramLabel = "ADDRESS") String contract;
    @Option(names = "--key", required = true, paramLabel = "KEY") String key;

    @Override
    Felt read(StateStore store, long b) {
      return store.reader(b).storageAt(felt("--contract", contract), felt("--key", key));
    }
  }

  @Command(name = "get-nonce", mixinStandardHelpOptions = true, description = "Prints a contract's nonce.")
  static final class GetNonce extends Read {
    @Option(names = "--contract", required = true, paramLabel = "ADDRESS") String contract;

    @Override
    Felt read(StateStore store, long b) {
      return store.reader(b).nonceAt(felt("--contract", contract));
    }
  }

  @Command(name = "get-class-hash", mixinStandardHelpOptions = true, description = "Prints a contract's class hash (0x0 when not deployed).")
  static final class GetClassHash extends Read {
    @Option(names = "--contract", required = true, paramLabel = "ADDRESS") String contract;

    @Override
    Felt read(StateStore store, long b) {
      return store.reader(b).classHashAt(felt("--contract", contract));
    }
  }

  @Command(
      name = "root",
      mixinStandardHelpOptions = true,
      description = "Prints the global root, the contracts root and the classes root after a block, one per line.")
  static final class Root extends AtBlock {
    @Override
    void run(StateStore store, long b, PrintWriter out) {
      print(out, store.roots(b).orElseThrow());
    }
  }

  @Command(
      name = "proof",
      mixinStandardHelpOptions = true,
      description = "Prints Merkle proofs as starknet_getStorageProof's result (JSON; global_roots without block_hash).")
  static final class Proof extends AtBlock {
    @Option(names = "--class", paramLabel = "CLASS_HASH", description = "A class hash to prove (repeatable).")
    List<String> classes = new ArrayList<>();

    @Option(names = "--contract", paramLabel = "ADDRESS", description = "A contract to prove (repeatable).")
    List<String> contracts = new ArrayList<>();

    @Option(names = "--storage-key", paramLabel = "ADDRESS:KEY", description = "A storage slot to prove (repeatable).")
    List<String> storageKeys = new ArrayList<>();

    @Override
    void run(StateStore store, long b, PrintWriter out) throws Exception {
      List<Felt> cs = new ArrayList<>(), as = new ArrayList<>();
      for (String c : classes) cs.add(felt("--class", c));
      for (String a : contracts) as.add(felt("--contract", a));
      Map<Felt, List<Felt>> keys = new LinkedHashMap<>();
      for (String sk : storageKeys) {
        int colon = sk.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("--storage-key " + sk + ": expected ADDRESS:KEY");
        keys.computeIfAbsent(felt("--storage-key", sk.substring(0, colon)), x -> new ArrayList<>())
            .add(felt("--storage-key", sk.substring(colon + 1)));
      }
      if (b < 0) throw new IllegalArgumentException("--block: the store holds no block to prove against");
      var json = StorageProofJson.toJson(store.storageProof(b, cs, as, keys), null);
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = "Commits state diffs as the next blocks (creating the store if needed) and prints the last roots.")
  static final class Apply implements Callable<Integer> {
    @ParentCommand StateCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--diff", required = true, paramLabel = "DIFF.json", description = "A state diff file (repeatable).")
    List<Path> diffs;

    @Override
    public Integer call() {
      try (StateStore store = StateStore.open(parent.db)) {
        BlockRoots r = store.roots(store.head()).orElseThrow();
        for (Path p : diffs) r = store.commit(StateDiffJson.read(p));
        spec.commandLine().getOut().println("block " + r.block());
        print(spec.commandLine().getOut(), r);
      }
      return 0;
    }
  }

  @Command(name = "revert", mixinStandardHelpOptions = true, description = "Undoes every block after --to-block (-1: all).")
  static final class Revert implements Callable<Integer> {
    @ParentCommand StateCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--to-block", required = true, paramLabel = "N") long toBlock;

    @Override
    public Integer call() {
      try (StateStore store = parent.openExisting()) {
        store.revertTo(toBlock);
        print(spec.commandLine().getOut(), store.roots(toBlock).orElseThrow());
      }
      return 0;
    }
  }

  static void print(PrintWriter out, BlockRoots r) {
    out.println(r.globalRoot().toHex());
    out.println(r.contractsRoot().toHex());
    out.println(r.classesRoot().toHex());
  }

  static Felt felt(String option, String text) {
    try {
      return Felt.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }
}
