package io.cairn.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the reference fixtures in {@code ../shared/fixtures} (the build passes the path as the system property
 * {@code cairn.fixtures}). A test that needs one calls {@link #require} and is skipped, with the reason, when the
 * folder is absent; fixtures are never copied into the project.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures root, whether or not it exists. */
  public static Path root() {
    String configured = System.getProperty("cairn.fixtures");
    if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath().normalize();
    // Running outside Maven: walk up from the working directory to a folder that has shared/fixtures beside it.
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) return candidate;
    }
    return dir.resolveSibling("shared").resolve("fixtures");
  }

  /** The path of a fixture file or folder relative to the root; skips the calling test when it is absent. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    Assumptions.assumeTrue(
        Files.exists(p), () -> "skipped: reference fixture " + p + " is absent (expected ../shared/fixtures)");
    return p;
  }

  /** True when the fixture exists, for tests that enumerate fixture folders. */
  public static boolean present(String relative) {
    return Files.exists(root().resolve(relative));
  }
}
