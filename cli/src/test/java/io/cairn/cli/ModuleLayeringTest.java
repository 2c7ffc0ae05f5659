package io.cairn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module graph pointing one way (crypto ← starknet ← vm ← lang/prover; state and l1 on starknet; cli and
 * bench wire everything). A module may only declare compile-scope dependencies on the modules listed for it here.
 */
class ModuleLayeringTest {
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "testsupport", Set.of(),
          "crypto", Set.of(),
          "starknet", Set.of("crypto"),
          "vm", Set.of("crypto", "starknet"),
          "lang", Set.of("crypto", "starknet", "vm"),
          "prover", Set.of("crypto", "starknet", "vm"),
          "state", Set.of("crypto", "starknet"),
          "l1", Set.of("crypto", "starknet"));

  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>\\s*<groupId>io\\.cairn</groupId>\\s*<artifactId>cairn-([a-z0-9]+)</artifactId>(.*?)</dependency>", Pattern.DOTALL);

  @Test
  void modulesDependOnlyDownward() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.exists(root.resolve("crypto/pom.xml")), "run from the cli module: " + root);
    for (var entry : ALLOWED.entrySet()) {
      String pom = Files.readString(root.resolve(entry.getKey()).resolve("pom.xml"));
      Set<String> declared = new TreeSet<>();
      Matcher m = DEPENDENCY.matcher(pom);
      while (m.find()) if (!m.group(2).contains("<scope>test</scope>")) declared.add(m.group(1));
      declared.removeAll(entry.getValue());
      assertEquals(Set.of(), declared, "module " + entry.getKey() + " depends upward or sideways on " + declared);
    }
  }
}
