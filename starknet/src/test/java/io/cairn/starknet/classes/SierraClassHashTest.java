package io.cairn.starknet.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SierraClassHashTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final BigInteger ADDR_BOUND = BigInteger.ONE.shiftLeft(251).subtract(BigInteger.valueOf(256));

  private static SierraClass load(Path p) throws Exception {
    return assertInstanceOf(SierraClass.class, ContractClasses.loadClass(p));
  }

  /** starknet-rs {@code *_sierra.txt} (ABI held as a JSON array) against {@code *.hashes.json}. */
  @ParameterizedTest
  @CsvSource({"cairo1/artifacts/abi_types", "cairo2/artifacts/abi_types", "cairo2.6/artifacts/erc20", "cairo2.6/artifacts/trivial"})
  void starknetRsArtifacts(String name) throws Exception {
    Path dir = Fixtures.require(TestFiles.STARKNET_RS);
    JsonNode expected = M.readTree(dir.resolve(name + ".hashes.json").toFile());
    assertEquals(
        Felt.parse(expected.get("sierra_class_hash").asText()), load(dir.resolve(name + "_sierra.txt")).classHash());
  }

  /** pathfinder's sierra-0.11 class, whose ABI is a string hashed as is. */
  @Test
  void pathfinderSierraWithAbiString() throws Exception {
    SierraClass c = load(Fixtures.require(TestFiles.PATHFINDER + "/sierra-0.11.json"));
    assertEquals(Felt.parse("0x4e70b19333ae94bd958625f7b61ce9eec631653597e68645e13780061b2136c"), c.classHash());
  }

  /** An ABI held as JSON hashes as its Python json.dumps text: replacing it by that text keeps the hash. */
  @Test
  void abiArrayHashesAsItsPythonDump() throws Exception {
    Path file = Fixtures.require(TestFiles.STARKNET_RS + "/cairo2.6/artifacts/erc20_sierra.txt");
    SierraClass fromArray = load(file);
    assertTrue(fromArray.abi().startsWith("[{\"type\": "), fromArray.abi().substring(0, 20));
    ObjectNode root = (ObjectNode) M.readTree(file.toFile());
    root.put("abi", fromArray.abi());
    SierraClass fromString = (SierraClass) ContractClasses.parseClass(M.writeValueAsBytes(root), "test");
    assertEquals(fromArray.classHash(), fromString.classHash());
    root.put("abi", fromArray.abi().replace(", ", ","));
    SierraClass compact = (SierraClass) ContractClasses.parseClass(M.writeValueAsBytes(root), "test");
    assertFalse(fromArray.classHash().equals(compact.classHash()), "the ABI text, not its meaning, is hashed");
  }

  /** Every Sierra class among the compiler's and blockifier's test data loads and hashes below 2^251 − 256. */
  @Test
  void everySierraFixtureHashes() throws Exception {
    List<Path> files = new java.util.ArrayList<>(TestFiles.under("cairo1-classes", ".contract_class.json"));
    files.addAll(TestFiles.under("cairo1-classes", ".sierra.json"));
    assertFalse(files.isEmpty());
    for (Path f : files) assertTrue(load(f).classHash().toBigInteger().compareTo(ADDR_BOUND) < 0, f.toString());
  }
}
