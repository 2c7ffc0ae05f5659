package io.cairn.starknet.classes;

import static io.cairn.starknet.classes.CompiledClassHashVersion.V1;
import static io.cairn.starknet.classes.CompiledClassHashVersion.V2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasmClassHashTest {
  private static final ObjectMapper M = new ObjectMapper();

  /** starknet-rs {@code *_compiled.txt} against {@code *.hashes.json} (V1, Poseidon). */
  @ParameterizedTest
  @CsvSource({"cairo1/artifacts/abi_types", "cairo2/artifacts/abi_types", "cairo2.6/artifacts/erc20", "cairo2.6/artifacts/trivial"})
  void starknetRsArtifactsV1(String name) throws Exception {
    Path dir = Fixtures.require(TestFiles.STARKNET_RS);
    JsonNode expected = M.readTree(dir.resolve(name + ".hashes.json").toFile());
    CasmClass c = ContractClasses.loadCasm(dir.resolve(name + "_compiled.txt"));
    assertEquals(Felt.parse(expected.get("compiled_class_hash").asText()), c.compiledClassHash(V1));
  }

  /** blockifier's ERC20 (sequencer {@code blockifier_test_utils}), both versions. */
  @Test
  void featureContractErc20() throws Exception {
    CasmClass c = ContractClasses.loadCasm(Fixtures.require("cairo1-classes/feature-contracts/erc20.casm.json"));
    assertEquals(Felt.parse("0x266f53b3f6cc2367c334b75ea86aff748ca27aa321019778af81be69d549159"), c.compiledClassHash(V1));
    assertEquals(Felt.parse("0x75a59a0cd1985dd66a3fd9d634f0e0287916cd8e0fff3f2bd80d69498b09367"), c.compiledClassHash(V2));
  }

  /** Every {@code compiled_class_hash_v1_and_v2_blake} entry of inline_vectors.json whose CASM file is present. */
  @Test
  void inlineVectorsV1AndV2() throws Exception {
    Path vectors = Fixtures.require("starknet-hashes/inline_vectors.json");
    int checked = 0;
    for (JsonNode v : M.readTree(vectors.toFile()).get("compiled_class_hash_v1_and_v2_blake")) {
      Path file = vectors.resolveSibling(v.get("file").asText());
      if (!java.nio.file.Files.exists(file)) continue; // e.g. the starknet.js mock is not among the fixtures
      CasmClass c = ContractClasses.loadCasm(file);
      assertEquals(Felt.parse(v.get("v1_poseidon").asText()), c.compiledClassHash(V1), file.toString());
      assertEquals(Felt.parse(v.get("v2_blake2s").asText()), c.compiledClassHash(V2), file.toString());
      checked++;
    }
    assertEquals(1, checked, "the starknet-jvm CASM file should be among the fixtures");
  }

  /** Every CASM file in the fixtures loads and hashes both ways (pathfinder's older one has no segment lengths). */
  @Test
  void everyCasmFixtureHashes() throws Exception {
    List<Path> files = new ArrayList<>(TestFiles.under("cairo1-classes", ".casm.json"));
    files.addAll(TestFiles.under("cairo1-classes", ".compiled_contract_class.json"));
    files.add(Fixtures.require(TestFiles.PATHFINDER + "/sierra-1.1.0-balance.casm.json"));
    assertFalse(files.size() < 20);
    for (Path f : files) {
      CasmClass c = ContractClasses.loadCasm(f);
      assertNotEquals(c.compiledClassHash(V1), c.compiledClassHash(V2), f.toString());
    }
  }

  /** The segment tree shapes the hash: a node is 1 + H(len, H(words)) over its children; no tree means one leaf. */
  @Test
  void segmentTreeHashing() {
    List<Felt> code = List.of(Felt.of(1), Felt.of(2), Felt.of(3));
    EntryPointsByType<CasmEntryPoint> none = new EntryPointsByType<>(List.of(), List.of(), List.of());
    CasmClass flat = new CasmClass(null, code, null, none, null);
    assertEquals(Poseidon.hashMany(code), flat.bytecodeHash(V1));
    CasmClass nested =
        new CasmClass(
            null,
            code,
            new BytecodeSegments.Node(List.of(new BytecodeSegments.Leaf(1), new BytecodeSegments.Leaf(2))),
            none,
            null);
    Felt expected =
        Poseidon.hashMany(
                Felt.of(1), Poseidon.hashMany(Felt.of(1)), Felt.of(2), Poseidon.hashMany(Felt.of(2), Felt.of(3)))
            .add(Felt.ONE);
    assertEquals(expected, nested.bytecodeHash(V1));
  }

  /** The u32 encoding of starknet-types-core's Blake2Felt252 tests: two words below 2^63, eight marked ones above. */
  @Test
  void blakeFeltEncoding() {
    assertArrayEquals(
        HexFormat.of().parseHex("4433221188776655"), Blake2sFeltHash.encode(List.of(Felt.parse("0x1122334455667788"))));
    assertArrayEquals(
        HexFormat.of().parseHex("ffffff7fffffffff"), Blake2sFeltHash.encode(List.of(Felt.parse("0x7fffffffffffffff"))));
    byte[] big = Blake2sFeltHash.encode(List.of(Felt.of(BigInteger.ONE.shiftLeft(63))));
    assertArrayEquals(
        HexFormat.of().parseHex("00000080" + "00000000".repeat(5) + "00000080" + "00000000"), big);
    byte[] max = Blake2sFeltHash.encode(List.of(Felt.MAX));
    assertEquals(32, max.length);
    // p − 1 = 0x0800000000000011000…000: first word 0x08000000 | marker.
    assertArrayEquals(HexFormat.of().parseHex("00000088" + "11000000"), java.util.Arrays.copyOf(max, 8));
  }

  /** A digest is read little-endian and reduced mod p. */
  @Test
  void blakeDigestIsLittleEndianModP() {
    byte[] d = new byte[32];
    d[0] = 1;
    assertEquals(Felt.ONE, Blake2sFeltHash.fromDigest(d));
    java.util.Arrays.fill(d, (byte) 0xff);
    BigInteger all = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertEquals(Felt.of(all.mod(Felt.MODULUS)), Blake2sFeltHash.fromDigest(d));
  }
}
