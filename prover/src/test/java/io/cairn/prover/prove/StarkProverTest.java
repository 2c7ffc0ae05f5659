package io.cairn.prover.prove;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.air.AirDescription;
import io.cairn.prover.stone.StoneProof;
import io.cairn.prover.trace.CpuColumns;
import io.cairn.prover.verifier.StoneVerifier;
import io.cairn.prover.verifier.VerificationException;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import io.cairn.vm.runner.CairoRunner;
import io.cairn.vm.runner.RunConfig;
import io.cairn.vm.runner.RunOutput;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Proofs of the 512-step fibonacci run under layout small, checked by the verifier (which replays Stone's protocol on
 * Stone's own proofs): an honest proof verifies; proofs of false statements, made with the prover's own check off,
 * are rejected at the OODS check — the constraint check, not Fiat–Shamir, catches them.
 */
class StarkProverTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static RunOutput run;

  static synchronized RunOutput run() {
    if (run == null) {
      Program p = Program.load(Fixtures.require("cairo0-programs/proof_mode/fibonacci.json"));
      CairoRunner r = new CairoRunner(p, new RunConfig(Layout.named("small"), true, Long.MAX_VALUE, true, false), new HintProcessor());
      r.initialize();
      r.run();
      run = r.relocate();
    }
    return run;
  }

  /** Fast parameters for a 2^13-row trace: 2 cosets, 8 queries, 8 proof-of-work bits. */
  static ObjectNode params(int logCosets) throws Exception {
    ObjectNode p = (ObjectNode) JSON.readTree(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json").toFile()).get("proof_parameters");
    ObjectNode fri = (ObjectNode) p.get("stark").get("fri");
    fri.put("n_queries", 8);
    fri.put("proof_of_work_bits", 8);
    ((ObjectNode) p.get("stark")).put("log_n_cosets", logCosets);
    return p;
  }

  static ObjectNode publicInput() {
    return JSON.valueToTree(run().publicInput());
  }

  /** Proves and returns the proof file's JSON. */
  static ObjectNode prove(ObjectNode params, ObjectNode publicInputJson, Consumer<CairoTrace> alter, boolean checkTrace) {
    AirDescription air = AirDescription.load("small");
    StoneProof.PublicInput pi = StoneProof.parsePublicInput(publicInputJson);
    StoneProof.Parameters prm = StoneProof.parse(ProofFile.json(params, null, publicInputJson, null, new byte[0])).parameters();
    StoneProof.PublicInput honest = StoneProof.parsePublicInput(publicInput());
    CairoTrace trace = CairoTrace.of(run(), honest);
    alter.accept(trace);
    byte[] proof = StarkProver.prove(air, pi, prm, 6, trace, new StarkProver.Options(0, checkTrace, null));
    return ProofFile.json(params, null, publicInputJson, null, proof);
  }

  @Test
  void proofOfTheFibonacciRunVerifies() throws Exception {
    ObjectNode file = prove(params(2), publicInput(), t -> {}, true);
    StoneProof parsed = StoneProof.parse(JSON.readTree(JSON.writeValueAsString(file)));
    StoneVerifier.Result r = StoneVerifier.verify(parsed, 6);
    assertEquals("small", r.layout());
    assertEquals(
        StoneVerifier.verify(StoneProof.read(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json")), 6).programHash(),
        r.programHash(),
        "the same program as Stone's proof");
    // one flipped byte anywhere is caught
    byte[] bytes = parsed.proof().clone();
    bytes[bytes.length / 2] ^= 4;
    StoneProof flipped = new StoneProof(parsed.parameters(), parsed.publicInput(), bytes, parsed.annotations(), parsed.json());
    assertThrows(VerificationException.class, () -> StoneVerifier.verify(flipped, 6));
  }

  /** A proof of a false statement is produced when the prover's own check is off, and the verifier names OODS. */
  static void assertRejected(ObjectNode publicInputJson, Consumer<CairoTrace> alter) throws Exception {
    ObjectNode params = params(1);
    assertThrows(StarkProver.TraceCheckException.class, () -> prove(params, publicInputJson, alter, true));
    ObjectNode file = prove(params, publicInputJson, alter, false);
    VerificationException e =
        assertThrows(VerificationException.class, () -> StoneVerifier.verify(StoneProof.parse(file), 6));
    assertEquals("OODS", e.check(), e.getMessage());
  }

  @Test
  void wrongRegisterCellIsRejected() throws Exception {
    int row = 16 * 100 + CpuColumns.SMALL.ap();
    assertRejected(publicInput(), t -> t.main().setForTest(CpuColumns.SMALL.registers(), row, t.main().get(CpuColumns.SMALL.registers(), row).add(Felt.ONE)));
  }

  @Test
  void memoryInconsistencyIsRejected() throws Exception {
    // the sorted memory (column 20) claims another value for one access: the memory permutation no longer closes
    assertRejected(publicInput(), t -> t.main().setForTest(20, 2 * 40 + 1, t.main().get(20, 2 * 40 + 1).add(Felt.ONE)));
  }

  @Test
  void offsetOutsideTheClaimedRangeIsRejected() throws Exception {
    // the public input claims rc_max one below the largest offset the trace range-checks
    ObjectNode pi = publicInput();
    pi.put("rc_max", pi.get("rc_max").asLong() - 1);
    assertRejected(pi, t -> {});
  }

}
