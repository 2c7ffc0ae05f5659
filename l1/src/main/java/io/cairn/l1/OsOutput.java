package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.util.ArrayList;
import java.util.List;

/**
 * The Starknet OS program output that {@code CairnCore.updateState} consumes: the 10-word header, the L2→L1 and
 * L1→L2 message segments (each preceded by its size in words), then the data-availability segment (the compressed
 * state diff, see {@link io.cairn.l1.da.StateDiffCodec}) which runs to the end of the output.
 *
 * <p>Only calldata DA is modelled: {@code use_kzg_da} and {@code full_output} are 0 in every output built here.
 */
public record OsOutput(
    Felt prevRoot,
    Felt newRoot,
    Felt prevBlockNumber,
    Felt newBlockNumber,
    Felt prevBlockHash,
    Felt newBlockHash,
    Felt osProgramHash,
    Felt configHash,
    List<MessageToL1> messagesToL1,
    List<MessageToL2> messagesToL2,
    List<Felt> dataAvailability) {

  public static final int HEADER_SIZE = 10;

  public OsOutput {
    messagesToL1 = List.copyOf(messagesToL1);
    messagesToL2 = List.copyOf(messagesToL2);
    dataAvailability = List.copyOf(dataAvailability);
  }

  /** The block number a first state update reports as previous: -1, i.e. p − 1. */
  public static final Felt NO_BLOCK = Felt.MAX;

  /** The whole output, word by word, as the prover commits to it and {@code updateState} receives it. */
  public List<Felt> words() {
    List<Felt> w = new ArrayList<>();
    w.add(prevRoot);
    w.add(newRoot);
    w.add(prevBlockNumber);
    w.add(newBlockNumber);
    w.add(prevBlockHash);
    w.add(newBlockHash);
    w.add(osProgramHash);
    w.add(configHash);
    w.add(Felt.ZERO); // use_kzg_da
    w.add(Felt.ZERO); // full_output
    int sizeAt = w.size();
    w.add(Felt.ZERO);
    for (MessageToL1 m : messagesToL1) w.addAll(MessagesToL1.words(m));
    w.set(sizeAt, Felt.of(w.size() - sizeAt - 1));
    sizeAt = w.size();
    w.add(Felt.ZERO);
    for (MessageToL2 m : messagesToL2) w.addAll(m.words());
    w.set(sizeAt, Felt.of(w.size() - sizeAt - 1));
    w.addAll(dataAvailability);
    return w;
  }

  /**
   * The fact a verifier registers for this output: {@code keccak256(abi.encode(programHash,
   * keccak256(abi.encodePacked(words))))}, with {@code programHash} the OS program's hash chain.
   */
  public byte[] fact(Felt programHash) {
    return fact(programHash, words());
  }

  /** {@link #fact(Felt)} over raw output words. */
  public static byte[] fact(Felt programHash, List<Felt> words) {
    byte[] buf = new byte[64];
    Words.put(buf, 0, programHash.toBytesBE());
    System.arraycopy(Words.keccakPacked(words), 0, buf, 32, 32);
    return Words.keccak256(buf);
  }

  /** Parses an output the way the contract does; bad layout is an {@link IllegalArgumentException} naming the offset. */
  public static OsOutput parse(List<Felt> w) {
    if (w.size() < HEADER_SIZE + 2) {
      throw new IllegalArgumentException("OS output too short: " + w.size() + " words, need at least " + (HEADER_SIZE + 2));
    }
    if (!w.get(8).isZero()) throw new IllegalArgumentException("OS output word 8 (use_kzg_da) is not 0: KZG DA is not supported");
    if (!w.get(9).isZero()) throw new IllegalArgumentException("OS output word 9 (full_output) is not 0");
    int offset = HEADER_SIZE;
    int end = segmentEnd(w, offset);
    offset++;
    List<MessageToL1> toL1 = new ArrayList<>();
    while (offset < end) {
      int messageEnd = messageEnd(w, offset, 3, end, "L2->L1");
      toL1.add(new MessageToL1(w.get(offset), w.get(offset + 1), List.copyOf(w.subList(offset + 3, messageEnd))));
      offset = messageEnd;
    }
    if (offset >= w.size()) throw new IllegalArgumentException("OS output ends at word " + offset + " before the L1->L2 segment size");
    end = segmentEnd(w, offset);
    offset++;
    List<MessageToL2> toL2 = new ArrayList<>();
    while (offset < end) {
      int messageEnd = messageEnd(w, offset, 5, end, "L1->L2");
      toL2.add(new MessageToL2(w.get(offset), w.get(offset + 1), w.get(offset + 2), w.get(offset + 3), w.subList(offset + 5, messageEnd)));
      offset = messageEnd;
    }
    return new OsOutput(
        w.get(0), w.get(1), w.get(2), w.get(3), w.get(4), w.get(5), w.get(6), w.get(7), toL1, toL2, w.subList(offset, w.size()));
  }

  private static int segmentEnd(List<Felt> w, int offset) {
    Felt size = w.get(offset);
    if (!size.fitsInLong() || size.longValueExact() > w.size() - offset - 1) {
      throw new IllegalArgumentException("OS output word " + offset + ": segment size " + size.toHex() + " runs past the end (" + w.size() + " words)");
    }
    return offset + 1 + (int) size.longValueExact();
  }

  private static int messageEnd(List<Felt> w, int offset, int headerWords, int segmentEnd, String kind) {
    if (offset + headerWords > segmentEnd) {
      throw new IllegalArgumentException("OS output word " + offset + ": truncated " + kind + " message header");
    }
    Felt payloadSize = w.get(offset + headerWords - 1);
    if (!payloadSize.fitsInLong() || payloadSize.longValueExact() > segmentEnd - offset - headerWords) {
      throw new IllegalArgumentException("OS output word " + offset + ": " + kind + " message payload size " + payloadSize.toHex() + " runs past its segment");
    }
    return offset + headerWords + (int) payloadSize.longValueExact();
  }
}
