package io.cairn.cli.prove;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.cli.CliHarness;
import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  static final String FIB = "stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json";


  @Test
  void validProofExitsZeroAndPrintsProgramHashOutputHashAndFact() {
    CliHarness r = CliHarness.run("verify", Fixtures.require(FIB).toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("valid proof (layout small, 512 steps"), r.out());
    assertTrue(r.out().matches("(?s).*program hash: 0x[0-9a-f]+\n.*"), r.out());
    // keccak256 of the empty output: the fibonacci program outputs nothing
    assertTrue(r.out().contains("output hash:  0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"), r.out());
    assertTrue(r.out().matches("(?s).*fact: +0x[0-9a-f]{64}\n.*"), r.out());
  }

  @Test
  void wrongVersionExitsOneNamingTheCheck() {
    CliHarness r = CliHarness.run("verify", Fixtures.require(FIB).toString(), "--stone-version", "5");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("invalid proof: OODS"), r.err());
  }

  @Test
  void alteredProofByteExitsOne(@TempDir Path dir) throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(Fixtures.require(FIB)));
    String hex = root.get("proof_hex").asText();
    int at = hex.length() - 10; // inside the last FRI layer's authentication nodes
    char c = hex.charAt(at) == '0' ? '1' : '0';
    root.put("proof_hex", hex.substring(0, at) + c + hex.substring(at + 1));
    Path f = dir.resolve("bad.json");
    new ObjectMapper().writeValue(f.toFile(), root);
    CliHarness r = CliHarness.run("verify", f.toString());
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains("invalid proof: "), r.err());
  }

  @Test
  void malformedInputExitsTwo(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.json");
    Files.writeString(f, "{\"proof_parameters\": {}}");
    CliHarness r = CliHarness.run("verify", f.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("proof_parameters.stark: missing"), r.err());
    assertEquals(2, CliHarness.run("verify", dir.resolve("absent.json").toString()).exitCode());
    assertEquals(2, CliHarness.run("verify", Fixtures.require(FIB).toString(), "--stone-version", "7").exitCode());
  }

  @Test
  void helpDescribesTheCommand() {
    CliHarness r = CliHarness.run("verify", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("--stone-version"));
  }
}
