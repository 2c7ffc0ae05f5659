package io.cairn.bench.classes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.crypto.field.Felt;
import io.cairn.starknet.classes.CasmClass;
import io.cairn.starknet.classes.CompiledClassHashVersion;
import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.classes.LegacyClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of a legacy class hash goes, on pathfinder's integration-test class (512 KB, the largest legacy
 * fixture): parsing, the Python-style re-serialization for the hinted hash (against Jackson's own sorted writer of the
 * same tree as a yardstick), the keccak, and the whole hash; plus both compiled class hashes of blockifier's ERC20.
 * Fixtures come from {@code -Dcairn.fixtures=…} or {@code ../shared/fixtures}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ClassHashBenchmark {
  private byte[] legacyJson;
  private LegacyClass legacy;
  private JsonNode legacyTree;
  private ObjectMapper sortedWriter;
  private CasmClass casm;

  @Setup
  public void setup() throws IOException {
    Path fixtures = Path.of(System.getProperty("cairn.fixtures", "../shared/fixtures"));
    Path legacyFile = fixtures.resolve("starknet-hashes/pathfinder/contracts/integration-test.json");
    legacyJson = Files.readAllBytes(legacyFile);
    legacy = (LegacyClass) ContractClasses.parseClass(legacyJson, legacyFile.toString());
    sortedWriter = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    legacyTree = new ObjectMapper().readTree(legacy.hintedClassJson());
    casm = ContractClasses.loadCasm(fixtures.resolve("cairo1-classes/feature-contracts/erc20.casm.json"));
  }

  @Benchmark
  public Object legacyParse() {
    return ContractClasses.parseClass(legacyJson, "bench");
  }

  @Benchmark
  public byte[] legacyHintedJson() {
    return legacy.hintedClassJson();
  }

  /** Jackson writing the same (already sorted) tree compactly: the floor for any JSON writer here. */
  @Benchmark
  public byte[] jacksonWriteSameTree() throws IOException {
    return sortedWriter.writeValueAsBytes(legacyTree);
  }

  @Benchmark
  public Felt legacyHintedClassHash() {
    return legacy.hintedClassHash();
  }

  @Benchmark
  public Felt legacyClassHashFromBytes() {
    return ContractClasses.parseClass(legacyJson, "bench").classHash();
  }

  @Benchmark
  public Felt casmV1() {
    return casm.compiledClassHash(CompiledClassHashVersion.V1);
  }

  @Benchmark
  public Felt casmV2() {
    return casm.compiledClassHash(CompiledClassHashVersion.V2);
  }
}
