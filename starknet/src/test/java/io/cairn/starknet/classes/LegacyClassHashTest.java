package io.cairn.starknet.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyClassHashTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static LegacyClass load(Path p) throws Exception {
    return assertInstanceOf(LegacyClass.class, ContractClasses.loadClass(p));
  }

  /** starknet-rs {@code test-data/contracts/cairo0/artifacts/*.hashes.json}: hinted and full class hash. */
  @ParameterizedTest
  @CsvSource({"deployable", "emoji", "event_example", "pre-0.11.0/event_example"})
  void starknetRsArtifacts(String name) throws Exception {
    Path dir = Fixtures.require(TestFiles.STARKNET_RS + "/cairo0/artifacts");
    JsonNode expected = M.readTree(dir.resolve(name + ".hashes.json").toFile());
    LegacyClass c = load(dir.resolve(name + ".txt"));
    assertEquals(Felt.parse(expected.get("hinted_class_hash").asText()), c.hintedClassHash(), "hinted class hash");
    assertEquals(Felt.parse(expected.get("class_hash").asText()), c.classHash(), "class hash");
  }

  /** pathfinder {@code crates/class-hash/src/lib.rs} test_vectors (mainnet/testnet classes). */
  @ParameterizedTest
  @CsvSource({
    "contract_definition.json, 0x050b2148c0d782914e0b12a1a32abe5e398930b7e914f82c65cb7afce0a0ab9b",
    "cairo-0.10-compiler-version.json, 0xa69700a89b1fa3648adff91c438b79c75f7dcb0f4798938a144cce221639d6",
    "cairo-0.10-tuples-integration.json, 0x542460935cea188d21e752d8459d82d60497866aaad21f873cbb61621d34f7f",
    "cairo-0.8-new-attributes.json, 0x56b96c1d1bbfa01af44b465763d1b71150fa00c6c9d54c3947f57e979ff68c3",
    "cairo-0.11.0-decimal-entry-point-offset.json, 0x484c163658bcce5f9916f486171ac60143a92897533aa7ff7ac800b16c63311",
    "integration-test.json, 0x31da92cf5f54bcb81b447e219e2b791b23f3052d12b6c9abd04ff2e5626576"
  })
  void pathfinderClasses(String file, String expected) throws Exception {
    assertEquals(Felt.parse(expected), load(Fixtures.require(TestFiles.PATHFINDER + "/" + file)).classHash());
  }

  /** blockifier's Cairo 0 test contracts: they load and hash; no published hashes to compare with. */
  @Test
  void blockifierFeatureContractsHash() throws Exception {
    List<Path> files = TestFiles.under("cairo0-classes", ".json");
    assertFalse(files.isEmpty());
    for (Path f : files) load(f).classHash();
  }

  /** The hash ignores debug_info, which the reader skips unparsed; everything else it covers. */
  @Test
  void debugInfoIsIgnoredButHintsCount() throws Exception {
    Path file = Fixtures.require(TestFiles.STARKNET_RS + "/cairo0/artifacts/event_example.txt");
    ObjectNode root = (ObjectNode) M.readTree(file.toFile());
    Felt original = load(file).classHash();

    ObjectNode withOtherDebugInfo = root.deepCopy();
    ((ObjectNode) withOtherDebugInfo.get("program")).putObject("debug_info").put("file_contents", "anything");
    assertEquals(original, parse(withOtherDebugInfo).classHash());

    ObjectNode withOtherHint = root.deepCopy();
    ObjectNode hints = (ObjectNode) withOtherHint.get("program").get("hints");
    String pc = hints.fieldNames().next();
    ObjectNode hint = (ObjectNode) hints.get(pc).get(0);
    hint.put("code", hint.get("code").asText() + " ");
    assertNotEquals(original, parse(withOtherHint).classHash());

    ObjectNode withoutCompilerVersion = root.deepCopy();
    ((ObjectNode) withoutCompilerVersion.get("program")).remove("compiler_version");
    assertNotEquals(original, parse(withoutCompilerVersion).classHash());
  }

  /** JSON-RPC's DEPRECATED_CONTRACT_CLASS carries the program gzipped and base64-encoded; same class, same hash. */
  @Test
  void rpcCompressedProgramHashesTheSame() throws Exception {
    Path file = Fixtures.require(TestFiles.STARKNET_RS + "/cairo0/artifacts/deployable.txt");
    ObjectNode root = (ObjectNode) M.readTree(file.toFile());
    var gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(M.writeValueAsBytes(root.get("program")));
    }
    root.put("program", java.util.Base64.getEncoder().encodeToString(gz.toByteArray()));
    assertEquals(load(file).classHash(), parse(root).classHash());
  }

  /** The hinted-hash JSON keeps every program field except debug_info, which becomes null. */
  @Test
  void hintedJsonIsTheProgramWithoutDebugInfo() throws Exception {
    Path file = Fixtures.require(TestFiles.STARKNET_RS + "/cairo0/artifacts/emoji.txt");
    ObjectNode in = (ObjectNode) M.readTree(file.toFile());
    JsonNode out = M.readTree(load(file).hintedClassJson());
    ObjectNode program = (ObjectNode) in.get("program");
    program.putNull("debug_info");
    if (program.get("attributes") instanceof ArrayNode a && a.isEmpty()) program.remove("attributes");
    assertEquals(in.get("abi"), out.get("abi"));
    assertEquals(program, out.get("program"));
  }

  private static LegacyClass parse(ObjectNode root) throws Exception {
    return assertInstanceOf(LegacyClass.class, ContractClasses.parseClass(M.writeValueAsBytes(root), "test"));
  }
}
