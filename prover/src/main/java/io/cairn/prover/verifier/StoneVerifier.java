package io.cairn.prover.verifier;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.air.CpuAirValues;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.stone.StoneProof.MemoryCell;
import io.cairn.prover.stone.StoneProof.Parameters;
import io.cairn.prover.stone.StoneProof.PublicInput;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Verifies a Stone proof of a Cairo execution, step by step as Stone's verifier does (PROVER.md §4): public-input
 * seed, trace and composition commitments, OODS consistency with the layout's AIR, DEEP/FRI, proof of work and the
 * Merkle decommitments. A false proof raises {@link VerificationException} naming the failed check; a malformed one
 * {@link IllegalArgumentException}.
 */
public final class StoneVerifier {
  private StoneVerifier() {}

  static final BigInteger P = Felt.MODULUS;
  static final Felt GENERATOR = Felt.of(3);

  /** What a valid proof establishes, plus the verifier's derived values (for comparison with annotations). */
  public record Result(
      String layout,
      Felt programHash,
      byte[] outputHash,
      byte[] fact,
      List<Felt> output,
      List<Felt> interactionElements,
      Felt oodsPoint,
      long[] queries) {}

  /** The verifier's randomness, known once the commit phase (OODS and proof of work included) has passed. */
  public record Transcript(List<Felt> interactionElements, Felt oodsPoint, long[] queries) {}

  public static Result verify(StoneProof proof, int stoneVersion) {
    return verify(proof, stoneVersion, t -> {});
  }

  /** As {@link #verify(StoneProof, int)}, reporting the transcript to {@code afterCommitPhase} before decommitment. */
  public static Result verify(StoneProof proof, int stoneVersion, java.util.function.Consumer<Transcript> afterCommitPhase) {
    if (stoneVersion != 5 && stoneVersion != 6) throw new IllegalArgumentException("--stone-version must be 5 or 6, got " + stoneVersion);
    Parameters prm = proof.parameters();
    PublicInput pi = proof.publicInput();
    AirDescription air = AirDescription.load(pi.layout());
    if (!"poseidon3".equals(prm.channelHash()))
      throw new IllegalArgumentException("proof_parameters.channel_hash: only poseidon3 is supported so far, got " + prm.channelHash());
    if (!prm.verifierFriendlyChannelUpdates())
      throw new IllegalArgumentException("proof_parameters.verifier_friendly_channel_updates: only true is supported with poseidon3");
    checkHashName(prm.commitmentHash(), "proof_parameters.commitment_hash");
    checkHashName(prm.verifierFriendlyCommitmentHash(), "proof_parameters.verifier_friendly_commitment_hash");
    checkHashName(prm.powHash(), "proof_parameters.pow_hash");

    long traceLength = pi.nSteps() * 16;
    int logTrace = Long.numberOfTrailingZeros(traceLength);
    int logEval = logTrace + prm.logNCosets();
    if (logEval > 60) throw new IllegalArgumentException("evaluation domain too large: 2^" + logEval);
    int sumSteps = 0;
    for (int s : prm.friStepList()) sumSteps += s;
    if (prm.friStepList()[0] != 0) throw new IllegalArgumentException("proof_parameters.stark.fri.fri_step_list[0]: must be 0");
    if ((long) prm.lastLayerDegreeBound() << sumSteps != traceLength)
      throw new VerificationException(
          "FRI parameters",
          "last_layer_degree_bound · 2^Σfri_step_list = " + ((long) prm.lastLayerDegreeBound() << sumSteps) + " ≠ trace length " + traceLength);
    CpuAirValues values = new CpuAirValues(air, pi);

    // Channel seeded with the public input.
    Felt seed = CpuAirValues.publicInputHash(air, pi, prm, stoneVersion);
    FeltChannel ch = new FeltChannel(seed);
    ProofStream in = new ProofStream(proof.proof(), false);

    Felt traceRoot = in.felt("original trace commitment");
    ch.absorb(traceRoot);
    Felt[] interaction = new Felt[air.interactionElements];
    for (int i = 0; i < interaction.length; i++) interaction[i] = ch.randomFelt();
    Felt interactionRoot = in.felt("interaction trace commitment");
    ch.absorb(interactionRoot);
    Felt compositionAlpha = ch.randomFelt();
    Felt compositionRoot = in.felt("composition commitment");
    ch.absorb(compositionRoot);
    Felt z = ch.randomFelt();
    int nOods = air.mask.size() + air.constraintDegree;
    Felt[] oods = new Felt[nOods];
    for (int i = 0; i < nOods; i++) oods[i] = in.felt("OODS value #" + i);
    ch.absorb(oods);

    // OODS: the AIR's composition at z must equal the committed broken columns at z².
    Felt traceGenerator = GENERATOR.pow(P.subtract(BigInteger.ONE).shiftRight(logTrace));
    Felt[] coefficients = powers(compositionAlpha, air.constraints.size());
    Map<String, Felt> external = values.external(interaction, z, traceLength);
    Felt composition = air.evaluateComposition(Arrays.copyOf(oods, air.mask.size()), external, coefficients, z, traceGenerator, traceLength);
    Felt claimed = Felt.ZERO;
    for (int k = air.constraintDegree - 1; k >= 0; k--) claimed = claimed.mul(z).add(oods[air.mask.size() + k]);
    if (!composition.equals(claimed))
      throw new VerificationException("OODS", "the AIR's composition polynomial at the OODS point does not match the committed composition columns");
    Felt deepAlpha = ch.randomFelt();
    Felt[] deepCoefficients = powers(deepAlpha, nOods);

    // FRI commitments.
    int[] steps = prm.friStepList();
    int nInner = steps.length - 1;
    Felt[] friRoots = new Felt[nInner];
    Felt[] friPoints = new Felt[nInner];
    for (int k = 0; k < nInner; k++) {
      friRoots[k] = in.felt("FRI layer " + (k + 1) + " commitment");
      ch.absorb(friRoots[k]);
      friPoints[k] = ch.randomFelt();
    }
    Felt[] lastLayer = new Felt[prm.lastLayerDegreeBound()];
    for (int i = 0; i < lastLayer.length; i++) lastLayer[i] = in.felt("last layer coefficient #" + i);
    ch.absorb(lastLayer);

    // Proof of work.
    byte[] nonceWord = in.next(32, "proof-of-work nonce");
    for (int i = 0; i < 24; i++)
      if (nonceWord[i] != 0) throw new VerificationException("proof of work", "the nonce does not fit in 64 bits");
    long nonce = 0;
    for (int i = 24; i < 32; i++) nonce = (nonce << 8) | (nonceWord[i] & 0xff);
    if (!proofOfWorkOk(prm.powHash(), ch.state().toBytesBE(), prm.proofOfWorkBits(), nonce))
      throw new VerificationException("proof of work", "nonce " + Long.toUnsignedString(nonce) + " does not give " + prm.proofOfWorkBits() + " zero bits");
    ch.absorb(Felt.fromCanonicalLimbs(nonce, 0, 0, 0));

    // Queries.
    long evalSize = 1L << logEval;
    TreeSet<Long> sorted = new TreeSet<>();
    for (int i = 0; i < prm.nQueries(); i++) {
      long[] limbs = ch.randomFelt().canonicalLimbs();
      BigInteger low128 = new BigInteger(1, toBytes(limbs[1], limbs[0]));
      sorted.add(low128.mod(BigInteger.valueOf(evalSize)).longValue());
    }
    long[] queries = sorted.stream().mapToLong(Long::longValue).toArray();

    afterCommitPhase.accept(new Transcript(List.of(interaction), z, queries.clone()));

    // Layer 0: the three committed traces at the queried rows.
    Merkle merkle = new Merkle(prm, in);
    Felt[][] mainRows = merkle.decommitTable("original trace", traceRoot, queries, air.mainColumns, logEval);
    Felt[][] interRows = merkle.decommitTable("interaction trace", interactionRoot, queries, air.interactionColumns, logEval);
    Felt[][] compRows = merkle.decommitTable("composition", compositionRoot, queries, air.constraintDegree, logEval);

    // DEEP composition at each query point, then FRI.
    Felt evalGenerator = GENERATOR.pow(P.subtract(BigInteger.ONE).shiftRight(logEval));
    Felt[] rowShift = new Felt[air.mask.size()];
    for (int i = 0; i < rowShift.length; i++) rowShift[i] = z.mul(traceGenerator.pow(air.mask.get(i).row()));
    Felt zDeg = z.pow(air.constraintDegree);
    Felt generatorInverse = GENERATOR.inverse();
    long[] idx = queries.clone();
    Felt[] y = new Felt[queries.length];
    Felt[] xInv = new Felt[queries.length];
    for (int q = 0; q < queries.length; q++) {
      // the evaluation domain in bit-reversed order: x_q = 3·ω^bitrev(q)
      Felt x = GENERATOR.mul(evalGenerator.pow(Long.reverse(queries[q]) >>> (64 - logEval)));
      Felt sum = Felt.ZERO;
      for (int i = 0; i < air.mask.size(); i++) {
        int col = air.mask.get(i).column();
        Felt v = col < air.mainColumns ? mainRows[q][col] : interRows[q][col - air.mainColumns];
        sum = sum.add(deepCoefficients[i].mul(v.sub(oods[i]).div(x.sub(rowShift[i]))));
      }
      for (int k = 0; k < air.constraintDegree; k++) {
        int i = air.mask.size() + k;
        sum = sum.add(deepCoefficients[i].mul(compRows[q][k].sub(oods[i]).div(x.sub(zDeg))));
      }
      y[q] = sum;
      xInv[q] = x.mul(generatorInverse).inverse();
    }
    int logSize = logEval;
    for (int k = 0; k < nInner; k++) {
      int step = steps[k + 1];
      int coset = 1 << step;
      Felt[] group = friGroup(step);
      List<Long> nextIdx = new ArrayList<>();
      List<Felt> nextY = new ArrayList<>();
      List<Felt> nextXInv = new ArrayList<>();
      List<Long> rowIdx = new ArrayList<>();
      List<Felt[]> rows = new ArrayList<>();
      int q = 0;
      while (q < idx.length) {
        long cosetIndex = idx[q] / coset;
        Felt[] elements = new Felt[coset];
        Felt cosetXInv = null;
        for (int j = 0; j < coset; j++) {
          if (q < idx.length && idx[q] == cosetIndex * coset + j) {
            elements[j] = y[q];
            cosetXInv = xInv[q].mul(group[j]);
            q++;
          } else elements[j] = in.tableValue("FRI layer " + (k + 1) + " coset element");
        }
        rowIdx.add(cosetIndex);
        rows.add(elements);
        nextIdx.add(cosetIndex);
        nextY.add(fold(elements, friPoints[k], cosetXInv));
        nextXInv.add(cosetXInv.pow(coset));
      }
      logSize -= step;
      merkle.verifyRows("FRI layer " + (k + 1), friRoots[k], rowIdx, rows, logSize);
      idx = nextIdx.stream().mapToLong(Long::longValue).toArray();
      y = nextY.toArray(new Felt[0]);
      xInv = nextXInv.toArray(new Felt[0]);
    }
    for (int q = 0; q < idx.length; q++) {
      Felt x = xInv[q].inverse();
      Felt acc = Felt.ZERO;
      for (int i = lastLayer.length - 1; i >= 0; i--) acc = acc.mul(x).add(lastLayer[i]);
      if (!acc.equals(y[q])) throw new VerificationException("FRI last layer", "query " + idx[q] + " disagrees with the last-layer polynomial");
    }
    if (in.position() != in.length())
      throw new VerificationException("proof length", (in.length() - in.position()) + " unread bytes at the end of proof_hex");

    List<Felt> output = values.output();
    byte[] outputHash = keccakPacked(output);
    Felt programHash = values.programHash();
    byte[] fact = Keccak.keccak256(concat(programHash.toBytesBE(), outputHash));
    return new Result(pi.layout(), programHash, outputHash, fact, output, List.of(interaction), z, queries);
  }

  /**
   * Folds a coset of 2^k values (in Stone's bit-reversed coset order) into one value of the next layer: the first
   * half and the second half fold recursively (the second with x⁻¹·ω_n), then the pair combines as
   * f(x) + f(−x) + λ·x⁻¹·(f(x) − f(−x)) with λ and x⁻¹ raised to n/2 (Stone's FRI folder; no division by 2).
   */
  static Felt fold(Felt[] v, Felt point, Felt xInv) {
    return fold(v, 0, v.length, point, xInv);
  }

  private static Felt fold(Felt[] v, int from, int n, Felt point, Felt xInv) {
    if (n == 1) return v[from];
    Felt g0, g1;
    if (n == 2) {
      g0 = v[from];
      g1 = v[from + 1];
    } else {
      g0 = fold(v, from, n / 2, point, xInv);
      g1 = fold(v, from + n / 2, n / 2, point, xInv.mul(rootOfUnity(n).inverse()));
    }
    Felt lambda = point.pow(n / 2), xi = xInv.pow(n / 2);
    return g0.add(g1).add(lambda.mul(xi).mul(g0.sub(g1)));
  }

  /** 3^((p−1)/n), the primitive n-th root of unity Stone's FFT bases use. */
  static Felt rootOfUnity(int n) {
    return GENERATOR.pow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)));
  }

  /** Multipliers of x⁻¹ for the elements of a coset of size 2^step in Stone's (bit-reversed) order. */
  static Felt[] friGroup(int step) {
    int n = 1 << step;
    Felt omega = GENERATOR.pow(P.subtract(BigInteger.ONE).divide(BigInteger.valueOf(n)));
    Felt[] g = new Felt[n];
    for (int i = 0; i < n; i++) {
      int rev = step == 0 ? 0 : Integer.reverse(i) >>> (32 - step);
      g[i] = omega.pow(rev); // x⁻¹ of element i is x₀⁻¹·ω^bitrev(i)
    }
    return g;
  }

  static Felt[] powers(Felt a, int n) {
    Felt[] r = new Felt[n];
    Felt acc = Felt.ONE;
    for (int i = 0; i < n; i++) {
      r[i] = acc;
      acc = acc.mul(a);
    }
    return r;
  }

  static boolean proofOfWorkOk(String hashName, byte[] seed, int bits, long nonce) {
    byte[] init = new byte[8 + 32 + 1];
    long magic = 0x0123456789abcdedL;
    for (int i = 0; i < 8; i++) init[i] = (byte) (magic >>> (56 - 8 * i));
    System.arraycopy(seed, 0, init, 8, 32);
    init[40] = (byte) bits;
    byte[] h0 = Hashes.digest(hashName, init);
    byte[] data = new byte[40];
    System.arraycopy(h0, 0, data, 0, 32);
    for (int i = 0; i < 8; i++) data[32 + i] = (byte) (nonce >>> (56 - 8 * i));
    byte[] h = Hashes.digest(hashName, data);
    long head = 0;
    for (int i = 0; i < 8; i++) head = (head << 8) | (h[i] & 0xff);
    return bits == 0 || Long.compareUnsigned(head, 1L << (64 - bits)) < 0;
  }

  static byte[] keccakPacked(List<Felt> values) {
    byte[] b = new byte[32 * values.size()];
    for (int i = 0; i < values.size(); i++) System.arraycopy(values.get(i).toBytesBE(), 0, b, 32 * i, 32);
    return Keccak.keccak256(b);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static byte[] toBytes(long hi, long lo) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  private static void checkHashName(String name, String path) {
    if (!Hashes.known(name)) throw new IllegalArgumentException(path + ": unknown hash '" + name + "'");
  }

  /** The poseidon3 ("felt") Fiat–Shamir channel of Stone (noninteractive_*_felt_channel). */
  static final class FeltChannel {
    private Felt state;
    private long counter;

    FeltChannel(Felt seed) {
      state = seed;
    }

    void absorb(Felt... values) {
      List<Felt> data = new ArrayList<>(values.length + 1);
      data.add(state.add(Felt.ONE));
      data.addAll(Arrays.asList(values));
      state = Poseidon.hashMany(data);
      counter = 0;
    }

    Felt randomFelt() {
      Felt r = Poseidon.hash(state, Felt.of(counter));
      counter++;
      return r;
    }

    Felt state() {
      return state;
    }
  }

  /** Table and vector commitments: Merkle trees whose top layers may use the verifier-friendly hash. */
  static final class Merkle {
    private final Parameters prm;
    private final ProofStream in;

    Merkle(Parameters prm, ProofStream in) {
      this.prm = prm;
      this.in = in;
    }

    Felt[][] decommitTable(String name, Felt root, long[] rows, int columns, int height) {
      Felt[][] values = new Felt[rows.length][columns];
      for (int r = 0; r < rows.length; r++)
        for (int c = 0; c < columns; c++) values[r][c] = in.tableValue(name + " row " + rows[r] + " column " + c);
      List<Long> idx = new ArrayList<>();
      for (long r : rows) idx.add(r);
      verifyRows(name, root, idx, Arrays.asList(values), height);
      return values;
    }

    void verifyRows(String name, Felt root, List<Long> rows, List<Felt[]> values, int height) {
      boolean leafFriendly = prm.nVerifierFriendlyCommitmentLayers() >= height + 1;
      ArrayDeque<Object[]> queue = new ArrayDeque<>(); // {Long heapIndex, byte[] hash, Integer depth}
      for (int i = 0; i < rows.size(); i++) {
        byte[] leaf = leafHash(name, values.get(i), leafFriendly);
        queue.add(new Object[] {rows.get(i) + (1L << height), leaf, height});
      }
      while (true) {
        Object[] cur = queue.poll();
        long index = (Long) cur[0];
        int depth = (Integer) cur[2];
        if (index == 1) {
          if (!queue.isEmpty()) throw new IllegalStateException("Merkle queue not empty at the root");
          if (!Arrays.equals((byte[]) cur[1], root.toBytesBE()))
            throw new VerificationException("Merkle decommitment", name + ": the authentication path does not lead to the committed root");
          return;
        }
        boolean friendly = prm.nVerifierFriendlyCommitmentLayers() >= depth;
        byte[] parent;
        Object[] next = queue.peek();
        if ((index & 1) == 0 && next != null && (Long) next[0] == index + 1) {
          queue.poll();
          parent = node((byte[]) cur[1], (byte[]) next[1], friendly);
        } else {
          byte[] sibling = in.next(32, name + " authentication node");
          parent = (index & 1) == 0 ? node((byte[]) cur[1], sibling, friendly) : node(sibling, (byte[]) cur[1], friendly);
        }
        queue.add(new Object[] {index >>> 1, parent, depth - 1});
      }
    }

    private byte[] node(byte[] left, byte[] right, boolean friendly) {
      if (friendly) return Hashes.hashNode(prm.verifierFriendlyCommitmentHash(), left, right);
      return Hashes.hashNode(prm.commitmentHash(), left, right);
    }

    private byte[] leafHash(String name, Felt[] row, boolean friendly) {
      // Stone hashes rows as their Montgomery-form 32-byte words.
      Felt[] mont = new Felt[row.length];
      for (int i = 0; i < row.length; i++) mont[i] = CpuAirValues.montgomeryForm(row[i]);
      if (row.length == 1) return mont[0].toBytesBE();
      String hash = friendly ? prm.verifierFriendlyCommitmentHash() : prm.commitmentHash();
      return Hashes.hashRow(hash, mont);
    }
  }
}
