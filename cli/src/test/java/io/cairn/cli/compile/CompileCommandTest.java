package io.cairn.cli.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
  @TempDir Path dir;

  @Test
  void compilesAProgramWithAnImportToProgramJson() throws Exception {
    Files.createDirectories(dir.resolve("lib/util"));
    Files.writeString(dir.resolve("lib/util/math.cairo"), "func double(x) -> (res: felt) {\n    return (res=x * 2);\n}\n");
    Path main = dir.resolve("main.cairo");
    Files.writeString(main, """
        %builtins output
        from util.math import double

        func main{output_ptr: felt*}() {
            let (y) = double(21);
            assert [output_ptr] = y;
            let output_ptr = output_ptr + 1;
            return ();
        }
        """);
    Path out = dir.resolve("out.json");
    CliHarness r = CliHarness.run("compile", main.toString(), "--cairo-path", dir.resolve("lib").toString(), "--output", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertEquals("output", json.get("builtins").get(0).asText());
    // double: [ap] = [fp - 3] * 2; ap++; ret
    assertEquals("0x484680017ffd8000", json.get("data").get(0).asText());
    assertEquals("0x2", json.get("data").get(1).asText());
    assertEquals("0x208b7fff7fff7ffe", json.get("data").get(2).asText());
    assertEquals("function", json.get("identifiers").get("__main__.main").get("type").asText());
    assertEquals("util.math.double", json.get("identifiers").get("__main__.double").get("destination").asText());
    assertTrue(json.get("debug_info").has("instruction_locations"));
  }

  @Test
  void noDebugInfoAndProofMode() throws Exception {
    Path main = dir.resolve("p.cairo");
    Files.writeString(main, "func main() {\n    return ();\n}\n");
    CliHarness r = CliHarness.run("compile", main.toString(), "--proof-mode", "--no-debug-info");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.get("debug_info").isNull());
    // ap += 0; call rel 4; jmp rel 0; ret
    assertEquals("[\"0x40780017fff7fff\",\"0x0\",\"0x1104800180018000\",\"0x4\",\"0x10780017fff7fff\",\"0x0\",\"0x208b7fff7fff7ffe\"]",
        json.get("data").toString());
    assertEquals(4, json.get("identifiers").get("__main__.__end__").get("pc").asInt());
  }

  @Test
  void compileErrorsShowTheLineAndACaretAndExitTwo() throws Exception {
    Path main = dir.resolve("bad.cairo");
    Files.writeString(main, "func main() {\n    assert x = 5;\n    return ();\n}\n");
    CliHarness r = CliHarness.run("compile", main.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("bad.cairo:2:12: Unknown identifier 'x'."), r.err());
    assertTrue(r.err().contains("    assert x = 5;\n           ^"), r.err());
  }

  @Test
  void missingFileIsBadInput() {
    CliHarness r = CliHarness.run("compile", dir.resolve("nope.cairo").toString());
    assertEquals(2, r.exitCode());
  }
}
