package io.cairn.cli.call;

import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.vm.casm.CasmProgram;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.syscall.ContractRunner;
import io.cairn.vm.syscall.InMemorySyscallHandler;
import io.cairn.vm.syscall.SyscallCosts;
import io.cairn.vm.syscall.SyscallDispatcher;
import io.cairn.vm.syscall.SyscallHandler;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn call CLASS --entry-point NAME --calldata A,B,…}: one entry point of a CASM class, in memory. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Run one entry point of a CASM contract class on the Cairo VM with an in-memory world (storage, events,",
      "L2->L1 messages, nested calls, deploys of declared classes, block hashes) and print retdata, events,",
      "messages, deployed contracts, gas and steps. Every Starknet syscall is served. Exit 1 when the call panics."
    })
public final class CallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CLASS", description = "CASM class JSON (*.casm.json / *.compiled_contract_class.json).")
  Path file;

  @Option(names = "--entry-point", required = true, paramLabel = "NAME", description = "Function name, or a 0x selector.")
  String entryPoint;

  @Option(names = "--calldata", split = ",", paramLabel = "FELT", description = "Calldata felts, comma-separated (decimal or 0x).")
  List<String> calldata = new ArrayList<>();

  @Option(names = "--constructor-calldata", split = ",", paramLabel = "FELT", description = "Run the constructor first with these felts.")
  List<String> constructorCalldata;

  @Option(names = "--caller", paramLabel = "ADDRESS", defaultValue = "0x0", description = "get_caller_address (default: ${DEFAULT-VALUE}).")
  String caller;

  @Option(names = "--class-hash", paramLabel = "HASH", defaultValue = "0x1", description = "Class hash CLASS is declared under (default: ${DEFAULT-VALUE}).")
  String classHash;

  @Option(names = "--contract-address", paramLabel = "ADDRESS", defaultValue = "0x1000", description = "Address CLASS is deployed at (default: ${DEFAULT-VALUE}).")
  String contractAddress;

  @Option(
      names = "--declare",
      paramLabel = "HASH=FILE",
      description = "Declare another CASM class under HASH, for deploy, library_call and replace_class (repeatable).")
  List<String> declare = new ArrayList<>();

  @Option(names = "--block-number", paramLabel = "N", defaultValue = "0", description = "Current block number (default: ${DEFAULT-VALUE}).")
  long blockNumber;

  @Option(names = "--block-timestamp", paramLabel = "T", defaultValue = "0", description = "Current block timestamp (default: ${DEFAULT-VALUE}).")
  long blockTimestamp;

  @Option(
      names = "--block-hash",
      paramLabel = "N=HASH",
      description = "Hash get_block_hash returns for block N (repeatable; blocks later than the current minus 10 revert).")
  List<String> blockHashes = new ArrayList<>();

  @Option(names = "--tx-version", paramLabel = "V", defaultValue = "3", description = "Transaction version get_execution_info reports: 0, 1 or 3 (default: ${DEFAULT-VALUE}).")
  int txVersion;

  @Option(names = "--tx-hash", paramLabel = "HASH", defaultValue = "0x0", description = "Transaction hash get_execution_info reports (default: ${DEFAULT-VALUE}).")
  String txHash;

  @Option(names = "--chain-id", paramLabel = "ID", defaultValue = "0x0", description = "Chain id: a felt, or a short string such as SN_SEPOLIA (default: ${DEFAULT-VALUE}).")
  String chainId;

  @Option(names = "--nonce", paramLabel = "N", defaultValue = "0x0", description = "Transaction nonce (default: ${DEFAULT-VALUE}).")
  String nonce;

  @Option(names = "--signature", split = ",", paramLabel = "FELT", description = "Transaction signature felts, comma-separated.")
  List<String> signature = new ArrayList<>();

  @Option(
      names = "--validate",
      description = "Run in validate mode, as __validate__ runs: rounded block info, and deploy, get_class_hash_at,"
          + " meta_tx_v0, call_contract to other contracts and get_block_hash of recent blocks fail.")
  boolean validate;

  @Option(names = "--gas", paramLabel = "N", defaultValue = "1000000000", description = "Initial L2 gas (default: ${DEFAULT-VALUE}).")
  long gas;

  @Option(
      names = "--versioned-constants",
      required = true,
      paramLabel = "FILE",
      description = "blockifier versioned constants JSON (syscall and builtin gas costs).")
  Path versionedConstants;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    InMemorySyscallHandler world = new InMemorySyscallHandler(SyscallCosts.load(versionedConstants));
    BigInteger cls = felt(classHash, "--class-hash"), self = felt(contractAddress, "--contract-address");
    world.declare(cls, CasmProgram.of(ContractClasses.loadCasm(file), file.getFileName().toString()));
    for (String d : declare) {
      String[] kv = pair(d, "--declare");
      Path f = Path.of(kv[1]);
      world.declare(felt(kv[0], "--declare"), CasmProgram.of(ContractClasses.loadCasm(f), f.getFileName().toString()));
    }
    world.deploy(self, cls);
    if (blockNumber < 0 || blockTimestamp < 0) throw new IllegalArgumentException("--block-number and --block-timestamp must be non-negative");
    world.setBlockInfo(new SyscallHandler.BlockInfo(BigInteger.valueOf(blockNumber), BigInteger.valueOf(blockTimestamp), BigInteger.ZERO));
    for (String h : blockHashes) {
      String[] kv = pair(h, "--block-hash");
      long n;
      try {
        n = Long.parseLong(kv[0]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--block-hash: not a block number: '" + kv[0] + "'");
      }
      world.setBlockHash(n, felt(kv[1], "--block-hash"));
    }
    BigInteger from = felt(caller, "--caller");
    if (txVersion != 0 && txVersion != 1 && txVersion != 3) throw new IllegalArgumentException("--tx-version: expected 0, 1 or 3, got " + txVersion);
    BigInteger chain = chainId.matches("0x[0-9a-fA-F]+|[0-9]+") ? felt(chainId, "--chain-id") : shortString(chainId);
    BigInteger z = BigInteger.ZERO;
    List<BigInteger> sig = felts(signature, "--signature");
    world.setTxInfo(
        txVersion == 3
            ? new SyscallHandler.TxInfo(BigInteger.valueOf(3), from, z, sig, felt(txHash, "--tx-hash"), chain, felt(nonce, "--nonce"), true, List.of(), z, List.of(), 0, 0, List.of(), List.of())
            : SyscallHandler.TxInfo.deprecated(BigInteger.valueOf(txVersion), from, z, sig, felt(txHash, "--tx-hash"), chain, felt(nonce, "--nonce")));
    if (constructorCalldata != null) {
      ContractRunner.Outcome c = world.invokeFrom(from, self, Selectors.CONSTRUCTOR.toBigInteger(), felts(constructorCalldata, "--constructor-calldata"), gas);
      if (c.panicked()) {
        out.println("constructor panicked: " + c.panicText());
        return 1;
      }
    }
    world.setValidateMode(validate);
    BigInteger selector = entryPoint.startsWith("0x") ? felt(entryPoint, "--entry-point") : Selectors.fromName(entryPoint).toBigInteger();
    int eventsBefore = world.events().size();
    ContractRunner.Outcome o;
    try {
      o = world.invokeFrom(from, self, selector, felts(calldata, "--calldata"), gas);
    } catch (VmError e) {
      throw new VmError(ContractRunner.failureText(e), e);
    }
    out.println((o.panicked() ? "panic: " : "retdata: ") + hexList(o.retdata()));
    if (o.panicked()) out.println("reason: " + o.panicText());
    for (InMemorySyscallHandler.Event e : world.events().subList(eventsBefore, world.events().size()))
      out.println("event: keys " + hexList(e.keys()) + " data " + hexList(e.data()));
    for (InMemorySyscallHandler.MessageToL1 msg : world.messagesToL1())
      out.println("message to L1: from 0x" + msg.from().toString(16) + " to 0x" + msg.to().toString(16) + " payload " + hexList(msg.payload()));
    for (InMemorySyscallHandler.Deployment d : world.deployments())
      out.println(
          "deployed: 0x" + d.address().toString(16) + " class 0x" + d.classHash().toString(16) + " by 0x" + d.deployer().toString(16)
              + " calldata " + hexList(d.constructorCalldata()));
    if (!world.syscallUsage().isEmpty()) {
      StringBuilder sb = new StringBuilder("syscalls:");
      for (Map.Entry<String, SyscallDispatcher.Usage> e : world.syscallUsage().entrySet()) {
        sb.append(' ').append(e.getKey()).append(" x").append(e.getValue().calls());
        if (e.getValue().linearFactor() > 0) sb.append(" (+").append(e.getValue().linearFactor()).append(" felts)");
        sb.append(',');
      }
      out.println(sb.substring(0, sb.length() - 1));
    }
    out.println("gas used: " + (gas - o.gasLeft()));
    out.println("steps: " + o.steps() + (world.callTreeSteps() != o.steps() ? " (" + world.callTreeSteps() + " with nested calls)" : ""));
    return o.panicked() ? 1 : 0;
  }

  private static BigInteger shortString(String s) {
    if (s.length() > 31 || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
      throw new IllegalArgumentException("--chain-id: neither a felt nor a short string of at most 31 ASCII characters: '" + s + "'");
    return new BigInteger(1, s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static String[] pair(String s, String option) {
    int eq = s.indexOf('=');
    if (eq <= 0 || eq == s.length() - 1) throw new IllegalArgumentException(option + ": expected KEY=VALUE, got '" + s + "'");
    return new String[] {s.substring(0, eq).strip(), s.substring(eq + 1).strip()};
  }

  private static String hexList(List<BigInteger> v) {
    StringBuilder sb = new StringBuilder("[");
    for (BigInteger x : v) sb.append(sb.length() > 1 ? ", " : "").append("0x").append(x.toString(16));
    return sb.append(']').toString();
  }

  private static List<BigInteger> felts(List<String> values, String option) {
    List<BigInteger> out = new ArrayList<>();
    for (String s : values) if (!s.isBlank()) out.add(felt(s.strip(), option));
    return out;
  }

  private static BigInteger felt(String s, String option) {
    try {
      BigInteger v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
      if (v.signum() < 0 || v.bitLength() > 252) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not a felt: '" + s + "'");
    }
  }
}
