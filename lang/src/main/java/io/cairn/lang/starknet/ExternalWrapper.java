package io.cairn.lang.starknet;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Code.Element;
import io.cairn.lang.ast.Location;
import io.cairn.lang.compiler.ExtensionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wrapper of one entry point, {@code __wrappers__.NAME}: it reads the OS context and the
 * calldata from the Starknet calling convention ({@code [fp-6]} selector, {@code [fp-5]} the OS
 * context, {@code [fp-4]} calldata size, {@code [fp-3]} calldata), calls the function and returns
 * the updated context pointers followed by the encoded return data (cairo-lang external_wrapper).
 */
final class ExternalWrapper {
  private static final String SELECTOR = "[cast(fp + (-6), felt*)]";
  private static final String OS_CONTEXT = "[cast(fp + (-5), felt**)]";
  private static final String CALLDATA_SIZE = "[cast(fp + (-4), felt*)]";
  private static final String CALLDATA = "[cast(fp + (-3), felt**)]";
  private static final String WHY = "While constructing the external wrapper for:";

  private final ExtensionContext ctx;
  private final Map<String, Integer> osContext;
  private final String module;
  private final Code.Function elm;
  private final String path;

  ExternalWrapper(ExtensionContext ctx, Map<String, Integer> osContext, String module, Code.Function elm) {
    this.ctx = ctx;
    this.osContext = osContext;
    this.module = module;
    this.elm = elm;
    this.path = "autogen/starknet/external/" + elm.name();
  }

  /** The generated functions (the return encoder, if any, then the wrapper); their identifiers are collected. */
  List<Element> build() {
    String name = elm.name();
    String wrapperScope = StarknetContracts.WRAPPERS + "." + name;
    ctx.defineAlias(wrapperScope + ".__wrapped_func", module + "." + name);
    ctx.defineAlias(StarknetContracts.WRAPPERS + "." + name + "_encode_return.memcpy", "starkware.cairo.common.memcpy.memcpy");
    List<String> scopes = List.of(module, module, StarknetContracts.WRAPPERS);
    boolean rawInput = StarknetContracts.hasDecorator(elm.decorators(), "raw_input") != null;
    boolean rawOutput = StarknetContracts.hasDecorator(elm.decorators(), "raw_output") != null;

    List<Element> body = new ArrayList<>();
    Map<String, Code.TypedIdentifier> implicit = new LinkedHashMap<>();
    StringBuilder implicitArgs = new StringBuilder();
    if (elm.implicitArgs() != null) {
      for (Code.TypedIdentifier t : elm.implicitArgs()) {
        implicit.put(t.name(), t);
        implicitArgs.append(implicitArgs.isEmpty() ? "" : ", ").append(t.name()).append('=').append(t.name());
      }
    }
    List<String> returnDecl = new ArrayList<>();
    List<String> returnExprs = new ArrayList<>();
    for (var e : osContext.entrySet()) {
      String ptr = e.getKey();
      Code.TypedIdentifier arg = implicit.get(ptr);
      CairoType type = arg == null ? new CairoType.Felt(null) : ctx.resolveType(arg.typeOrFelt(), List.of(module));
      Location at = arg == null || arg.location() == null ? elm.nameLocation() : arg.location();
      body.addAll(StarknetContracts.parse(path, "let " + ptr + " = [cast(" + OS_CONTEXT + " + " + e.getValue() + ", " + type.format() + "*)];\n", at, WHY));
      returnDecl.add(ptr + ": " + type.format());
      returnExprs.add(ptr);
    }
    String fn = module + "." + name;
    Map<String, CairoType> argMembers = ctx.structMembers(fn + ".Args", elm.nameLocation());
    Map<String, Location> argLocations = ctx.structMemberLocations(fn + ".Args", elm.nameLocation());
    String callArgs;
    if (rawInput) {
      List<String> names = new ArrayList<>(argMembers.keySet());
      callArgs = names.get(0) + "=" + SELECTOR + ", " + names.get(1) + "=" + CALLDATA_SIZE + ", " + names.get(2) + "=" + CALLDATA + ",";
    } else {
      List<DataCoder.Arg> args = new ArrayList<>();
      for (var m : argMembers.entrySet()) args.add(new DataCoder.Arg(m.getKey(), m.getValue(), argLocations.get(m.getKey())));
      DataCoder dec = DataCoder.decoder(DataCoder.Kind.CALLDATA, CALLDATA, CALLDATA_SIZE, osContext.containsKey("range_check_ptr"), ctx, elm.nameLocation());
      dec.run(args);
      body.addAll(dec.elements);
      callArgs = dec.argList();
    }
    Code.Function encodeReturn = null;
    boolean usingLocals = false;
    StringBuilder call = new StringBuilder("let ret_value = __wrapped_func{" + implicitArgs + "}(" + callArgs + ");\n");
    if (rawOutput) {
      call.append("let retdata_size = ret_value.retdata_size;\nlet retdata = ret_value.retdata;\n");
    } else {
      CairoType ret = ctx.returnType(fn, elm.nameLocation());
      if (!(ret instanceof CairoType.Tuple tuple)) {
        throw new CairoCompileException(ret.location() != null ? ret.location() : elm.nameLocation(), "Only tuple types are supported as the return type of external functions.");
      }
      if (tuple.members().isEmpty()) {
        call.append("%{ memory[ap] = segments.add() %}        // Allocate memory for return value.\n"
            + "tempvar retdata: felt*;\nlet retdata_size = 0;\n");
      } else {
        List<DataCoder.Arg> rets = new ArrayList<>();
        for (CairoType.TupleMember m : tuple.members()) {
          if (m.name() == null) throw new CairoCompileException(m.location(), "A return value in an external function must be named.");
          rets.add(new DataCoder.Arg(m.name(), m.type(), m.location()));
        }
        DataCoder enc = DataCoder.encoder(DataCoder.Kind.RETURN, osContext.containsKey("range_check_ptr"), ctx, a -> "ret_value." + a.name());
        enc.run(rets);
        encodeReturn = encodeReturnFunction(tuple, enc.elements);
        if (!enc.knownApChange) {
          for (String ptr : returnExprs) if (implicit.containsKey(ptr)) usingLocals = true;
        }
        if (!osContext.containsKey("range_check_ptr")) {
          throw new CairoCompileException(elm.nameLocation(), "In order to use external functions, the '%builtins' directive must include the 'range_check' builtin.");
        }
        call.append("let (range_check_ptr, retdata_size, retdata) = ").append(name).append("_encode_return(ret_value, range_check_ptr);\n");
      }
    }
    body.addAll(StarknetContracts.parse(path, call.toString(), elm.nameLocation(), WHY));
    returnDecl.add("size: felt");
    returnDecl.add("retdata: felt*");
    returnExprs.add("retdata_size");
    returnExprs.add("retdata");
    body.addAll(StarknetContracts.parse(path, "return (" + String.join(",", returnExprs) + ");\n", elm.nameLocation(), WHY));
    Code.Function skeleton = (Code.Function) StarknetContracts.parse(path,
        "func " + name + "() -> (" + String.join(", ", returnDecl) + ") {\n    " + (usingLocals ? "alloc_locals;" : "") + "\n}\n",
        elm.nameLocation(), WHY).get(0);
    List<Element> fnBody = new ArrayList<>(skeleton.body());
    fnBody.addAll(body);
    Code.Function wrapper = new Code.Function(elm.decorators(), name, skeleton.nameLocation(), skeleton.implicitArgs(), skeleton.args(), skeleton.returns(), fnBody, skeleton.location());
    List<Element> out = new ArrayList<>();
    if (encodeReturn != null) out.add(encodeReturn);
    out.add(wrapper);
    ctx.collect(StarknetContracts.WRAPPERS, out, scopes);
    return out;
  }

  private Code.Function encodeReturnFunction(CairoType.Tuple ret, List<Element> encoding) {
    String name = elm.name();
    String code = "func " + name + "_encode_return(ret_value: " + ret.format() + ", range_check_ptr) -> (\n"
        + "        range_check_ptr: felt, data_len: felt, data: felt*) {\n"
        + "    %{ memory[ap] = segments.add() %}\n"
        + "    alloc_locals;\n"
        + "    local __return_value_ptr_start: felt*;\n"
        + "    let __return_value_ptr = __return_value_ptr_start;\n"
        + "    with range_check_ptr {\n"
        + "    }\n"
        + "    return (\n"
        + "        range_check_ptr=range_check_ptr,\n"
        + "        data_len=__return_value_ptr - __return_value_ptr_start,\n"
        + "        data=__return_value_ptr_start);\n"
        + "}\n";
    Code.Function f = (Code.Function) StarknetContracts.parse(
        "autogen/starknet/external/return/" + name, code, elm.nameLocation(), "While handling return value of").get(0);
    List<Element> body = new ArrayList<>(f.body());
    int withIndex = body.size() - 2;
    Code.With w = (Code.With) body.get(withIndex);
    List<Element> withBody = new ArrayList<>(w.body());
    withBody.addAll(encoding);
    body.set(withIndex, new Code.With(w.identifiers(), withBody, w.location()));
    return new Code.Function(f.decorators(), f.name(), f.nameLocation(), f.implicitArgs(), f.args(), f.returns(), body, f.location());
  }
}
