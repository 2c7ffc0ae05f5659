package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import java.util.ArrayList;
import java.util.List;

/**
 * A message an L1 account sent to L2, as it appears in the OS output: {@code from_address, to_address, nonce,
 * selector, payload_size, payload…}. Its hash is keccak256 of exactly those words; {@code sendMessageToL2} stores the
 * fee under it and the state update that consumes it must list the same words.
 *
 * @param fromAddress the L1 sender (an Ethereum address held in a felt)
 * @param toAddress the L2 contract
 * @param selector the L1 handler's entry-point selector
 */
public record MessageToL2(Felt fromAddress, Felt toAddress, Felt nonce, Felt selector, List<Felt> payload) {
  public MessageToL2 {
    payload = List.copyOf(payload);
  }

  /** The OS output words of this message. */
  public List<Felt> words() {
    List<Felt> w = new ArrayList<>(5 + payload.size());
    w.add(fromAddress);
    w.add(toAddress);
    w.add(nonce);
    w.add(selector);
    w.add(Felt.of(payload.size()));
    w.addAll(payload);
    return w;
  }

  /** keccak256(abi.encodePacked(uint256(from), to, nonce, selector, payload.length, payload)). */
  public byte[] hash() {
    return Words.keccakPacked(words());
  }
}
