package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures coverage of cairo-lang v0.14.0.1's Starknet hint whitelists (syscall_handler hints belong to the execution
 * engine) and of the fixture programs' hints, listing what is not implemented yet.
 */
class WhitelistCoverageTest {
  /** Raise as hints land; the test fails if coverage drops. */
  static final int IMPLEMENTED_FLOOR = 162;

  static Set<String> whitelist() throws Exception {
    Set<String> codes = new LinkedHashSet<>();
    Path dir = Fixtures.require("cairo-lang-hint-whitelists");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        for (JsonNode e : new ObjectMapper().readTree(f.toFile()).path("allowed_reference_expressions_for_hint")) {
          List<String> lines = new ArrayList<>();
          for (JsonNode l : e.path("hint_lines")) lines.add(l.asText());
          String code = String.join("\n", lines);
          if (!code.contains("syscall_handler")) codes.add(code);
        }
      }
    }
    return codes;
  }

  @Test
  void reportsWhitelistCoverage() throws Exception {
    Set<String> wl = whitelist();
    List<String> missing = new ArrayList<>();
    for (String code : wl) if (!HintRegistry.builtIn().containsKey(code)) missing.add(code);
    int implemented = wl.size() - missing.size();
    System.out.println("Whitelisted non-syscall hints: " + wl.size() + ", implemented: " + implemented);
    for (String m : missing) System.out.println("NOT IMPLEMENTED:\n" + m + "\n");
    assertTrue(implemented >= IMPLEMENTED_FLOOR, implemented + " < " + IMPLEMENTED_FLOOR + " (coverage dropped)");
  }

  @Test
  void everyFixtureHintIsImplemented() throws Exception {
    Path dir = Fixtures.require("cairo0-programs");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode p;
        try {
          p = new ObjectMapper().readTree(f.toFile());
        } catch (Exception e) {
          continue;
        }
        for (JsonNode hs : p.path("hints")) for (JsonNode h : hs) {
          String code = h.path("code").asText();
          if (!HintRegistry.builtIn().containsKey(code)) missing.add(f.getFileName() + ": " + code);
        }
      }
    }
    assertTrue(missing.isEmpty(), "missing: " + missing);
  }
}
