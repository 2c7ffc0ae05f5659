package io.cairn.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCommandsTest {
  @TempDir Path dir;

  private Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  private static final String MINIMAL =
      """
      {"storage_diffs": [{"address": "0x2", "storage_entries": [{"key": "0x0", "value": "0x80"}]}],
       "deprecated_declared_classes": [], "declared_classes": [], "replaced_classes": [],
       "deployed_contracts": [], "nonces": []}
      """;

  @Test
  void emptyDiffGivesZeroRoots() throws IOException {
    CliHarness r = CliHarness.run("state-root", "--diff", write("empty.json", "{\"storage_diffs\": []}").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("0x0\n0x0\n0x0\n", r.out());
  }

  @Test
  void badInputNamesTheFileAndTheJsonPath() throws IOException {
    Path p =
        write(
            "bad.json",
            "{\"storage_diffs\": [{\"address\": \"0x2\", \"storage_entries\": [{\"key\": \"0x0\", \"value\": \"0xzz\"}]}]}");
    CliHarness r = CliHarness.run("state-root", "--diff", p.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("bad.json") && r.err().contains("$.storage_diffs[0].storage_entries[0].value"), r.err());

    CliHarness missing = CliHarness.run("state-root", "--diff", dir.resolve("nope.json").toString());
    assertEquals(2, missing.exitCode());
    CliHarness noStore = CliHarness.run("state", "--db", dir.resolve("nostore").toString(), "root");
    assertEquals(2, noStore.exitCode());
    assertTrue(noStore.err().contains("no state store"), noStore.err());
  }

  @Test
  void stateRootReproducesPathfinderVector() throws IOException {
    CliHarness r = CliHarness.run("state-root", "--diff", write("d.json", MINIMAL).toString());
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("0x68bcf9e9257ab6bffd9425833a208aaab6b85649fd21c787a546cb7cb9abf", lines[0]);
    assertEquals("0x0", lines[2]);
    CliHarness old = CliHarness.run("state-root", "--pre-0.14", "--diff", write("d.json", MINIMAL).toString());
    assertEquals(lines[1], old.out().split("\n")[0]);
  }

  @Test
  void storeApplyReadAtPastBlocksAndRevert() throws IOException {
    String db = dir.resolve("db").toString();
    Path d0 = write("d0.json", MINIMAL);
    Path d1 =
        write(
            "d1.json",
            """
            {"state_diff": {"storage_diffs": [{"address": "0x2", "storage_entries": [{"key": "0x0", "value": "0x81"}]}],
              "nonces": [{"contract_address": "0x2", "nonce": "0x3"}],
              "deployed_contracts": [{"address": "0x1234", "class_hash": "0xabc"}],
              "declared_classes": [{"class_hash": "0xabc", "compiled_class_hash": "0xdef"}]}}
            """);
    CliHarness a = CliHarness.run("state", "--db", db, "apply", "--diff", d0.toString(), "--diff", d1.toString());
    assertEquals(0, a.exitCode(), a.err());
    assertTrue(a.out().startsWith("block 1\n"), a.out());
    assertEquals("0x81\n", CliHarness.run("state", "--db", db, "get-storage", "--contract", "0x2", "--key", "0x0").out());
    assertEquals("0x80\n", CliHarness.run("state", "--db", db, "get-storage", "--contract", "0x2", "--key", "0x0", "--block", "0").out());
    assertEquals("0x3\n", CliHarness.run("state", "--db", db, "get-nonce", "--contract", "0x2").out());
    assertEquals("0xabc\n", CliHarness.run("state", "--db", db, "get-class-hash", "--contract", "0x1234").out());
    assertEquals("0x0\n", CliHarness.run("state", "--db", db, "get-class-hash", "--contract", "0x1234", "--block", "0").out());
    String root0 = CliHarness.run("state", "--db", db, "root", "--block", "0").out();
    assertTrue(root0.startsWith("0x68bcf9e9257ab6bffd9425833a208aaab6b85649fd21c787a546cb7cb9abf\n"), root0);
    assertEquals(2, CliHarness.run("state", "--db", db, "root", "--block", "7").exitCode());
    CliHarness proof =
        CliHarness.run("state", "--db", db, "proof", "--contract", "0x2", "--class", "0xabc", "--storage-key", "0x2:0x0");
    assertEquals(0, proof.exitCode(), proof.err());
    var p = io.cairn.state.StorageProofJson.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(proof.out()));
    var sc = io.cairn.state.StateCommitment.STARKNET;
    var contract = p.verifyContract(sc, 0, io.cairn.crypto.field.Felt.of(2));
    assertEquals("0x3", contract.nonce().toHex());
    assertEquals("0x81", p.verifyStorage(sc, 0, contract.storageRoot(), io.cairn.crypto.field.Felt.ZERO).toHex());
    assertEquals(sc.classLeaf(io.cairn.crypto.field.Felt.fromHex("0xdef")), p.verifyClass(sc, io.cairn.crypto.field.Felt.fromHex("0xabc")));
    assertEquals(a.out().substring("block 1\n".length()).split("\n")[0], p.globalRoot(sc).toHex());
    assertEquals(root0, CliHarness.run("state", "--db", db, "revert", "--to-block", "0").out());
    assertEquals(root0, CliHarness.run("state", "--db", db, "root").out());
  }
}
