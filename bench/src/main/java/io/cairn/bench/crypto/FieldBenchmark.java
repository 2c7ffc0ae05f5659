package io.cairn.bench.crypto;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.math.BigInteger;
import java.util.SplittableRandom;
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
 * Field kernels on a pre-built pool of elements, rotating through it so no result is constant-folded. The
 * {@code ...BigInteger} variants are the arithmetic starknet-jvm's {@code Felt} (a BigInteger wrapper) does: it has no
 * field API of its own, so BigInteger multiply-mod and modInverse stand for it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldBenchmark {
  private static final int POOL = 1024;
  private final long[] pool = new long[4 * POOL];
  private final BigInteger[] big = new BigInteger[POOL];
  private final long[] acc = new long[4];
  private BigInteger bigAcc = BigInteger.ONE;
  private int i;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int k = 0; k < POOL; k++) {
      Felt f = Felt.fromBigIntegerReduced(new BigInteger(252, new java.util.Random(rnd.nextLong())));
      if (f.isZero()) f = Felt.ONE;
      f.writeTo(pool, 4 * k);
      big[k] = f.toBigInteger();
    }
    Felt.ONE.writeTo(acc, 0);
  }

  @Benchmark
  public long mul() {
    int k = (i = (i + 1) & (POOL - 1)) * 4;
    Fp.mul(acc, 0, pool, k, acc, 0);
    return acc[0];
  }

  @Benchmark
  public long square() {
    Fp.square(acc, 0, acc, 0);
    return acc[0];
  }

  @Benchmark
  public BigInteger mulBigInteger() {
    int k = i = (i + 1) & (POOL - 1);
    return bigAcc = bigAcc.multiply(big[k]).mod(Felt.MODULUS);
  }

  @Benchmark
  public long inverse() {
    int k = (i = (i + 1) & (POOL - 1)) * 4;
    Fp.inverse(pool, k, acc, 0);
    return acc[0];
  }

  @Benchmark
  public BigInteger inverseBigInteger() {
    int k = i = (i + 1) & (POOL - 1);
    return big[k].modInverse(Felt.MODULUS);
  }
}
