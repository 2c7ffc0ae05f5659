package io.cairn.bench.cairo1;

import io.cairn.starknet.classes.ContractClasses;
import io.cairn.starknet.hash.Selectors;
import io.cairn.vm.casm.CasmProgram;
import io.cairn.vm.syscall.ContractRunner;
import io.cairn.vm.syscall.InMemorySyscallHandler;
import io.cairn.vm.syscall.SyscallCosts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Steps per CPU-second of whole Cairo 1 entry-point calls (frame, hints, syscalls, end-of-run checks included), the
 * same workloads as {@link Cairo1Throughput} plus a deep recursion, on the running thread's CPU time so the figures
 * hold on a loaded machine. Run: {@code java -cp bench/target/benchmarks.jar io.cairn.bench.cairo1.Cairo1CpuThroughput
 * [FIXTURES]}.
 */
public final class Cairo1CpuThroughput {
  private Cairo1CpuThroughput() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/fixtures");
    InMemorySyscallHandler world =
        new InMemorySyscallHandler(SyscallCosts.load(root.resolve("starknet-protocol/blockifier_versioned_constants_0_14_2.json")));
    BigInteger token = BigInteger.valueOf(0x700), test = BigInteger.valueOf(0x800), holder = BigInteger.valueOf(0xabc);
    world.declare(BigInteger.ONE, CasmProgram.of(ContractClasses.loadCasm(root.resolve("cairo1-classes/cairo-test-data/erc20__erc_20.compiled_contract_class.json")), "erc20"));
    world.declare(BigInteger.TWO, CasmProgram.of(ContractClasses.loadCasm(root.resolve("cairo1-classes/feature-contracts/test_contract.casm.json")), "test_contract"));
    world.deploy(token, BigInteger.ONE);
    world.deploy(test, BigInteger.TWO);
    ContractRunner.Outcome c =
        world.invoke(token, Selectors.CONSTRUCTOR.toBigInteger(), List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(18), BigInteger.ONE.shiftLeft(120), BigInteger.ZERO, holder), 1_000_000_000L);
    if (c.panicked()) throw new IllegalStateException(c.panicText());
    BigInteger transfer = Selectors.fromName("transfer").toBigInteger();
    BigInteger arena = Selectors.fromName("test_segment_arena").toBigInteger();
    BigInteger recurse = Selectors.fromName("recurse").toBigInteger();
    measure("erc20 transfer (u256 arithmetic, pedersen, storage/event syscalls)", 20_000,
        () -> world.invokeFrom(holder, token, transfer, List.of(BigInteger.valueOf(0xdef), BigInteger.ONE, BigInteger.ZERO), 100_000_000L));
    measure("test_segment_arena (Felt252Dict entries + squash hints)", 20_000, () -> world.invoke(test, arena, List.of(), 100_000_000L));
    measure("recurse(1000) (calls and felt arithmetic, few hints)", 500, () -> world.invoke(test, recurse, List.of(BigInteger.valueOf(1000)), 1_000_000_000L));
  }

  private static void measure(String what, int calls, Supplier<ContractRunner.Outcome> call) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int rep = 0; rep < 3; rep++) {
      long steps = 0;
      for (int i = 0; i < calls; i++) check(call.get()); // warm-up
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < calls; i++) steps += check(call.get()).steps();
      long t = mx.getCurrentThreadCpuTime() - t0;
      System.out.printf("%s: %d calls, %d steps/call, %.1f µs/call, %.2fM steps/s (CPU)%n",
          what, calls, steps / calls, t / 1e3 / calls, steps / (t / 1e3));
    }
  }

  private static ContractRunner.Outcome check(ContractRunner.Outcome o) {
    if (o.panicked()) throw new IllegalStateException(o.panicText());
    return o;
  }
}
