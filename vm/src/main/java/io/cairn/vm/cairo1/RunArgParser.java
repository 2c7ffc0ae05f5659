package io.cairn.vm.cairo1;

import io.cairn.vm.memory.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The {@link RunArg#parse} grammar: comma-separated felts, bracketed arrays with space- or comma-separated items. */
final class RunArgParser {
  private final String s;
  int i;

  private RunArgParser(String s) {
    this.s = s;
  }

  static List<RunArg> parse(String text) {
    RunArgParser p = new RunArgParser(text);
    List<RunArg> out = p.items(false);
    if (p.i < text.length()) throw p.bad("unexpected '" + text.charAt(p.i) + "'");
    return out;
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
        out.add(new RunArg.Array(items(true)));
      } else {
        int from = i;
        while (i < s.length() && ",[] \t\n".indexOf(s.charAt(i)) < 0) i++;
        out.add(new RunArg.Value(felt(s.substring(from, i), from)));
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
      if (v.signum() < 0 || v.compareTo(Field.P) >= 0) throw new NumberFormatException();
      return neg ? Field.P.subtract(v).mod(Field.P) : v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument '" + t + "' at character " + at + " is not a felt");
    }
  }

  IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("arguments: " + what + " at character " + i + " of '" + s + "'");
  }
}
