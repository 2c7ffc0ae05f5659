package io.cairn.bench.hash;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Blake2s;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Poseidon;
import java.math.BigInteger;
import java.util.Random;
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

/** Poseidon (Felt API and kernel), Keccak-256 and BLAKE2s on one core. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HashBenchmark {
  private Felt x, y;
  private Felt[] ten;
  private final long[] state = new long[Poseidon.STATE_LONGS];
  private final long[] lanes = new long[25];
  private final byte[] msg64 = new byte[64];
  private final byte[] out = new byte[32];

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    x = Felt.fromBigIntegerReduced(new BigInteger(252, rnd));
    y = Felt.fromBigIntegerReduced(new BigInteger(252, rnd));
    ten = new Felt[10];
    for (int i = 0; i < 10; i++) ten[i] = Felt.fromBigIntegerReduced(new BigInteger(252, rnd));
    x.writeTo(state, 0);
    y.writeTo(state, 4);
    rnd.nextBytes(msg64);
  }

  @Benchmark
  public Felt poseidonHash2() {
    Felt h = Poseidon.hash(x, y);
    x = h; // chain so the JIT cannot hoist the call
    return h;
  }

  @Benchmark
  public Felt poseidonHashMany10() {
    return Poseidon.hashMany(ten);
  }

  @Benchmark
  public long poseidonPermuteKernel() {
    Poseidon.permute(state, 0);
    return state[0];
  }

  @Benchmark
  public long keccakF1600() {
    Keccak.keccakF1600(lanes);
    return lanes[0];
  }

  @Benchmark
  public byte keccak256Of64Bytes() {
    Keccak.keccak256(msg64, 0, 64, out, 0, lanes);
    return out[0];
  }

  @Benchmark
  public byte blake2sOf64Bytes() {
    Blake2s.blake2s256(msg64, 0, 64, out, 0);
    return out[0];
  }
}
