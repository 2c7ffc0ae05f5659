package io.cairn.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cli.CliHarness;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void writesCairoRunTraceAndPrintsOutput() throws Exception {
    Path dir = Fixtures.require("cairo0-programs/with_trace_and_memory");
    Path trace = tmp.resolve("t.bin");
    CliHarness r = CliHarness.run("run", dir.resolve("fibonacci_10.json").toString(), "--layout", "plain", "--trace-file", trace.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertArrayEquals(Files.readAllBytes(dir.resolve("fibonacci_10.trace")), Files.readAllBytes(trace));
  }

  @Test
  void printOutputUsesSignedFieldElements() {
    Path p = Fixtures.require("cairo0-programs/bitwise_output.json");
    CliHarness r = CliHarness.run("run", p.toString(), "--layout", "starknet_with_keccak", "--print-output");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("Program output:\n"), r.out());
  }

  @Test
  void proofModePublicInputMatchesStone() throws Exception {
    Path pi = tmp.resolve("pub.json");
    Path tr = tmp.resolve("trace"), mem = tmp.resolve("memory"), priv = tmp.resolve("priv.json");
    CliHarness r =
        CliHarness.run(
            "run", Fixtures.require("cairo0-programs/proof_mode/fibonacci.json").toString(), "--layout", "small",
            "--proof-mode", "--air-public-input", pi.toString(), "--trace-file", tr.toString(), "--memory-file",
            mem.toString(), "--air-private-input", priv.toString());
    assertEquals(0, r.exitCode(), r.err());
    ObjectMapper om = new ObjectMapper();
    var expected =
        om.readTree(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json").toFile()).get("public_input");
    assertEquals(expected, om.readTree(pi.toFile()));
    assertEquals(512 * 24, Files.size(tr));
    var privJson = om.readTree(priv.toFile());
    assertEquals(tr.toAbsolutePath().toString(), privJson.get("trace_path").asText());
    assertTrue(privJson.get("pedersen").isArray() && privJson.get("ecdsa").isArray());
  }

  @Test
  void exhaustedMaxStepsFailsWithExitOne() {
    Path p = Fixtures.require("cairo0-programs/fibonacci.json");
    CliHarness r = CliHarness.run("run", p.toString(), "--max-steps", "10");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("End of program was not reached"), r.err());
  }

  @Test
  void malformedProgramIsBadInput() throws Exception {
    Path p = tmp.resolve("bad.json");
    Files.writeString(p, "{\"data\": [\"0xzz\"]}");
    CliHarness r = CliHarness.run("run", p.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("$.data[0]"), r.err());
  }

  @Test
  void unknownLayoutIsBadInput() {
    CliHarness r = CliHarness.run("run", Fixtures.require("cairo0-programs/fibonacci.json").toString(), "--layout", "nope");
    assertEquals(2, r.exitCode());
  }

  @Test
  void failingAssertExitsOneWithLocationAndTraceback() throws Exception {
    // main: call f; ret.  f: [ap] = 1; [ap] = 2 (fails); ret.  With debug_info locations for both pcs.
    String json =
        "{\"data\":[\"0x1104800180018000\",\"0x3\",\"0x208b7fff7fff7ffe\",\"0x400680017fff8000\",\"0x1\","
            + "\"0x400680017fff8000\",\"0x2\",\"0x208b7fff7fff7ffe\"],\"builtins\":[],\"hints\":{},"
            + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},\"reference_manager\":{\"references\":[]},"
            + "\"attributes\":[{\"name\":\"error_message\",\"value\":\"x must be 1\",\"start_pc\":5,\"end_pc\":7}],"
            + "\"debug_info\":{\"instruction_locations\":{"
            + "\"0\":{\"inst\":{\"input_file\":{\"filename\":\"t.cairo\"},\"start_line\":3,\"start_col\":5}},"
            + "\"5\":{\"inst\":{\"input_file\":{\"filename\":\"t.cairo\"},\"start_line\":9,\"start_col\":5}}}}}";
    Path p = tmp.resolve("fail.json");
    Files.writeString(p, json);
    CliHarness r = CliHarness.run("run", p.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("t.cairo:9:5: Error at pc=0:5:\nAn ASSERT_EQ instruction failed: 1 != 2."), r.err());
    assertTrue(r.err().contains("Error message: x must be 1"), r.err());
    assertTrue(r.err().contains("Cairo traceback (most recent call last):\nt.cairo:3:5: (pc=0:0)"), r.err());
  }

  @Test
  void unknownHintExitsOneNamingTheCode() throws Exception {
    String json =
        "{\"data\":[\"0x208b7fff7fff7ffe\"],\"builtins\":[],\"hints\":{\"0\":[{\"code\":\"print(1)\",\"accessible_scopes\":[],"
            + "\"flow_tracking_data\":{\"ap_tracking\":{\"group\":0,\"offset\":0},\"reference_ids\":{}}}]},"
            + "\"identifiers\":{\"__main__.main\":{\"type\":\"function\",\"pc\":0}},\"reference_manager\":{\"references\":[]}}";
    Path p = tmp.resolve("hint.json");
    Files.writeString(p, json);
    CliHarness r = CliHarness.run("run", p.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("unknown hint at pc 0") && r.err().contains("print(1)"), r.err());
  }
}
