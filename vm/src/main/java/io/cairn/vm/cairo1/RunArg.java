package io.cairn.vm.cairo1;

import java.math.BigInteger;
import java.util.List;

/**
 * A run argument as cairo-lang-runner's {@code Arg}: a felt, or an array that {@code WriteRunParam} (and the runners'
 * argument frames) pass as a (start, end) pair of pointers into a fresh segment. Arrays nest.
 */
public sealed interface RunArg {
  record Value(BigInteger value) implements RunArg {}

  record Array(List<RunArg> items) implements RunArg {
    public Array {
      items = List.copyOf(items);
    }
  }

  /** Cells this argument takes in a frame: 1 for a felt, 2 for an array. */
  default int size() {
    return this instanceof Value ? 1 : 2;
  }

  static RunArg of(long v) {
    return new Value(BigInteger.valueOf(v));
  }

  /**
   * Parses {@code 1,0x2,[3 4 [5]],6}: top-level arguments separated by commas, arrays in brackets with their items
   * separated by spaces or commas. Felts are decimal (a leading minus means p - x) or 0x-hex.
   */
  static List<RunArg> parse(String text) {
    return RunArgParser.parse(text);
  }
}
