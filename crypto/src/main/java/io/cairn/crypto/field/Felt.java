package io.cairn.crypto.field;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * An element of the Stark field, p = 2^251 + 17·2^192 + 1: the "felt" of Cairo and Starknet.
 *
 * <p>Immutable; held as four Montgomery-form limbs so that products need no conversion. For loops that must not
 * allocate, use the {@link Fp} kernels on {@code long[]} slices and {@link #writeTo}/{@link #fromMontgomeryLimbs} at the edges.
 */
public final class Felt implements Comparable<Felt> {
  public static final BigInteger MODULUS = Fp.MODULUS;

  public static final Felt ZERO = new Felt(0, 0, 0, 0);
  public static final Felt ONE = fromMontgomeryLimbs(Fp.ONE_MONT, 0);
  public static final Felt TWO = ONE.add(ONE);
  /** p − 1, the largest felt, which Cairo reads as −1. */
  public static final Felt MAX = ZERO.sub(ONE);

  // Montgomery form, little-endian
  private final long m0, m1, m2, m3;

  private Felt(long m0, long m1, long m2, long m3) {
    this.m0 = m0;
    this.m1 = m1;
    this.m2 = m2;
    this.m3 = m3;
  }

  // ---------------------------------------------------------------------------------------------
  // Construction

  public static Felt fromMontgomeryLimbs(long[] a, int ao) {
    return new Felt(a[ao], a[ao + 1], a[ao + 2], a[ao + 3]);
  }

  /** From canonical little-endian limbs; they must encode a value below p. */
  public static Felt fromCanonicalLimbs(long l0, long l1, long l2, long l3) {
    if (!Fp.isCanonical(l0, l1, l2, l3)) throw new IllegalArgumentException("value is not below the Stark prime");
    long[] t = {l0, l1, l2, l3};
    Fp.toMontgomery(t, 0, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  /** A signed long: negative values map to p − |v|. */
  public static Felt of(long v) {
    if (v >= 0) return fromCanonicalLimbs(v, 0, 0, 0);
    if (v == Long.MIN_VALUE) return fromCanonicalLimbs(Long.MIN_VALUE, 0, 0, 0).neg();
    return fromCanonicalLimbs(-v, 0, 0, 0).neg();
  }

  /** Reduces any integer modulo p (negative ones included). */
  public static Felt fromBigIntegerReduced(BigInteger v) {
    return fromCanonical(v.mod(MODULUS));
  }

  /** The integer must lie in [0, p). */
  public static Felt of(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(MODULUS) >= 0)
      throw new IllegalArgumentException("value out of the field range [0, p): " + v);
    return fromCanonical(v);
  }

  private static Felt fromCanonical(BigInteger v) {
    long[] l = Fp.canonicalLimbs(v);
    return fromCanonicalLimbs(l[0], l[1], l[2], l[3]);
  }

  /**
   * Parses a felt written as 0x-prefixed hex or as decimal, as Starknet tools accept them. Values ≥ p are rejected,
   * never reduced, because silently reducing a hash or an address hides mistakes.
   */
  public static Felt parse(String text) {
    if (text == null) throw new IllegalArgumentException("missing felt value");
    String s = text.strip();
    boolean hex = s.startsWith("0x") || s.startsWith("0X");
    if (hex) return fromHex(s);
    if (s.startsWith("-")) {
      BigInteger v = parseDecimal(s.substring(1), text);
      if (v.compareTo(MODULUS) >= 0) throw new IllegalArgumentException("felt out of range (|value| ≥ p): " + text);
      return of(v).neg();
    }
    BigInteger v = parseDecimal(s, text);
    if (v.compareTo(MODULUS) >= 0) throw new IllegalArgumentException("felt out of range (value ≥ p): " + text);
    return of(v);
  }

  private static BigInteger parseDecimal(String digits, String original) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9'))
      throw new IllegalArgumentException("not a felt (expected 0x-hex or decimal): '" + original + "'");
    return new BigInteger(digits);
  }

  /** Parses 0x-prefixed (or bare) hex; at most 64 digits, value below p. */
  public static Felt fromHex(String text) {
    String s = text.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
    if (s.isEmpty()) throw new IllegalArgumentException("not a felt (empty hex): '" + text + "'");
    int start = 0;
    while (start < s.length() - 1 && s.charAt(start) == '0') start++;
    s = s.substring(start);
    if (s.length() > 64) throw new IllegalArgumentException("felt out of range (more than 256 bits): " + text);
    long[] l = new long[4];
    for (int i = 0; i < s.length(); i++) {
      int d = Character.digit(s.charAt(s.length() - 1 - i), 16);
      if (d < 0) throw new IllegalArgumentException("not a felt (bad hex digit '" + s.charAt(s.length() - 1 - i) + "'): '" + text + "'");
      l[i >>> 4] |= ((long) d) << (4 * (i & 15));
    }
    if (!Fp.isCanonical(l[0], l[1], l[2], l[3]))
      throw new IllegalArgumentException("felt out of range (value ≥ p): " + text);
    return fromCanonicalLimbs(l[0], l[1], l[2], l[3]);
  }

  /** Big-endian bytes (any length up to 32, value below p). */
  public static Felt fromBytesBE(byte[] b) {
    return fromBytesBE(b, 0, b.length);
  }

  public static Felt fromBytesBE(byte[] b, int off, int len) {
    if (len > 32) throw new IllegalArgumentException("more than 32 bytes for a felt: " + len);
    long[] l = new long[4];
    for (int i = 0; i < len; i++) {
      int bytePos = len - 1 - i; // 0 = least significant
      l[bytePos >>> 3] |= (b[off + i] & 0xffL) << (8 * (bytePos & 7));
    }
    if (!Fp.isCanonical(l[0], l[1], l[2], l[3])) throw new IllegalArgumentException("bytes encode a value ≥ p");
    return fromCanonicalLimbs(l[0], l[1], l[2], l[3]);
  }

  /** Little-endian bytes (any length up to 32, value below p). */
  public static Felt fromBytesLE(byte[] b) {
    byte[] r = b.clone();
    for (int i = 0, j = r.length - 1; i < j; i++, j--) {
      byte t = r[i];
      r[i] = r[j];
      r[j] = t;
    }
    return fromBytesBE(r);
  }

  /** ASCII short string read as a big-endian integer ('abc' in Cairo); at most 31 characters. */
  public static Felt fromShortString(String s) {
    if (s.length() > 31) throw new IllegalArgumentException("short string longer than 31 characters: " + s);
    byte[] b = new byte[s.length()];
    for (int i = 0; i < b.length; i++) {
      char c = s.charAt(i);
      if (c > 0x7f) throw new IllegalArgumentException("short string has a non-ASCII character: " + s);
      b[i] = (byte) c;
    }
    return fromBytesBE(b);
  }

  // ---------------------------------------------------------------------------------------------
  // Arithmetic

  public Felt add(Felt o) {
    long[] t = {m0, m1, m2, m3, o.m0, o.m1, o.m2, o.m3};
    Fp.add(t, 0, t, 4, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  public Felt sub(Felt o) {
    long[] t = {m0, m1, m2, m3, o.m0, o.m1, o.m2, o.m3};
    Fp.sub(t, 0, t, 4, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  public Felt mul(Felt o) {
    long[] t = new long[4];
    Fp.mul(m0, m1, m2, m3, o.m0, o.m1, o.m2, o.m3, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  public Felt square() {
    return mul(this);
  }

  public Felt neg() {
    long[] t = {m0, m1, m2, m3};
    Fp.neg(t, 0, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  /** Multiplicative inverse; throws {@link ArithmeticException} on zero. */
  public Felt inverse() {
    long[] t = {m0, m1, m2, m3};
    Fp.inverse(t, 0, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  /** this / o in the field; throws {@link ArithmeticException} when o is zero. */
  public Felt div(Felt o) {
    return mul(o.inverse());
  }

  public Felt pow(BigInteger e) {
    if (e.signum() < 0) return inverse().pow(e.negate());
    long[] exp = new long[Math.max(1, (e.bitLength() + 63) / 64)];
    for (int i = 0; i < exp.length; i++) exp[i] = e.shiftRight(64 * i).longValue();
    long[] t = {m0, m1, m2, m3};
    Fp.pow(t, 0, exp, t, 0);
    return new Felt(t[0], t[1], t[2], t[3]);
  }

  public Felt pow(long e) {
    return pow(BigInteger.valueOf(e));
  }

  /** The first {@code n} powers of this element: 1, a, a², …, aⁿ⁻¹ (the random coefficients of a STARK's combinations). */
  public Felt[] powers(int n) {
    Felt[] r = new Felt[n];
    Felt acc = ONE;
    for (int i = 0; i < n; i++) {
      r[i] = acc;
      acc = acc.mul(this);
    }
    return r;
  }

  /** Inverts every element with a single field inversion. Zeros are an error. */
  public static Felt[] batchInverse(Felt[] values) {
    long[] a = new long[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i].isZero()) throw new ArithmeticException("batch inverse: element " + i + " is zero");
      values[i].writeTo(a, 4 * i);
    }
    Fp.batchInverse(a, 0, values.length, new long[a.length]);
    Felt[] r = new Felt[values.length];
    for (int i = 0; i < r.length; i++) r[i] = fromMontgomeryLimbs(a, 4 * i);
    return r;
  }

  /**
   * A square root, or null when this is not a square. Of the two roots, returns the one whose canonical value is at
   * most (p−1)/2, as cairo-lang's {@code sqrt} does.
   */
  public Felt sqrt() {
    return Sqrt.sqrt(this);
  }

  public boolean isSquare() {
    return isZero() || pow(MODULUS.subtract(BigInteger.ONE).shiftRight(1)).equals(ONE);
  }

  // ---------------------------------------------------------------------------------------------
  // Views

  public boolean isZero() {
    return (m0 | m1 | m2 | m3) == 0;
  }

  public void writeTo(long[] a, int ao) {
    a[ao] = m0;
    a[ao + 1] = m1;
    a[ao + 2] = m2;
    a[ao + 3] = m3;
  }

  /** Canonical (not Montgomery) little-endian limbs. */
  public long[] canonicalLimbs() {
    long[] t = {m0, m1, m2, m3};
    Fp.fromMontgomery(t, 0, t, 0);
    return t;
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytesBE());
  }

  /** Cairo's signed reading: values above (p−1)/2 are negative. */
  public BigInteger toSignedBigInteger() {
    BigInteger v = toBigInteger();
    return v.compareTo(MODULUS.shiftRight(1)) > 0 ? v.subtract(MODULUS) : v;
  }

  /** The value as a long, when it fits in 63 bits unsigned; otherwise throws. */
  public long longValueExact() {
    long[] c = canonicalLimbs();
    if (c[1] != 0 || c[2] != 0 || c[3] != 0 || c[0] < 0)
      throw new ArithmeticException("felt does not fit in a long: " + toHex());
    return c[0];
  }

  /** True when the canonical value fits in a non-negative long. */
  public boolean fitsInLong() {
    long[] c = canonicalLimbs();
    return c[1] == 0 && c[2] == 0 && c[3] == 0 && c[0] >= 0;
  }

  public byte[] toBytesBE() {
    long[] c = canonicalLimbs();
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) b[31 - i] = (byte) (c[i >>> 3] >>> (8 * (i & 7)));
    return b;
  }

  public byte[] toBytesLE() {
    long[] c = canonicalLimbs();
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) b[i] = (byte) (c[i >>> 3] >>> (8 * (i & 7)));
    return b;
  }

  /** 0x-prefixed lowercase hex without leading zeros ("0x0" for zero), as Starknet tools print felts. */
  public String toHex() {
    long[] c = canonicalLimbs();
    int top = 3;
    while (top > 0 && c[top] == 0) top--;
    StringBuilder sb = new StringBuilder(66).append("0x").append(Long.toHexString(c[top]));
    for (int i = top - 1; i >= 0; i--) sb.append(HexFormat.of().toHexDigits(c[i]));
    return sb.toString();
  }

  /** 0x-prefixed, zero-padded to 64 hex digits. */
  public String toPaddedHex() {
    return "0x" + HexFormat.of().formatHex(toBytesBE());
  }

  public String toDecimal() {
    return toBigInteger().toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Felt f && f.m0 == m0 && f.m1 == m1 && f.m2 == m2 && f.m3 == m3;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(m0) * 31 + Long.hashCode(m3);
  }

  /** Orders by canonical value. */
  @Override
  public int compareTo(Felt o) {
    long[] a = canonicalLimbs(), b = o.canonicalLimbs();
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(a[i], b[i]);
      if (c != 0) return c;
    }
    return 0;
  }

  @Override
  public String toString() {
    return toHex();
  }
}
