package io.cairn.bench.prover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.prove.CairoTrace;
import io.cairn.prover.prove.KernelWarmUp;
import io.cairn.prover.prove.ProofFile;
import io.cairn.prover.prove.StarkProver;
import io.cairn.prover.stone.StoneProof;
import io.cairn.vm.runner.RunOutput;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Proving time, peak heap and proof size of the recursive-layout fibonacci (the program of {@link TraceBenchmark})
 * with the 96-bit parameters of Stone's e2e test (18 queries, 24 proof-of-work bits, keccak256 channel,
 * keccak256_masked160_msb commitments), fri_step_list fitted to the trace length. One proof per JVM, single-shot
 * wall time as a user sees it; like {@code cairn prove}, it first runs {@link KernelWarmUp} (timed apart), without
 * which the kernels are compiled for the trace's zero-heavy values and the proof takes ~1.5× as long.
 *
 * <p>Memory: the peak of the used heap sampled every 20 ms (garbage included, so it depends on -Xmx and the GC), and
 * the largest heap left after a collection (the live data, closer to what the proof needs).
 *
 * <p>Run: {@code java -Xmx8g -cp bench/target/benchmarks.jar io.cairn.bench.prover.ProveTime LOG_STEPS LOG_COSETS}.
 */
public final class ProveTime {
  private ProveTime() {}

  /** A run padded to exactly {@code steps}: proof mode pads to a power of two, so bisect the claim index. */
  static RunOutput runWithSteps(long steps) {
    int lo = 1, hi = 2;
    while (TraceBenchmark.run(hi).steps() < steps) hi *= 2;
    while (true) {
      int mid = (lo + hi) >>> 1;
      RunOutput r = TraceBenchmark.run(mid);
      if (r.steps() == steps) return r;
      if (r.steps() < steps) lo = mid + 1;
      else hi = mid - 1;
      if (lo > hi) throw new IllegalStateException("no claim index runs exactly " + steps + " steps");
    }
  }

  /** The largest sampled used heap and the largest heap after a collection, from the moment it is started. */
  static final class HeapPeaks {
    final AtomicLong used = new AtomicLong(), afterGc = new AtomicLong();

    HeapPeaks start() {
      Runtime rt = Runtime.getRuntime();
      Thread sampler =
          new Thread(
              () -> {
                while (true) {
                  used.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        ((NotificationEmitter) gc)
            .addNotificationListener(
                (n, h) -> {
                  if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                  var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                  long sum = 0;
                  for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) sum += u.getUsed();
                  afterGc.accumulateAndGet(sum, Math::max);
                  used.accumulateAndGet(info.getGcInfo().getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed).sum(), Math::max);
                },
                null,
                null);
      return this;
    }
  }

  public static void main(String[] args) throws Exception {
    HeapPeaks peaks = new HeapPeaks().start();
    int logSteps = Integer.parseInt(args[0]), logCosets = Integer.parseInt(args[1]);
    long w0 = System.nanoTime();
    KernelWarmUp.run(); // first, as `cairn prove` does
    long t0 = System.nanoTime();
    System.out.printf("kernel warm-up: %.2f s%n", (t0 - w0) / 1e9);
    RunOutput run = runWithSteps(1L << logSteps);
    ObjectMapper om = new ObjectMapper();
    var publicInputJson = om.valueToTree(run.publicInput());
    StoneProof.PublicInput pi = StoneProof.parsePublicInput(publicInputJson);
    AirDescription air = AirDescription.load(pi.layout());
    int logTrace = logSteps + 4, lastLayerLog = 6, sum = logTrace - lastLayerLog;
    ArrayNode steps = om.createArrayNode().add(0);
    for (; sum > 0; sum -= Math.min(4, sum)) steps.add(Math.min(4, sum));
    ObjectNode params = om.createObjectNode();
    params.put("field", "PrimeField0");
    ObjectNode stark = params.putObject("stark");
    ObjectNode fri = stark.putObject("fri");
    fri.set("fri_step_list", steps);
    fri.put("last_layer_degree_bound", 1 << lastLayerLog);
    fri.put("n_queries", 18);
    fri.put("proof_of_work_bits", 24);
    stark.put("log_n_cosets", logCosets);
    params.put("use_extension_field", false);
    StoneProof.Parameters prm = StoneProof.parse(ProofFile.json(params, ProofFile.defaultProverConfig(), publicInputJson, null, new byte[0])).parameters();
    long t1 = System.nanoTime(), c1 = ProverKernelsCpuTime.cpu(); // process CPU time: all threads, less sensitive to other jobs
    System.out.printf("run: %d steps in %.1f s; fri_step_list %s%n", run.steps(), (t1 - t0) / 1e9, steps);
    StarkProver.Options opt =
        new StarkProver.Options(0, true, s -> System.out.printf("%8.1f s %8.1f s CPU  %s%n", (System.nanoTime() - t1) / 1e9, (ProverKernelsCpuTime.cpu() - c1) / 1e9, s));
    CairoTrace trace = CairoTrace.of(run, pi);
    run = null; // the VM's trace and memory are in the main trace now
    byte[] proof = StarkProver.prove(air, pi, prm, 6, trace, opt);
    long t2 = System.nanoTime();
    System.out.printf(
        "2^%d steps, log_n_cosets %d: proved in %.1f s (%.1f s CPU; trace generation included), peak used heap %.2f GB (sampled), peak after GC %.2f GB, proof %d bytes%n",
        logSteps, logCosets, (t2 - t1) / 1e9, (ProverKernelsCpuTime.cpu() - c1) / 1e9, peaks.used.get() / 1e9, peaks.afterGc.get() / 1e9, proof.length);
    // to compare versions: a faster prover must give the same bytes
    System.out.printf("proof sha256 %s%n", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(proof)));
  }
}
