package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import java.util.ArrayList;
import java.util.List;

/**
 * A message an L2 contract sent to L1, as it appears in the OS output: {@code from_address, to_address, payload_size,
 * payload…}. Its hash is keccak256 of exactly those words, which is what {@code consumeMessageFromL2} recomputes.
 *
 * @param fromAddress the sending L2 contract
 * @param toAddress the L1 recipient (an Ethereum address held in a felt); only it can consume the message
 */
public record MessageToL1(Felt fromAddress, Felt toAddress, List<Felt> payload) {
  public MessageToL1 {
    payload = List.copyOf(payload);
  }

  /** The OS output words of this message. */
  public List<Felt> words() {
    List<Felt> w = new ArrayList<>(3 + payload.size());
    w.add(fromAddress);
    w.add(toAddress);
    w.add(Felt.of(payload.size()));
    w.addAll(payload);
    return w;
  }

  /** keccak256(abi.encodePacked(from, uint256(to), payload.length, payload)). */
  public byte[] hash() {
    return Words.keccakPacked(words());
  }
}
