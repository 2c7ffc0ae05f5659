package io.cairn.cli.l1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.l1.Anvil;
import io.cairn.l1.GasTable;
import io.cairn.l1.L1Client;
import io.cairn.l1.L1Event;
import io.cairn.l1.L1EventFollower;
import io.cairn.l1.MessageToL2;
import io.cairn.l1.OsOutput;
import io.cairn.l1.TxReport;
import io.cairn.starknet.block.BlockData.StateDiff;
import java.util.TreeSet;
import io.cairn.l1.da.StateDiffCodec;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn l1}: settlement on Ethereum. */
@Command(
    name = "l1",
    mixinStandardHelpOptions = true,
    description = "Settle on Ethereum: run anvil, deploy CairnCore, submit state updates, pass L1<->L2 messages.",
    subcommands = {
      L1Command.AnvilCmd.class,
      L1Command.Deploy.class,
      L1Command.Fact.class,
      L1Command.RegisterFact.class,
      L1Command.UpdateState.class,
      L1Command.State.class,
      L1Command.SendMessage.class,
      L1Command.ConsumeMessage.class,
      L1Command.StartCancellation.class,
      L1Command.CancelMessage.class,
      L1Command.Events.class,
      L1Command.DecodeDa.class,
      L1Command.Gas.class,
    })
public final class L1Command implements Runnable {
  static {
    // web3j logs through SLF4J; with no binding SLF4J warns on stderr at first use. Keep our one-line stderr contract.
    if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Base for commands that print one JSON document. */
  abstract static class JsonCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    void out(Object text) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
    }
  }

  @Command(name = "anvil", mixinStandardHelpOptions = true,
      description = {"Start a local anvil (the one the build installed) on 127.0.0.1 and wait until it answers.",
          "Prints {rpcUrl, pid}. Runs in the foreground until interrupted, unless --detach."})
  static final class AnvilCmd extends JsonCommand {
    @Option(names = "--port", defaultValue = "8545", description = "Port on 127.0.0.1 (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--detach", description = "Leave anvil running in the background and return; stop it with `kill <pid>`.")
    boolean detach;

    @Option(names = "--block-time", paramLabel = "SECONDS", description = "Mine a block every SECONDS instead of one per transaction.")
    Integer blockTime;

    @Override
    public Integer call() throws InterruptedException {
      List<String> args = new ArrayList<>();
      if (blockTime != null) args.addAll(List.of("--block-time", blockTime.toString()));
      Anvil anvil = Anvil.start(port, args);
      ObjectNode n = Json.object();
      n.put("rpcUrl", anvil.rpcUrl());
      n.put("pid", anvil.pid());
      n.put("devPrivateKey", Anvil.DEV_PRIVATE_KEY);
      out(Json.print(n));
      if (detach) return 0;
      Thread stopper = new Thread(anvil::close, "cairn-anvil-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      int code = anvil.waitFor();
      return code == 0 ? 0 : 1;
    }
  }

  @Command(name = "deploy", mixinStandardHelpOptions = true,
      description = {"Deploy the development fact registry and CairnCore trusting it; the signer becomes governor, "
          + "operator and fact registrar. Prints the addresses and gas as JSON."})
  static final class Deploy extends JsonCommand {
    @Mixin RpcOptions rpc;

    @Option(names = "--program-hash", defaultValue = "0x1c128b765f47ce1dbf6b0d648cd73df8ae34ace6b96de774abf4559fe49871f",
        description = "OS program hash (hash chain, bootloader version 0) the facts are bound to (default: Starknet's OS at cairo-lang v0.14.0.1).")
    String programHash;

    @Option(names = "--config-hash", defaultValue = "0x70c7b342f93155315d1cb2da7a4e13a3c2430f51fb5696c1b224c3da5508dfb",
        description = "OS config hash outputs must carry (default: Starknet mainnet's).")
    String configHash;

    @Option(names = "--state-root", defaultValue = "0", description = "Initial state root (default 0).")
    String stateRoot;

    @Option(names = "--block-number", defaultValue = "-1", description = "Initial block number (default -1: no block yet).")
    long blockNumber;

    @Option(names = "--block-hash", defaultValue = "0", description = "Initial block hash (default 0).")
    String blockHash;

    @Option(names = "--cancellation-delay", defaultValue = "432000", paramLabel = "SECONDS",
        description = "Delay between starting and finishing an L1->L2 message cancellation (default ${DEFAULT-VALUE} = 5 days).")
    long cancellationDelay;

    @Override
    public Integer call() {
      try (L1Client c = rpc.connect()) {
        L1Client.Deployment d = c.deploy(new L1Client.InitialState(Felt.parse(programHash), Felt.parse(configHash),
            Felt.parse(stateRoot), blockNumber, Felt.parse(blockHash), cancellationDelay));
        ObjectNode n = Json.object();
        n.put("core", d.core());
        n.put("factRegistry", d.factRegistry());
        n.put("chainId", c.chainId());
        n.put("governor", c.account());
        n.set("coreDeployment", Json.tx(d.coreTx()));
        n.set("registryDeployment", Json.tx(d.registryTx()));
        out(Json.print(n));
        return 0;
      }
    }
  }

  /** The node, for commands that only read. */
  static final class ReadOptions {
    @Option(names = {"--rpc-url", "--rpc"}, defaultValue = "http://127.0.0.1:8545", paramLabel = "URL",
        description = "Ethereum JSON-RPC endpoint (default: ${DEFAULT-VALUE}).")
    String rpcUrl;
  }

  /** An OS output file and the program hash its fact binds to. */
  static final class OutputOptions {
    @Option(names = "--output", required = true, paramLabel = "FILE",
        description = "OS output words: JSON array of hex/decimal strings, or whitespace-separated values.")
    Path output;

    @Option(names = "--program-hash", defaultValue = "0x1c128b765f47ce1dbf6b0d648cd73df8ae34ace6b96de774abf4559fe49871f",
        description = "OS program hash (default: Starknet's OS at cairo-lang v0.14.0.1).")
    String programHash;
  }

  @Command(name = "fact", mixinStandardHelpOptions = true,
      description = "Print the fact a verifier must register for an OS output: keccak256(abi.encode(programHash, keccak256(output))). Offline.")
  static final class Fact extends JsonCommand {
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      List<Felt> words = Json.readWords(output.output);
      out(Json.hex(OsOutput.fact(Felt.parse(output.programHash), words)));
      return 0;
    }
  }

  @Command(name = "register-fact", mixinStandardHelpOptions = true,
      description = "Register a fact in the DEVELOPMENT fact registry (a stand-in: no proof is checked).")
  static final class RegisterFact extends JsonCommand {
    @Mixin RpcOptions rpc;

    @Option(names = "--registry", required = true, paramLabel = "ADDRESS", description = "DevFactRegistry address.")
    String registry;

    @ArgGroup(exclusive = true, multiplicity = "1")
    FactSource source;

    static final class FactSource {
      @Option(names = "--fact", paramLabel = "0xFACT", description = "The 32-byte fact.")
      String fact;

      @ArgGroup(exclusive = false)
      OutputOptions output;
    }

    @Override
    public Integer call() {
      byte[] fact = source.fact != null
          ? org.web3j.utils.Numeric.hexStringToByteArray(bytes32(source.fact))
          : OsOutput.fact(Felt.parse(source.output.programHash), Json.readWords(source.output.output));
      try (L1Client c = rpc.connect()) {
        c.use(registry, registry);
        ObjectNode n = Json.tx(c.registerFact(fact));
        n.put("fact", Json.hex(fact));
        out(Json.print(n));
        return 0;
      }
    }

    private static String bytes32(String hex) {
      if (!hex.matches("0x[0-9a-fA-F]{64}")) throw new IllegalArgumentException("--fact must be 0x and 64 hex digits, got '" + hex + "'");
      return hex;
    }
  }

  @Command(name = "update-state", mixinStandardHelpOptions = true,
      description = {"Submit an OS output (DA included) to CairnCore.updateState.",
          "With --registry, first registers its fact in the development registry."})
  static final class UpdateState extends JsonCommand {
    @Mixin RpcOptions rpc;
    @Mixin OutputOptions output;

    @Option(names = "--core", required = true, paramLabel = "ADDRESS", description = "CairnCore address.")
    String core;

    @Option(names = "--registry", paramLabel = "ADDRESS", description = "Register the fact in this DevFactRegistry first.")
    String registry;

    @Override
    public Integer call() {
      List<Felt> words = Json.readWords(output.output);
      OsOutput parsed = OsOutput.parse(words);
      byte[] fact = OsOutput.fact(Felt.parse(output.programHash), words);
      try (L1Client c = rpc.connect()) {
        c.use(core, registry);
        ObjectNode n = Json.object();
        n.put("fact", Json.hex(fact));
        if (registry != null) n.set("registerFact", Json.tx(c.registerFact(fact)));
        TxReport r = c.updateState(parsed);
        n.set("updateState", Json.tx(r));
        n.put("newRoot", parsed.newRoot().toHex());
        n.put("newBlockNumber", parsed.newBlockNumber().toBigInteger());
        n.put("messagesToL1", parsed.messagesToL1().size());
        n.put("messagesToL2", parsed.messagesToL2().size());
        n.put("daWords", parsed.dataAvailability().size());
        out(Json.print(n));
        return 0;
      }
    }
  }

  @Command(name = "state", mixinStandardHelpOptions = true, description = "Print CairnCore's state root, block number and hashes.")
  static final class State extends JsonCommand {
    @Mixin ReadOptions read;

    @Option(names = "--core", required = true, paramLabel = "ADDRESS", description = "CairnCore address.")
    String core;

    @Override
    public Integer call() {
      try (L1Client c = L1Client.readOnly(read.rpcUrl)) {
        L1Client.CoreState s = c.use(core, null).state();
        ObjectNode n = Json.object();
        n.put("stateRoot", s.stateRoot().toHex());
        n.put("blockNumber", s.blockNumber());
        n.put("blockHash", s.blockHash().toHex());
        n.put("programHash", s.programHash().toHex());
        n.put("configHash", s.configHash().toHex());
        out(Json.print(n));
        return 0;
      }
    }
  }

  /** The fields that name an L1->L2 message. */
  static final class MessageOptions {
    @Option(names = "--core", required = true, paramLabel = "ADDRESS", description = "CairnCore address.")
    String core;

    @Option(names = "--to", required = true, paramLabel = "FELT", description = "L2 contract address.")
    String to;

    @Option(names = "--selector", required = true, paramLabel = "FELT", description = "L1 handler selector.")
    String selector;

    @Option(names = "--payload", split = ",", paramLabel = "FELT", description = "Payload, comma-separated.")
    List<String> payload = new ArrayList<>();

    List<Felt> payloadFelts() {
      List<Felt> out = new ArrayList<>();
      for (String p : payload) out.add(Felt.parse(p));
      return out;
    }
  }

  @Command(name = "send-message", mixinStandardHelpOptions = true,
      description = "Send an L1->L2 message with a fee (0 < fee <= 1 ether). Prints its hash and nonce.")
  static final class SendMessage extends JsonCommand {
    @Mixin RpcOptions rpc;
    @Mixin MessageOptions msg;

    @Option(names = "--fee", required = true, paramLabel = "WEI", description = "Fee in wei for the L2 handler.")
    BigInteger fee;

    @Override
    public Integer call() {
      try (L1Client c = rpc.connect()) {
        L1Client.SentMessage s = c.use(msg.core, null).sendMessageToL2(Felt.parse(msg.to), Felt.parse(msg.selector), msg.payloadFelts(), fee);
        ObjectNode n = Json.tx(s.tx());
        n.put("messageHash", Json.hex(s.message().hash()));
        n.put("nonce", s.message().nonce().toHex());
        out(Json.print(n));
        return 0;
      }
    }
  }

  @Command(name = "consume-message", mixinStandardHelpOptions = true,
      description = "Consume one copy of an L2->L1 message addressed to the signer.")
  static final class ConsumeMessage extends JsonCommand {
    @Mixin RpcOptions rpc;

    @Option(names = "--core", required = true, paramLabel = "ADDRESS", description = "CairnCore address.")
    String core;

    @Option(names = "--from", required = true, paramLabel = "FELT", description = "The sending L2 contract.")
    String from;

    @Option(names = "--payload", split = ",", paramLabel = "FELT", description = "Payload, comma-separated.")
    List<String> payload = new ArrayList<>();

    @Override
    public Integer call() {
      List<Felt> p = new ArrayList<>();
      for (String s : payload) p.add(Felt.parse(s));
      try (L1Client c = rpc.connect()) {
        ObjectNode n = Json.tx(c.use(core, null).consumeMessageFromL2(Felt.parse(from), p));
        n.put("messageHash", Json.hex(io.cairn.l1.MessagesToL1.hash(new io.cairn.starknet.block.BlockData.MessageToL1(Felt.parse(from), L1Client.ethAddressFelt(c.account()), p))));
        out(Json.print(n));
        return 0;
      }
    }
  }

  abstract static class CancellationCommand extends JsonCommand {
    @Mixin RpcOptions rpc;
    @Mixin MessageOptions msg;

    @Option(names = "--nonce", required = true, paramLabel = "N", description = "The nonce send-message printed.")
    String nonce;

    abstract TxReport act(L1Client c, MessageToL2 m);

    @Override
    public Integer call() {
      try (L1Client c = rpc.connect()) {
        MessageToL2 m = new MessageToL2(L1Client.ethAddressFelt(c.account()), Felt.parse(msg.to), Felt.parse(nonce),
            Felt.parse(msg.selector), msg.payloadFelts());
        ObjectNode n = Json.tx(act(c.use(msg.core, null), m));
        n.put("messageHash", Json.hex(m.hash()));
        out(Json.print(n));
        return 0;
      }
    }
  }

  @Command(name = "start-cancellation", mixinStandardHelpOptions = true,
      description = "Start cancelling an L1->L2 message the signer sent; finish with cancel-message after the delay.")
  static final class StartCancellation extends CancellationCommand {
    @Override
    TxReport act(L1Client c, MessageToL2 m) {
      return c.startL1ToL2MessageCancellation(m);
    }
  }

  @Command(name = "cancel-message", mixinStandardHelpOptions = true,
      description = "Finish cancelling an L1->L2 message once the delay has passed; the fee is refunded.")
  static final class CancelMessage extends CancellationCommand {
    @Override
    TxReport act(L1Client c, MessageToL2 m) {
      return c.cancelL1ToL2Message(m);
    }
  }

  @Command(name = "events", mixinStandardHelpOptions = true,
      description = {"Print CairnCore's events once they have the given number of confirmations, one JSON object per "
          + "line; with --polls 0, keep following (reorged events are printed again as \"reverted\")."})
  static final class Events extends JsonCommand {
    @Mixin ReadOptions read;

    @Option(names = "--core", required = true, paramLabel = "ADDRESS", description = "CairnCore address.")
    String core;

    @Option(names = "--from-block", defaultValue = "0", description = "First block to scan (default 0).")
    long fromBlock;

    @Option(names = "--confirmations", defaultValue = "0", description = "Blocks on top before an event is printed (default 0).")
    int confirmations;

    @Option(names = "--polls", defaultValue = "1", description = "How many times to poll (default 1; 0 = until interrupted).")
    long polls;

    @Option(names = "--poll-interval", defaultValue = "1000", paramLabel = "MS", description = "Pause between polls (default ${DEFAULT-VALUE} ms).")
    long pollInterval;

    @Override
    public Integer call() throws InterruptedException {
      if (polls < 0) throw new IllegalArgumentException("--polls must be >= 0, got " + polls);
      try (L1Client c = L1Client.readOnly(read.rpcUrl)) {
        L1EventFollower f = new L1EventFollower(c.web3j(), core, fromBlock, confirmations, 256);
        for (long i = 0; polls == 0 || i < polls; i++) {
          if (i > 0) Thread.sleep(pollInterval);
          for (L1EventFollower.Change change : f.poll()) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("change", change instanceof L1EventFollower.Change.Confirmed ? "confirmed" : "reverted");
            L1Event e = change.event();
            n.put("event", e.getClass().getSimpleName());
            n.put("blockNumber", e.position().blockNumber());
            n.put("blockHash", e.position().blockHash());
            n.put("transactionHash", e.position().transactionHash());
            n.put("logIndex", e.position().logIndex());
            n.put("detail", e.toString());
            out(n.toString());
          }
        }
        return 0;
      }
    }
  }

  @Command(name = "decode-da", mixinStandardHelpOptions = true,
      description = {"Rebuild the state diff from an OS output's DA segment: from a file (--output) or from an "
          + "updateState transaction (--tx, with --rpc-url)."})
  static final class DecodeDa extends JsonCommand {
    @Option(names = "--output", paramLabel = "FILE", description = "OS output words.")
    Path output;

    @Option(names = "--tx", paramLabel = "0xHASH", description = "An updateState transaction hash.")
    String tx;

    @Mixin ReadOptions read;

    @Override
    public Integer call() {
      if ((output == null) == (tx == null)) throw new IllegalArgumentException("give exactly one of --output FILE or --tx HASH");
      OsOutput out;
      if (output != null) {
        out = OsOutput.parse(Json.readWords(output));
      } else {
        try (L1Client c = L1Client.readOnly(read.rpcUrl)) {
          out = c.osOutputOf(tx);
        }
      }
      StateDiff diff = StateDiffCodec.decode(out.dataAvailability());
      ObjectNode n = Json.object();
      n.put("newRoot", out.newRoot().toHex());
      n.put("newBlockNumber", out.newBlockNumber().toBigInteger());
      ObjectNode contracts = n.putObject("contracts");
      TreeSet<Felt> touched = new TreeSet<>(diff.storageDiffs().keySet());
      touched.addAll(diff.nonces().keySet());
      touched.addAll(diff.deployedContracts().keySet());
      for (Felt address : touched) {
        ObjectNode cn = contracts.putObject(address.toHex());
        if (diff.nonces().containsKey(address)) cn.put("nonce", diff.nonces().get(address).toHex());
        if (diff.deployedContracts().containsKey(address)) cn.put("classHash", diff.deployedContracts().get(address).toHex());
        ObjectNode storage = cn.putObject("storage");
        for (Map.Entry<Felt, Felt> s : diff.storageDiffs().getOrDefault(address, new java.util.TreeMap<>()).entrySet()) {
          storage.put(s.getKey().toHex(), s.getValue().toHex());
        }
      }
      ObjectNode classes = n.putObject("declaredClasses");
      for (Map.Entry<Felt, Felt> e : diff.declaredClasses().entrySet()) classes.put(e.getKey().toHex(), e.getValue().toHex());
      out(Json.print(n));
      return 0;
    }
  }

  @Command(name = "gas", mixinStandardHelpOptions = true,
      description = {"Measure the gas of every CairnCore operation on a fresh deployment.",
          "Starts its own anvil on a free 127.0.0.1 port unless --rpc-url is given (which needs two funded dev keys: anvil's)."})
  static final class Gas extends JsonCommand {
    @Option(names = {"--rpc-url", "--rpc"}, paramLabel = "URL", description = "Use this anvil instead of starting one.")
    String rpcUrl;

    @Option(names = "--json", description = "Print JSON instead of a Markdown table.")
    boolean json;

    @Override
    public Integer call() {
      Anvil anvil = rpcUrl == null ? Anvil.start() : null;
      try (L1Client op = L1Client.connect(anvil != null ? anvil.rpcUrl() : rpcUrl, Anvil.DEV_PRIVATE_KEY);
          L1Client user = L1Client.connect(anvil != null ? anvil.rpcUrl() : rpcUrl, Anvil.DEV_PRIVATE_KEY_2)) {
        GasTable.Result r = GasTable.measure(op, user);
        if (json) {
          ObjectNode n = Json.object();
          n.put("hardfork", r.hardfork());
          n.put("daGasPer1000Words", r.daGasPer1000Words());
          ArrayNode rows = n.putArray("rows");
          for (GasTable.Row row : r.rows()) rows.addObject().put("operation", row.operation()).put("gasUsed", row.gasUsed()).put("note", row.note());
          out(Json.print(n));
        } else {
          StringBuilder sb = new StringBuilder();
          sb.append("| operation | gas | note |\n|---|---:|---|\n");
          for (GasTable.Row row : r.rows()) sb.append(String.format("| %s | %,d | %s |%n", row.operation(), row.gasUsed(), row.note()));
          sb.append(String.format("%nhardfork: %s; DA calldata: %,d gas per 1,000 words%n", r.hardfork(), r.daGasPer1000Words()));
          out(sb.toString().strip());
        }
        return 0;
      } finally {
        if (anvil != null) anvil.close();
      }
    }
  }
}
