package io.cairn.state;

import io.cairn.crypto.field.Felt;
import io.cairn.state.trie.NodeHash;
import io.cairn.state.trie.PatriciaTrie;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stand-in hashes for structure tests (SHA-256 reduced into the field, two different domains for the two tries): an
 * independent hash keeps the trie's structure tests apart from the speed and correctness of the real ones.
 */
public final class TestHashes {
  private TestHashes() {}

  public static NodeHash sha(int domain) {
    return (a, b) -> {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update((byte) domain);
        md.update(a.toBytesBE());
        md.update(b.toBytesBE());
        return Felt.fromBigIntegerReduced(new BigInteger(1, md.digest()));
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    };
  }

  /** Starknet's commitment shape with SHA-256 stand-ins for Pedersen and Poseidon. */
  public static StateCommitment fakeCommitment() {
    NodeHash p = sha(1), q = sha(2);
    return new StateCommitment(p, q, (a, b, c) -> q.hash(q.hash(a, b), c), PatriciaTrie.STARKNET_HEIGHT);
  }

}
