package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import java.util.List;

/** Felt words as the EVM sees them: 32-byte big-endian slots, hashed with keccak256. */
final class Words {
  private Words() {}

  /** keccak256 of the words laid out back to back, i.e. Solidity's {@code keccak256(abi.encodePacked(words))}. */
  static byte[] keccakPacked(List<Felt> words) {
    byte[] buf = new byte[words.size() * 32];
    for (int i = 0; i < words.size(); i++) put(buf, i, words.get(i).toBytesBE());
    return keccak256(buf);
  }

  static void put(byte[] buf, int wordIndex, byte[] bigEndian) {
    System.arraycopy(bigEndian, 0, buf, wordIndex * 32 + 32 - bigEndian.length, bigEndian.length);
  }

  static byte[] keccak256(byte[] data) {
    return Keccak.keccak256(data);
  }
}
