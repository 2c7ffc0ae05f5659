package io.cairn.lang.starknet;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.lang.CairoCompileException;
import io.cairn.lang.compiler.Compiler;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.classes.LegacyClass;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiles a contract that uses every decorator against small stand-in library modules (test
 * resources, written for these tests) and checks the class: entry points, wrappers, ABI, filtered
 * identifiers and the class hash. Bytecode fidelity is {@link ContractFidelityTest}'s job.
 */
class ContractCompilerTest {
  static final ObjectMapper OM = new ObjectMapper();

  static Path lib() {
    try {
      return Path.of(ContractCompilerTest.class.getResource("/contract-lib").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ContractCompilerTest.class.getResourceAsStream("/contracts/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String compile(String name, String source) {
    return ContractCompiler.toJson(ContractCompiler.compile(new Compiler.Options(List.of(lib()), false, false), name, source));
  }

  @Test
  void entryPointsAreTheWrappersSortedBySelector() throws Exception {
    JsonNode cls = OM.readTree(compile("vault.cairo", resource("vault.cairo")));
    JsonNode eps = cls.get("entry_points_by_type");
    JsonNode ids = cls.at("/program/identifiers");
    // The constructor's selector as cairo-lang's classes carry it (test_contract_compiled.json).
    assertEquals("0x28ffe4ff0f226a9107253e17a904099aa4f63a02a5621de0576e5aa71bc5194", eps.at("/CONSTRUCTOR/0/selector").asText());
    assertEquals(ids.at("/__wrappers__.constructor/pc").asInt(), eps.at("/CONSTRUCTOR/0/offset").asInt());
    assertEquals(ids.at("/__wrappers__.on_message/pc").asInt(), eps.at("/L1_HANDLER/0/offset").asInt());
    List<String> external = new ArrayList<>();
    BigInteger previous = BigInteger.ONE.negate();
    for (JsonNode ep : eps.get("EXTERNAL")) {
      BigInteger selector = new BigInteger(ep.get("selector").asText().substring(2), 16);
      assertTrue(selector.compareTo(previous) > 0, "sorted by selector");
      previous = selector;
      String name = null;
      for (var it = ids.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().startsWith("__wrappers__.") && e.getValue().path("type").asText().equals("function")
            && e.getValue().get("pc").asInt() == ep.get("offset").asInt()) name = e.getKey().substring("__wrappers__.".length());
      }
      external.add(name);
    }
    // __default__ has selector 0; encode_return helpers are not entry points.
    assertEquals("__default__", external.get(0));
    assertEquals(List.of("__default__", "deposit", "echo", "forward", "move", "sum"), external.stream().sorted().toList());
    assertEquals("[\"pedersen\",\"range_check\"]", cls.at("/program/builtins").toString());
    assertEquals(List.of("external", "raw_input", "raw_output"),
        OM.convertValue(ids.at("/__wrappers__.__default__/decorators"), List.class));
  }

  @Test
  void abiListsStructsThenEntriesInSourceOrder() throws Exception {
    JsonNode abi = OM.readTree(compile("vault.cairo", resource("vault.cairo"))).get("abi");
    List<String> entries = new ArrayList<>();
    for (JsonNode e : abi) entries.add(e.get("type").asText() + " " + e.get("name").asText());
    assertEquals(List.of("struct Point", "event moved", "constructor constructor", "function deposit", "function move",
        "function sum", "function echo", "l1_handler on_message", "function forward", "function __default__"), entries);
    assertEquals("{\"members\":[{\"name\":\"x\",\"offset\":0,\"type\":\"felt\"},{\"name\":\"y\",\"offset\":1,\"type\":\"felt\"}],"
        + "\"name\":\"Point\",\"size\":2,\"type\":\"struct\"}", abi.get(0).toString());
    assertEquals("view", abi.get(5).get("stateMutability").asText());
    assertEquals("[{\"name\":\"values_len\",\"type\":\"felt\"},{\"name\":\"values\",\"type\":\"felt*\"}]", abi.get(5).get("inputs").toString());
    assertEquals("[{\"name\":\"total\",\"type\":\"felt\"},{\"name\":\"doubled\",\"type\":\"Point\"}]", abi.get(5).get("outputs").toString());
    assertFalse(abi.get(3).has("stateMutability"));
  }

  @Test
  void onlyReferencesNamedInHintsAreKept() throws Exception {
    JsonNode program = OM.readTree(compile("vault.cairo", resource("vault.cairo"))).get("program");
    List<String> refs = new ArrayList<>();
    program.get("identifiers").fields().forEachRemaining(e -> {
      if (e.getValue().get("type").asText().equals("reference")) refs.add(e.getKey());
    });
    // Only the stand-in syscalls' hints name an identifier (ids.syscall_ptr).
    assertEquals(4, refs.size(), refs.toString());
    assertTrue(refs.stream().allMatch(r -> r.endsWith(".syscall_ptr")));
    assertEquals(4, program.at("/reference_manager/references").size());
    for (JsonNode hints : program.get("hints")) {
      for (JsonNode h : hints) {
        JsonNode ids = h.at("/flow_tracking_data/reference_ids");
        if (h.get("code").asText().contains("ids.")) assertEquals(1, ids.size());
        else assertEquals(0, ids.size());
      }
    }
  }

  @Test
  void classHashFollowsTheCode() throws Exception {
    String source = resource("vault.cairo");
    String a = compile("vault.cairo", source);
    assertEquals(a, compile("vault.cairo", source), "deterministic");
    LegacyClass cls = (LegacyClass) ContractClasses.parseClass(a.getBytes(StandardCharsets.UTF_8), "vault");
    LegacyClass changed = (LegacyClass) ContractClasses.parseClass(
        compile("vault.cairo", source.replace("balance.write(owner, 100);", "balance.write(owner, 101);")).getBytes(StandardCharsets.UTF_8), "vault");
    assertNotEquals(cls.classHash(), changed.classHash());
    assertEquals(cls.entryPoints(), changed.entryPoints());
  }

  @Test
  void debugInfoCarriesTheGeneratedFiles() throws Exception {
    JsonNode cls = OM.readTree(ContractCompiler.toJson(ContractCompiler.compile(
        new Compiler.Options(List.of(lib()), false, true), "vault.cairo", resource("vault.cairo"))));
    JsonNode debug = cls.at("/program/debug_info");
    JsonNode files = debug.get("file_contents");
    int pc = cls.at("/program/identifiers/__wrappers__.sum/pc").asInt();
    String file = debug.at("/instruction_locations/" + pc + "/inst/input_file/filename").asText();
    assertTrue(file.matches("autogen/starknet/external/sum/[0-9a-f]{64}\\.cairo"), file);
    assertTrue(files.has(file), files.fieldNames().toString());
    // Flow tracking data is dropped with the unused references, as cairo-lang does.
    assertTrue(debug.at("/instruction_locations/" + pc + "/flow_tracking_data").isNull());
    assertTrue(files.has("autogen/starknet/storage_var/balance/impl.cairo"));
  }

  @Test
  void emptyContractHasNoEntryPoints() throws Exception {
    JsonNode cls = OM.readTree(compile("empty.cairo", "%lang starknet\n"));
    assertEquals("{\"CONSTRUCTOR\":[],\"EXTERNAL\":[],\"L1_HANDLER\":[]}", cls.get("entry_points_by_type").toString());
    assertEquals("[]", cls.get("abi").toString());
    assertEquals(0, cls.at("/program/data").size());
    assertEquals("[\"range_check\"]", cls.at("/program/builtins").toString());
  }

  @Test
  void writesPythonStyleJson() {
    String text = compile("empty.cairo", "%lang starknet\n");
    assertTrue(text.startsWith("{\n    \"abi\": [],\n    \"entry_points_by_type\": {\n        \"CONSTRUCTOR\": [],"), text);
  }
}
