package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.util.ArrayList;
import java.util.List;

/**
 * An L2→L1 message (the receipts' {@link MessageToL1}: L2 sender, L1 recipient held in a felt, payload) as the OS
 * output lays it out — {@code from_address, to_address, payload_size, payload…} — and its hash, keccak256 of exactly
 * those words, which is what {@code consumeMessageFromL2} recomputes: {@code keccak256(abi.encodePacked(from,
 * uint256(to), payload.length, payload))}.
 */
public final class MessagesToL1 {
  private MessagesToL1() {}

  /** The OS output words of {@code m}. */
  public static List<Felt> words(MessageToL1 m) {
    List<Felt> w = new ArrayList<>(3 + m.payload().size());
    w.add(m.fromAddress());
    w.add(m.toAddress());
    w.add(Felt.of(m.payload().size()));
    w.addAll(m.payload());
    return w;
  }

  public static byte[] hash(MessageToL1 m) {
    return Words.keccakPacked(words(m));
  }
}
