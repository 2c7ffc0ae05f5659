package io.cairn.bench.prover;

import io.cairn.crypto.field.Felt;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One trace column: NTT of 2^logN elements, and its low-degree extension onto 4 cosets (log_n_cosets 2). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LdeBenchmark {
  @Param({"16", "20"})
  public int logN;

  private long[] column;
  private long[] work;
  private Ntt ntt;
  private Lde lde;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 1 << logN;
    column = new long[4 * n];
    for (int i = 0; i < n; i++) Felt.of(rnd.nextLong() & Long.MAX_VALUE).writeTo(column, 4 * i);
    work = new long[4 * n];
    ntt = new Ntt(logN);
    lde = new Lde(logN, 2);
  }

  @Benchmark
  public long[] ntt() {
    System.arraycopy(column, 0, work, 0, column.length);
    ntt.forward(work, 0);
    return work;
  }

  @Benchmark
  public long[] ldeFourCosets() {
    return lde.extend(column);
  }
}
