package io.cairn.cli.hash;

import io.cairn.crypto.field.Felt;
import java.util.HexFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Argument converters shared by the toolbox commands: felts (0x-hex or decimal, below p) and hex byte strings. */
public final class Args {
  private Args() {}

  /** A felt: 0x-prefixed hex or decimal, below p (values ≥ p are refused, never reduced). */
  public static final class FeltConverter implements ITypeConverter<Felt> {
    @Override
    public Felt convert(String value) {
      try {
        return Felt.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A byte string given on the command line. */
  public record HexBytes(byte[] bytes) {}

  /** Bytes as hex, with or without 0x; an even number of digits ("0x" alone is the empty string). */
  public static final class HexBytesConverter implements ITypeConverter<HexBytes> {
    @Override
    public HexBytes convert(String value) {
      String s = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
      if (s.length() % 2 != 0)
        throw new TypeConversionException("odd number of hex digits in '" + value + "' (bytes need two digits each)");
      try {
        return new HexBytes(HexFormat.of().parseHex(s));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("not hex: '" + value + "'");
      }
    }
  }

  /** Parses felt arguments of a variadic parameter, naming the bad one (LABEL[i]) in the error. */
  public static java.util.List<Felt> felts(java.util.List<String> values, String label) {
    java.util.List<Felt> out = new java.util.ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      try {
        out.add(Felt.parse(values.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(label + "[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** 0x-prefixed lowercase hex of a byte string (digests: all 64 digits kept). */
  public static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
