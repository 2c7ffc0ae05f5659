package io.cairn.lang.starknet;

import io.cairn.crypto.hash.Keccak;
import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Code.Element;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.Location;
import io.cairn.lang.ast.SourceFile;
import io.cairn.lang.compiler.CompilerExtension;
import io.cairn.lang.compiler.ExtensionContext;
import io.cairn.lang.parser.Parser;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The Starknet dialect of Cairo 0 ({@code %lang starknet}): expands {@code @storage_var},
 * {@code @event} and {@code @contract_interface} into namespaces of ordinary functions and adds an
 * entry-point wrapper under {@code __wrappers__} for every {@code @external}, {@code @view},
 * {@code @l1_handler} and {@code @constructor} function, generating the same Cairo code that
 * cairo-lang's Starknet compiler generates (so the bytecode is the same), then builds the ABI.
 */
public final class StarknetContracts implements CompilerExtension {
  static final String MAIN = "__main__";
  static final String WRAPPERS = "__wrappers__";
  static final String LANG = "starknet";
  static final List<String> SUPPORTED_BUILTINS = List.of("pedersen", "range_check", "ecdsa", "bitwise", "ec_op", "poseidon");
  static final Set<String> ENTRY_POINT_DECORATORS = Set.of("external", "view", "l1_handler", "constructor");
  private static final Set<String> FORBIDDEN_STORAGE_ARGS =
      Set.of("addr", "normalize_address", "storage_read", "storage_write", "hash2", "read", "write");
  private static final BigInteger ADDR_BOUND = BigInteger.TWO.pow(251).subtract(BigInteger.valueOf(256));
  static final int MAX_STORAGE_ITEM_SIZE = 256;

  /** Storage variables, events and interfaces seen by the declaration pass, by the generated namespace. */
  private final Map<Element, Object> declared = new IdentityHashMap<>();
  /** The ABI as it is built: structs first (by short name), then entries in preprocessing order. */
  final Map<String, Map<String, Object>> abiStructs = new LinkedHashMap<>();
  private final Map<String, String> abiStructFullNames = new HashMap<>();
  final List<Map<String, Object>> abi = new ArrayList<>();

  private record StorageVar(Code.Function elm, List<String> scopes) {}

  private record Event(Code.Function elm, List<String> scopes) {}

  private record Interface(Code.Namespace elm, List<String> scopes) {}

  /** An entry point to wrap, and the ABI entry it adds. */
  private record EntryPoint(Code.Function elm, String decorator, List<String> scopes) {}

  private final boolean legacyModuleOrder;

  /** The dialect as cairo-lang 0.14 compiles it. */
  public StarknetContracts() {
    this(false);
  }

  /**
   * With {@code legacyModuleOrder}, the additional modules are loaded in cairo-lang 0.10's order
   * (storage before syscalls), which places library functions as its classes have them.
   */
  public StarknetContracts(boolean legacyModuleOrder) {
    this.legacyModuleOrder = legacyModuleOrder;
  }

  @Override
  public List<String> additionalModules() {
    String storage = "starkware.starknet.common.storage", syscalls = "starkware.starknet.common.syscalls";
    return List.of(
        "starkware.cairo.common.alloc",
        "starkware.cairo.common.cairo_builtins",
        "starkware.cairo.common.hash",
        "starkware.cairo.common.memcpy",
        "starkware.cairo.lang.compiler.lib.registers",
        legacyModuleOrder ? storage : syscalls,
        legacyModuleOrder ? syscalls : storage);
  }

  @Override
  public boolean acceptsLang(String lang) {
    return LANG.equals(lang);
  }

  @Override
  public Set<String> supportedDecorators() {
    return Set.of("external", "view", "l1_handler", "constructor", "raw_input", "raw_output");
  }

  @Override
  public Set<String> additionalScopesToCompile() {
    return Set.of(WRAPPERS);
  }

  // ================================================================ declarations

  @Override
  public Code.Module expandDeclarations(Code.Module module) {
    String lang = langOf(module);
    Map<String, Location> seen = new HashMap<>();
    List<Element> out = declBlock(module.elements(), lang, List.of(module.name()), seen);
    return new Code.Module(module.name(), module.file(), out);
  }

  static String langOf(Code.Module m) {
    for (Element e : m.elements()) if (e instanceof Code.Lang l) return l.name();
    return null;
  }

  private List<Element> declBlock(List<Element> els, String lang, List<String> scopes, Map<String, Location> seen) {
    List<Element> out = new ArrayList<>(els.size());
    for (Element e : els) {
      switch (e) {
        case Code.Function f when hasDecorator(f.decorators(), "storage_var") != null -> {
          Location at = hasDecorator(f.decorators(), "storage_var");
          if (seen.containsKey(f.name())) {
            throw new CairoCompileException(f.nameLocation(), "Found more than one storage variable with the same name ('" + f.name() + "').");
          }
          seen.put(f.name(), f.nameLocation());
          requireStarknet(lang, at, "@storage_var");
          Element ns = storageVarNamespace(f, "", "", "", false);
          declared.put(ns, new StorageVar(f, scopes));
          out.add(ns);
        }
        case Code.Function f when hasDecorator(f.decorators(), "event") != null -> {
          requireStarknet(lang, hasDecorator(f.decorators(), "event"), "@event");
          verifyEvent(f);
          Element ns = eventNamespace(f, List.of());
          declared.put(ns, new Event(f, scopes));
          out.add(ns);
        }
        case Code.Namespace n when hasDecorator(n.decorators(), "contract_interface") != null -> {
          requireStarknet(lang, hasDecorator(n.decorators(), "contract_interface"), "@contract_interface");
          Element ns = interfaceNamespace(n, null, scopes);
          declared.put(ns, new Interface(n, scopes));
          out.add(ns);
        }
        case Code.Function f when hasDecorator(f.decorators(), "contract_interface") != null ->
            throw new CairoCompileException(f.nameLocation(), "@contract_interface can only be used with namespaces.");
        case Code.Namespace n when hasDecorator(n.decorators(), "event") != null ->
            throw new CairoCompileException(n.nameLocation(), "@event can only be used with functions.");
        case Code.Namespace n -> {
          String name = scopes.get(scopes.size() - 1) + "." + n.name();
          out.add(new Code.Namespace(n.decorators(), n.name(), n.nameLocation(), declBlock(n.body(), lang, append(scopes, name), seen), n.location()));
        }
        default -> out.add(e);
      }
    }
    return out;
  }

  static Location hasDecorator(List<Expr.Identifier> decorators, String name) {
    for (Expr.Identifier d : decorators) if (d.name().equals(name)) return d.location();
    return null;
  }

  private static void requireStarknet(String lang, Location at, String what) {
    if (!LANG.equals(lang)) {
      throw new CairoCompileException(at, what + " can only be used in source files that contain the \"%lang starknet\" directive.");
    }
  }

  private static void verifyDecorators(List<Expr.Identifier> decorators, String allowed, String what) {
    for (Expr.Identifier d : decorators) {
      if (!d.name().equals(allowed)) throw new CairoCompileException(d.location(), "Unexpected decorator for " + what + ".");
    }
  }

  private static void verifyEmptyBody(Code.Function f, String message) {
    for (Element e : f.body()) throw new CairoCompileException(e.location(), message);
  }

  private static void verifyNoImplicitArgs(Code.Function f, String what) {
    if (f.implicitArgs() != null && !f.implicitArgs().isEmpty()) {
      Location l = f.implicitArgs().get(0).location().to(f.implicitArgs().get(f.implicitArgs().size() - 1).location());
      throw new CairoCompileException(l, what + " must have no implicit arguments.");
    }
  }

  private static void verifyEvent(Code.Function f) {
    verifyDecorators(f.decorators(), "event", "an event");
    verifyEmptyBody(f, "Events must have an empty body.");
    verifyNoImplicitArgs(f, "Events");
    if (f.returns() != null && !(f.returns() instanceof CairoType.Tuple t && t.members().isEmpty())) {
      throw new CairoCompileException(f.returns().location(), "Events must have no return values.");
    }
  }

  // ---------------------------------------------------------------- code generation helpers

  /** Parses generated code as the file {@code path/<sha256 of the code>.cairo}, like cairo-lang's autogen_parse_code_block. */
  static List<Element> parse(String path, String code, Location parent, String parentMessage) {
    return Parser.parseFile("autogen", new SourceFile(path + "/" + sha256Hex(code) + ".cairo", code), parent, parentMessage).elements();
  }

  static List<Element> parseFile(String fileName, String code) {
    return Parser.parseFile("autogen", new SourceFile(fileName, code)).elements();
  }

  private static String sha256Hex(String code) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String formatArgs(List<Code.TypedIdentifier> args) {
    StringBuilder sb = new StringBuilder();
    for (Code.TypedIdentifier a : args) {
      if (!sb.isEmpty()) sb.append(", ");
      sb.append(a.name()).append(": ").append(a.typeOrFelt().format());
    }
    return sb.toString();
  }

  private static List<String> append(List<String> l, String s) {
    List<String> out = new ArrayList<>(l);
    out.add(s);
    return out;
  }

  static BigInteger selector(String name) {
    return Keccak.starknetKeccak(name.getBytes(StandardCharsets.UTF_8)).toBigInteger();
  }

  // ---------------------------------------------------------------- storage variables

  private static CairoType storageVarType(Code.Function f) {
    if (f.returns() != null && !(f.returns() instanceof CairoType.Tuple)) {
      throw new CairoCompileException(f.returns().location(), "Only tuple types are currently supported for storage variables.");
    }
    if (!(f.returns() instanceof CairoType.Tuple t) || t.members().size() != 1) {
      throw new CairoCompileException(f.returns() != null ? f.returns().location() : f.nameLocation(), "Storage variables must return exactly one value.");
    }
    return t.members().get(0).type();
  }

  private static Element storageVarNamespace(Code.Function f, String addrBody, String readBody, String writeBody, boolean impl) {
    CairoType valueType = storageVarType(f);
    String args = formatArgs(f.args());
    String writeArgs = args.isEmpty() ? "value: " + valueType.format() : args + ", value: " + valueType.format();
    String code = "namespace " + f.name() + " {\n"
        + "    from starkware.starknet.common.storage import normalize_address\n"
        + "    from starkware.starknet.common.syscalls import storage_read, storage_write\n"
        + "    from starkware.cairo.common.cairo_builtins import HashBuiltin\n"
        + "    from starkware.cairo.common.hash import hash2\n\n"
        + "    func addr{pedersen_ptr: HashBuiltin*, range_check_ptr}(" + args + ") -> (res: felt) {\n" + addrBody + "    }\n\n"
        + "    func read{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}(" + args + ") -> " + f.returns().format() + " {\n" + readBody + "    }\n\n"
        + "    func write{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}(" + writeArgs + ") {\n" + writeBody + "    }\n"
        + "}\n";
    String file = "autogen/starknet/storage_var/" + f.name() + "/" + (impl ? "impl" : "decl") + ".cairo";
    return parseFile(file, code).get(0);
  }

  private Element storageVarImpl(StorageVar sv, ExtensionContext ctx) {
    Code.Function f = sv.elm();
    verifyEmptyBody(f, "Storage variables must have an empty body.");
    verifyNoImplicitArgs(f, "Storage variables");
    verifyDecorators(f.decorators(), "storage_var", "a storage variable");
    List<Integer> argSizes = new ArrayList<>();
    for (Code.TypedIdentifier a : f.args()) {
      if (FORBIDDEN_STORAGE_ARGS.contains(a.name())) {
        throw new CairoCompileException(a.nameLocation(), "'" + a.name() + "' cannot be used as a storage variable argument name.");
      }
      CairoType t = ctx.resolveType(a.typeOrFelt(), sv.scopes());
      Integer size = feltsOnlySize(t, ctx);
      if (size == null) {
        throw new CairoCompileException(a.typeOrFelt().location(), "Arguments of storage variables must be a felts-only type (cannot contain pointers).");
      }
      argSizes.add(size);
    }
    CairoType unresolved = storageVarType(f);
    CairoType ret = ctx.resolveType(unresolved, sv.scopes());
    Location retLoc = f.returns() != null ? f.returns().location() : f.nameLocation();
    if (feltsOnlySize(ret, ctx) == null) {
      throw new CairoCompileException(retLoc, "The return type of storage variables must be a felts-only type (cannot contain pointers).");
    }
    int size = ctx.size(ret);
    if (size > MAX_STORAGE_ITEM_SIZE) {
      throw new CairoCompileException(retLoc, "The storage variable size (" + size + ") exceeds the maximum value (" + MAX_STORAGE_ITEM_SIZE + ").");
    }
    BigInteger base = selector(f.name()).mod(ADDR_BOUND);
    StringBuilder addr = new StringBuilder("let res = " + base + ";\n");
    for (int k = 0; k < f.args().size(); k++) {
      for (int i = 0; i < argSizes.get(k); i++) {
        addr.append("let (res) = hash2{hash_ptr=pedersen_ptr}(res, cast(&").append(f.args().get(k).name()).append(", felt*)[").append(i).append("]);\n");
      }
    }
    if (!f.args().isEmpty()) addr.append("let (res) = normalize_address(addr=res);\n");
    addr.append("return (res=res);\n");
    StringBuilder names = new StringBuilder();
    for (Code.TypedIdentifier a : f.args()) names.append(names.isEmpty() ? "" : ", ").append(a.name());
    StringBuilder read = new StringBuilder("let (storage_addr) = addr(" + names + ");\n");
    for (int i = 0; i < size; i++) read.append("let (__storage_var_temp").append(i).append(") = storage_read(address=storage_addr + ").append(i).append(");\n");
    read.append("\ntempvar syscall_ptr = syscall_ptr;\ntempvar pedersen_ptr = pedersen_ptr;\ntempvar range_check_ptr = range_check_ptr;\n");
    for (int i = 0; i < size; i++) read.append("tempvar __storage_var_temp").append(i).append(": felt = __storage_var_temp").append(i).append(";\n");
    read.append("return ([cast(&__storage_var_temp0, ").append(new CairoType.Pointer(unresolved, null).format()).append(")],);\n");
    StringBuilder write = new StringBuilder("let (storage_addr) = addr(" + names + ");\n");
    for (int i = 0; i < size; i++) write.append("storage_write(address=storage_addr + ").append(i).append(", value=[cast(&value, felt) + ").append(i).append("]);\n");
    write.append("return ();\n");
    return storageVarNamespace(f, addr.toString(), read.toString(), write.toString(), true);
  }

  /** cairo-lang check_felts_only_type: the size if the type holds only felts, else null. */
  static Integer feltsOnlySize(CairoType t, ExtensionContext ctx) {
    return switch (t) {
      case CairoType.Felt f -> 1;
      case CairoType.Struct s -> {
        int size = 0;
        for (CairoType m : ctx.structMembers(s.name(), s.location()).values()) {
          Integer r = feltsOnlySize(m, ctx);
          if (r == null) yield null;
          size += r;
        }
        yield size;
      }
      case CairoType.Tuple tu -> {
        int size = 0;
        for (CairoType.TupleMember m : tu.members()) {
          Integer r = feltsOnlySize(m.type(), ctx);
          if (r == null) yield null;
          size += r;
        }
        yield size;
      }
      default -> null;
    };
  }

  // ---------------------------------------------------------------- events

  private Element eventNamespace(Code.Function f, List<Element> emitBody) {
    String name = f.name();
    String code = "namespace " + name + " {\n"
        + "    from starkware.cairo.common.alloc import alloc\n"
        + "    from starkware.cairo.common.memcpy import memcpy\n"
        + "    from starkware.starknet.common.syscalls import emit_event\n\n"
        + "    const SELECTOR = " + selector(name) + ";\n"
        + "    func emit{syscall_ptr: felt*, range_check_ptr}(" + formatArgs(f.args()) + ") {\n    }\n"
        + "}\n";
    Code.Namespace ns = (Code.Namespace) parse("autogen/starknet/event/" + name, code, f.nameLocation(), "While handling event:").get(0);
    return withLastFunctionBody(ns, emitBody);
  }

  private static Code.Namespace withLastFunctionBody(Code.Namespace ns, List<Element> body) {
    List<Element> els = new ArrayList<>(ns.body());
    Code.Function fn = (Code.Function) els.get(els.size() - 1);
    els.set(els.size() - 1, new Code.Function(fn.decorators(), fn.name(), fn.nameLocation(), fn.implicitArgs(), fn.args(), fn.returns(), body, fn.location()));
    return new Code.Namespace(ns.decorators(), ns.name(), ns.nameLocation(), els, ns.location());
  }

  private Element eventImpl(Event ev, ExtensionContext ctx) {
    String path = "autogen/starknet/event/" + ev.elm().name();
    Location at = ev.elm().nameLocation();
    String why = "While handling event:";
    List<Element> body = new ArrayList<>(parse(path,
        "alloc_locals;\n"
            + "let (local __keys_ptr: felt*) = alloc();\n"
            + "assert [__keys_ptr] = SELECTOR;\n"
            + "let (local __data_ptr: felt*) = alloc();\n"
            + "let __calldata_ptr = __data_ptr;\n", at, why));
    String emitScope = ev.scopes().get(ev.scopes().size() - 1) + "." + ev.elm().name();
    body.addAll(encodeCalldataArguments(ev.elm().args(), append(append(ev.scopes(), emitScope), emitScope + ".emit"), ctx));
    body.addAll(parse(path,
        "emit_event(keys_len=1, keys=__keys_ptr, data_len=__calldata_ptr - __data_ptr, data=__data_ptr);\nreturn ();\n", at, why));
    return eventNamespace(ev.elm(), body);
  }

  private List<Element> encodeCalldataArguments(List<Code.TypedIdentifier> args, List<String> scopes, ExtensionContext ctx) {
    List<DataCoder.Arg> infos = new ArrayList<>();
    for (Code.TypedIdentifier a : args) infos.add(new DataCoder.Arg(a.name(), ctx.resolveType(a.typeOrFelt(), scopes), a.nameLocation()));
    DataCoder enc = DataCoder.encoder(DataCoder.Kind.CALLDATA, true, ctx, DataCoder.Arg::name);
    enc.run(infos);
    return enc.elements;
  }

  // ---------------------------------------------------------------- contract interfaces

  private Element interfaceNamespace(Code.Namespace n, ExtensionContext ctx, List<String> scopes) {
    verifyDecorators(n.decorators(), "contract_interface", "a contract interface");
    String name = n.name();
    String code = "namespace " + name + " {\n"
        + "    from starkware.cairo.common.alloc import alloc\n"
        + "    from starkware.cairo.common.memcpy import memcpy\n"
        + "    from starkware.starknet.common.syscalls import call_contract, library_call\n"
        + "}\n";
    Code.Namespace ns = (Code.Namespace) parse("autogen/starknet/contract_interface/" + name, code, n.nameLocation(), "While handling contract interface:").get(0);
    List<Element> els = new ArrayList<>(ns.body());
    String nsName = scopes.get(scopes.size() - 1) + "." + name;
    for (Element e : n.body()) {
      if (!(e instanceof Code.Function f)) {
        throw new CairoCompileException(e.location(), "Only functions are supported within a contract interface.");
      }
      if (!f.decorators().isEmpty()) {
        throw new CairoCompileException(f.decorators().get(0).location(), "Unexpected decorator for a contract interface function.");
      }
      verifyEmptyBody(f, "Contract interface functions must have an empty body.");
      verifyNoImplicitArgs(f, "Contract interface functions");
      String path = "autogen/starknet/contract_interface/" + name + "/" + f.name();
      Location at = f.nameLocation();
      String why = "While handling contract interface function:";
      els.addAll(parse(path, "const " + f.name().toUpperCase(Locale.ROOT) + "_SELECTOR = " + selector(f.name()) + ";\n", at, why));
      for (boolean library : new boolean[] {false, true}) {
        String fname = (library ? "library_call_" : "") + f.name();
        String argName = library ? "class_hash" : "contract_address";
        String args = argName + ": felt" + (f.args().isEmpty() ? "" : ", " + formatArgs(f.args()));
        String returns = f.returns() == null ? "" : " -> " + f.returns().format();
        Code.Function skeleton = (Code.Function) parse(path, "func " + fname + "{syscall_ptr: felt*, range_check_ptr}(" + args + ")" + returns + " {\n}\n", at, why).get(0);
        List<Element> body = ctx == null ? List.of() : interfaceFunctionBody(f, library, path, append(append(scopes, nsName), nsName + "." + fname), ctx);
        els.add(new Code.Function(skeleton.decorators(), skeleton.name(), skeleton.nameLocation(), skeleton.implicitArgs(), skeleton.args(), skeleton.returns(), body, skeleton.location()));
      }
    }
    return new Code.Namespace(List.of(), ns.name(), ns.nameLocation(), els, ns.location());
  }

  private List<Element> interfaceFunctionBody(Code.Function f, boolean library, String path, List<String> scopes, ExtensionContext ctx) {
    Location at = f.nameLocation();
    String why = "While handling contract interface function:";
    List<Element> out = new ArrayList<>(parse(path,
        "\nalloc_locals;\nlet (local calldata_ptr_start: felt*) = alloc();\nlet __calldata_ptr = calldata_ptr_start;\n", at, why));
    out.addAll(encodeCalldataArguments(f.args(), scopes, ctx));
    String argName = library ? "class_hash" : "contract_address";
    out.addAll(parse(path, "\nlet (retdata_size, retdata) = " + (library ? "library_call" : "call_contract") + "(\n"
        + "    " + argName + "=" + argName + ",\n"
        + "    function_selector=" + f.name().toUpperCase(Locale.ROOT) + "_SELECTOR,\n"
        + "    calldata_size=__calldata_ptr - calldata_ptr_start,\n"
        + "    calldata=calldata_ptr_start);\n", at, why));
    String returnStr = "";
    if (f.returns() != null) {
      CairoType ret = ctx.resolveType(f.returns(), scopes);
      if (!(ret instanceof CairoType.Tuple tuple)) {
        throw new CairoCompileException(ret.location(), "Only tuple types are supported as the return type of external functions.");
      }
      List<DataCoder.Arg> rets = new ArrayList<>();
      for (CairoType.TupleMember m : tuple.members()) {
        if (m.name() == null) throw new CairoCompileException(m.location(), "A return value in an interface must be named.");
        rets.add(new DataCoder.Arg(m.name(), m.type(), m.location()));
      }
      DataCoder dec = DataCoder.decoder(DataCoder.Kind.RETURN, "retdata", "retdata_size", true, ctx, at);
      dec.run(rets);
      returnStr = dec.argList();
      out.addAll(dec.elements);
    }
    out.addAll(parse(path, "\nreturn (" + returnStr + ");\n", at, why));
    return out;
  }

  // ================================================================ implementations and wrappers

  @Override
  public void expandImplementations(ExtensionContext ctx) {
    List<Code.Module> modules = ctx.modules();
    for (int i = 0; i < modules.size(); i++) {
      Code.Module m = modules.get(i);
      modules.set(i, new Code.Module(m.name(), m.file(), implBlock(m.elements(), ctx)));
    }
    // Builtins: the %builtins directive, or those the entry points use (range_check always).
    boolean directive = false;
    Set<String> collected = new HashSet<>(Set.of("range_check"));
    Set<String> directlyImported = new HashSet<>();
    Code.Module main = null;
    for (Code.Module m : modules) if (m.name().equals(MAIN)) main = m;
    for (Element e : main.elements()) {
      if (e instanceof Code.Builtins b) {
        directive = true;
        if (!isSubsequence(b.builtins(), SUPPORTED_BUILTINS)) {
          throw new CairoCompileException(b.location(), pyList(b.builtins()) + " is not a subsequence of " + pyList(SUPPORTED_BUILTINS) + ".");
        }
      }
      if (e instanceof Code.Import imp) for (Code.AliasedIdentifier a : imp.names()) directlyImported.add(imp.module() + "#" + a.name());
    }
    List<EntryPoint> eps = new ArrayList<>();
    Code.Function constructor = null;
    for (Code.Module m : modules) {
      String lang = langOf(m);
      for (Element e : allFunctions(m.elements(), new ArrayList<>())) {
        if (!(e instanceof Code.Function f)) continue;
        if (f.name().equals("__default__") || f.name().equals("__l1_default__")) validateDefaultEntryPoint(f);
        Expr.Identifier dec = entryDecorator(f);
        if (dec == null) continue;
        boolean rawInput = hasDecorator(f.decorators(), "raw_input") != null;
        boolean rawOutput = hasDecorator(f.decorators(), "raw_output") != null;
        if (rawInput) validateRawInput(f);
        if (rawOutput) validateRawOutput(f);
        if (!LANG.equals(lang)) {
          throw new CairoCompileException(dec.location(), "External decorators can only be used in source files that contain the \"%lang starknet\" directive.");
        }
        if (dec.name().equals("l1_handler")) {
          if (!rawInput) {
            if (f.args().isEmpty() || !f.args().get(0).name().equals("from_address")) {
              throw new CairoCompileException(f.args().isEmpty() ? f.nameLocation() : f.args().get(0).location(), "The first argument of an L1 handler must be named 'from_address'.");
            }
            if (!(f.args().get(0).typeOrFelt() instanceof CairoType.Felt)) {
              throw new CairoCompileException(f.args().get(0).typeOrFelt().location(), "The type of 'from_address' must be felt.");
            }
          }
          if (f.returns() != null) throw new CairoCompileException(f.returns().location(), "An L1 handler can not have a return value.");
        } else if (dec.name().equals("constructor")) {
          if (constructor != null) throw new CairoCompileException(f.nameLocation(), "Multiple constructors definitions are not supported.");
          constructor = f;
          if (!f.name().equals("constructor")) throw new CairoCompileException(f.nameLocation(), "The constructor name must be 'constructor'.");
          if (f.returns() != null) throw new CairoCompileException(f.returns().location(), "A constructor can not have a return value.");
        }
        if (f.implicitArgs() != null) {
          for (Code.TypedIdentifier t : f.implicitArgs()) {
            if (t.name().equals("syscall_ptr")) continue;
            String builtin = t.name().endsWith("_ptr") ? t.name().substring(0, t.name().length() - 4) : null;
            boolean allowed = builtin != null && SUPPORTED_BUILTINS.contains(builtin) && (!directive || ctx.builtins().contains(builtin));
            if (!allowed) throw new CairoCompileException(t.nameLocation(), "Unexpected implicit argument '" + t.name() + "' in an external function.");
            collected.add(builtin);
          }
        }
      }
    }
    if (!directive) {
      ctx.builtins().clear();
      for (String b : SUPPORTED_BUILTINS) if (collected.contains(b)) ctx.builtins().add(b);
    }
    // The wrappers, placed right after each entry point of the main module (or one it imports by name).
    Map<String, Integer> osContext = new LinkedHashMap<>();
    osContext.put("syscall_ptr", 0);
    for (String b : ctx.builtins()) osContext.putIfAbsent(b + "_ptr", osContext.size());
    for (int i = 0; i < modules.size(); i++) {
      Code.Module m = modules.get(i);
      List<Element> els = new ArrayList<>();
      for (Element e : stripNested(m.elements(), true)) {
        if (e instanceof Code.Function f && entryDecorator(f) != null) {
          boolean inMain = m.name().equals(MAIN);
          if (!inMain && !directlyImported.contains(m.name() + "#" + f.name())) {
            els.add(new Code.Function(nonEntryDecorators(f), f.name(), f.nameLocation(), f.implicitArgs(), f.args(), f.returns(), f.body(), f.location()));
            continue;
          }
          List<Element> wrappers = new ExternalWrapper(ctx, osContext, m.name(), f).build();
          els.add(new Code.Scoped(m.name(), List.of(f, new Code.Scoped(WRAPPERS, wrappers, f.location())), f.location()));
          abiFunctions.put(f, m.name());
        } else els.add(e);
      }
      modules.set(i, new Code.Module(m.name(), m.file(), els));
    }
  }

  /** Every function, also those in namespaces (cairo-lang validates them all). */
  private static List<Element> allFunctions(List<Element> els, List<Element> out) {
    for (Element e : els) {
      if (e instanceof Code.Function) out.add(e);
      else if (e instanceof Code.Namespace n) allFunctions(n.body(), out);
    }
    return out;
  }

  /**
   * Functions in namespaces are not entry points: like cairo-lang, their entry-point decorators
   * are dropped (they get no wrapper and no ABI entry).
   */
  private static List<Element> stripNested(List<Element> els, boolean top) {
    List<Element> out = new ArrayList<>(els.size());
    for (Element e : els) {
      if (e instanceof Code.Namespace n) {
        List<Element> body = stripNested(n.body(), false);
        // Keep unchanged namespaces as they are: events are recognised by identity.
        out.add(body.equals(n.body()) ? n : new Code.Namespace(n.decorators(), n.name(), n.nameLocation(), body, n.location()));
      } else if (!top && e instanceof Code.Function f && entryDecorator(f) != null) {
        out.add(new Code.Function(nonEntryDecorators(f), f.name(), f.nameLocation(), f.implicitArgs(), f.args(), f.returns(), f.body(), f.location()));
      } else out.add(e);
    }
    return out;
  }

  private static List<Expr.Identifier> nonEntryDecorators(Code.Function f) {
    List<Expr.Identifier> others = new ArrayList<>();
    for (Expr.Identifier d : f.decorators()) {
      if (!ENTRY_POINT_DECORATORS.contains(d.name()) && !d.name().equals("raw_input") && !d.name().equals("raw_output")) others.add(d);
    }
    return others;
  }

  /** Entry points whose ABI entry is added after preprocessing, with their module. */
  private final Map<Code.Function, String> abiFunctions = new IdentityHashMap<>();

  static String pyList(List<String> l) {
    StringBuilder sb = new StringBuilder("[");
    for (String s : l) sb.append(sb.length() > 1 ? ", " : "").append('\'').append(s).append('\'');
    return sb.append(']').toString();
  }

  private static boolean isSubsequence(List<String> sub, List<String> of) {
    int j = 0;
    for (String s : sub) {
      while (j < of.size() && !of.get(j).equals(s)) j++;
      if (j == of.size()) return false;
      j++;
    }
    return true;
  }

  static Expr.Identifier entryDecorator(Code.Function f) {
    for (Expr.Identifier d : f.decorators()) if (ENTRY_POINT_DECORATORS.contains(d.name())) return d;
    return null;
  }

  private static void validateDefaultEntryPoint(Code.Function f) {
    String expected = f.name().equals("__default__") ? "external" : "l1_handler";
    if (f.decorators().isEmpty()) {
      throw new CairoCompileException(f.nameLocation(), "The " + f.name() + " entry point needs to be decorated with '@" + expected + "'.");
    }
    for (Expr.Identifier d : f.decorators()) {
      if (!d.name().equals(expected) && !d.name().equals("raw_input") && !d.name().equals("raw_output")) {
        throw new CairoCompileException(d.location(), "The " + f.name() + " entry point may only be decorated with '@" + expected + "'.");
      }
    }
  }

  private static void validateRawInput(Code.Function f) {
    List<Code.TypedIdentifier> a = f.args();
    boolean ok = a.size() == 3
        && a.get(0).name().equals("selector") && a.get(0).typeOrFelt() instanceof CairoType.Felt
        && a.get(1).name().equals("calldata_size") && a.get(1).typeOrFelt() instanceof CairoType.Felt
        && a.get(2).name().equals("calldata") && a.get(2).typeOrFelt().format().equals("felt*");
    if (!ok) {
      Location l = a.isEmpty() ? f.nameLocation() : a.get(0).location().to(a.get(a.size() - 1).location());
      throw new CairoCompileException(l, "@raw_input requires the following arguments:\n(selector: felt, calldata_size: felt, calldata: felt*).");
    }
  }

  private static void validateRawOutput(Code.Function f) {
    boolean ok = f.returns() instanceof CairoType.Tuple t && t.members().size() == 2
        && "retdata_size".equals(t.members().get(0).name()) && t.members().get(0).type().format().equals("felt")
        && "retdata".equals(t.members().get(1).name()) && t.members().get(1).type().format().equals("felt*");
    if (!ok) {
      throw new CairoCompileException(f.returns() == null ? f.nameLocation() : f.returns().location(),
          "@raw_output requires the following return values:\n(retdata_size: felt, retdata: felt*).");
    }
  }

  private List<Element> implBlock(List<Element> els, ExtensionContext ctx) {
    List<Element> out = new ArrayList<>(els.size());
    for (Element e : els) {
      Object d = declared.get(e);
      switch (d) {
        case StorageVar sv -> out.add(storageVarImpl(sv, ctx));
        case Event ev -> {
          Element ns = eventImpl(ev, ctx);
          events.put(ns, ev);
          out.add(ns);
        }
        case Interface in -> out.add(interfaceNamespace(in.elm(), ctx, in.scopes()));
        case null -> {
          if (e instanceof Code.Namespace n) {
            out.add(new Code.Namespace(n.decorators(), n.name(), n.nameLocation(), implBlock(n.body(), ctx), n.location()));
          } else out.add(e);
        }
        default -> out.add(e);
      }
    }
    return out;
  }

  /** Event namespaces after expansion, for the ABI. */
  private final Map<Element, Event> events = new IdentityHashMap<>();

  // ================================================================ ABI

  private HintWhitelist whitelist;

  /** Checks every hint against the whitelist (starknet-compile's default), or none when null. */
  StarknetContracts withHintWhitelist(HintWhitelist whitelist) {
    this.whitelist = whitelist;
    return this;
  }

  @Override
  public void afterPreprocessing(ExtensionContext ctx) {
    if (whitelist != null) whitelist.verify(ctx);
    // cairo-lang adds ABI entries as the preprocessor leaves each function: modules in order,
    // elements in order, an event when its namespace is left.
    for (Code.Module m : ctx.modules()) abiBlock(m.elements(), List.of(m.name()), ctx);
  }

  private void abiBlock(List<Element> els, List<String> scopes, ExtensionContext ctx) {
    String scope = scopes.get(scopes.size() - 1);
    for (Element e : els) {
      switch (e) {
        case Code.Scoped sc -> abiBlock(sc.body(), append(scopes, sc.scope()), ctx);
        case Code.Function f -> {
          String module = abiFunctions.get(f);
          if (module == null || scope.equals(WRAPPERS)) continue;
          Expr.Identifier dec = entryDecorator(f);
          String fn = scope + "." + f.name();
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("inputs", abiArguments(fn + ".Args", f.nameLocation(), ctx));
          entry.put("name", f.name());
          entry.put("outputs", abiReturns(fn, f.nameLocation(), ctx));
          if (dec.name().equals("view")) entry.put("stateMutability", "view");
          entry.put("type", switch (dec.name()) {
            case "l1_handler" -> "l1_handler";
            case "constructor" -> "constructor";
            default -> "function";
          });
          abi.add(entry);
        }
        case Code.Namespace n -> {
          String name = scope + "." + n.name();
          abiBlock(n.body(), append(scopes, name), ctx);
          Event ev = events.get(n);
          if (ev != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("data", abiArguments(name + ".emit.Args", ev.elm().nameLocation(), ctx));
            entry.put("keys", List.of());
            entry.put("name", n.name());
            entry.put("type", "event");
            abi.add(entry);
          }
        }
        default -> {}
      }
    }
  }

  private List<Map<String, Object>> abiArguments(String struct, Location loc, ExtensionContext ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var m : ctx.structMembers(struct, loc).entrySet()) out.add(abiMember(m.getKey(), m.getValue(), ctx));
    return out;
  }

  private List<Map<String, Object>> abiReturns(String fn, Location loc, ExtensionContext ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    CairoType t = ctx.returnType(fn, loc);
    if (t instanceof CairoType.Tuple tu) {
      for (CairoType.TupleMember m : tu.members()) {
        if (m.name() == null) throw new CairoCompileException(m.location(), "Missing name for a member of " + fn + ".Return.");
        out.add(abiMember(m.name(), m.type(), ctx));
      }
    } else if (t instanceof CairoType.Struct s) {
      for (var m : ctx.structMembers(s.name(), loc).entrySet()) out.add(abiMember(m.getKey(), m.getValue(), ctx));
    }
    return out;
  }

  private Map<String, Object> abiMember(String name, CairoType type, ExtensionContext ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    List<String> structs = new ArrayList<>();
    m.put("type", abiType(type, structs));
    for (String s : structs) addAbiStruct(s, ctx);
    return m;
  }

  /** cairo-lang prepare_type_for_abi: struct names shortened to their last component. */
  static String abiType(CairoType t, List<String> structs) {
    return switch (t) {
      case CairoType.Tuple tu -> {
        List<CairoType.TupleMember> ms = new ArrayList<>();
        for (CairoType.TupleMember m : tu.members()) ms.add(new CairoType.TupleMember(m.name(), new CairoType.Struct(abiType(m.type(), structs), true, null), m.location()));
        yield new CairoType.Tuple(ms, tu.trailingComma(), tu.location()).format();
      }
      case CairoType.Struct s -> {
        if (!structs.contains(s.name())) structs.add(s.name());
        yield s.name().substring(s.name().lastIndexOf('.') + 1);
      }
      case CairoType.Pointer p -> abiType(p.pointee(), structs) + "*";
      case CairoType.Felt f -> "felt";
      default -> throw new CairoCompileException(t.location(), "Unexpected type: " + t.format() + ".");
    };
  }

  private void addAbiStruct(String fullName, ExtensionContext ctx) {
    String shortName = fullName.substring(fullName.lastIndexOf('.') + 1);
    if (abiStructs.containsKey(shortName)) {
      String existing = abiStructFullNames.get(shortName);
      if (!existing.equals(fullName)) {
        throw new CairoCompileException(List.of("Found two external structs named " + shortName + ": " + existing + ", " + fullName + "."));
      }
      return;
    }
    List<Map<String, Object>> members = new ArrayList<>();
    List<String> inner = new ArrayList<>();
    int offset = 0;
    for (var e : ctx.structMembers(fullName, null).entrySet()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.getKey());
      m.put("offset", offset);
      m.put("type", abiType(e.getValue(), inner));
      members.add(m);
      offset += ctx.size(e.getValue());
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("members", members);
    entry.put("name", shortName);
    entry.put("size", offset);
    entry.put("type", "struct");
    abiStructFullNames.put(shortName, fullName);
    abiStructs.put(shortName, entry);
    for (String s : inner) addAbiStruct(s, ctx);
  }

  /** The ABI: structs first, then functions and events in the order cairo-lang emits them. */
  public List<Map<String, Object>> abi() {
    List<Map<String, Object>> out = new ArrayList<>(abiStructs.values());
    out.addAll(abi);
    return out;
  }
}
