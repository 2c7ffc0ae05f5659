package io.cairn.cli.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.CliHarness;
import io.cairn.cli.ExitCodes;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassHashCommandsTest {
  private static final String ERC20_CASM = "cairo1-classes/feature-contracts/erc20.casm.json";


  private static String file(String relative) {
    return Fixtures.require(relative).toString();
  }

  @Test
  void sierraClassHash() {
    CliHarness r = CliHarness.run("class-hash", file("starknet-hashes/pathfinder/contracts/sierra-0.11.json"));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("0x4e70b19333ae94bd958625f7b61ce9eec631653597e68645e13780061b2136c\n", r.out());
  }

  @Test
  void legacyClassHashAndHinted() {
    String f = file("starknet-hashes/starknet-rs/starknet-core/test-data/contracts/cairo0/artifacts/deployable.txt");
    CliHarness r = CliHarness.run("class-hash", f);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("0x24997ddda762743e224af8e71c69db5e04a26749bb35cc1cd930e086add000f\n", r.out());
    CliHarness h = CliHarness.run("class-hash", "--hinted", f);
    assertEquals("0x1682e7e71d73c86a77ddd18f45ce199f9dcd6eaa22c6241f742d6a6d68efe6\n", h.out());
  }

  @Test
  void compiledClassHashDefaultsToV2() {
    String v2 = "0x75a59a0cd1985dd66a3fd9d634f0e0287916cd8e0fff3f2bd80d69498b09367\n";
    assertEquals(v2, CliHarness.run("compiled-class-hash", file(ERC20_CASM)).out());
    assertEquals(v2, CliHarness.run("compiled-class-hash", "--hash-version", "V2", file(ERC20_CASM)).out());
    CliHarness v1 = CliHarness.run("compiled-class-hash", file(ERC20_CASM), "--hash-version", "v1");
    assertEquals(0, v1.exitCode(), v1.err());
    assertEquals("0x266f53b3f6cc2367c334b75ea86aff748ca27aa321019778af81be69d549159\n", v1.out());
  }

  @Test
  void malformedClassIsOneLineNamingFileAndPath(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.casm.json");
    Files.writeString(bad, "{\"bytecode\": [\"0x1\", \"0xnope\"], \"entry_points_by_type\": {}}");
    CliHarness r = CliHarness.run("compiled-class-hash", bad.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(bad.toString()) && r.err().contains("$.bytecode[1]"), r.err());
    assertEquals("", r.out());

    Path truncated = dir.resolve("truncated.json");
    Files.writeString(truncated, "{\"sierra_program\": [\"0x1\"");
    CliHarness t = CliHarness.run("class-hash", truncated.toString());
    assertEquals(ExitCodes.BAD_INPUT, t.exitCode());
    assertTrue(t.err().contains(truncated.toString()) && t.err().contains("$.sierra_program"), t.err());
  }

  @Test
  void wrongKindMissingFileAndBadVersionAreBadInput(@TempDir Path dir) {
    CliHarness casm = CliHarness.run("class-hash", file(ERC20_CASM));
    assertEquals(ExitCodes.BAD_INPUT, casm.exitCode());
    assertTrue(casm.err().contains("compiled (CASM) class"), casm.err());
    CliHarness missing = CliHarness.run("class-hash", dir.resolve("absent.json").toString());
    assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
    assertTrue(missing.err().contains("absent.json"), missing.err());
    CliHarness version = CliHarness.run("compiled-class-hash", "--hash-version", "v3", file(ERC20_CASM));
    assertEquals(ExitCodes.BAD_INPUT, version.exitCode());
    assertTrue(version.err().contains("v1 or v2"), version.err());
  }

  @Test
  void helpOnBothCommands() {
    for (String cmd : new String[] {"class-hash", "compiled-class-hash"}) {
      CliHarness r = CliHarness.run(cmd, "--help");
      assertEquals(0, r.exitCode());
      assertTrue(r.out().contains("Usage: cairn " + cmd), r.out());
    }
  }
}
