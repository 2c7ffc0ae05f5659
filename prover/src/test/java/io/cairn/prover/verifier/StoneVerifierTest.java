package io.cairn.prover.verifier;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.prover.stone.StoneProof;
import io.cairn.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoneVerifierTest {
  /** Random mutations per proof; raise with -Dcairn.mutations=N for a longer soak. */
  static final int MUTATIONS = Integer.getInteger("cairn.mutations", 12);

  static final String PROOFS =
      """
      stone-proofs/recursive/cairo0_stone5_keccak_160_lsb_example_proof.json, 5
      stone-proofs/recursive/cairo0_stone6_keccak_160_lsb_example_proof.json, 6
      stone-proofs/small/cairo0_stone5_keccak_160_lsb_example_proof.json, 5
      stone-proofs/small/cairo0_stone6_keccak_160_lsb_example_proof.json, 6
      stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json, 6
      stone-proofs/starknet/cairo0_stone5_keccak_160_lsb_example_proof.json, 5
      stone-proofs/starknet/cairo0_stone6_keccak_160_lsb_example_proof.json, 6
      stone-proofs/ethereum/starknet_bootloader_proof_v6.json, 6
      """;

  /**
   * The commit phase (public-input seed, channel, AIR composition at the OODS point, proof of work) passes on real
   * Stone proofs, and the verifier's randomness equals the fixture's annotations.
   */
  @ParameterizedTest
  @CsvSource(textBlock = PROOFS)
  void commitPhaseOfRealProofsDerivesTheAnnotatedValues(String fixture, int version) {
    StoneProof proof = StoneProof.read(Fixtures.require(fixture));
    Transcript t = commitPhase(proof, version);
    assertNotNull(t, "the commit phase must pass");
    assertEquals(annotatedFelts(proof, "Interaction element #\\d+: Field Element\\((0x[0-9a-f]+)\\)"), t.interactionElements());
    assertEquals(annotatedFelts(proof, "OODS values: Evaluation point: Field Element\\((0x[0-9a-f]+)\\)").get(0), t.oodsPoint());
    List<Long> queries = new ArrayList<>();
    for (String a : proof.annotations()) {
      Matcher m = Pattern.compile("QueryIndices: \\d+: Number\\((\\d+)\\)").matcher(a);
      if (m.find()) queries.add(Long.parseLong(m.group(1)));
    }
    assertEquals(queries.stream().distinct().sorted().toList(), Arrays.stream(t.queries()).boxed().toList());
  }

  /**
   * The Ethereum-flavour proof (keccak256 channel, keccak256_masked160_msb commitments, keccak256 page hash) of the
   * bootloader verifies; its program hash is not claimed, since the bootloader's builtins reach beyond the layout.
   */
  @org.junit.jupiter.api.Test
  void ethereumFlavourProofVerifiesWithoutClaimingAProgramHash() {
    StoneProof proof = StoneProof.read(Fixtures.require("stone-proofs/ethereum/starknet_bootloader_proof_v6.json"));
    StoneVerifier.Result r = StoneVerifier.verify(proof, 6);
    assertNull(r.programHash());
    assertNull(r.fact());
    assertTrue(r.programHashUnavailable().contains("builtin pointer"), r.programHashUnavailable());
    assertEquals(6, r.output().size());
  }

  /** The wrong Stone version changes the public-input hash, so the OODS check fails. */
  @ParameterizedTest
  @CsvSource(textBlock = PROOFS)
  void wrongStoneVersionIsRejected(String fixture, int version) {
    StoneProof proof = StoneProof.read(Fixtures.require(fixture));
    var e = assertThrows(VerificationException.class, () -> StoneVerifier.verify(proof, 11 - version));
    assertEquals("OODS", e.check());
  }

  /** Any altered public memory value, n_steps or segment bound is rejected (a few random mutations per proof). */
  @ParameterizedTest
  @CsvSource(textBlock = PROOFS)
  void alteredPublicInputIsRejected(String fixture, int version) throws Exception {
    Path file = Fixtures.require(fixture);
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Files.readAllBytes(file));
    Random rnd = new Random(fixture.hashCode());
    for (int trial = 0; trial < Math.max(3, MUTATIONS / 2); trial++) {
      ObjectNode copy = root.deepCopy();
      ObjectNode pi = (ObjectNode) copy.get("public_input");
      String what;
      switch (trial % 3) {
        case 0 -> {
          ArrayNode pm = (ArrayNode) pi.get("public_memory");
          ObjectNode cell = (ObjectNode) pm.get(rnd.nextInt(pm.size()));
          Felt v = Felt.parse(cell.get("value").asText()).add(Felt.of(1 + rnd.nextInt(1000)));
          cell.put("value", v.toHex());
          what = "public memory value at " + cell.get("address");
        }
        case 1 -> {
          pi.put("n_steps", pi.get("n_steps").asLong() * 2);
          what = "n_steps";
        }
        default -> {
          List<String> names = new ArrayList<>();
          pi.get("memory_segments").fieldNames().forEachRemaining(names::add);
          String name = names.get(rnd.nextInt(names.size()));
          ObjectNode seg = (ObjectNode) pi.get("memory_segments").get(name);
          String key = rnd.nextBoolean() ? "begin_addr" : "stop_ptr";
          seg.put(key, seg.get(key).asLong() + 1 + rnd.nextInt(5));
          what = "segment " + name + "." + key;
        }
      }
      StoneProof mutated = StoneProof.parse(copy);
      assertThrows(RuntimeException.class, () -> StoneVerifier.verify(mutated, version), "accepted with an altered " + what);
      assertNull(commitPhaseOrNull(mutated, version), "commit phase passed with an altered " + what);
    }
  }

  @ParameterizedTest
  @CsvSource(textBlock = PROOFS)
  void acceptsRealStoneProofs(String fixture, int version) {
    StoneProof proof = StoneProof.read(Fixtures.require(fixture));
    StoneVerifier.Result r = StoneVerifier.verify(proof, version);
    assertEquals(proof.publicInput().layout(), r.layout());
    if (r.programHash() != null) assertEquals(32, r.fact().length);
  }

  /** Any single altered byte of proof_hex is rejected (a dozen random positions per proof, each a random change). */
  @ParameterizedTest
  @CsvSource(textBlock = PROOFS)
  void flippedProofBytesAreRejected(String fixture, int version) {
    StoneProof proof = StoneProof.read(Fixtures.require(fixture));
    Random rnd = new Random(fixture.hashCode() * 31L);
    for (int trial = 0; trial < MUTATIONS; trial++) {
      byte[] bytes = proof.proof().clone();
      int at = rnd.nextInt(bytes.length);
      bytes[at] ^= (byte) (1 + rnd.nextInt(255));
      StoneProof mutated = new StoneProof(proof.parameters(), proof.publicInput(), bytes, proof.annotations(), proof.json());
      assertThrows(VerificationException.class, () -> StoneVerifier.verify(mutated, version), "accepted with byte " + at + " altered");
    }
  }

  /**
   * The program hash printed for the 512-step fibonacci proof is cairo-lang's compute_program_hash_chain of the
   * compiled program the proof was made from, computed here from that program file rather than from the proof.
   */
  @org.junit.jupiter.api.Test
  void programHashOfTheFibonacciProofIsThatOfTheCompiledProgram() throws Exception {
    StoneProof proof = StoneProof.read(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json"));
    JsonNode program = new ObjectMapper().readTree(Files.readAllBytes(Fixtures.require("cairo0-programs/proof_mode/fibonacci.json")));
    List<Felt> chain = new ArrayList<>();
    chain.add(Felt.ZERO); // bootloader version
    chain.add(Felt.of(program.get("identifiers").get("__main__.main").get("pc").asLong()));
    chain.add(Felt.of(program.get("builtins").size()));
    for (JsonNode b : program.get("builtins")) chain.add(Felt.fromShortString(b.asText()));
    for (JsonNode w : program.get("data")) chain.add(Felt.parse(w.asText()));
    chain.add(0, Felt.of(chain.size()));
    Felt expected = chain.get(chain.size() - 1);
    for (int i = chain.size() - 2; i >= 0; i--) expected = io.cairn.crypto.hash.Pedersen.hash(chain.get(i), expected);
    StoneVerifier.Result r = StoneVerifier.verify(proof, 6);
    assertEquals(expected, r.programHash());
    assertEquals(List.of(), r.output());
  }


  record Transcript(List<Felt> interactionElements, Felt oodsPoint, long[] queries) {}

  /** Runs the verifier and returns the randomness it drew, or null when the proof fails before the queries. */
  static Transcript commitPhase(StoneProof proof, int version) {
    List<Felt> elements = new ArrayList<>();
    AtomicReference<Felt> z = new AtomicReference<>();
    AtomicReference<long[]> queries = new AtomicReference<>();
    try {
      StoneVerifier.verify(
          proof,
          version,
          new StoneVerifier.Observer() {
            @Override
            public void oodsPoint(List<Felt> interactionElements, Felt point) {
              elements.addAll(interactionElements);
              z.set(point);
            }

            @Override
            public void queries(long[] q) {
              queries.set(q);
            }
          });
    } catch (VerificationException e) {
      if (queries.get() == null) throw e;
    }
    return queries.get() == null ? null : new Transcript(elements, z.get(), queries.get());
  }

  static Transcript commitPhaseOrNull(StoneProof proof, int version) {
    try {
      return commitPhase(proof, version);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static List<Felt> annotatedFelts(StoneProof proof, String regex) {
    List<Felt> out = new ArrayList<>();
    Pattern p = Pattern.compile(regex);
    for (String a : proof.annotations()) {
      Matcher m = p.matcher(a);
      if (m.find()) out.add(Felt.fromHex(m.group(1)));
    }
    return out;
  }
}
