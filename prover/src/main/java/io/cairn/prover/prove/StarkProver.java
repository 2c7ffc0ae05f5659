package io.cairn.prover.prove;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.air.CompiledAir;
import io.cairn.prover.air.CosetEvaluator;
import io.cairn.prover.air.CpuAirValues;
import io.cairn.prover.commit.TableCommitment;
import io.cairn.prover.fft.Lde;
import io.cairn.prover.fft.Ntt;
import io.cairn.prover.fri.FriFolder;
import io.cairn.prover.stone.DeepQuotient;
import io.cairn.prover.stone.MerkleHashing;
import io.cairn.prover.stone.ProofOfWork;
import io.cairn.prover.stone.ProofWriter;
import io.cairn.prover.stone.StoneProof.Parameters;
import io.cairn.prover.stone.StoneProof.PublicInput;
import io.cairn.prover.verifier.Channel;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Stone's STARK protocol, prover side (stark.cc's ProveStark as the verifier replays it): public-input seed; trace
 * commitment; interaction elements; interaction trace commitment; the composition polynomial over the constraint
 * cosets, interpolated and broken into {@code constraint_degree} columns, committed; OODS point and values; DEEP
 * layer; FRI layer commitments and last-layer coefficients; proof of work; queries; decommitments. The output is
 * proof_hex's bytes.
 */
public final class StarkProver {
  private StarkProver() {}

  private static final Felt GENERATOR = Felt.of(3);
  private static final int BLOCK = 1024;

  /**
   * @param powStartNonce where the proof-of-work search starts (tests: at a known proof's nonce); 0 in real use
   * @param checkTrace whether to refuse a trace that breaks the layout's constraints (off only in soundness tests)
   * @param progress receives one line per stage (may be null)
   * @param outOfMemoryMerkleLayers the lowest Merkle layers (leaves first) the trace and composition trees leave out
   *     at least (prover_config's n_out_of_memory_merkle_layers); more are left out of trees over the memory budget
   *     ({@link TableCommitment#lowLayers}). The proof does not depend on it.
   */
  public record Options(long powStartNonce, boolean checkTrace, Consumer<String> progress, int outOfMemoryMerkleLayers) {
    public Options(long powStartNonce, boolean checkTrace, Consumer<String> progress) {
      this(powStartNonce, checkTrace, progress, 0);
    }

    public static Options defaults() {
      return new Options(0, true, null);
    }

    void stage(String s) {
      if (progress != null) progress.accept(s);
    }
  }

  /** The trace breaks the layout's constraints: the composition polynomial does not agree with the AIR off the trace domain. */
  public static final class TraceCheckException extends IllegalArgumentException {
    TraceCheckException(String m) {
      super(m);
    }
  }

  public static byte[] prove(AirDescription air, PublicInput pi, Parameters prm, int stoneVersion, TraceSource trace, Options opt) {
    CpuAirValues values = new CpuAirValues(air, pi);
    long[][] main = trace.mainColumns();
    if (main.length != air.mainColumns) throw new IllegalArgumentException("layout " + air.layout + " has " + air.mainColumns + " main columns, the trace " + main.length);
    int rows = main[0].length / 4;
    if (Integer.bitCount(rows) != 1 || rows != pi.nSteps() * 16)
      throw new IllegalArgumentException("trace of " + rows + " rows for n_steps " + pi.nSteps() + " (expected 16 rows per step)");
    int logT = Integer.numberOfTrailingZeros(rows), logCosets = prm.logNCosets(), logEval = logT + logCosets;
    int degree = air.constraintDegree;
    if (Integer.bitCount(degree) != 1 || degree > 1 << logCosets)
      throw new IllegalArgumentException("proof_parameters.stark.log_n_cosets: " + logCosets + " is too small for constraint degree " + degree);
    int sumSteps = 0;
    for (int s : prm.friStepList()) sumSteps += s;
    if (prm.friStepList()[0] != 0) throw new IllegalArgumentException("proof_parameters.stark.fri.fri_step_list[0]: must be 0");
    if ((long) prm.lastLayerDegreeBound() << sumSteps != rows)
      throw new IllegalArgumentException(
          "proof_parameters.stark.fri: last_layer_degree_bound · 2^Σfri_step_list = " + ((long) prm.lastLayerDegreeBound() << sumSteps) + " must equal the trace length " + rows);
    boolean feltChannel = "poseidon3".equals(prm.channelHash());
    MerkleHashing hashing = MerkleHashing.of(prm);
    Channel ch = Channel.seeded(air, pi, prm, stoneVersion);
    ProofWriter out = new ProofWriter(!feltChannel);
    Lde lde = new Lde(logT, logCosets);

    // Main trace: LDE and commitment.
    opt.stage("main trace commitment (" + main.length + " columns, 2^" + logEval + " rows)");
    // whole extensions are kept while each fits an eighth of the heap and all of them a quarter (large proofs
    // need the room for their kept cosets and trees; small ones gain a decommitment without recomputation)
    long maxHeap = Runtime.getRuntime().maxMemory(), storeBudget = maxHeap / 4;
    LdeTable mainTable =
        new LdeTable(main, false, lde, logT, logCosets, hashing, degree, opt.outOfMemoryMerkleLayers(), Math.min(storeBudget, maxHeap / 8));
    if (mainTable.storesExtension()) storeBudget -= LdeTable.extensionBytes(mainTable.columns(), logEval);
    main = null; // the table's coefficients now
    byte[] root = mainTable.commitment.root();
    out.hash(root);
    ch.absorbHash(root);
    Felt[] interaction = new Felt[air.interactionElements];
    for (int i = 0; i < interaction.length; i++) interaction[i] = ch.randomFelt();

    opt.stage("interaction trace commitment");
    long[][] inter = trace.interactionColumns(interaction);
    if (inter.length != air.interactionColumns) throw new IllegalArgumentException("expected " + air.interactionColumns + " interaction columns, got " + inter.length);
    LdeTable interTable = new LdeTable(inter, false, lde, logT, logCosets, hashing, degree, opt.outOfMemoryMerkleLayers(), Math.min(storeBudget, maxHeap / 8));
    if (interTable.storesExtension()) storeBudget -= LdeTable.extensionBytes(interTable.columns(), logEval);
    inter = null;
    root = interTable.commitment.root();
    out.hash(root);
    ch.absorbHash(root);
    Felt alpha = ch.randomFelt();

    // Composition polynomial over the first `degree` cosets, interpolated and broken into `degree` columns.
    opt.stage("composition polynomial");
    Felt g = Ntt.rootOfUnity(logT);
    Map<String, Felt> external = values.external(interaction, Felt.ONE, rows);
    long[] composition = composition(air, values, external, alpha, mainTable, interTable, logT, degree, g);
    mainTable.dropNatural();
    interTable.dropNatural();
    long[][] broken = broken(composition, degree, logT);
    composition = null;
    LdeTable compTable = new LdeTable(broken, true, lde, logT, logCosets, hashing, 0, opt.outOfMemoryMerkleLayers(), Math.min(storeBudget, maxHeap / 8));
    broken = null;
    root = compTable.commitment.root();
    out.hash(root);
    ch.absorbHash(root);
    Felt z = ch.randomFelt();

    // OODS values: every mask entry at z·g^row, then the broken columns at z^degree.
    opt.stage("out-of-domain sampling");
    int m = air.mask.size();
    Felt[] oods = new Felt[m + degree];
    // Per trace column, its mask points z·g^row at once (LdeTable.valuesOnCoset: Horner or a pruned DIF).
    long[] zPowers = Ntt.powers(Felt.ONE, z, rows), powers = LdeTable.subgroupPowers(logT);
    IntStream.range(0, air.mainColumns + air.interactionColumns + degree)
        .parallel()
        .forEach(
            c -> {
              if (c >= air.mainColumns + air.interactionColumns) {
                int k = c - air.mainColumns - air.interactionColumns;
                oods[m + k] = compTable.at(k, z.pow(degree));
                return;
              }
              int[] entries = IntStream.range(0, m).filter(i -> air.mask.get(i).column() == c).toArray();
              int[] exponents = new int[entries.length];
              for (int e = 0; e < entries.length; e++) exponents[e] = Math.floorMod(air.mask.get(entries[e]).row(), rows);
              long[] v = c < air.mainColumns ? mainTable.valuesOnCoset(c, zPowers, exponents, powers) : interTable.valuesOnCoset(c - air.mainColumns, zPowers, exponents, powers);
              for (int e = 0; e < entries.length; e++) oods[entries[e]] = Felt.fromMontgomeryLimbs(v, 4 * e);
            });
    if (opt.checkTrace()) {
      Felt[] coefficients = alpha.powers(air.constraints.size());
      Felt expected =
          air.evaluateComposition(
              java.util.Arrays.copyOf(oods, m), values.external(interaction, z, rows), coefficients, z, g, rows);
      Felt claimed = Felt.ZERO;
      for (int k = degree - 1; k >= 0; k--) claimed = claimed.mul(z).add(oods[m + k]);
      if (!expected.equals(claimed))
        throw new TraceCheckException("the trace does not satisfy the constraints of layout " + air.layout + " (its composition polynomial is not of low degree)");
    }
    for (Felt v : oods) {
      out.felt(v);
      if (!prm.verifierFriendlyChannelUpdates()) ch.absorbFelt(v);
    }
    if (prm.verifierFriendlyChannelUpdates()) ch.absorbFelts(oods);
    Felt beta = ch.randomFelt();

    // DEEP layer over the whole evaluation domain (query order), coset by coset.
    opt.stage("DEEP composition");
    DeepQuotient deep = new DeepQuotient(air, z, g, oods, beta);
    long[][] quotient = {deepCoefficients(deep, mainTable, interTable, compTable)};
    long[] layer = deepLayer(quotient[0], lde, logT, logCosets);

    // FRI: commit to each layer with cosets as rows, fold with the drawn point.
    int[] steps = prm.friStepList();
    int nInner = steps.length - 1;
    long[][] layers = new long[nInner][];
    TableCommitment[] friTrees = new TableCommitment[nInner];
    int logSize = logEval;
    for (int k = 0; k < nInner; k++) {
      opt.stage("FRI layer " + (k + 1) + " (2^" + logSize + " elements)");
      int step = steps[k + 1], height = logSize - step;
      if (k == 0 && step <= logT) {
        // the DEEP layer is held only to be folded: the decommitment reads its cosets again from the quotient's
        // coefficients (coset c of the layer is evaluation-domain rows [c·2^step, (c+1)·2^step), a small coset)
        int low = Math.min(TableCommitment.lowLayers(height, opt.outOfMemoryMerkleLayers()), logT - step);
        TableCommitment.Rows fromQuotient = (first, count, o) -> LdeTable.readSubtree(quotient, lde, first << step, count << step, o);
        friTrees[k] = TableCommitment.ofRows(hashing, layer, 1 << step, height, low, fromQuotient);
      } else {
        layers[k] = layer;
        friTrees[k] = TableCommitment.ofRows(hashing, layer, 1 << step, height);
      }
      out.hash(friTrees[k].root());
      ch.absorbHash(friTrees[k].root());
      Felt point = ch.randomFelt();
      layer = FriFolder.fold(layer, logSize, step, point);
      logSize -= step;
    }
    Felt[] lastLayer = lastLayerCoefficients(layer, logSize, prm.lastLayerDegreeBound());
    for (Felt c : lastLayer) out.felt(c);
    ch.absorbFelts(lastLayer);

    // Proof of work.
    opt.stage("proof of work (" + prm.proofOfWorkBits() + " bits)");
    String powHash = feltChannel ? prm.powHash() : prm.channelHash();
    long nonce = ProofOfWork.search(powHash, ch.stateBytes(), prm.proofOfWorkBits(), opt.powStartNonce());
    out.nonce(nonce, ch.nonceBytes());
    ch.absorbNonce(nonce);

    // Queries and decommitments.
    opt.stage("decommitment");
    long[] queries = ch.queries(prm.nQueries(), 1L << logEval);
    for (LdeTable table : new LdeTable[] {mainTable, interTable, compTable}) {
      TableCommitment.Decommitment d = table.commitment.decommit(queries);
      for (long[] row : d.rows()) for (int c = 0; c < table.columns(); c++) out.tableValue(row, 4 * c);
      out.bytes(d.nodes());
    }
    long[] idx = queries;
    for (int k = 0; k < nInner; k++) {
      int coset = 1 << steps[k + 1];
      long[] cosets = new long[idx.length];
      int nCosets = 0, q = 0;
      long[] cosetValues = layers[k] != null ? layers[k] : new long[4 * coset];
      while (q < idx.length) {
        long c = idx[q] / coset;
        if (layers[k] == null) LdeTable.readSubtree(quotient, lde, c * coset, coset, cosetValues);
        long base = layers[k] != null ? c * coset : 0;
        for (int j = 0; j < coset; j++) {
          long position = c * coset + j;
          if (q < idx.length && idx[q] == position) q++;
          else out.tableValue(cosetValues, (int) (4 * (base + j)));
        }
        cosets[nCosets++] = c;
      }
      idx = java.util.Arrays.copyOf(cosets, nCosets);
      out.bytes(friTrees[k].authenticationNodes(idx));
    }
    return out.toByteArray();
  }

  /**
   * The composition polynomial's values on 3·⟨u⟩ interpolated (in place), its coefficients of h(3y) turned into those
   * of h(x) (coefficient i times 3^−i) and dealt to the broken columns: i = degree·j + k → column k.
   */
  private static long[][] broken(long[] composition, int degree, int logT) {
    int rows = 1 << logT;
    new Ntt(logT + Integer.numberOfTrailingZeros(degree)).interpolate(composition, 0);
    long[][] broken = new long[degree][4 * rows];
    Felt scale = GENERATOR.inverse();
    IntStream.range(0, (degree * rows + BLOCK - 1) / BLOCK)
        .parallel()
        .forEach(
            b -> {
              long[] acc = new long[4], step = new long[4];
              scale.pow(b * BLOCK).writeTo(acc, 0);
              scale.writeTo(step, 0);
              for (int i = b * BLOCK, end = Math.min(degree * rows, i + BLOCK); i < end; i++) {
                Fp.mul(composition, 4 * i, acc, 0, broken[i % degree], 4 * (i / degree));
                Fp.mul(acc, 0, step, 0, acc, 0);
              }
            });
    return broken;
  }

  /** The composition polynomial's values on 3·⟨u⟩ (u of order degree·T), natural order: coset j's row i at degree·i + bitrev(j). */
  private static long[] composition(
      AirDescription air, CpuAirValues values, Map<String, Felt> external, Felt alpha, LdeTable main, LdeTable inter,
      int logT, int degree, Felt g) {
    int rows = 1 << logT, logDegree = Integer.numberOfTrailingZeros(degree);
    long[] coefficients = new long[4 * air.constraints.size()];
    Felt[] alphas = alpha.powers(air.constraints.size());
    for (int i = 0; i < alphas.length; i++) alphas[i].writeTo(coefficients, 4 * i);
    List<CpuAirValues.PeriodicValues> periodic = values.periodicColumns(rows);
    Map<String, Integer> periods = new java.util.HashMap<>();
    for (CpuAirValues.PeriodicValues pv : periodic) periods.put(pv.exprName(), (int) (rows / pv.copies()));
    CosetEvaluator evaluator = new CosetEvaluator(new CompiledAir(air), logT, external, coefficients, g, periods);
    long[] result = new long[4 * degree * rows];
    for (int j = 0; j < degree; j++) {
      Felt offset = main.lde.cosetOffset(j);
      long[][] cols = new long[air.mainColumns + air.interactionColumns][];
      for (int k = 0; k < air.mainColumns; k++) cols[k] = main.natural[j][k];
      for (int k = 0; k < air.interactionColumns; k++) cols[air.mainColumns + k] = inter.natural[j][k];
      // periodic columns repeat every T/copies rows: tabulate one period per coset
      Map<String, long[]> periodicTables = new java.util.HashMap<>();
      for (CpuAirValues.PeriodicValues pv : periodic) periodicTables.put(pv.exprName(), periodicOnCoset(pv, offset, periods.get(pv.exprName()), g));
      int slot = degree == 1 ? 0 : Integer.reverse(j) >>> (32 - logDegree);
      evaluator.evaluate(offset, cols, periodicTables, result, degree, slot);
    }
    return result;
  }

  /** A periodic column on coset offset·⟨g⟩, one period (rows 0..period−1) in natural order, by a coset NTT. */
  private static long[] periodicOnCoset(CpuAirValues.PeriodicValues pv, Felt offset, int period, Felt g) {
    long[] table = new long[4 * period];
    int n = pv.values().length;
    if (period < 2 || n < 2) {
      for (int i = 0; i < period; i++) pv.at(offset.mul(g.pow(i))).writeTo(table, 4 * i);
      return table;
    }
    for (int i = 0; i < n; i++) pv.values()[i].writeTo(table, 4 * i);
    new Ntt(Integer.numberOfTrailingZeros(n)).interpolate(table, 0); // q's coefficients, zero-padded to the period
    int logPeriod = Integer.numberOfTrailingZeros(period);
    new Ntt(logPeriod).evaluateOnCoset(table, 0, offset.pow(pv.copies()));
    Ntt.bitReverse(table, 0, logPeriod);
    return table;
  }

  /**
   * Stone's FRI layer 0: the DEEP quotient at every point of the evaluation domain, in query order, extended from its
   * coefficients coset by coset like a trace column.
   */
  private static long[] deepLayer(long[] quotient, Lde lde, int logT, int logCosets) {
    long[] layer = new long[4 << (logT + logCosets)];
    IntStream.range(0, 1 << logCosets).parallel().forEach(j -> lde.evaluateCoset(quotient, j, layer, (4 << logT) * j));
    return layer;
  }

  /** The DEEP quotient's coefficients (a polynomial of degree < T), from the tables' coefficients. */
  private static long[] deepCoefficients(DeepQuotient deep, LdeTable main, LdeTable inter, LdeTable comp) {
    int nMain = main.columns(), nInter = inter.columns();
    long[][] cols = new long[nMain + nInter + comp.columns()][];
    System.arraycopy(main.coefficients, 0, cols, 0, nMain);
    System.arraycopy(inter.coefficients, 0, cols, nMain, nInter);
    System.arraycopy(comp.coefficients, 0, cols, nMain + nInter, comp.columns());
    return deep.coefficients(cols);
  }

  /** The last FRI layer's coefficients: its values sit at ω^bitrev(i) over a subgroup; all above the bound must vanish. */
  private static Felt[] lastLayerCoefficients(long[] layer, int logSize, int bound) {
    int size = 1 << logSize;
    long[] a = layer.clone();
    Felt[] out = new Felt[bound];
    if (logSize == 0) {
      out[0] = Felt.fromMontgomeryLimbs(a, 0);
      return out;
    }
    Ntt.bitReverse(a, 0, logSize);
    new Ntt(logSize).interpolate(a, 0);
    for (int i = bound; i < size; i++)
      if (!Fp.isZero(a, 4 * i)) throw new IllegalStateException("FRI last layer of degree ≥ " + bound + ": the DEEP layer is not of low degree");
    for (int i = 0; i < bound; i++) out[i] = Felt.fromMontgomeryLimbs(a, 4 * i);
    return out;
  }
}
