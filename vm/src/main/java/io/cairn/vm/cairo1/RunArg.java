package io.cairn.vm.cairo1;

import java.math.BigInteger;
import java.util.ArrayList;
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
    Parser p = new Parser(text);
    List<RunArg> out = p.items(false);
    if (p.i < text.length()) throw p.bad("unexpected '" + text.charAt(p.i) + "'");
    return out;
  }

  final class Parser {
    private final String s;
    int i;

    private Parser(String s) {
      this.s = s;
    }

    List<RunArg> items(boolean inArray) {
      List<RunArg> out = new ArrayList<>();
      while (true) {
        skipSeparators();
        if (i >= s.length()) {
          if (inArray) throw bad("missing ']'");
          return out;
        }
        char c = s.charAt(i);
        if (c == ']') {
          if (!inArray) throw bad("']' without '['");
          i++;
          return out;
        }
        if (c == '[') {
          i++;
          out.add(new Array(items(true)));
        } else {
          int from = i;
          while (i < s.length() && ",[] \t\n".indexOf(s.charAt(i)) < 0) i++;
          out.add(new Value(felt(s.substring(from, i), from)));
        }
      }
    }

    private void skipSeparators() {
      while (i < s.length() && ", \t\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private BigInteger felt(String t, int at) {
      try {
        boolean neg = t.startsWith("-");
        String u = neg ? t.substring(1) : t;
        BigInteger v = u.startsWith("0x") || u.startsWith("0X") ? new BigInteger(u.substring(2), 16) : new BigInteger(u);
        if (v.signum() < 0 || v.compareTo(io.cairn.vm.memory.Field.P) >= 0) throw new NumberFormatException();
        return neg ? io.cairn.vm.memory.Field.P.subtract(v).mod(io.cairn.vm.memory.Field.P) : v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("argument '" + t + "' at character " + at + " is not a felt");
      }
    }

    IllegalArgumentException bad(String what) {
      return new IllegalArgumentException("arguments: " + what + " at character " + i + " of '" + s + "'");
    }
  }
}
