package io.cairn.lang.starknet;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code.Element;
import io.cairn.lang.ast.Location;
import io.cairn.lang.compiler.ExtensionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Generates the Cairo code that flattens typed values to felts (calldata, return data) or reads
 * them back, like cairo-lang's data_encoder: felts one by one, felts-only structs and tuples as
 * blocks, and arrays (a pointer after a {@code name_len} felt) copied with {@code memcpy}.
 */
final class DataCoder {
  enum Kind {
    CALLDATA("calldata", "calldata", "calldata argument"),
    RETURN("return_value", "return values", "return value");

    final String var;
    final String allText;
    final String argText;

    Kind(String var, String allText, String argText) {
      this.var = var;
      this.allText = allText;
      this.argText = argText;
    }
  }

  record Arg(String name, CairoType type, Location location) {}

  private final Kind kind;
  private final boolean decode;
  private final boolean hasRangeCheck;
  private final ExtensionContext ctx;
  private final Function<Arg, String> argName;
  private final String dataPtr;
  private final String dataSize;
  /** Where the whole data comes from (the function), for the parent locations of generated code. */
  private final Location location;
  final List<Element> elements = new ArrayList<>();
  private final List<String> args = new ArrayList<>();
  /** False once an array is copied: the ap change of memcpy is unknown. */
  boolean knownApChange = true;

  private DataCoder(
      Kind kind, boolean decode, boolean hasRangeCheck, ExtensionContext ctx, Function<Arg, String> argName, String dataPtr, String dataSize, Location location) {
    this.kind = kind;
    this.decode = decode;
    this.hasRangeCheck = hasRangeCheck;
    this.ctx = ctx;
    this.argName = argName;
    this.dataPtr = dataPtr;
    this.dataSize = dataSize;
    this.location = location;
  }

  static DataCoder encoder(Kind kind, boolean hasRangeCheck, ExtensionContext ctx, Function<Arg, String> argName) {
    return new DataCoder(kind, false, hasRangeCheck, ctx, argName, null, null, null);
  }

  static DataCoder decoder(Kind kind, String dataPtr, String dataSize, boolean hasRangeCheck, ExtensionContext ctx, Location location) {
    return new DataCoder(kind, true, hasRangeCheck, ctx, null, dataPtr, dataSize, location);
  }

  private void add(String code, Location parent, String parentMessage) {
    elements.addAll(StarknetContracts.parse("autogen/starknet/arg_processor", code, parent, parentMessage));
  }

  private void addForAll(String code) {
    add(code, location, "While handling " + kind.allText + " of");
  }

  void run(List<Arg> arguments) {
    String v = kind.var;
    if (decode) addForAll("let __" + v + "_ptr: felt* = cast(" + dataPtr + ", felt*);\n");
    Arg prev = null;
    for (Arg a : arguments) {
      CairoType t = a.type();
      String why = "While handling " + kind.argText + " '" + a.name() + "'";
      if (t instanceof CairoType.Pointer p) {
        Integer elmSize = StarknetContracts.feltsOnlySize(p.pointee(), ctx);
        if (elmSize == null) throw new CairoCompileException(t.location(), "Only pointers to types that consist of felts are supported.");
        boolean hasLen = prev != null && prev.name().equals(a.name() + "_len") && prev.type() instanceof CairoType.Felt;
        if (!hasLen) {
          throw new CairoCompileException(a.location(), "Array argument \"" + a.name() + "\" must be preceded by a length argument named \"" + a.name() + "_len\" of type felt.");
        }
        if (!hasRangeCheck) {
          throw new CairoCompileException(a.location(), "The 'range_check' builtin must be declared in the '%builtins' directive when using array arguments in external functions.");
        }
        add(decode ? decodeArray(a, elmSize) : encodeArray(a, elmSize), a.location(), why);
      } else if (t instanceof CairoType.Tuple || t instanceof CairoType.Struct) {
        Integer size = StarknetContracts.feltsOnlySize(t, ctx);
        if (size == null) throw new CairoCompileException(a.location(), kind.argText + " must be a felts-only type (cannot contain pointers).");
        add(decode ? decodeObject(a, size) : encodeObject(a, size), a.location(), why);
      } else if (t instanceof CairoType.Felt) {
        add(decode
            ? "let __" + v + "_arg_" + a.name() + " = [__" + v + "_ptr];\nlet __" + v + "_ptr = __" + v + "_ptr + 1;\n"
            : "assert [__" + v + "_ptr] = " + argName.apply(a) + ";\nlet __" + v + "_ptr = __" + v + "_ptr + 1;\n", a.location(), why);
      } else {
        throw new CairoCompileException(t.location(), "Unsupported " + kind.argText + " type " + t.format() + ".");
      }
      args.add(a.name() + "=__" + v + "_arg_" + a.name());
      prev = a;
    }
    if (decode) {
      addForAll("let __" + v + "_actual_size =  __" + v + "_ptr - cast(" + dataPtr + ", felt*);\n");
      addForAll("assert " + dataSize + " = __" + v + "_actual_size;\n");
    }
  }

  /** The call arguments {@code name=__calldata_arg_name, …,} (a trailing comma when not empty). */
  String argList() {
    return args.isEmpty() ? "" : String.join(", ", args) + ",";
  }

  private String decodeArray(Arg a, int elmSize) {
    String v = kind.var;
    String var = "__" + v + "_arg_" + a.name();
    String len = var + "_len";
    return "// Check that the length is non-negative.\n"
        + "assert [range_check_ptr] = " + len + ";\n"
        + "let range_check_ptr = range_check_ptr + 1;\n"
        + "// Create the reference.\n"
        + "let " + var + " = cast(__" + v + "_ptr, " + a.type().format() + ");\n"
        + "// Use 'tempvar' instead of 'let' to avoid repeating this computation for the\n"
        + "// following arguments.\n"
        + "tempvar __" + v + "_ptr = __" + v + "_ptr + " + len + " * " + elmSize + ";\n";
  }

  private String decodeObject(Arg a, int size) {
    String v = kind.var;
    return "let __" + v + "_arg_" + a.name() + " = [\n    cast(__" + v + "_ptr, " + new CairoType.Pointer(a.type(), null).format() + ")];\n"
        + "let __" + v + "_ptr = __" + v + "_ptr + " + size + ";\n";
  }

  private String encodeArray(Arg a, int elmSize) {
    String v = kind.var;
    String len = argName.apply(a) + "_len";
    knownApChange = false;
    return "// Check that the length is non-negative.\n"
        + "assert [range_check_ptr] = " + len + ";\n"
        + "// Store the updated range_check_ptr as a local variable to keep it available after\n"
        + "// the memcpy.\n"
        + "local range_check_ptr = range_check_ptr + 1;\n"
        + "// Keep a reference to __" + v + "_ptr.\n"
        + "let __" + v + "_ptr_copy = __" + v + "_ptr;\n"
        + "// Store the updated __" + v + "_ptr as a local variable to keep it available after\n"
        + "// the memcpy.\n"
        + "local __" + v + "_ptr: felt* = __" + v + "_ptr + " + len + " * " + elmSize + ";\n"
        + "memcpy(\n    dst=__" + v + "_ptr_copy,\n    src=" + argName.apply(a) + ",\n    len=" + len + " * " + elmSize + ");\n";
  }

  private String encodeObject(Arg a, int size) {
    String v = kind.var;
    StringBuilder sb = new StringBuilder();
    sb.append("// Create a reference to ").append(argName.apply(a)).append(" as felt*.\n");
    sb.append("let __").append(v).append("_tmp: felt* = cast(&").append(argName.apply(a)).append(", felt*);\n");
    for (int i = 0; i < size; i++) {
      if (i > 0) sb.append('\n');
      sb.append("assert [__").append(v).append("_ptr + ").append(i).append("] = [__").append(v).append("_tmp + ").append(i).append("];");
    }
    sb.append("\nlet __").append(v).append("_ptr = __").append(v).append("_ptr + ").append(size).append(";\n");
    return sb.toString();
  }
}
