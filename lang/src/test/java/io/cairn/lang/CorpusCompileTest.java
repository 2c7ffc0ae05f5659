package io.cairn.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.lang.compiler.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compiles every program of lambdaclass/cairo-vm's {@code cairo_programs/} (top level; set
 * CAIRN_CAIRO_VM_PROGRAMS to a local copy, and CAIRN_CAIRO_LANG_SRC to cairo-lang 0.12.2's
 * {@code src}) and reports which fail. Programs under {@code bad_programs/} are meant to fail.
 */
class CorpusCompileTest {
  @Test
  void cairoVmProgramsCompile() throws Exception {
    String dir = System.getenv("CAIRN_CAIRO_VM_PROGRAMS");
    String lib = System.getenv("CAIRN_CAIRO_LANG_SRC");
    Assumptions.assumeTrue(dir != null && lib != null, "CAIRN_CAIRO_VM_PROGRAMS / CAIRN_CAIRO_LANG_SRC not set");
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      files = s.filter(p -> p.toString().endsWith(".cairo")).sorted().toList();
    }
    List<String> failed = new ArrayList<>();
    int ok = 0;
    for (Path f : files) {
      try {
        new Compiler(new Compiler.Options(List.of(Path.of(lib), Path.of(dir), Path.of(dir).toAbsolutePath().getParent()), false, true))
            .compile(f.getFileName().toString(), Files.readString(f));
        ok++;
      } catch (RuntimeException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        failed.add(f.getFileName() + ": " + e.getClass().getSimpleName() + ": " + msg);
      }
    }
    System.out.println("compiled " + ok + "/" + files.size());
    failed.forEach(s -> System.out.println("  failed: " + s));
    assertTrue(ok > 0);
  }
}
