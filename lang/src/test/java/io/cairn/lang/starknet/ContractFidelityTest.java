package io.cairn.lang.starknet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.lang.compiler.Compiler;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.classes.LegacyClass;
import io.cairn.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fidelity against starknet-compile-deprecated (cairo-lang 0.14.0.1): compiles the sources of the
 * classes in {@code cairo0-classes} and compares program.data, entry_points_by_type, the legacy
 * class hash and the other sections. The sources are not committed: set CAIRN_CAIRO0_CONTRACTS_SRC
 * to starkware-libs/sequencer's {@code crates/blockifier_test_utils} and CAIRN_CAIRO_LANG_SRC to
 * cairo-lang 0.14.0.1's {@code src} (with {@code starkware/starknet/core/os/contract_address}).
 * The other compiled classes next to the sources ({@code feature_contracts/cairo0/compiled}) are
 * compared too.
 */
class ContractFidelityTest {
  @Test
  void fixtureClassesCompileIdentically() throws Exception {
    String src = System.getenv("CAIRN_CAIRO0_CONTRACTS_SRC");
    String lib = System.getenv("CAIRN_CAIRO_LANG_SRC");
    Assumptions.assumeTrue(src != null && lib != null, "CAIRN_CAIRO0_CONTRACTS_SRC / CAIRN_CAIRO_LANG_SRC not set");
    Path root = Path.of(src);
    Path cairo0 = root.resolve("resources/feature_contracts/cairo0");
    // The ERC20 imports itself as blockifier.ERC20_without_some_syscalls.…: lay it out that way.
    Path erc = Files.createTempDirectory("cairn-erc20");
    Path ercSrc = root.resolve("resources/ERC20/ERC20_Cairo0");
    Path pkg = erc.resolve("blockifier/ERC20_without_some_syscalls");
    Files.createDirectories(pkg.resolve("ERC20"));
    Files.createDirectories(pkg.resolve("upgradability_proxy"));
    for (String f : List.of("ERC20.cairo", "ERC20_base.cairo", "permitted.cairo")) {
      Files.copy(ercSrc.resolve("ERC20_without_some_syscalls/ERC20/" + f), pkg.resolve("ERC20/" + f));
    }
    Files.copy(ercSrc.resolve("upgradability_proxy/initializable.cairo"), pkg.resolve("upgradability_proxy/initializable.cairo"));

    Map<Path, Path> cases = new LinkedHashMap<>();
    Path fixtures = Fixtures.require("cairo0-classes");
    try (Stream<Path> s = Files.list(fixtures)) {
      for (Path json : s.sorted().toList()) {
        String base = json.getFileName().toString().replace("_compiled.json", "");
        Path source = base.startsWith("erc20") ? pkg.resolve("ERC20/ERC20.cairo") : cairo0.resolve(base + ".cairo");
        cases.put(json, source);
      }
    }
    try (Stream<Path> s = Files.list(cairo0.resolve("compiled"))) {
      for (Path json : s.sorted().toList()) {
        String name = json.getFileName().toString();
        if (Files.exists(fixtures.resolve(name))) continue;
        cases.put(json, cairo0.resolve(name.replace("_compiled.json", ".cairo")));
      }
    }
    String lib0103 = System.getenv("CAIRN_CAIRO_LANG_0103_SRC");
    HintWhitelist whitelist = HintWhitelist.fromDirectory(Fixtures.require("cairo-lang-hint-whitelists"));
    ObjectMapper om = new ObjectMapper();
    List<String> report = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int identicalData = 0, identicalEntryPoints = 0, identicalHash = 0, identicalFiles = 0;
    for (var c : cases.entrySet()) {
      String name = c.getKey().getFileName().toString().replace("_compiled.json", "");
      JsonNode want = om.readTree(c.getKey().toFile());
      List<String> differs = new ArrayList<>();
      try {
        // Classes compiled by cairo-lang 0.10 are compiled with its library and module order when
        // CAIRN_CAIRO_LANG_0103_SRC points at cairo-lang 0.10.3's src.
        boolean legacy = want.at("/program/compiler_version").asText().startsWith("0.10") && lib0103 != null;
        Compiler.Options options = new Compiler.Options(List.of(Path.of(legacy ? lib0103 : lib), root, erc, cairo0), false, false);
        // The account contracts (those with __validate__) are compiled with --account_contract.
        boolean account = Files.readString(c.getValue()).contains("func __validate__");
        // starknet-compile checks hints against cairo-lang's whitelists by default: so do we.
        Map<String, Object> cls = ContractCompiler.compile(options, new ContractCompiler.ContractOptions(account, true, legacy ? null : whitelist),
            c.getValue().toString(), Files.readString(c.getValue()), new StarknetContracts(legacy));
        String text = ContractCompiler.toJson(cls);
        if (System.getenv("CAIRN_FIDELITY_DUMP") != null) Files.writeString(Path.of(System.getenv("CAIRN_FIDELITY_DUMP"), name + ".json"), text);
        JsonNode got = om.readTree(text);
        if (text.equals(Files.readString(c.getKey()))) identicalFiles++;
        if (got.at("/program/data").equals(want.at("/program/data"))) identicalData++;
        else differs.add("data");
        if (normalizeEntryPoints(got.get("entry_points_by_type")).equals(normalizeEntryPoints(want.get("entry_points_by_type")))) identicalEntryPoints++;
        else differs.add("entry_points_by_type");
        LegacyClass ours = (LegacyClass) ContractClasses.parseClass(text.getBytes(StandardCharsets.UTF_8), name);
        LegacyClass theirs = (LegacyClass) ContractClasses.parseClass(Files.readAllBytes(c.getKey()), name);
        if (ours.classHash().equals(theirs.classHash())) identicalHash++;
        else differs.add("class hash");
        if (!got.get("abi").equals(want.get("abi"))) differs.add("abi");
        for (String section : List.of("builtins", "hints", "identifiers", "reference_manager", "attributes", "main_scope", "compiler_version")) {
          if (!got.at("/program/" + section).equals(want.at("/program/" + section))) {
            differs.add(section);
            if (System.getenv("CAIRN_FIDELITY_VERBOSE") != null) {
              System.out.println(name + " " + section + ":\n got  " + abbreviate(got.at("/program/" + section)) + "\n want " + abbreviate(want.at("/program/" + section)));
            }
          }
        }
      } catch (RuntimeException e) {
        differs.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      report.add(name + (differs.isEmpty() ? ": identical" : ": differs in " + differs));
      // What must hold: classes of cairo-lang 0.14.0.1 identical in every compared part; older
      // ones (compiled with their own library, when given) identical in data and entry points.
      boolean current = want.at("/program/compiler_version").asText().equals("0.14.0.1");
      boolean checkable = current || lib0103 != null;
      if (checkable && (current ? !differs.isEmpty() : differs.contains("data") || differs.contains("entry_points_by_type"))) {
        failures.add(name + " " + differs);
      }
    }
    report.forEach(System.out::println);
    System.out.println("identical data " + identicalData + "/" + cases.size() + ", entry points " + identicalEntryPoints + "/" + cases.size()
        + ", class hash " + identicalHash + "/" + cases.size() + ", byte-identical file " + identicalFiles + "/" + cases.size());
    assertTrue(failures.isEmpty(), "classes that differ: " + failures);
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 3000 ? s.substring(0, 3000) + "…" : s;
  }

  /** Offsets are hex strings before cairo-lang 0.11 and numbers after. */
  private static JsonNode normalizeEntryPoints(JsonNode eps) {
    ObjectNode out = new ObjectMapper().createObjectNode();
    eps.fields().forEachRemaining(e -> {
      var arr = out.putArray(e.getKey());
      for (JsonNode ep : e.getValue()) {
        JsonNode off = ep.get("offset");
        long offset = off.isTextual() ? Long.decode(off.asText()) : off.asLong();
        arr.addObject().put("offset", offset).put("selector", ep.get("selector").asText());
      }
    });
    return out;
  }
}
