package io.cairn.prover.stone;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.prover.verifier.StoneVerifier;
import io.cairn.testsupport.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search finds exactly the nonce Stone found (its lowest), started a little below it. */
class ProofOfWorkTest {
  @ParameterizedTest
  @CsvSource({
    "stone-proofs/recursive/cairo0_stone6_keccak_160_lsb_example_proof.json, 6",
    "stone-proofs/ethereum/starknet_bootloader_proof_v6.json, 6",
  })
  void searchFindsStonesNonce(String fixture, int version) {
    StoneProof proof = StoneProof.read(Fixtures.require(fixture));
    Object[] seen = new Object[4];
    StoneVerifier.verify(
        proof,
        version,
        new StoneVerifier.Observer() {
          @Override
          public void proofOfWork(String hash, byte[] seed, int bits, long nonce) {
            seen[0] = hash;
            seen[1] = seed;
            seen[2] = bits;
            seen[3] = nonce;
          }
        });
    long nonce = (Long) seen[3];
    long start = Math.max(0, nonce - 100_000);
    assertEquals(nonce, ProofOfWork.search((String) seen[0], (byte[]) seen[1], (Integer) seen[2], start));
    assertFalse(ProofOfWork.verify((String) seen[0], (byte[]) seen[1], (Integer) seen[2], nonce + 1));
  }
}
