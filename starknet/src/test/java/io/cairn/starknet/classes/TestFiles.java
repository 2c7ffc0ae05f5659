package io.cairn.starknet.classes;

import io.cairn.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Fixture lookups shared by the class tests. */
final class TestFiles {
  private TestFiles() {}

  static final String STARKNET_RS = "starknet-hashes/starknet-rs/starknet-core/test-data/contracts";
  static final String PATHFINDER = "starknet-hashes/pathfinder/contracts";

  /** Every regular file under a fixture folder whose name matches, sorted; skips the test when the folder is absent. */
  static List<Path> under(String relative, String suffix) {
    Path root = Fixtures.require(relative);
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
