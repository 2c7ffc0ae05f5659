package io.cairn.cli.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cli.CliHarness;
import io.cairn.cli.ExitCodes;
import io.cairn.crypto.field.Felt;
import io.cairn.l1.Anvil;
import io.cairn.l1.L1Client;
import io.cairn.l1.OsOutput;
import io.cairn.starknet.block.BlockData.StateDiff;
import io.cairn.l1.da.StateDiffCodec;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole `cairn l1` flow in-process against an anvil the command itself started. */
class L1CommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEY = Anvil.DEV_PRIVATE_KEY;
  static String rpc;
  static long anvilPid;

  @BeforeAll
  static void startAnvil() throws Exception {
    Assumptions.assumeTrue(Anvil.locate().isPresent(), "anvil binary missing: build the l1 module or set CAIRN_ANVIL");
    CliHarness r = CliHarness.run("l1", "anvil", "--port", "0", "--detach");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode n = JSON.readTree(r.out());
    rpc = n.get("rpcUrl").asText();
    anvilPid = n.get("pid").asLong();
    assertTrue(rpc.startsWith("http://127.0.0.1:"), rpc);
  }

  @AfterAll
  static void stopAnvil() {
    if (anvilPid != 0) ProcessHandle.of(anvilPid).ifPresent(ProcessHandle::destroy);
  }

  static JsonNode ok(String... args) throws Exception {
    CliHarness r = CliHarness.run(args);
    assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.err());
    return JSON.readTree(r.out());
  }

  @Test
  void deployUpdateStateMessagesAndDa(@TempDir Path dir) throws Exception {
    JsonNode d = ok("l1", "deploy", "--rpc-url", rpc, "--private-key", KEY);
    String core = d.get("core").asText(), registry = d.get("factRegistry").asText();
    assertTrue(d.get("coreDeployment").get("gasUsed").asLong() > 0);

    JsonNode sent = ok("l1", "send-message", "--rpc-url", rpc, "--private-key", KEY, "--core", core,
        "--to", "0x123", "--selector", "0x456", "--payload", "1,0x2", "--fee", "1000");
    assertEquals("0x0", sent.get("nonce").asText());
    String[] message = {"--rpc-url", rpc, "--private-key", KEY, "--core", core, "--to", "0x123", "--selector", "0x456",
        "--payload", "1,0x2", "--nonce", "0"};
    JsonNode started = ok(concat(new String[] {"l1", "start-cancellation"}, message));
    assertEquals(sent.get("messageHash").asText(), started.get("messageHash").asText());
    CliHarness early = CliHarness.run(concat(new String[] {"l1", "cancel-message"}, message));
    assertEquals(ExitCodes.NEGATIVE, early.exitCode());
    assertTrue(early.err().contains("CancellationNotAllowedYet"), early.err());

    TreeMap<Felt, Felt> storage = new TreeMap<>();
    storage.put(Felt.of(7), Felt.of(8));
    TreeMap<Felt, java.util.SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    storageDiffs.put(Felt.of(0x999), storage);
    TreeMap<Felt, Felt> nonces = new TreeMap<>();
    nonces.put(Felt.of(0x999), Felt.ONE);
    StateDiff diff = new StateDiff(new TreeMap<>(), new TreeMap<>(), List.of(), storageDiffs, nonces);
    MessageToL1 toL1 = new MessageToL1(Felt.of(0xabc), L1Client.ethAddressFelt(d.get("governor").asText()), List.of(Felt.of(5)));
    OsOutput out = new OsOutput(Felt.ZERO, Felt.of(111), OsOutput.NO_BLOCK, Felt.ZERO, Felt.ZERO, Felt.of(222), Felt.ZERO,
        Felt.fromHex("0x70c7b342f93155315d1cb2da7a4e13a3c2430f51fb5696c1b224c3da5508dfb"), List.of(toL1), List.of(), StateDiffCodec.encode(diff));
    Path file = dir.resolve("output.json");
    Files.writeString(file, JSON.writeValueAsString(out.words().stream().map(Felt::toHex).toList()));

    // Without its fact the update is refused: a negative answer, exit 1, one line naming the error.
    CliHarness refused = CliHarness.run("l1", "update-state", "--rpc-url", rpc, "--private-key", KEY, "--core", core, "--output", file.toString());
    assertEquals(ExitCodes.NEGATIVE, refused.exitCode());
    assertTrue(refused.err().contains("FactNotRegistered"), refused.err());

    CliHarness fact = CliHarness.run("l1", "fact", "--output", file.toString());
    JsonNode u = ok("l1", "update-state", "--rpc-url", rpc, "--private-key", KEY, "--core", core, "--registry", registry,
        "--output", file.toString());
    assertEquals(fact.out().strip(), u.get("fact").asText());
    assertEquals(1, u.get("messagesToL1").asInt());

    JsonNode state = ok("l1", "state", "--rpc", rpc, "--core", core);
    assertEquals("0x6f", state.get("stateRoot").asText());
    assertEquals(0, state.get("blockNumber").asLong());

    JsonNode consumed = ok("l1", "consume-message", "--rpc-url", rpc, "--private-key", KEY, "--core", core, "--from", "0xabc", "--payload", "5");
    assertTrue(consumed.get("gasUsed").asLong() > 0);

    JsonNode da = ok("l1", "decode-da", "--rpc-url", rpc, "--tx", u.get("updateState").get("transactionHash").asText());
    assertEquals("0x8", da.get("contracts").get("0x999").get("storage").get("0x7").asText());
    assertEquals("0x1", da.get("contracts").get("0x999").get("nonce").asText());

    CliHarness events = CliHarness.run("l1", "events", "--rpc-url", rpc, "--core", core, "--polls", "2", "--poll-interval", "10");
    assertEquals(0, events.exitCode(), events.err());
    assertTrue(events.out().contains("MessageToL2Sent") && events.out().contains("StateUpdated") && events.out().contains("MessageToL1Consumed"), events.out());
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void badInputIsExitTwoOnOneLine(@TempDir Path dir) throws Exception {
    CliHarness badKey = CliHarness.run("l1", "deploy", "--rpc-url", rpc, "--private-key", "0x1234");
    assertEquals(ExitCodes.BAD_INPUT, badKey.exitCode());
    assertEquals(1, badKey.err().strip().lines().count(), badKey.err());

    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "0x1 0x2 zz");
    CliHarness badOutput = CliHarness.run("l1", "fact", "--output", file.toString());
    assertEquals(ExitCodes.BAD_INPUT, badOutput.exitCode());
    assertTrue(badOutput.err().contains("word 2"), badOutput.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : List.of("anvil", "deploy", "fact", "register-fact", "update-state", "state", "send-message", "consume-message",
        "start-cancellation", "cancel-message", "events", "decode-da", "gas")) {
      CliHarness r = CliHarness.run("l1", c, "--help");
      assertEquals(0, r.exitCode(), c);
      assertTrue(r.out().contains("Usage: cairn l1 " + c), r.out());
    }
  }
}
