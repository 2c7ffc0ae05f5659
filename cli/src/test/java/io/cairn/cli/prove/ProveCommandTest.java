package io.cairn.cli.prove;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.cli.CliHarness;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProveCommandTest {
  static final String FIB_PROOF = "stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json";
  static final String FIB_PROGRAM = "cairo0-programs/proof_mode/fibonacci.json";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The fibonacci proof's parameters, made cheap: 2 cosets, 8 queries, 8 proof-of-work bits. */
  static Path fastParams(Path dir) throws Exception {
    ObjectNode p = (ObjectNode) JSON.readTree(Files.readAllBytes(Fixtures.require(FIB_PROOF))).get("proof_parameters");
    ObjectNode fri = (ObjectNode) p.get("stark").get("fri");
    fri.put("n_queries", 8);
    fri.put("proof_of_work_bits", 8);
    ((ObjectNode) p.get("stark")).put("log_n_cosets", 1);
    Path f = dir.resolve("params.json");
    Files.writeString(f, p.toString());
    return f;
  }

  @Test
  void provesAProgramAndTheProofVerifies(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("proof.json");
    CliHarness r =
        CliHarness.run("prove", Fixtures.require(FIB_PROGRAM).toString(), "--layout", "small", "--params", fastParams(dir).toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("proof written to"), r.out());
    JsonNode proof = JSON.readTree(Files.readAllBytes(out));
    for (String key : new String[] {"proof_parameters", "prover_config", "public_input", "proof_hex"}) assertTrue(proof.has(key), key);
    CliHarness v = CliHarness.run("verify", out.toString());
    assertEquals(0, v.exitCode(), v.err());
  }

  @Test
  void provingFromAirFilesGivesTheSameProof(@TempDir Path dir) throws Exception {
    String program = Fixtures.require(FIB_PROGRAM).toString();
    Path pub = dir.resolve("pub.json"), priv = dir.resolve("priv.json"), trace = dir.resolve("t.bin"), mem = dir.resolve("m.bin");
    CliHarness run =
        CliHarness.run("run", program, "--layout", "small", "--proof-mode", "--air-public-input", pub.toString(), "--air-private-input", priv.toString(),
            "--trace-file", trace.toString(), "--memory-file", mem.toString());
    assertEquals(0, run.exitCode(), run.err());
    Path params = fastParams(dir);
    Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
    CliHarness fromProgram = CliHarness.run("prove", program, "--params", params.toString(), "--out", a.toString());
    assertEquals(0, fromProgram.exitCode(), fromProgram.err());
    CliHarness fromFiles =
        CliHarness.run("prove", "--air-public-input", pub.toString(), "--air-private-input", priv.toString(), "--params", params.toString(), "--out", b.toString());
    // the ECDSA builtin's signatures (the small layout writes its dummy one for every unused instance) come from the
    // private input here, from the run there: the proofs must be the same
    assertEquals(0, fromFiles.exitCode(), fromFiles.err());
    assertEquals(JSON.readTree(Files.readAllBytes(a)).get("proof_hex"), JSON.readTree(Files.readAllBytes(b)).get("proof_hex"));
    assertTrue(JSON.readTree(Files.readAllBytes(b)).has("private_input"));
  }

  /**
   * Issue 8's must-show: with the parameters and prover config of Stone's proof of the same run, the proof is Stone's,
   * byte for byte (the proof-of-work search starts at Stone's nonce, the lowest, ~9·10⁹ hashes from 0).
   */
  @Test
  void reproducesStonesFibonacciProof(@TempDir Path dir) throws Exception {
    JsonNode stone = JSON.readTree(Files.readAllBytes(Fixtures.require(FIB_PROOF)));
    Path params = dir.resolve("params.json"), config = dir.resolve("config.json"), out = dir.resolve("proof.json");
    Files.writeString(params, stone.get("proof_parameters").toString());
    Files.writeString(config, stone.get("prover_config").toString());
    CliHarness r =
        CliHarness.run(
            "prove", Fixtures.require(FIB_PROGRAM).toString(), "--layout", "small", "--params", params.toString(), "--prover-config", config.toString(),
            "--pow-start-nonce", "8882061233", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode ours = JSON.readTree(Files.readAllBytes(out));
    assertEquals(stone.get("proof_hex").asText(), ours.get("proof_hex").asText());
    assertEquals(stone.get("public_input"), ours.get("public_input"));
    assertEquals(stone.get("proof_parameters"), ours.get("proof_parameters"));
    assertEquals(stone.get("prover_config"), ours.get("prover_config"));
  }

  @Test
  void badInputExitsTwo(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("p.json");
    CliHarness none = CliHarness.run("prove", "--out", out.toString());
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("give PROGRAM.json"), none.err());
    Path badParams = dir.resolve("bad.json");
    Files.writeString(badParams, "{\"stark\": {}}");
    CliHarness bad = CliHarness.run("prove", Fixtures.require(FIB_PROGRAM).toString(), "--params", badParams.toString(), "--out", out.toString());
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("bad.json"), bad.err());
    Path badConfig = dir.resolve("config.json");
    Files.writeString(badConfig, "{\"n_out_of_memory_merkle_layers\": \"many\"}");
    CliHarness config = CliHarness.run("prove", Fixtures.require(FIB_PROGRAM).toString(), "--prover-config", badConfig.toString(), "--out", out.toString());
    assertEquals(2, config.exitCode(), config.err());
    assertTrue(config.err().contains("config.json: n_out_of_memory_merkle_layers"), config.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void helpExitsZero() {
    CliHarness r = CliHarness.run("prove", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("--air-private-input"), r.out());
  }
}
