package io.cairn.bench.cairo1;

import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.vm.casm.CasmProgram;
import io.cairn.vm.syscall.ContractRunner;
import io.cairn.vm.syscall.InMemorySyscallHandler;
import io.cairn.vm.syscall.SyscallCosts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ERC20 transfers (u256 arithmetic, pedersen storage keys, storage and event syscalls) and test_contract's
 * segment-arena entry point (Felt252Dict + squash hints), each a full entry-point call. Fixtures are read from
 * {@code -Dcairn.fixtures=DIR} (default /work/shared/fixtures). Steps per second = the {@code steps} counter's rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class Cairo1Throughput {
  private InMemorySyscallHandler world;
  private final BigInteger token = BigInteger.valueOf(0x700), test = BigInteger.valueOf(0x800);
  private final BigInteger holder = BigInteger.valueOf(0xabc);
  private BigInteger transfer, arena, recurse;

  /** Cairo steps run, reported per second by JMH. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Steps {
    public long steps;

    @Setup(Level.Iteration)
    public void reset() {
      steps = 0;
    }
  }

  @Setup
  public void setUp() throws Exception {
    Path root = Path.of(System.getProperty("cairn.fixtures", "/work/shared/fixtures"));
    world = new InMemorySyscallHandler(SyscallCosts.load(root.resolve("starknet-protocol/blockifier_versioned_constants_0_14_2.json")));
    world.declare(BigInteger.ONE, CasmProgram.of(ContractClasses.loadCasm(root.resolve("cairo1-classes/cairo-test-data/erc20__erc_20.compiled_contract_class.json")), "erc20"));
    world.declare(BigInteger.TWO, CasmProgram.of(ContractClasses.loadCasm(root.resolve("cairo1-classes/feature-contracts/test_contract.casm.json")), "test_contract"));
    world.deploy(token, BigInteger.ONE);
    world.deploy(test, BigInteger.TWO);
    BigInteger big = BigInteger.ONE.shiftLeft(120);
    ContractRunner.Outcome c =
        world.invoke(token, Selectors.CONSTRUCTOR.toBigInteger(), List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(18), big, BigInteger.ZERO, holder), 1_000_000_000L);
    if (c.panicked()) throw new IllegalStateException(c.panicText());
    transfer = Selectors.fromName("transfer").toBigInteger();
    arena = Selectors.fromName("test_segment_arena").toBigInteger();
    recurse = Selectors.fromName("recurse").toBigInteger();
  }

  @Benchmark
  public ContractRunner.Outcome recurseThousand(Steps s) {
    ContractRunner.Outcome o = world.invoke(test, recurse, List.of(BigInteger.valueOf(1000)), 1_000_000_000L);
    s.steps += o.steps();
    return o;
  }

  @Benchmark
  public ContractRunner.Outcome erc20Transfer(Steps s) {
    ContractRunner.Outcome o = world.invokeFrom(holder, token, transfer, List.of(BigInteger.valueOf(0xdef), BigInteger.ONE, BigInteger.ZERO), 100_000_000L);
    s.steps += o.steps();
    return o;
  }

  @Benchmark
  public ContractRunner.Outcome segmentArenaDict(Steps s) {
    ContractRunner.Outcome o = world.invoke(test, arena, List.of(), 100_000_000L);
    s.steps += o.steps();
    return o;
  }
}
