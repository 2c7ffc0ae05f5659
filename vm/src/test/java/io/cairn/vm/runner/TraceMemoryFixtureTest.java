package io.cairn.vm.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.testsupport.Fixtures;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.program.Program;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cairo-run's trace and memory files reproduced bit for bit (memory compared as parsed content). */
class TraceMemoryFixtureTest {

  static RunOutput run(Path program, String layout) {
    CairoRunner r = new CairoRunner(Program.load(program), RunConfig.of(layout), new HintProcessor());
    r.initialize();
    r.run();
    return r.relocate();
  }

  static byte[] trace(RunOutput o) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    o.writeTrace(b);
    return b.toByteArray();
  }

  static Map<Long, String> memory(byte[] bytes) {
    Map<Long, String> m = new HashMap<>();
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    while (bb.remaining() >= 40) {
      long addr = bb.getLong();
      byte[] v = new byte[32];
      bb.get(v);
      m.put(addr, java.util.HexFormat.of().formatHex(v));
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"fibonacci_5", "fibonacci_10", "fibonacci_30", "fibonacci_50", "fibonacci_100", "call_func", "simple_program"})
  void reproducesTraceAndMemory(String name) throws Exception {
    Path dir = Fixtures.require("cairo0-programs/with_trace_and_memory");
    RunOutput o = run(dir.resolve(name + ".json"), "plain");
    assertArrayEquals(Files.readAllBytes(dir.resolve(name + ".trace")), trace(o), "trace of " + name);
    ByteArrayOutputStream mem = new ByteArrayOutputStream();
    o.writeMemory(mem);
    assertEquals(memory(Files.readAllBytes(dir.resolve(name + ".memory"))), memory(mem.toByteArray()), "memory of " + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fibonacci:fibonacci", "factorial:factorial", "bitwise_builtin_test:bitwise_builtin_test", "keccak_builtin:keccak"})
  void reproducesExpectedTraces(String pair) throws Exception {
    String name = pair.split(":")[0], traceName = pair.split(":")[1];
    Path dir = Fixtures.require("cairo0-programs");
    RunOutput o = run(dir.resolve(name + ".json"), "starknet_with_keccak");
    assertArrayEquals(Files.readAllBytes(dir.resolve("expected_traces/expected_" + traceName + ".trace")), trace(o), name);
  }
}
