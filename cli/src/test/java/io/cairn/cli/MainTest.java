package io.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpListsTheCommandAndExitsZero() {
    CliHarness r = CliHarness.run("--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("Usage: cairn"), r.out());
  }

  @Test
  void unknownCommandIsBadInputOnOneLine() {
    CliHarness r = CliHarness.run("no-such-command");
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
