package io.cairn.starknet.block;

/** A Starknet protocol version such as {@code 0.13.2} or {@code 0.13.2.1}, ordered numerically. */
public record StarknetVersion(String text, int[] parts) implements Comparable<StarknetVersion> {
  public static final StarknetVersion V0_11_1 = parse("0.11.1");
  public static final StarknetVersion V0_13_2 = parse("0.13.2");
  public static final StarknetVersion V0_13_4 = parse("0.13.4");

  public static StarknetVersion parse(String text) {
    String[] s = text.split("\\.");
    if (s.length < 2 || s.length > 4) throw new IllegalArgumentException("not a Starknet version: '" + text + "'");
    int[] p = new int[4];
    for (int i = 0; i < s.length; i++) {
      try {
        p[i] = Integer.parseInt(s[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a Starknet version: '" + text + "'");
      }
    }
    return new StarknetVersion(text, p);
  }

  public boolean before(StarknetVersion o) {
    return compareTo(o) < 0;
  }

  @Override
  public int compareTo(StarknetVersion o) {
    for (int i = 0; i < 4; i++) if (parts[i] != o.parts[i]) return Integer.compare(parts[i], o.parts[i]);
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StarknetVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(parts);
  }

  @Override
  public String toString() {
    return text;
  }
}
