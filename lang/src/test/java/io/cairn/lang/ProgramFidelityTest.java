package io.cairn.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fidelity against cairo-compile: compiles the public sources of the fixture programs with
 * cairo-lang 0.12.2's library on the cairo path and compares the {@code data} arrays. The sources
 * are not committed: set CAIRN_CAIRO_PROGRAMS_SRC to a directory holding the programs' .cairo
 * files (lambdaclass/cairo-vm or ziggy-starkdust {@code cairo_programs/}) and CAIRN_CAIRO_LANG_SRC
 * to cairo-lang 0.12.2's {@code src} directory.
 */
class ProgramFidelityTest {
  @Test
  void fixtureProgramsCompileToIdenticalBytecode() throws Exception {
    String src = System.getenv("CAIRN_CAIRO_PROGRAMS_SRC");
    String lib = System.getenv("CAIRN_CAIRO_LANG_SRC");
    Assumptions.assumeTrue(src != null && lib != null, "CAIRN_CAIRO_PROGRAMS_SRC / CAIRN_CAIRO_LANG_SRC not set");
    Path fixtures = Fixtures.require("cairo0-programs");
    ObjectMapper om = new ObjectMapper();
    List<String> same = new ArrayList<>(), differ = new ArrayList<>();
    List<Path> jsons = new ArrayList<>();
    try (Stream<Path> s = Files.list(fixtures)) {
      jsons.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
    }
    try (Stream<Path> s = Files.list(fixtures.resolve("proof_mode"))) {
      jsons.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
    }
    // Optional: the with_trace_and_memory programs (cairo-compile 0.10.3), whose sources are in
    // lambdaclass/lambdaworks provers/cairo/cairo-prover-lib/cairo_programs/cairo0.
    String traceSrc = System.getenv("CAIRN_TRACE_PROGRAMS_SRC");
    if (traceSrc != null) {
      try (Stream<Path> s = Files.list(fixtures.resolve("with_trace_and_memory"))) {
        jsons.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
      }
    }
    List<String> sameSections = new ArrayList<>();
    for (Path json : jsons) {
      boolean proofMode = json.getParent().getFileName().toString().equals("proof_mode");
      String base = json.getFileName().toString().replace(".json", "");
      boolean traced = json.getParent().getFileName().toString().equals("with_trace_and_memory");
      Path source = Path.of(traced ? traceSrc : src, base + ".cairo");
      if (!Files.exists(source)) continue;
      JsonNode expected = om.readTree(json.toFile());
      List<BigInteger> want = new ArrayList<>();
      for (JsonNode w : expected.get("data")) want.add(new BigInteger(w.asText().substring(2), 16));
      try {
        CompiledProgram p = new Compiler(new Compiler.Options(List.of(Path.of(lib), Path.of(src)), proofMode, true))
            .compile((traced ? "" : proofMode ? "cairo_programs/proof_programs/" : "cairo_programs/") + base + ".cairo",
                Files.readString(source));
        String text = p.toJson();
        if (System.getenv("CAIRN_FIDELITY_DUMP") != null) {
          Files.writeString(Path.of(System.getenv("CAIRN_FIDELITY_DUMP"), base + (proofMode ? ".proof" : "") + ".json"), text);
        }
        JsonNode got = om.readTree(text);
        for (String section : List.of("builtins", "hints", "identifiers", "reference_manager", "attributes", "main_scope", "prime", "debug_info")) {
          if (normalize(got.get(section)).equals(normalize(expected.get(section)))) sameSections.add(section);
          else if (System.getenv("CAIRN_FIDELITY_VERBOSE") != null) System.out.println(base + " " + section + " differs:\n got  " + got.get(section) + "\n want " + expected.get(section));
        }
        if (p.data().equals(want)) same.add(base + (proofMode ? " (proof mode)" : ""));
        else differ.add(base + ": " + firstDifference(p.data(), want));
      } catch (RuntimeException e) {
        differ.add(base + ": " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    System.out.println("identical data: " + same.size() + "/" + (same.size() + differ.size()) + " " + same);
    differ.forEach(d -> System.out.println("  differs: " + d));
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String sec : sameSections) counts.merge(sec, 1L, Long::sum);
    System.out.println("identical sections: " + counts);
    assertTrue(same.size() + differ.size() > 0, "no fixture program had a source");
  }

  /** Drops what legitimately differs between machines: where the library was installed. */
  private static JsonNode normalize(JsonNode n) {
    if (n == null) return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    JsonNode copy = n.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      JsonNode f = o.get("filename");
      if (f != null && f.isTextual()) {
        String s = f.asText();
        int i = s.indexOf("starkware/");
        o.put("filename", i >= 0 ? s.substring(i) : s);
      }
      o.elements().forEachRemaining(ProgramFidelityTest::strip);
    } else if (n != null && n.isArray()) {
      n.elements().forEachRemaining(ProgramFidelityTest::strip);
    }
  }

  private static String firstDifference(List<BigInteger> got, List<BigInteger> want) {
    for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
      if (!got.get(i).equals(want.get(i))) return "word " + i + ": got 0x" + got.get(i).toString(16) + ", want 0x" + want.get(i).toString(16);
    }
    return "length " + got.size() + " vs " + want.size();
  }
}
