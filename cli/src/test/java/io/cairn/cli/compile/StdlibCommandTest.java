package io.cairn.cli.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cairn compile` finds Cairn's own library without --cairo-path; `cairn run` executes its hints. */
class StdlibCommandTest {
  @TempDir Path dir;

  private CliHarness compileAndRun(String source) throws Exception {
    Path src = dir.resolve("p.cairo"), json = dir.resolve("p.json");
    Files.writeString(src, source);
    CliHarness c = CliHarness.run("compile", src.toString(), "--output", json.toString());
    assertEquals(0, c.exitCode(), c.err());
    return CliHarness.run("run", json.toString(), "--layout", "all_cairo", "--print-output");
  }

  private static final String PROGRAM = """
      %builtins output range_check
      from cairn.common.alloc import alloc
      from cairn.common.math import assert_le, unsigned_div_rem
      from cairn.common.usort import usort
      from cairn.common.serialize import serialize_word

      func main{output_ptr: felt*, range_check_ptr}() {
          alloc_locals;
          let (q, r) = unsigned_div_rem(47, 10);
          serialize_word(q);
          serialize_word(r);
          let (input) = alloc();
          assert input[0] = 3;
          assert input[1] = 1;
          assert input[2] = 3;
          let (n, values, counts) = usort(3, input);
          serialize_word(n);
          serialize_word(counts[1]);
          assert_le(A, 5);
          return ();
      }
      """;

  @Test
  void libraryProgramsCompileAndRunFromTheCommandLine() throws Exception {
    CliHarness r = compileAndRun(PROGRAM.replace("A,", "5,"));
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("4 7 2 2", r.out().replace("Program output:", "").strip().replaceAll("\\s+", " "));
  }

  @Test
  void aFailingLibraryAssertionNamesTheValuesAndThePc() throws Exception {
    CliHarness r = compileAndRun(PROGRAM.replace("A,", "6,"));
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("assert_le failed: a = 6 is greater than b = 5."), r.err());
    assertTrue(r.err().contains("Error at pc="), r.err());
  }
}
