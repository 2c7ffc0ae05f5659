package io.cairn.prover.verifier;

import io.cairn.prover.stone.DeepQuotient;
import io.cairn.prover.stone.FriFormula;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.ProofOfWork;
import io.cairn.prover.stone.StoneHashes;

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

  /**
   * What a valid proof establishes, plus the verifier's derived values (for comparison with annotations). The
   * program hash and the fact are null, with the reason in {@code programHashUnavailable}, when the public memory does
   * not hold a proof-mode program whose builtins can be named (e.g. a bootloader with builtins outside the layout).
   */
  public record Result(
      String layout,
      Felt programHash,
      String programHashUnavailable,
      byte[] outputHash,
      byte[] fact,
      List<Felt> output,
      List<Felt> interactionElements,
      Felt oodsPoint,
      long[] queries) {}

  /** Sees the verifier's randomness as it is drawn (tests compare it with a proof's annotations). */
  public interface Observer {
    /** The interaction elements and the OODS point, before the OODS check. */
    default void oodsPoint(List<Felt> interactionElements, Felt point) {}

    /** The proof-of-work hash, seed (channel state), bits and the proof's nonce, before the nonce is checked. */
    default void proofOfWork(String hash, byte[] seed, int bits, long nonce) {}

    /** The sorted distinct query indices, after the OODS check and the proof of work passed. */
    default void queries(long[] queries) {}

    /** The main and interaction trace rows decommitted at the queries (LDE values, one row per query). */
    default void traceRows(Felt[][] mainRows, Felt[][] interactionRows) {}
  }

  public static Result verify(StoneProof proof, int stoneVersion) {
    return verify(proof, stoneVersion, new Observer() {});
  }

  public static Result verify(StoneProof proof, int stoneVersion, Observer observer) {
    if (stoneVersion != 5 && stoneVersion != 6) throw new IllegalArgumentException("--stone-version must be 5 or 6, got " + stoneVersion);
    Parameters prm = proof.parameters();
    PublicInput pi = proof.publicInput();
    AirDescription air = AirDescription.load(pi.layout());
    boolean feltChannel = "poseidon3".equals(prm.channelHash());
    if (!feltChannel && !StoneHashes.known(prm.channelHash()))
      throw new IllegalArgumentException("proof_parameters.channel_hash: unknown hash '" + prm.channelHash() + "'");
    if (feltChannel && !prm.verifierFriendlyChannelUpdates())
      throw new IllegalArgumentException("proof_parameters.verifier_friendly_channel_updates: must be true with the poseidon3 channel");
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

    Channel ch = Channel.seeded(air, pi, prm, stoneVersion);
    ProofStream in = new ProofStream(proof.proof(), !feltChannel);

    byte[] traceRoot = in.next(32, "original trace commitment");
    ch.absorbHash(traceRoot);
    Felt[] interaction = new Felt[air.interactionElements];
    for (int i = 0; i < interaction.length; i++) interaction[i] = ch.randomFelt();
    byte[] interactionRoot = in.next(32, "interaction trace commitment");
    ch.absorbHash(interactionRoot);
    Felt compositionAlpha = ch.randomFelt();
    byte[] compositionRoot = in.next(32, "composition commitment");
    ch.absorbHash(compositionRoot);
    Felt z = ch.randomFelt();
    observer.oodsPoint(List.of(interaction), z);
    int nOods = air.mask.size() + air.constraintDegree;
    Felt[] oods = new Felt[nOods];
    for (int i = 0; i < nOods; i++) {
      oods[i] = in.felt("OODS value #" + i);
      if (!prm.verifierFriendlyChannelUpdates()) ch.absorbFelt(oods[i]);
    }
    if (prm.verifierFriendlyChannelUpdates()) ch.absorbFelts(oods);

    // OODS: the AIR's composition at z must equal the committed broken columns at z².
    Felt traceGenerator = GENERATOR.pow(P.subtract(BigInteger.ONE).shiftRight(logTrace));
    Felt[] coefficients = compositionAlpha.powers(air.constraints.size());
    Map<String, Felt> external = values.external(interaction, z, traceLength);
    Felt composition = air.evaluateComposition(Arrays.copyOf(oods, air.mask.size()), external, coefficients, z, traceGenerator, traceLength);
    Felt claimed = Felt.ZERO;
    for (int k = air.constraintDegree - 1; k >= 0; k--) claimed = claimed.mul(z).add(oods[air.mask.size() + k]);
    if (!composition.equals(claimed))
      throw new VerificationException("OODS", "the AIR's composition polynomial at the OODS point does not match the committed composition columns");
    Felt deepAlpha = ch.randomFelt();

    // FRI commitments.
    int[] steps = prm.friStepList();
    int nInner = steps.length - 1;
    byte[][] friRoots = new byte[nInner][];
    Felt[] friPoints = new Felt[nInner];
    for (int k = 0; k < nInner; k++) {
      friRoots[k] = in.next(32, "FRI layer " + (k + 1) + " commitment");
      ch.absorbHash(friRoots[k]);
      friPoints[k] = ch.randomFelt();
    }
    Felt[] lastLayer = new Felt[prm.lastLayerDegreeBound()];
    for (int i = 0; i < lastLayer.length; i++) lastLayer[i] = in.felt("last layer coefficient #" + i);
    ch.absorbFelts(lastLayer);

    // Proof of work.
    byte[] nonceWord = in.next(ch.nonceBytes(), "proof-of-work nonce");
    for (int i = 0; i < nonceWord.length - 8; i++)
      if (nonceWord[i] != 0) throw new VerificationException("proof of work", "the nonce does not fit in 64 bits");
    long nonce = 0;
    for (int i = nonceWord.length - 8; i < nonceWord.length; i++) nonce = (nonce << 8) | (nonceWord[i] & 0xff);
    String powHash = feltChannel ? prm.powHash() : prm.channelHash();
    observer.proofOfWork(powHash, ch.stateBytes(), prm.proofOfWorkBits(), nonce);
    if (!ProofOfWork.verify(powHash, ch.stateBytes(), prm.proofOfWorkBits(), nonce))
      throw new VerificationException("proof of work", "nonce " + Long.toUnsignedString(nonce) + " does not give " + prm.proofOfWorkBits() + " zero bits");
    ch.absorbNonce(nonce);

    // Queries.
    long evalSize = 1L << logEval;
    long[] queries = ch.queries(prm.nQueries(), evalSize);

    observer.queries(queries.clone());

    // Layer 0: the three committed traces at the queried rows.
    Merkle merkle = new Merkle(prm, in);
    Felt[][] mainRows = merkle.decommitTable("original trace", traceRoot, queries, air.mainColumns, logEval);
    Felt[][] interRows = merkle.decommitTable("interaction trace", interactionRoot, queries, air.interactionColumns, logEval);
    Felt[][] compRows = merkle.decommitTable("composition", compositionRoot, queries, air.constraintDegree, logEval);
    observer.traceRows(mainRows, interRows);

    // DEEP composition at each query point, then FRI.
    Felt evalGenerator = GENERATOR.pow(P.subtract(BigInteger.ONE).shiftRight(logEval));
    DeepQuotient deep = new DeepQuotient(air, z, traceGenerator, oods, deepAlpha);
    Felt generatorInverse = GENERATOR.inverse();
    long[] idx = queries.clone();
    Felt[] y = new Felt[queries.length];
    Felt[] xInv = new Felt[queries.length];
    Felt[] traceAtX = new Felt[air.mainColumns + air.interactionColumns];
    for (int q = 0; q < queries.length; q++) {
      // the evaluation domain in bit-reversed order: x_q = 3·ω^bitrev(q)
      Felt x = GENERATOR.mul(evalGenerator.pow(Long.reverse(queries[q]) >>> (64 - logEval)));
      System.arraycopy(mainRows[q], 0, traceAtX, 0, air.mainColumns);
      System.arraycopy(interRows[q], 0, traceAtX, air.mainColumns, air.interactionColumns);
      y[q] = deep.at(x, traceAtX, compRows[q]);
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
        nextY.add(FriFormula.fold(elements, friPoints[k], cosetXInv));
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
    Felt programHash = null;
    byte[] fact = null;
    String why = null;
    try {
      programHash = values.programHash();
      fact = Keccak.keccak256(concat(programHash.toBytesBE(), outputHash));
    } catch (IllegalArgumentException e) {
      why = e.getMessage(); // the proof is valid; only the program's identity cannot be read from public memory
    }
    return new Result(pi.layout(), programHash, why, outputHash, fact, output, List.of(interaction), z, queries);
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
    if (!StoneHashes.known(name)) throw new IllegalArgumentException(path + ": unknown hash '" + name + "'");
  }

  /** Table decommitments: rows read from the proof, authenticated against a root by Stone's Merkle paths. */
  static final class Merkle {
    private final MerkleHashing hashing;
    private final ProofStream in;

    Merkle(Parameters prm, ProofStream in) {
      this.hashing = MerkleHashing.of(prm);
      this.in = in;
    }

    Felt[][] decommitTable(String name, byte[] root, long[] rows, int columns, int height) {
      Felt[][] values = new Felt[rows.length][columns];
      for (int r = 0; r < rows.length; r++)
        for (int c = 0; c < columns; c++) values[r][c] = in.tableValue(name + " row " + rows[r] + " column " + c);
      List<Long> idx = new ArrayList<>();
      for (long r : rows) idx.add(r);
      verifyRows(name, root, idx, Arrays.asList(values), height);
      return values;
    }

    /**
     * Recomputes the root from sorted distinct rows, reading the missing siblings from the proof in Stone's order
     * (bottom-up, left to right), and compares it with the committed one.
     */
    void verifyRows(String name, byte[] root, List<Long> rows, List<Felt[]> values, int height) {
      ArrayDeque<Object[]> queue = new ArrayDeque<>(); // {Long heapIndex, byte[] hash, Integer depth}
      for (int i = 0; i < rows.size(); i++)
        queue.add(new Object[] {rows.get(i) + (1L << height), hashing.leaf(values.get(i), height), height});
      while (true) {
        Object[] cur = queue.poll();
        long index = (Long) cur[0];
        int depth = (Integer) cur[2];
        if (index == 1) {
          if (!Arrays.equals((byte[]) cur[1], root))
            throw new VerificationException("Merkle decommitment", name + ": the authentication path does not lead to the committed root");
          return;
        }
        byte[] parent;
        Object[] next = queue.peek();
        if ((index & 1) == 0 && next != null && (Long) next[0] == index + 1) {
          queue.poll();
          parent = hashing.node((byte[]) cur[1], (byte[]) next[1], depth);
        } else {
          byte[] sibling = in.next(32, name + " authentication node");
          parent = (index & 1) == 0 ? hashing.node((byte[]) cur[1], sibling, depth) : hashing.node(sibling, (byte[]) cur[1], depth);
        }
        queue.add(new Object[] {index >>> 1, parent, depth - 1});
      }
    }
  }
}
