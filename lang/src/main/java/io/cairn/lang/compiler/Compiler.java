package io.cairn.lang.compiler;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Code.Element;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.Location;
import io.cairn.lang.ast.SourceFile;
import io.cairn.lang.compiler.Defs.*;
import io.cairn.lang.compiler.Flow.ApTracking;
import io.cairn.lang.compiler.Flow.Change;
import io.cairn.lang.parser.Parser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The Cairo 0 compiler: collects modules and identifiers, then preprocesses code elements into
 * instructions the way cairo-lang's preprocessor does, so that the bytecode is identical.
 */
public final class Compiler {
  /** Options of {@code cairn compile}. */
  public record Options(List<Path> cairoPath, boolean proofMode, boolean debugInfo) {}

  static final String MAIN = "__main__";

  private final Options options;
  final Map<String, Def> ids = new LinkedHashMap<>();
  final List<Code.Module> modules = new ArrayList<>();
  final List<Defs.Reference> refManager = new ArrayList<>();
  final List<Emitted> instructions = new ArrayList<>();
  final List<Attribute> attributes = new ArrayList<>();
  final List<String> builtins = new ArrayList<>();
  final Map<String, SourceFile> files = new LinkedHashMap<>();
  private final Flow flow = new Flow(this);
  private int pc;
  private List<String> scopes = new ArrayList<>();
  private final Map<String, FunctionMeta> functionMeta = new HashMap<>();
  private int nextTempId;
  private final List<HintAt> nextHints = new ArrayList<>();
  private Set<String> functionsToCompile;
  private final Set<String> removedPrefixes = new HashSet<>();
  private Element currentElement;
  private boolean directivesAllowed = true;
  private final Simplifier simplifier = new Simplifier(true);
  /** Errors of functions that failed to compile; the others are still compiled so all are reported. */
  private final List<String> errors = new ArrayList<>();

  /** One emitted instruction with what debug_info and hints need. */
  record Emitted(Code.Body body, boolean incAp, Location location, List<String> scopes, List<HintAt> hints, Flow.Data flow) {}

  record HintAt(Code.Hint hint, Flow.Data flow, List<String> scopes) {}

  record Attribute(String name, String value, int startPc, int endPc, List<String> scopes, Flow.Data flow) {}

  private static final class FunctionMeta {
    final ApTracking initial;
    Change total = Change.UNCONSTRAINED_CHANGE;
    boolean completed;

    FunctionMeta(ApTracking initial) {
      this.initial = initial;
    }
  }

  public Compiler(Options options) {
    this.options = options;
  }

  private CompilerExtension extension;

  /** Compiles a dialect (Starknet contracts) through the given hooks. */
  public Compiler withExtension(CompilerExtension extension) {
    this.extension = extension;
    return this;
  }

  Set<String> scopesToCompile() {
    Set<String> out = new LinkedHashSet<>();
    out.add(MAIN);
    if (extension != null) out.addAll(extension.additionalScopesToCompile());
    return out;
  }

  void putAlias(String name, String destination) {
    putId(name, new AliasDef(destination));
  }

  void collectGenerated(String scope, List<Element> els, List<String> accessible) {
    collectBlock(scope, els, accessible, false);
  }

  // ================================================================ entry point

  /** Compiles the main file and returns the program. */
  public CompiledProgram compile(String mainFileName, String mainSource) {
    List<Code.Module> ordered = new ArrayList<>();
    if (options.proofMode()) {
      String start = "__start__:\nap += main.Args.SIZE + main.ImplicitArgs.SIZE;\ncall main;\n\n__end__:\njmp rel 0;\n";
      SourceFile sf = new SourceFile("<start>", start);
      files.put("<start>", sf);
      ordered.add(Parser.parseFile(MAIN, sf));
    }
    // Like cairo-lang's ModuleCollector: start code, then the additional registers module (with
    // its imports), then the main file's imports and the main file.
    Map<String, Code.Module> collected = new LinkedHashMap<>();
    String registers = "starkware.cairo.lang.compiler.lib.registers";
    // A dialect names its own additional modules (Starknet's list has the registers module fifth).
    Code.Module reg = extension != null ? null : loadModule(registers, null, true);
    if (reg != null) collect(registers, reg, collected, new ArrayList<>());
    if (extension != null) {
      for (String name : extension.additionalModules()) {
        if (collected.containsKey(name)) continue;
        collect(name, loadModule(name, null, false), collected, new ArrayList<>());
      }
    }
    SourceFile main = new SourceFile(mainFileName, mainSource);
    files.put(mainFileName, main);
    collect(MAIN, Parser.parseFile(MAIN, main), collected, new ArrayList<>());
    ordered.addAll(collected.values());
    modules.addAll(ordered);
    ExtensionContext context = extension == null ? null : new ExtensionContext(this);
    if (extension != null) modules.replaceAll(extension::expandDeclarations);
    for (Code.Module m : modules) collectIdentifiers(m);
    if (extension != null) extension.expandImplementations(context);
    functionsToCompile = new DependencyGraph(this).functionsToCompile();
    for (Code.Module m : modules) visitModule(m);
    if (!errors.isEmpty()) throw new CairoCompileException(errors);
    if (extension != null) extension.afterPreprocessing(context);
    resolveLabels();
    for (String prefix : removedPrefixes) {
      ids.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "."));
    }
    return new CompiledProgram(this, options.debugInfo());
  }

  private void collect(String name, Code.Module m, Map<String, Code.Module> out, List<String> ancestors) {
    if (ancestors.contains(name)) {
      throw new CairoCompileException(List.of("Found circular imports dependency:\n" + String.join(" imports\n", ancestors) + " imports\n" + name));
    }
    if (out.containsKey(name)) return;
    ancestors.add(name);
    for (Code.Import imp : imports(m.elements())) {
      if (out.containsKey(imp.module())) continue;
      Code.Module dep = loadModule(imp.module(), imp.moduleLocation(), false);
      collect(imp.module(), dep, out, ancestors);
    }
    ancestors.remove(ancestors.size() - 1);
    out.put(name, m);
  }

  private static List<Code.Import> imports(List<Element> els) {
    List<Code.Import> out = new ArrayList<>();
    for (Element e : els) {
      if (e instanceof Code.Import i) out.add(i);
      else if (e instanceof Code.Function f) out.addAll(imports(f.body()));
      else if (e instanceof Code.Namespace n) out.addAll(imports(n.body()));
      else if (e instanceof Code.Scoped sc) out.addAll(imports(sc.body()));
    }
    return out;
  }

  private Code.Module loadModule(String module, Location loc, boolean optional) {
    String rel = module.replace('.', '/') + ".cairo";
    for (Path dir : options.cairoPath()) {
      Path p = dir.resolve(rel);
      if (Files.isRegularFile(p)) {
        try {
          String text = Files.readString(p);
          SourceFile sf = new SourceFile(p.toString(), text);
          files.put(p.toString(), sf);
          return Parser.parseFile(module, sf);
        } catch (IOException e) {
          throw new CairoCompileException(loc, "Could not load module '" + module + "'.\nError: " + e.getMessage());
        }
      }
    }
    // Modules Cairn ships (written by us), used when the cairo path does not provide them.
    try (var in = Compiler.class.getResourceAsStream("/io/cairn/lang/lib/" + rel)) {
      if (in != null) {
        String name = "<cairn>/" + rel;
        SourceFile sf = new SourceFile(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        files.put(name, sf);
        return Parser.parseFile(module, sf);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (optional) return null;
    throw new CairoCompileException(loc, "Could not find module '" + module + "'. Searched in the following paths:\n"
        + String.join("\n", options.cairoPath().stream().map(d -> d.resolve(rel).toString()).toList()));
  }

  // ================================================================ identifier collection

  /** Names added to {@link #ids}, in order, so a snapshot can undo them cheaply. */
  private final List<String> addedIds = new ArrayList<>();
  /** Labels given a pc, in order, so a snapshot can undo them. */
  private final List<LabelDef> labelsSet = new ArrayList<>();
  /** Every proper prefix of every identifier and module name: the scopes a search may walk through. */
  private final Set<String> scopePrefixes = new HashSet<>();

  private void putId(String name, Def def) {
    if (ids.put(name, def) == null) {
      addedIds.add(name);
      for (int i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) scopePrefixes.add(name.substring(0, i));
    }
  }

  private void setPc(LabelDef l, int value) {
    l.pc = value;
    labelsSet.add(l);
  }

  private void define(String name, Def def, Location loc) {
    Def existing = ids.get(name);
    if (existing != null && !(existing instanceof ReferenceDef)) {
      throw new CairoCompileException(loc, "Redefinition of '" + name + "'.");
    }
    putId(name, def);
  }

  private void collectIdentifiers(Code.Module m) {
    if (!m.name().equals(MAIN) || !ids.containsKey(MAIN)) {
      // Modules are scopes.
    }
    collectBlock(m.name(), m.elements(), List.of(m.name()), false);
  }

  private void collectBlock(String scope, List<Element> els, List<String> accessible, boolean inFunction) {
    for (Element e : els) {
      switch (e) {
        case Code.Function f -> {
          String name = scope + "." + f.name();
          define(name, new LabelDef(true, f.decorators().stream().map(Expr.Identifier::name).toList()), f.nameLocation());
          List<String> acc = append(accessible, name);
          StructDef args = new StructDef(name + ".Args");
          args.pending = f.args();
          args.accessibleScopes = accessible;
          putId(name + ".Args", args);
          StructDef implicit = new StructDef(name + ".ImplicitArgs");
          implicit.pending = f.implicitArgs() == null ? List.of() : f.implicitArgs();
          implicit.accessibleScopes = accessible;
          putId(name + ".ImplicitArgs", implicit);
          TypeDefinition ret = new TypeDefinition();
          ret.pending = f.returns() != null ? f.returns() : new CairoType.Tuple(List.of(), false, f.nameLocation());
          ret.accessibleScopes = accessible;
          putId(name + ".Return", ret);
          collectBlock(name, f.body(), acc, true);
        }
        case Code.Namespace n -> {
          String name = scope + "." + n.name();
          define(name, new NamespaceDef(), n.nameLocation());
          StructDef args = new StructDef(name + ".Args");
          args.pending = List.of();
          args.accessibleScopes = accessible;
          putId(name + ".Args", args);
          StructDef implicit = new StructDef(name + ".ImplicitArgs");
          implicit.pending = List.of();
          implicit.accessibleScopes = accessible;
          putId(name + ".ImplicitArgs", implicit);
          TypeDefinition ret = new TypeDefinition();
          ret.pending = new CairoType.Tuple(List.of(), false, n.nameLocation());
          ret.accessibleScopes = accessible;
          putId(name + ".Return", ret);
          collectBlock(name, n.body(), append(accessible, name), false);
        }
        case Code.Scoped sc -> collectBlock(sc.scope(), sc.body(), append(accessible, sc.scope()), inFunction);
        case Code.Struct s -> {
          String name = scope + "." + s.name();
          StructDef sd = new StructDef(name);
          sd.pending = s.members();
          sd.accessibleScopes = accessible;
          sd.location = s.nameLocation();
          define(name, sd, s.nameLocation());
        }
        case Code.Label l -> {
          if (l.name().name().contains(".")) throw new CairoCompileException(l.location(), "Unexpected '.' in label name.");
          define(scope + "." + l.name().name(), new LabelDef(false, List.of()), l.location());
        }
        case Code.If i -> {
          String[] labels = {"_anon_label" + nextLabelId++, "_anon_label" + nextLabelId++};
          ifLabels.put(i, labels);
          putId(scope + "." + labels[0], new LabelDef(false, List.of()));
          putId(scope + "." + labels[1], new LabelDef(false, List.of()));
          collectBlock(scope, i.main(), accessible, inFunction);
          if (i.orElse() != null) collectBlock(scope, i.orElse(), accessible, inFunction);
        }
        case Code.WithAttr w -> collectBlock(scope, w.body(), accessible, inFunction);
        case Code.With w -> collectBlock(scope, w.body(), accessible, inFunction);
        case Code.TypeDef t -> {
          TypeDefinition td = new TypeDefinition();
          td.pending = t.type();
          td.accessibleScopes = accessible;
          define(scope + "." + t.name(), td, t.nameLocation());
        }
        case Code.Import imp -> {
          for (Code.AliasedIdentifier a : imp.names()) {
            String local = a.alias() != null ? a.alias() : a.name();
            putId(scope + "." + local, new AliasDef(imp.module() + "." + a.name()));
          }
        }
        case Code.Builtins b -> builtins.addAll(b.builtins());
        default -> {}
      }
    }
  }

  private static List<String> append(List<String> l, String s) {
    List<String> out = new ArrayList<>(l);
    out.add(s);
    return out;
  }

  // ================================================================ identifier search

  /** The result of a search: full name, definition and the unresolved suffix (member access). */
  record Found(String name, Def def, List<String> rest) {}

  Found search(List<String> accessible, String name, Location loc) {
    for (int i = accessible.size() - 1; i >= 0; i--) {
      Found f = get(accessible.get(i) + "." + name, loc, 0);
      if (f != null) return f;
    }
    Found f = get(name, loc, 0);
    if (f != null) return f;
    throw new CairoCompileException(loc, "Unknown identifier '" + name + "'.");
  }

  /** Resolves a full name through aliases; returns null when the first component is unknown. */
  Found get(String full, Location loc, int depth) {
    if (depth > 50) throw new CairoCompileException(loc, "Cyclic aliasing detected, starting from '" + full + "'.");
    String[] parts = full.split("\\.");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) prefix.append('.');
      prefix.append(parts[i]);
      Def d = ids.get(prefix.toString());
      if (d instanceof AliasDef a) {
        StringBuilder rest = new StringBuilder(a.destination());
        for (int j = i + 1; j < parts.length; j++) rest.append('.').append(parts[j]);
        Found f = get(rest.toString(), loc, depth + 1);
        if (f == null) throw new CairoCompileException(loc, "Unknown identifier '" + rest + "'.");
        return f;
      }
      if (d != null && !(d instanceof NamespaceDef) && !(d instanceof LabelDef ld && ld.function)) {
        if (d instanceof StructDef && i < parts.length - 1) {
          return new Found(prefix.toString(), d, List.of(parts).subList(i + 1, parts.length));
        }
        if (i < parts.length - 1) {
          return new Found(prefix.toString(), d, List.of(parts).subList(i + 1, parts.length));
        }
        return new Found(prefix.toString(), d, List.of());
      }
      if (d != null && i == parts.length - 1) return new Found(prefix.toString(), d, List.of());
      if (d == null && !isScopePrefix(prefix.toString())) {
        return null;
      }
    }
    return null;
  }

  private boolean isScopePrefix(String prefix) {
    if (scopePrefixes.contains(prefix)) return true;
    for (Code.Module m : modules) if (m.name().equals(prefix) || m.name().startsWith(prefix + ".")) return true;
    return false;
  }

  // ================================================================ types

  CairoType resolveType(CairoType t, List<String> accessible) {
    return switch (t) {
      case CairoType.Felt f -> f;
      case CairoType.CodeOffset c -> c;
      case CairoType.Pointer p -> new CairoType.Pointer(resolveType(p.pointee(), accessible), p.location());
      case CairoType.Tuple tu -> {
        List<CairoType.TupleMember> ms = new ArrayList<>();
        for (CairoType.TupleMember m : tu.members()) ms.add(new CairoType.TupleMember(m.name(), resolveType(m.type(), accessible), m.location()));
        yield new CairoType.Tuple(ms, tu.trailingComma(), tu.location());
      }
      case CairoType.Struct s -> {
        if (s.resolved()) yield s;
        Found f = search(accessible, s.name(), s.location());
        if (!f.rest().isEmpty()) throw new CairoCompileException(s.location(), "Unknown identifier '" + s.name() + "'.");
        if (f.def() instanceof StructDef sd) yield new CairoType.Struct(sd.fullName, true, s.location());
        if (f.def() instanceof TypeDefinition td) yield typeDefType(f.name(), td);
        throw new CairoCompileException(s.location(), "Expected '" + f.name() + "' to be a struct. Found: '" + kind(f.def()) + "'.");
      }
    };
  }

  CairoType typeDefType(String name, TypeDefinition td) {
    if (td.type == null) {
      CairoType pending = td.pending;
      td.pending = null;
      if (pending == null) throw new CairoCompileException(List.of("Circular type definition: " + name));
      td.type = resolveType(pending, td.accessibleScopes);
    }
    return td.type;
  }

  StructDef struct(String fullName, Location loc) {
    Found f = get(fullName, loc, 0);
    if (f == null || !(f.def() instanceof StructDef sd)) throw new CairoCompileException(loc, "Unknown struct '" + fullName + "'.");
    if (sd.size < 0) {
      List<Code.TypedIdentifier> pending = sd.pending;
      if (pending == null) throw new CairoCompileException(loc, "Recursive struct definition of '" + fullName + "'.");
      sd.pending = null;
      int off = 0;
      for (Code.TypedIdentifier m : pending) {
        CairoType mt = resolveType(m.typeOrFelt(), sd.accessibleScopes);
        if (sd.members.containsKey(m.name())) throw new CairoCompileException(m.location(), "Redefinition of '" + fullName + "." + m.name() + "'.");
        sd.members.put(m.name(), new Member(mt, off, m.location()));
        off += size(mt);
      }
      sd.size = off;
    }
    return sd;
  }

  int size(CairoType t) {
    return switch (t) {
      case CairoType.Felt f -> 1;
      case CairoType.CodeOffset c -> 1;
      case CairoType.Pointer p -> 1;
      case CairoType.Tuple tu -> {
        int s = 0;
        for (CairoType.TupleMember m : tu.members()) s += size(m.type());
        yield s;
      }
      case CairoType.Struct s -> struct(s.name(), s.location()).size;
    };
  }

  private static String kind(Def d) {
    return switch (d) {
      case ConstDef c -> "const";
      case LabelDef l -> l.function ? "function" : "label";
      case StructDef s -> "struct";
      case TypeDefinition t -> "type_definition";
      case AliasDef a -> "alias";
      case NamespaceDef n -> "namespace";
      case ScopeDef s -> "scope";
      case ReferenceDef r -> "reference";
    };
  }

  CairoType returnType(String fn, Location loc) {
    Def d = ids.get(fn + ".Return");
    if (d instanceof TypeDefinition td) return typeDefType(fn + ".Return", td);
    throw new CairoCompileException(loc, "Unknown function return type for '" + fn + "'.");
  }

  // ================================================================ preprocessing

  private String currentScope() {
    return scopes.get(scopes.size() - 1);
  }

  private void visitModule(Code.Module m) {
    directivesAllowed = true;
    flow.revoke();
    scopes = new ArrayList<>(List.of(m.name()));
    visitBlock(m.elements());
    scopes = new ArrayList<>();
  }

  private void visitBlock(List<Element> els) {
    Element prev = currentElement;
    for (Element e : els) {
      currentElement = e;
      visit(e);
      if (!(e instanceof Code.Builtins) && !(e instanceof Code.Lang)) directivesAllowed = false;
    }
    currentElement = prev;
    if (!nextHints.isEmpty()) {
      throw new CairoCompileException(nextHints.get(0).hint().location(),
          "Found a hint at the end of a code block. Hints must be followed by an instruction.");
    }
  }

  private void visit(Element e) {
    switch (e) {
      case Code.Function f -> visitFunction(f);
      case Code.Namespace n -> {
        checkNoHints("Hints before functions are not allowed.");
        if (functionMeta.containsKey(currentScope())) throw new CairoCompileException(n.nameLocation(), "Cannot define a namespace inside a function.");
        String name = currentScope() + "." + n.name();
        List<String> saved = scopes;
        scopes = append(scopes, name);
        flow.revoke();
        define(name + ".SIZEOF_LOCALS", new ConstDef(BigInteger.ZERO), n.nameLocation());
        visitBlock(n.body());
        scopes = saved;
      }
      case Code.Scoped sc -> {
        List<String> saved = scopes;
        scopes = append(scopes, sc.scope());
        visitBlock(sc.body());
        scopes = saved;
      }
      case Code.Struct s -> checkNoHints("Hints before functions are not allowed.");
      case Code.Instruction i -> visitInstruction(i.body(), i.incAp(), i.location());
      case Code.Const c -> {
        Expr v = simplifyFelt(c.expr());
        if (!(v instanceof Expr.Const k)) throw new CairoCompileException(c.expr().location(), "Expected a constant expression.");
        define(currentScope() + "." + c.name(), new ConstDef(k.val()), c.nameLocation());
      }
      case Code.Reference r -> visitReference(r);
      case Code.UnpackBinding u -> visitUnpack(u);
      case Code.LocalVar l -> throw new CairoCompileException(l.location(), "Local variables are not supported outside of functions.");
      case Code.TempVar t -> visitTempVar(t);
      case Code.CompoundAssertEq a -> visitCompoundAssert(a);
      case Code.StaticAssert s -> {
        Expr a = simplifyFelt(s.a()), b = simplifyFelt(s.b());
        if (!a.equals(b)) throw new CairoCompileException(s.location(), "Static assert failed: " + a.format() + " != " + b.format() + ".");
      }
      case Code.Return r -> visitReturn(r);
      case Code.TailCall t -> visitTailCall(t);
      case Code.If i -> visitIf(i);
      case Code.FuncCallStmt c -> visitFuncCall(c.call());
      case Code.Label l -> {
        checkNoHints("Hints before labels are not allowed.");
        addLabel(currentScope() + "." + l.name().name());
      }
      case Code.TypeDef t -> checkNoHints("Hints before \"using\" statements are not allowed.");
      case Code.WithAttr w -> {
        int start = pc;
        Flow.Data fd = flow.get();
        List<String> acc = new ArrayList<>(scopes);
        visitBlock(w.body());
        attributes.add(new Attribute(w.name(), w.value() == null ? "" : w.value(), start, pc, acc, fd));
      }
      case Code.With w -> visitWith(w);
      case Code.Hint h -> nextHints.add(new HintAt(h, flow.get(), null));
      case Code.Builtins b -> {
        if (!directivesAllowed) throw new CairoCompileException(b.location(), "Directives must appear at the top of the file.");
      }
      case Code.Lang l -> {
        if (extension == null || !extension.acceptsLang(l.name())) {
          throw new CairoCompileException(l.location(), "Unsupported %lang directive. Are you using the correct compiler?");
        }
      }
      case Code.Import i -> {}
      case Code.AllocLocals a -> {
        FunctionMeta meta = functionMeta.get(currentScope());
        if (meta == null) throw new CairoCompileException(a.location(), "alloc_locals cannot be used outside of a function.");
        if (flow.data == null || !flow.data.ap().equals(meta.initial)) {
          throw new CairoCompileException(a.location(), "alloc_locals must be used before any instruction that changes the ap register.");
        }
      }
    }
  }

  /** References that a call may update implicitly: the function's implicit arguments and 'with' bindings. */
  private Set<String> implicitAllowed = new HashSet<>();

  private void visitWith(Code.With w) {
    Set<String> allowed = new HashSet<>(implicitAllowed);
    for (Code.AliasedIdentifier a : w.identifiers()) {
      if (a.alias() != null) throw new CairoCompileException(a.location(), "The 'as' keyword is not supported in 'with' statements.");
      String full = currentScope() + "." + a.name();
      Def d = ids.get(full);
      if (d == null) throw new CairoCompileException(a.location(), "Unknown reference '" + a.name() + "'.");
      if (!(d instanceof ReferenceDef)) {
        throw new CairoCompileException(a.location(), "Expected '" + a.name() + "' to be a reference, found: " + kind(d) + ".");
      }
      allowed.add(full);
    }
    Set<String> saved = implicitAllowed;
    implicitAllowed = allowed;
    try {
      visitBlock(w.body());
    } finally {
      implicitAllowed = saved;
    }
  }

  private void checkNoHints(String msg) {
    if (!nextHints.isEmpty()) throw new CairoCompileException(nextHints.get(0).hint().location(), msg);
  }

  private void addLabel(String full) {
    flow.convergeWithLabel(full);
    Def d = ids.get(full);
    if (d instanceof LabelDef ld) setPc(ld, pc);
    else putId(full, labelAt(pc));
  }

  private static LabelDef labelAt(int pc) {
    LabelDef l = new LabelDef(false, List.of());
    l.pc = pc;
    return l;
  }

  // ---------------------------------------------------------------- functions

  private void visitFunction(Code.Function f) {
    checkNoHints("Hints before functions are not allowed.");
    for (Expr.Identifier d : f.decorators()) {
      if (!d.name().equals("known_ap_change") && (extension == null || !extension.supportedDecorators().contains(d.name()))) throw new CairoCompileException(d.location(), "Unsupported decorator: '" + d.name() + "'.");
    }
    flow.revoke();
    String name = currentScope() + "." + f.name();
    if (functionMeta.containsKey(currentScope())) throw new CairoCompileException(f.nameLocation(), "Nested functions are not supported.");
    if (functionsToCompile != null && !functionsToCompile.contains(name)) {
      removedPrefixes.add(name);
      return;
    }
    setPc((LabelDef) ids.get(name), pc);
    FunctionMeta meta = new FunctionMeta(flow.ap());
    functionMeta.put(name, meta);
    StructDef args = struct(name + ".Args", f.nameLocation());
    StructDef implicit = struct(name + ".ImplicitArgs", f.nameLocation());
    returnType(name, f.nameLocation());
    for (var m : args.members.entrySet()) {
      addSimpleReference(name + "." + m.getKey(), Expr.Reg.FP, m.getValue().type(), -(2 + args.size) + m.getValue().offset(), m.getValue().location());
    }
    for (var m : implicit.members.entrySet()) {
      addSimpleReference(name + "." + m.getKey(), Expr.Reg.FP, m.getValue().type(), -(2 + args.size + implicit.size) + m.getValue().offset(), m.getValue().location());
    }
    List<String> saved = scopes;
    scopes = append(scopes, name);
    Set<String> savedAllowed = implicitAllowed;
    implicitAllowed = new HashSet<>(implicitAllowed);
    for (String m : implicit.members.keySet()) implicitAllowed.add(name + "." + m);
    Snapshot before = new Snapshot();
    try {
      visitBodyWithRetries(f);
    } catch (CairoCompileException e) {
      // Report it, skip the function and go on, so one run shows the errors of every function.
      errors.addAll(e.errors());
      before.restore();
      scopes = saved;
      implicitAllowed = savedAllowed;
      trial = null;
      flow.revoke();
      meta.completed = true;
      meta.total = Change.UNKNOWN_CHANGE;
      return;
    }
    scopes = saved;
    implicitAllowed = savedAllowed;
    if (flow.data != null) throw new CairoCompileException(f.nameLocation(), "Function must end with a return instruction or a jump.");
    meta.completed = true;
    if (f.decorators().stream().anyMatch(d -> d.name().equals("known_ap_change")) && !meta.total.isKnown()) {
      throw new CairoCompileException(f.nameLocation(), "The compiler was unable to deduce the change of the ap register, as required by this decorator.");
    }
    if (meta.total.kind() == Change.UNCONSTRAINED) meta.total = Change.UNKNOWN_CHANGE;
  }

  // ---------------------------------------------------------------- reference trials

  /** Revocations seen while compiling a function body optimistically. */
  static final class Trial {
    final Map<String, Object[]> bad = new LinkedHashMap<>();

    void record(String name, Defs.Reference ref, CairoType type, CairoCompileException err) {
      bad.putIfAbsent(name + "#" + System.identityHashCode(ref), new Object[] {name, ref, type, err});
    }

    CairoCompileException first() {
      return (CairoCompileException) bad.values().iterator().next()[3];
    }
  }

  Trial trial;
  private boolean sawAllocLocals;

  /**
   * Compiles a function body; with alloc_locals, references revoked by unknown ap changes are
   * fixed by re-running with {@code local x = x;} injected after their definitions (cairo-lang
   * ReferenceTrial, at most 4 retries).
   */
  private void visitBodyWithRetries(Code.Function f) {
    List<Element> body = f.body();
    int tries = 0;
    while (true) {
      Snapshot snap = new Snapshot();
      List<Element> processed = preprocessLocals(f, body);
      if (!sawAllocLocals) {
        visitBlock(processed);
        return;
      }
      Trial t = new Trial();
      trial = t;
      try {
        visitBlock(processed);
      } finally {
        trial = null;
      }
      if (t.bad.isEmpty()) return;
      if (tries >= 4) throw t.first();
      tries++;
      snap.restore();
      Map<Element, List<Element>> injections = new IdentityHashMap<>();
      for (Object[] b : t.bad.values()) {
        String full = (String) b[0];
        Defs.Reference ref = (Defs.Reference) b[1];
        if (ref.definedBy() == null) throw (CairoCompileException) b[3];
        String base = full.substring(full.lastIndexOf('.') + 1);
        Location l = ref.location() == null ? null
            : ref.location().withParent(ref.location(), "While auto generating local variable for '" + base + "'.");
        injections.computeIfAbsent(ref.definedBy(), k -> new ArrayList<>()).add(new Code.LocalVar(
            new Code.TypedIdentifier(base, (CairoType) b[2], false, l, l), new Expr.Identifier(base, l), l));
      }
      int[] injected = {0};
      body = inject(body, injections, injected);
      if (injected[0] != injections.size()) throw t.first();
    }
  }

  private List<Element> inject(List<Element> els, Map<Element, List<Element>> inj, int[] count) {
    List<Element> out = new ArrayList<>();
    for (Element e : els) {
      Element ne = e;
      if (e instanceof Code.If i) {
        ne = new Code.If(i.condition(), inject(i.main(), inj, count), i.orElse() == null ? null : inject(i.orElse(), inj, count), i.location());
        ifLabels.put((Code.If) ne, ifLabels.get(i));
      } else if (e instanceof Code.WithAttr w) {
        ne = new Code.WithAttr(w.name(), w.value(), inject(w.body(), inj, count), w.location());
      } else if (e instanceof Code.With w) {
        ne = new Code.With(w.identifiers(), inject(w.body(), inj, count), w.location());
      }
      out.add(ne);
      List<Element> extra = inj.get(e);
      if (extra != null) {
        out.addAll(extra);
        count[0]++;
      }
    }
    return out;
  }

  /** Compiler state to roll back a failed reference trial (or a function that failed to compile). */
  private final class Snapshot {
    final int pc0 = pc, nInst = instructions.size(), nRefs = refManager.size(), nAttrs = attributes.size(), temp = nextTempId;
    final int nAdded = addedIds.size(), nLabels = labelsSet.size();
    final List<HintAt> hints = new ArrayList<>(nextHints);
    final Flow.Data data = flow.data;
    final Map<String, Flow.Data> labels = new HashMap<>(flow.labels);
    final int group = flow.nextGroup;
    final String current = scopes.isEmpty() ? null : currentScope();
    final FunctionMeta meta = current == null ? null : functionMeta.get(current);
    final Change metaTotal = meta == null ? null : meta.total;
    final boolean metaCompleted = meta != null && meta.completed;

    void restore() {
      pc = pc0;
      instructions.subList(nInst, instructions.size()).clear();
      refManager.subList(nRefs, refManager.size()).clear();
      attributes.subList(nAttrs, attributes.size()).clear();
      nextTempId = temp;
      nextHints.clear();
      nextHints.addAll(hints);
      flow.data = data;
      flow.labels.clear();
      flow.labels.putAll(labels);
      flow.nextGroup = group;
      // Like cairo-lang's memento, bindings appended to references that existed before the trial
      // stay in their identifier's list (they show up in the output's identifiers).
      for (int i = addedIds.size() - 1; i >= nAdded; i--) ids.remove(addedIds.get(i));
      addedIds.subList(nAdded, addedIds.size()).clear();
      for (int i = labelsSet.size() - 1; i >= nLabels; i--) labelsSet.get(i).pc = -1;
      labelsSet.subList(nLabels, labelsSet.size()).clear();
      if (meta != null) {
        meta.total = metaTotal;
        meta.completed = metaCompleted;
      }
    }
  }

  /** Rewrites locals into fp-based references and asserts (cairo-lang local_variables.py). */
  private List<Element> preprocessLocals(Code.Function f, List<Element> fbody) {
    int[] localsSize = {0};
    Location[] first = {null};
    boolean[] sawSizeof = {false};
    List<Element> out = new ArrayList<>();
    Location loc = f.nameLocation();
    out.add(new Code.Const("SIZEOF_LOCALS", loc, null, loc));
    sawAllocLocals = false;
    List<Element> body = rewriteLocals(fbody, localsSize, first, sawSizeof);
    out.addAll(body);
    if (localsSize[0] > 0 && !sawSizeof[0]) {
      throw new CairoCompileException(first[0], "A function with local variables must use alloc_locals.");
    }
    out.set(0, new Code.Const("SIZEOF_LOCALS", loc, new Expr.Const(localsSize[0], loc), loc));
    return out;
  }

  private List<Element> rewriteLocals(List<Element> els, int[] size, Location[] first, boolean[] sawSizeof) {
    List<Element> out = new ArrayList<>();
    for (Element e : els) {
      switch (e) {
        case Code.If i -> {
          Code.If ni = new Code.If(i.condition(), rewriteLocals(i.main(), size, first, sawSizeof),
              i.orElse() == null ? null : rewriteLocals(i.orElse(), size, first, sawSizeof), i.location());
          ifLabels.put(ni, ifLabels.get(i));
          out.add(ni);
        }
        case Code.WithAttr w -> out.add(new Code.WithAttr(w.name(), w.value(), rewriteLocals(w.body(), size, first, sawSizeof), w.location()));
        case Code.With w -> out.add(new Code.With(w.identifiers(), rewriteLocals(w.body(), size, first, sawSizeof), w.location()));
        case Code.AllocLocals a -> {
          sawSizeof[0] = true;
          sawAllocLocals = true;
          out.add(a);
          out.add(new Code.Instruction(new Code.AddAp(new Expr.Identifier("SIZEOF_LOCALS", a.location()), a.location()), false, a.location()));
        }
        case Code.Instruction i -> {
          if (i.body() instanceof Code.AddAp ap && mentions(ap.expr(), "SIZEOF_LOCALS")) sawSizeof[0] = true;
          out.add(i);
        }
        case Code.LocalVar l -> {
          if (first[0] == null) first[0] = l.location();
          CairoType t = l.target().typeOrFelt();
          Location nl = l.target().nameLocation();
          Expr ref = simpleRefExpr(Expr.Reg.FP, size[0], t, nl);
          if (l.expr() instanceof Expr.Hint h) {
            out.add(new Code.Hint("memory[fp + " + size[0] + "] = to_felt_or_relocatable(" + h.code() + ")", 0, h.location()));
          } else if (l.expr() != null) {
            out.add(new Code.CompoundAssertEq(ref, new Expr.Cast(l.expr(), t, Expr.CastType.ASSIGN, l.expr().location()), l.location()));
          }
          out.add(new Code.Reference(new Code.TypedIdentifier(l.target().name(), l.target().type(), false, nl, l.target().location()), ref, null, l.location()));
          size[0] += size(resolveType(t, scopes.size() > 0 ? append(scopes, "") : List.of()));
        }
        case Code.UnpackBinding u -> {
          out.add(u);
          CairoType rt = null;
          for (int k = 0; k < u.targets().size(); k++) {
            Code.TypedIdentifier ti = u.targets().get(k);
            if (!ti.local()) continue;
            if (rt == null) rt = unpackType(u);
            CairoType mt = ti.type() != null ? ti.type() : ((CairoType.Tuple) rt).members().get(k).type();
            Code.TypedIdentifier stripped = new Code.TypedIdentifier(ti.name(), mt, false, ti.nameLocation(), ti.location());
            out.addAll(rewriteLocals(List.of(new Code.LocalVar(stripped, new Expr.Identifier(ti.name(), ti.nameLocation()), ti.location())), size, first, sawSizeof));
          }
        }
        default -> out.add(e);
      }
    }
    return out;
  }

  private static boolean mentions(Expr e, String name) {
    return switch (e) {
      case Expr.Identifier i -> i.name().equals(name);
      case Expr.Operator o -> mentions(o.a(), name) || mentions(o.b(), name);
      case Expr.Parentheses p -> mentions(p.val(), name);
      case Expr.Neg n -> mentions(n.val(), name);
      default -> false;
    };
  }

  static Expr simpleRefExpr(Expr.Reg reg, long offset, CairoType type, Location loc) {
    Expr addr = new Expr.Operator(new Expr.RegExpr(reg, loc), "+", new Expr.Const(offset, loc), loc);
    return new Expr.Deref(new Expr.Cast(addr, new CairoType.Pointer(type, loc), Expr.CastType.EXPLICIT, loc), loc);
  }

  // ---------------------------------------------------------------- references

  private void addSimpleReference(String name, Expr.Reg reg, CairoType type, long offset, Location loc) {
    addReference(name, simpleRefExpr(reg, offset, type, loc), type, loc);
  }

  private void addReference(String name, Expr value, CairoType type, Location loc) {
    if (name.endsWith("._")) throw new CairoCompileException(loc, "Reference name cannot be '_'.");
    Defs.Reference ref = new Defs.Reference(pc, value, flow.ap(), loc, currentElement);
    refManager.add(ref);
    flow.addReference(name, refManager.size() - 1);
    Def existing = ids.get(name);
    if (existing instanceof ReferenceDef rd) {
      if (!rd.type.equals(type)) {
        throw new CairoCompileException(loc, "Reference rebinding must preserve the reference type. Previous type: '"
            + rd.type.format() + "', new type: '" + type.format() + "'.");
      }
      rd.references.add(ref);
    } else if (existing != null) {
      throw new CairoCompileException(loc, "Redefinition of '" + name + "'.");
    } else {
      ReferenceDef rd = new ReferenceDef(name, type);
      rd.references.add(ref);
      putId(name, rd);
    }
  }

  /** Called by flow convergence when two different bindings of one name meet. */
  Integer mergeReferences(int a, ApTracking apA, int b, ApTracking apB, ApTracking merged) {
    Defs.Reference ra = refManager.get(a), rb = refManager.get(b);
    Expr ea = translateApOrNull(ra.value(), Flow.diff(apA, ra.ap()));
    Expr eb = translateApOrNull(rb.value(), Flow.diff(apB, rb.ap()));
    if (ea == null || eb == null) return null;
    Simplifier s = new Simplifier(false);
    if (!stripCasts(s.visit(ea)).equals(stripCasts(s.visit(eb)))) return null;
    refManager.add(new Defs.Reference(ra.pc(), ea, merged, ra.location(), null));
    return refManager.size() - 1;
  }

  private static Expr stripCasts(Expr e) {
    return switch (e) {
      case Expr.Cast c -> new Expr.Cast(stripCasts(c.expr()), c.type(), Expr.CastType.EXPLICIT, null);
      case Expr.Deref d -> new Expr.Deref(stripCasts(d.addr()), null);
      case Expr.Operator o -> new Expr.Operator(stripCasts(o.a()), o.op(), stripCasts(o.b()), null);
      default -> e;
    };
  }

  static Expr translateAp(Expr e, Change diff) {
    Expr r = translateApOrNull(e, diff);
    if (r == null) throw new ApDeduction();
    return r;
  }

  static final class ApDeduction extends RuntimeException {
    ApDeduction() {
      super(null, null, false, false);
    }
  }

  static Expr translateApOrNull(Expr e, Change diff) {
    return switch (e) {
      case Expr.RegExpr r when r.reg() == Expr.Reg.AP -> diff.isKnown()
          ? new Expr.Operator(r, "-", new Expr.Const(diff.value(), r.location()), r.location()) : null;
      case Expr.Deref d -> {
        Expr a = translateApOrNull(d.addr(), diff);
        yield a == null ? null : new Expr.Deref(a, d.location());
      }
      case Expr.Operator o -> {
        Expr a = translateApOrNull(o.a(), diff), b = translateApOrNull(o.b(), diff);
        yield a == null || b == null ? null : new Expr.Operator(a, o.op(), b, o.location());
      }
      case Expr.Cast c -> {
        Expr a = translateApOrNull(c.expr(), diff);
        yield a == null ? null : new Expr.Cast(a, c.type(), c.castType(), c.location());
      }
      case Expr.Parentheses p -> {
        Expr a = translateApOrNull(p.val(), diff);
        yield a == null ? null : new Expr.Parentheses(a, p.location());
      }
      case Expr.Neg n -> {
        Expr a = translateApOrNull(n.val(), diff);
        yield a == null ? null : new Expr.Neg(a, n.location());
      }
      case Expr.AddressOf n -> {
        Expr a = translateApOrNull(n.expr(), diff);
        yield a == null ? null : new Expr.AddressOf(a, n.location());
      }
      case Expr.Dot n -> {
        Expr a = translateApOrNull(n.expr(), diff);
        yield a == null ? null : new Expr.Dot(a, n.member(), n.location());
      }
      case Expr.Subscript n -> {
        Expr a = translateApOrNull(n.expr(), diff), b = translateApOrNull(n.offset(), diff);
        yield a == null || b == null ? null : new Expr.Subscript(a, b, n.location());
      }
      case Expr.Tuple t -> {
        List<Expr.Assignment> ms = new ArrayList<>();
        for (Expr.Assignment m : t.members()) {
          Expr a = translateApOrNull(m.expr(), diff);
          if (a == null) yield null;
          ms.add(new Expr.Assignment(m.name(), m.nameLocation(), a, m.location()));
        }
        yield new Expr.Tuple(ms, t.trailingComma(), t.newlines(), t.location());
      }
      default -> e;
    };
  }

  private void visitReference(Code.Reference r) {
    String name = currentScope() + "." + r.target().name();
    if (r.callInstruction() != null) {
      visitInstruction(r.callInstruction(), false, r.callInstruction().location());
      CairoType t;
      if (r.target().type() != null) t = resolveType(r.target().type(), scopes);
      else if (r.callInstruction() instanceof Code.CallLabel cl) t = returnTypeOfCall(cl.label());
      else t = new CairoType.Felt(r.target().location());
      addSimpleReference(name, Expr.Reg.AP, t, -size(t), r.target().location());
      return;
    }
    if (r.expr() instanceof Expr.FuncCall fc && !isStructName(fc.call().func().name())) {
      Expr.FunctionCall call = fc.call();
      CairoType t = r.target().type() != null ? resolveType(r.target().type(), scopes) : returnTypeOfCall(call.func());
      visitFuncCall(call);
      addSimpleReference(name, Expr.Reg.AP, t, -size(t), r.target().location());
      return;
    }
    Typed v = simplify(r.expr());
    CairoType dst = r.target().type() != null ? resolveType(r.target().type(), scopes) : v.type();
    if (!Types.checkCast(this, v.type(), dst, Expr.CastType.ASSIGN)) {
      throw new CairoCompileException(r.target().type() != null ? r.target().type().location() : r.location(),
          "Cannot assign an expression of type '" + v.type().format() + "' to a reference of type '" + dst.format() + "'.");
    }
    Expr value = v.expr();
    Location loc = value.location();
    Expr refExpr;
    if (value instanceof Expr.Deref d) {
      refExpr = new Expr.Deref(new Expr.Cast(d.addr(), new CairoType.Pointer(dst, loc), Expr.CastType.EXPLICIT, d.addr().location()), loc);
    } else {
      refExpr = new Expr.Cast(value, dst, Expr.CastType.FORCED, loc);
    }
    addReference(name, refExpr, dst, r.target().location());
  }

  private boolean isStructName(String name) {
    try {
      Found f = search(scopes, name, null);
      return f.rest().isEmpty() && f.def() instanceof StructDef;
    } catch (CairoCompileException e) {
      return false;
    }
  }

  private CairoType returnTypeOfCall(Expr.Identifier func) {
    Found f = search(scopes, func.name(), func.location());
    return returnType(f.name(), func.location());
  }

  private CairoType unpackType(Code.UnpackBinding u) {
    CairoType rt = returnTypeOfCall(u.call().func());
    if (!(rt instanceof CairoType.Tuple t)) {
      throw new CairoCompileException(u.call().location(), "Cannot unpack the return value of '" + u.call().func().name() + "'. The return type is not a tuple.");
    }
    if (t.members().size() != u.targets().size()) {
      int n = t.members().size();
      throw new CairoCompileException(u.location(), "Expected " + n + " unpacking identifier" + (n > 1 ? "s" : "") + ", found " + u.targets().size() + ".");
    }
    return t;
  }

  private void visitUnpack(Code.UnpackBinding u) {
    CairoType.Tuple t = (CairoType.Tuple) unpackType(u);
    visitFuncCall(u.call());
    int total = size(t);
    int off = 0;
    for (int i = 0; i < u.targets().size(); i++) {
      Code.TypedIdentifier ti = u.targets().get(i);
      CairoType mt = t.members().get(i).type();
      int msize = size(mt);
      if (!ti.name().equals("_")) {
        CairoType ct = ti.type() != null ? resolveType(ti.type(), scopes) : mt;
        if (!Types.checkCast(this, mt, ct, Expr.CastType.UNPACKING)) {
          throw new CairoCompileException(ti.location(), "Expected expression of type '" + mt.format() + "', got '" + ct.format() + "'.");
        }
        addSimpleReference(currentScope() + "." + ti.name(), Expr.Reg.AP, ct, off - total, ti.location());
      }
      off += msize;
    }
  }

  private void visitTempVar(Code.TempVar t) {
    CairoType dest;
    int srcSize;
    if (t.expr() == null || t.expr() instanceof Expr.Hint) {
      dest = resolveType(t.target().typeOrFelt(), scopes);
      srcSize = size(dest);
      if (t.expr() instanceof Expr.Hint h) {
        nextHints.add(new HintAt(new Code.Hint("memory[ap] = to_felt_or_relocatable(" + h.code() + ")", 0, t.location()), flow.get(), null));
      }
      visitInstruction(new Code.AddAp(new Expr.Const(srcSize, t.location()), t.location()), false, t.location());
    } else {
      Expr source = t.expr() instanceof Expr.New n ? exprForNewOperator(n) : t.expr();
      Typed v = simplify(source);
      srcSize = size(v.type());
      dest = v.type();
      if (t.target().type() != null) {
        dest = resolveType(t.target().type(), scopes);
        if (!Types.checkCast(this, v.type(), dest, Expr.CastType.ASSIGN)) {
          throw new CairoCompileException(t.target().type().location(), "Cannot assign an expression of type '" + v.type().format()
              + "' to a temporary variable of type '" + dest.format() + "'.");
        }
      }
      List<Expr> src = toFeltList(v.expr(), v.type());
      pushCompound(src);
    }
    addSimpleReference(currentScope() + "." + t.target().name(), Expr.Reg.AP, dest, -srcSize, t.target().nameLocation());
  }

  /** Pushes the operand of {@code new}, calls get_ap and returns a pointer to the pushed value. */
  private Expr exprForNewOperator(Expr.New n) {
    Location l = n.location();
    Typed inner = simplify(n.expr());
    pushCompound(toFeltList(inner.expr(), inner.type()));
    visitInstruction(new Code.CallLabel(new Expr.Identifier("starkware.cairo.lang.compiler.lib.registers.get_ap", l), true, l), false, l);
    Expr e = new Expr.Operator(simpleRefExpr(Expr.Reg.AP, -1, new CairoType.Felt(l), l), "-", new Expr.Const(size(inner.type()), l), l);
    return n.typed() ? new Expr.Cast(e, new CairoType.Pointer(inner.type(), l), Expr.CastType.EXPLICIT, l) : e;
  }

  private void visitCompoundAssert(Code.CompoundAssertEq a) {
    Typed ta = simplify(a.a()), tb = simplify(a.b());
    if (!ta.type().equals(tb.type())) {
      throw new CairoCompileException(a.location(), "Cannot compare '" + ta.type().format() + "' and '" + tb.type().format() + "'.");
    }
    List<Expr> dsts = toFeltList(ta.expr(), ta.type()), srcs = toFeltList(tb.expr(), tb.type());
    ApTracking orig = flow.ap();
    for (int i = 0; i < dsts.size(); i++) {
      Change d = Flow.diff(flow.ap(), orig);
      Expr dst = simplifier.visit(translateAp(dsts.get(i), d));
      Expr src = simplifier.visit(translateAp(srcs.get(i), d));
      Compound.Level[] lv = InstructionBuilder.isSimpleDeref(dst)
          ? new Compound.Level[] {Compound.Level.DEREF, Compound.Level.OPERATION}
          : new Compound.Level[] {Compound.Level.OPERATION, Compound.Level.DEREF};
      List<Expr> r = new Compound(this).process(List.of(dst, src), List.of(lv));
      visitInstruction(new Code.AssertEq(r.get(0), r.get(1), a.location()), false, a.location());
    }
  }

  // ---------------------------------------------------------------- calls and returns

  private List<Expr> processAssignmentList(List<Expr.Assignment> exprs, List<CairoType.TupleMember> members, Location loc) {
    if (exprs.size() != members.size()) {
      throw new CairoCompileException(loc, "Expected exactly " + members.size() + " expressions, got " + exprs.size() + ".");
    }
    boolean named = false;
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < exprs.size(); i++) {
      Expr.Assignment a = exprs.get(i);
      CairoType.TupleMember m = members.get(i);
      if (a.name() == null) {
        if (named) throw new CairoCompileException(a.location(), "Positional arguments must not appear after named arguments.");
      } else {
        named = true;
        if (!a.name().equals(m.name())) {
          throw new CairoCompileException(a.nameLocation(), m.name() == null
              ? "Expected unnamed argument, found: '" + a.name() + "'."
              : "Expected named argument: '" + m.name() + "', found: '" + a.name() + "'.");
        }
      }
      out.addAll(simplifyToFeltList(a.expr(), m.type()));
    }
    return out;
  }

  List<Expr> simplifyToFeltList(Expr e, CairoType expected) {
    Typed t = simplify(e);
    if (!Types.checkCast(this, t.type(), expected, Expr.CastType.ASSIGN)) {
      throw new CairoCompileException(e.location(), "Expected expression of type '" + expected.format() + "', got '" + t.type().format() + "'.");
    }
    return toFeltList(t.expr(), t.type());
  }

  List<Expr> toFeltList(Expr e, CairoType type) {
    if (e instanceof Expr.New n && type instanceof CairoType.Pointer p) {
      List<Expr.Assignment> inner = new ArrayList<>();
      for (Expr x : toFeltList(n.expr(), p.pointee())) inner.add(new Expr.Assignment(null, null, x, x.location()));
      return List.of(new Expr.New(new Expr.Tuple(inner, true, n.expr().location()), false, n.location()));
    }
    if (type instanceof CairoType.Felt || type instanceof CairoType.Pointer || type instanceof CairoType.CodeOffset) return List.of(e);
    List<CairoType> memberTypes = new ArrayList<>();
    if (type instanceof CairoType.Tuple t) for (CairoType.TupleMember m : t.members()) memberTypes.add(m.type());
    else if (type instanceof CairoType.Struct s) for (Member m : struct(s.name(), s.location()).members.values()) memberTypes.add(m.type());
    List<Expr> memberExprs = new ArrayList<>();
    if (e instanceof Expr.Tuple t) {
      for (Expr.Assignment a : t.members()) memberExprs.add(a.expr());
    } else {
      if (!(e instanceof Expr.Deref d)) throw new CairoCompileException(e.location(), "Expected a dereference expression.");
      Expr addr = d.addr();
      int off = 0;
      for (CairoType mt : memberTypes) {
        memberExprs.add(simplifier.visit(new Expr.Deref(new Expr.Operator(addr, "+", new Expr.Const(off, e.location()), e.location()), e.location())));
        off += size(mt);
      }
    }
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < memberExprs.size(); i++) out.addAll(toFeltList(memberExprs.get(i), memberTypes.get(i)));
    return out;
  }

  private List<Expr> implicitArgExprs(List<Expr.Identifier> bindings, StructDef implicit, Location loc) {
    List<Expr> out = new ArrayList<>();
    int i = 0;
    for (var m : implicit.members.entrySet()) {
      Expr.Identifier b = bindings == null ? null : bindings.get(i);
      Expr e = b != null ? b : io.cairn.lang.ast.Locations.withParent(new Expr.Identifier(m.getKey(), m.getValue().location()), loc,
          "While trying to retrieve the implicit argument '" + m.getKey() + "' in:");
      out.addAll(simplifyToFeltList(e, m.getValue().type()));
      i++;
    }
    return out;
  }

  void pushCompound(List<Expr> exprs) {
    List<Expr> simple = new Compound(this).process(exprs, Collections.nCopies(exprs.size(), Compound.Level.OPERATION));
    simple = optimizeForPush(simple);
    List<Expr> originals = exprs.subList(exprs.size() - simple.size(), exprs.size());
    for (int i = 0; i < simple.size(); i++) {
      Location l = originals.get(i).location();
      Expr b = translateAp(simple.get(i), Change.known(i));
      visitInstruction(new Code.AssertEq(new Expr.Deref(new Expr.RegExpr(Expr.Reg.AP, l), l), b, l), true, l);
    }
  }

  private List<Expr> optimizeForPush(List<Expr> exprs) {
    if (exprs.isEmpty()) return exprs;
    List<Expr> s = new ArrayList<>();
    for (Expr e : exprs) s.add(simplifyFelt(e));
    Integer n = apMinusN(s.get(0));
    if (n == null || n <= 0 || n > s.size()) return s;
    for (int i = 1; i < n; i++) {
      Integer k = apMinusN(s.get(i));
      if (k == null || k != n - i) return s;
    }
    return s.subList(n, s.size());
  }

  private static Integer apMinusN(Expr e) {
    if (e instanceof Expr.Deref d && d.addr() instanceof Expr.Operator o && o.op().equals("+")
        && o.a() instanceof Expr.RegExpr r && r.reg() == Expr.Reg.AP && o.b() instanceof Expr.Const c) {
      return -c.val().intValue();
    }
    return null;
  }

  private void pushArguments(List<Expr.Assignment> args, List<Expr.Identifier> implicitBindings, List<CairoType.TupleMember> members,
      StructDef implicit, Location loc) {
    List<Expr> argExprs = processAssignmentList(args, members, loc);
    argExprs = new Compound(this).process(argExprs, Collections.nCopies(argExprs.size(), Compound.Level.OPERATION));
    List<Expr> simplified = new ArrayList<>();
    for (Expr e : argExprs) simplified.add(simplifyFelt(e));
    List<Expr> all = new ArrayList<>(implicitArgExprs(implicitBindings, implicit, loc));
    all.addAll(simplified);
    pushCompound(all);
  }

  private void visitReturn(Code.Return r) {
    String fn = currentScope();
    if (!functionMeta.containsKey(fn)) throw new CairoCompileException(r.location(), "return cannot be used outside of a function.");
    CairoType rt = returnType(fn, r.location());
    pushArguments(List.of(new Expr.Assignment(null, null, r.expr(), r.location())), null,
        List.of(new CairoType.TupleMember(null, rt, r.location())), struct(fn + ".ImplicitArgs", r.location()), r.location());
    visitInstruction(new Code.Ret(r.location()), false, r.location());
  }

  private void visitTailCall(Code.TailCall t) {
    String fn = currentScope();
    if (!functionMeta.containsKey(fn)) throw new CairoCompileException(t.location(), "return cannot be used outside of a function.");
    String callee = visitFuncCall(t.call());
    boolean castOk;
    try {
      castOk = Types.checkCast(this, returnType(callee, t.location()), returnType(fn, t.location()), Expr.CastType.ASSIGN);
    } catch (CairoCompileException e) {
      castOk = false;
    }
    if (!castOk) {
      throw new CairoCompileException(t.location(), "Cannot convert the return type of " + t.call().func().name() + " to the return type of "
          + fn.substring(fn.lastIndexOf('.') + 1) + ".");
    }
    StructDef a = struct(callee + ".ImplicitArgs", t.location()), b = struct(fn + ".ImplicitArgs", t.location());
    if (!sameMembers(a, b)) {
      throw new CairoCompileException(t.location(), "Tail calls require the implicit arguments of the callee to match the caller. "
          + "Consider separating the function call and the return statement.");
    }
    visitInstruction(new Code.Ret(t.location()), false, t.location());
  }

  private static boolean sameMembers(StructDef a, StructDef b) {
    if (a.members.size() != b.members.size()) return false;
    var ia = a.members.entrySet().iterator();
    var ib = b.members.entrySet().iterator();
    while (ia.hasNext()) {
      var x = ia.next();
      var y = ib.next();
      if (!x.getKey().equals(y.getKey()) || !x.getValue().type().equals(y.getValue().type()) || x.getValue().offset() != y.getValue().offset()) return false;
    }
    return true;
  }

  /** Emits a call with its arguments; returns the callee's full name. */
  String visitFuncCall(Expr.FunctionCall call) {
    Found f = search(scopes, call.func().name(), call.func().location());
    if (!f.rest().isEmpty() || !(f.def() instanceof LabelDef ld) || !ld.function) {
      throw new CairoCompileException(call.func().location(), "Expected " + call.func().name() + " to be a function name. Found: " + kind(f.def()) + ".");
    }
    String callee = f.name();
    StructDef implicit = struct(callee + ".ImplicitArgs", call.location());
    List<Expr.Identifier> bindings = implicitBindings(call.implicitArgs() == null ? List.of() : call.implicitArgs(), implicit);
    StructDef args = struct(callee + ".Args", call.location());
    List<CairoType.TupleMember> members = new ArrayList<>();
    for (var m : args.members.entrySet()) members.add(new CairoType.TupleMember(m.getKey(), m.getValue().type(), m.getValue().location()));
    pushArguments(call.args(), bindings, members, implicit, call.location());
    visitInstruction(new Code.CallLabel(call.func(), false, call.location()), false, call.location());
    // Implicit return values.
    int retSize = size(returnType(callee, call.location()));
    int i = 0;
    for (var m : implicit.members.entrySet()) {
      Expr.Identifier b = bindings.get(i++);
      String var = b != null ? b.name() : m.getKey();
      Location refLoc = b != null ? b.location()
          : m.getValue().location() == null ? call.location()
          : m.getValue().location().withParent(call.location(), "While trying to update the implicit return value '" + m.getKey() + "' in:");
      addSimpleReference(currentScope() + "." + var, Expr.Reg.AP, m.getValue().type(), m.getValue().offset() - (retSize + implicit.size), refLoc);
      if (b == null && !implicitAllowed.contains(currentScope() + "." + m.getKey())) {
        throw new CairoCompileException(refLoc, "'" + m.getKey() + "' cannot be used as an implicit return value. Consider using a 'with' statement.");
      }
    }
    return callee;
  }

  private List<Expr.Identifier> implicitBindings(List<Expr.Assignment> given, StructDef implicit) {
    List<Expr.Assignment> pending = new ArrayList<>();
    for (Expr.Assignment a : given) {
      if (a.name() == null) throw new CairoCompileException(a.location(), "Implicit argument binding must be of the form: arg_name=var.");
      if (!(a.expr() instanceof Expr.Identifier id) || id.name().contains(".")) {
        throw new CairoCompileException(a.expr().location(), "Implicit argument binding must be an identifier.");
      }
      pending.add(a);
    }
    List<Expr.Identifier> out = new ArrayList<>();
    for (String member : implicit.members.keySet()) {
      if (pending.isEmpty() || !pending.get(0).name().equals(member)) {
        out.add(null);
        continue;
      }
      out.add((Expr.Identifier) pending.remove(0).expr());
    }
    if (!pending.isEmpty()) throw new CairoCompileException(pending.get(0).nameLocation(), "Unexpected implicit argument binding: " + pending.get(0).name() + ".");
    return out;
  }

  // ---------------------------------------------------------------- if

  private int nextLabelId;
  private final Map<Code.If, String[]> ifLabels = new IdentityHashMap<>();

  private void visitIf(Code.If i) {
    if (i.condition().size() != 1) {
      visitIfAnd(i);
      return;
    }
    Code.BoolTerm c = i.condition().get(0);
    String labelNeq = ifLabels.get(i)[0];
    String labelEnd = ifLabels.get(i)[1];
    Expr cond = simplifyFelt(new Expr.Operator(c.a(), "-", c.b(), c.location()));
    Expr res = new Compound(this).process(List.of(cond), List.of(Compound.Level.DEREF)).get(0);
    visitInstruction(new Code.JumpToLabel(new Expr.Identifier(labelNeq, i.location()), res, i.location()), false, i.location());
    List<Element> eq = c.eq() ? i.main() : i.orElse();
    List<Element> neq = c.eq() ? i.orElse() : i.main();
    if (eq != null) visitBlock(eq);
    if (flow.data != null && neq != null) {
      visitInstruction(new Code.JumpToLabel(new Expr.Identifier(labelEnd, i.location()), null, i.location()), false, i.location());
    }
    addLabel(currentScope() + "." + labelNeq);
    if (neq != null) visitBlock(neq);
    addLabel(currentScope() + "." + labelEnd);
  }

  /** {@code if (a == b and c == d)}: lowered to nested ifs (cairo-lang bool_expr lowering). */
  private void visitIfAnd(Code.If i) {
    throw new CairoCompileException(i.location(), "'and' in if conditions is not supported yet.");
  }

  // ---------------------------------------------------------------- instructions

  private void visitInstruction(Code.Body body, boolean incAp, Location loc) {
    Flow.Data fd = flow.get();
    List<String> acc = new ArrayList<>(scopes);
    Code.Body processed = processBody(body, incAp);
    List<HintAt> hints = new ArrayList<>();
    for (HintAt h : nextHints) hints.add(new HintAt(h.hint(), h.flow(), acc));
    nextHints.clear();
    Emitted em = new Emitted(processed, incAp, loc, acc, hints, fd);
    pc += sizeOf(processed, incAp);
    instructions.add(em);
  }

  private int sizeOf(Code.Body b, boolean incAp) {
    if (b instanceof Code.JumpToLabel || b instanceof Code.CallLabel) return 2;
    if (b instanceof Code.AssertEq a && a.a() instanceof Expr.Deref d && isRegOffset(d.addr()) && isConstExpr(a.b())) return 2;
    try {
      return InstructionBuilder.build(b, incAp).size();
    } catch (InstructionBuilder.BuildError e) {
      throw InstructionBuilder.error(e);
    }
  }

  private static boolean isRegOffset(Expr e) {
    try {
      Object[] io = InstructionBuilder.parseOffset(e);
      return io[0] instanceof Expr.RegExpr;
    } catch (InstructionBuilder.BuildError ex) {
      return false;
    }
  }

  /** Numbers and labels only (cairo-lang const_expr_checker). */
  private boolean isConstExpr(Expr e) {
    return switch (e) {
      case Expr.Const c -> true;
      case Expr.Identifier i -> isFutureLabel(i.name());
      case Expr.Operator o -> isConstExpr(o.a()) && isConstExpr(o.b());
      case Expr.Neg n -> isConstExpr(n.val());
      case Expr.Pow p -> isConstExpr(p.a()) && isConstExpr(p.b());
      case Expr.Parentheses p -> isConstExpr(p.val());
      default -> false;
    };
  }

  boolean isFutureLabel(String fullName) {
    return ids.get(fullName) instanceof LabelDef;
  }

  /** Second pass: labels now have their pcs. */
  private Expr resolveFuture(Expr e) {
    if (e == null) return null;
    Expr r = switch (e) {
      case Expr.Identifier i when ids.get(i.name()) instanceof LabelDef ld && ld.pc >= 0 -> new Expr.Const(ld.pc, i.location());
      case Expr.Identifier i -> throw new CairoCompileException(i.location(), "Unknown label " + i.name() + ".");
      case Expr.Operator o -> new Expr.Operator(resolveFuture(o.a()), o.op(), resolveFuture(o.b()), o.location());
      case Expr.Deref d -> new Expr.Deref(resolveFuture(d.addr()), d.location());
      case Expr.Neg n -> new Expr.Neg(resolveFuture(n.val()), n.location());
      case Expr.Pow p -> new Expr.Pow(resolveFuture(p.a()), resolveFuture(p.b()), p.location());
      default -> e;
    };
    return r == e ? e : simplifier.visit(r);
  }

  private static boolean mentionsIdentifier(Expr e) {
    return switch (e) {
      case null -> false;
      case Expr.Identifier i -> true;
      case Expr.Operator o -> mentionsIdentifier(o.a()) || mentionsIdentifier(o.b());
      case Expr.Deref d -> mentionsIdentifier(d.addr());
      case Expr.Neg n -> mentionsIdentifier(n.val());
      case Expr.Pow p -> mentionsIdentifier(p.a()) || mentionsIdentifier(p.b());
      default -> false;
    };
  }

  private Code.Body resolveFutureLabels(Code.Body b) {
    return switch (b) {
      case Code.AssertEq a when mentionsIdentifier(a.a()) || mentionsIdentifier(a.b()) ->
          new Code.AssertEq(resolveFuture(a.a()), resolveFuture(a.b()), a.location());
      case Code.Jump j when mentionsIdentifier(j.val()) -> new Code.Jump(resolveFuture(j.val()), j.relative(), j.location());
      case Code.Jnz j when mentionsIdentifier(j.offset()) || mentionsIdentifier(j.condition()) ->
          new Code.Jnz(resolveFuture(j.offset()), resolveFuture(j.condition()), j.location());
      case Code.Call c when mentionsIdentifier(c.val()) -> new Code.Call(resolveFuture(c.val()), c.relative(), c.location());
      case Code.AddAp a when mentionsIdentifier(a.expr()) -> new Code.AddAp(resolveFuture(a.expr()), a.location());
      case Code.DataWord d when mentionsIdentifier(d.expr()) -> new Code.DataWord(resolveFuture(d.expr()), d.location());
      default -> b;
    };
  }

  /** Simplifies an instruction body and records its flows (cairo-lang visit_InstructionAst). */
  private Code.Body processBody(Code.Body body, boolean incAp) {
    int added = incAp ? 1 : 0;
    Change next;
    Map<String, Change> jumps = new LinkedHashMap<>();
    Code.Body res;
    switch (body) {
      case Code.AssertEq a -> {
        res = new Code.AssertEq(simplifyFelt(a.a()), simplifyFelt(a.b()), a.location());
        next = Change.known(0);
      }
      case Code.Jump j -> {
        revokeFunctionApChange();
        res = new Code.Jump(simplifyFelt(j.val()), j.relative(), j.location());
        next = null;
      }
      case Code.JumpToLabel j -> {
        Found f = search(scopes, j.label().name(), j.label().location());
        if (!(f.def() instanceof LabelDef ld) || !f.rest().isEmpty()) {
          throw new CairoCompileException(j.label().location(), "Expected a label name. Identifier '" + j.label().name() + "' is of type " + kind(f.def()) + ".");
        }
        Expr cond = j.condition() == null ? null : simplifyFelt(j.condition());
        if (ld.pc < 0) {
          res = new Code.JumpToLabel(new Expr.Identifier(f.name(), j.label().location()), cond, j.location());
        } else {
          Expr off = new Expr.Const(ld.pc - pc, j.label().location());
          res = cond == null ? new Code.Jump(off, true, j.location()) : new Code.Jnz(off, cond, j.location());
          if (ld.pc <= pc) revokeFunctionApChange();
        }
        next = j.condition() == null ? null : Change.known(0);
        jumps.put(f.name(), Change.known(0));
      }
      case Code.Jnz j -> {
        revokeFunctionApChange();
        res = new Code.Jnz(simplifyFelt(j.offset()), simplifyFelt(j.condition()), j.location());
        next = Change.known(0);
      }
      case Code.Call c -> {
        res = new Code.Call(simplifyFelt(c.val()), c.relative(), c.location());
        next = Change.UNKNOWN_CHANGE;
      }
      case Code.CallLabel c -> {
        Found f = c.fullyQualified() ? get(c.label().name(), c.label().location(), 0) : search(scopes, c.label().name(), c.label().location());
        if (f == null || !(f.def() instanceof LabelDef ld)) throw new CairoCompileException(c.label().location(), "Unknown label " + c.label().name() + ".");
        next = Change.UNKNOWN_CHANGE;
        if (ld.pc < 0) {
          res = new Code.CallLabel(new Expr.Identifier(f.name(), c.label().location()), true, c.location());
        } else {
          FunctionMeta meta = functionMeta.get(f.name());
          if (meta != null && meta.completed) next = Change.known(2).plus(meta.total);
          res = new Code.Call(new Expr.Const(ld.pc - pc, c.label().location()), true, c.location());
        }
      }
      case Code.AddAp a -> {
        Expr e = simplifyFelt(a.expr());
        res = new Code.AddAp(e, a.location());
        next = e instanceof Expr.Const k ? Change.known(k.val().longValue()) : Change.UNKNOWN_CHANGE;
      }
      case Code.DataWord d -> {
        res = new Code.DataWord(simplifyFelt(d.expr()), d.location());
        next = null;
      }
      case Code.Ret r -> {
        FunctionMeta meta = functionMeta.get(currentScope());
        if (meta != null) meta.total = meta.total.and(Flow.diff(flow.ap(), meta.initial));
        res = r;
        next = null;
      }
    }
    for (var e : jumps.entrySet()) flow.addFlowToLabel(e.getKey(), e.getValue().plus(Change.known(added)));
    if (next != null) flow.addAp(next.plus(Change.known(added)));
    else flow.revoke();
    return res;
  }

  private void revokeFunctionApChange() {
    FunctionMeta meta = functionMeta.get(currentScope());
    if (meta != null) meta.total = Change.UNKNOWN_CHANGE;
  }

  /** Second pass: replaces jumps and calls to labels that were not yet defined. */
  private void resolveLabels() {
    int cur = 0;
    for (int i = 0; i < instructions.size(); i++) {
      Emitted em = instructions.get(i);
      Code.Body b = em.body();
      if (b instanceof Code.JumpToLabel j) {
        LabelDef ld = (LabelDef) ids.get(j.label().name());
        if (ld == null || ld.pc < 0) throw new CairoCompileException(j.label().location(), "Unknown label " + j.label().name() + ".");
        Expr off = new Expr.Const(ld.pc - cur, j.label().location());
        b = j.condition() == null ? new Code.Jump(off, true, j.location()) : new Code.Jnz(off, j.condition(), j.location());
      } else if (b instanceof Code.CallLabel c) {
        Def d = ids.get(c.label().name());
        if (!(d instanceof LabelDef ld) || ld.pc < 0) throw new CairoCompileException(c.label().location(), "Unknown label " + c.label().name() + ".");
        b = new Code.Call(new Expr.Const(ld.pc - cur, c.label().location()), true, c.location());
      } else {
        b = resolveFutureLabels(b);
      }
      if (b != em.body()) instructions.set(i, new Emitted(b, em.incAp(), em.location(), em.scopes(), em.hints(), em.flow()));
      cur += sizeOf(b, em.incAp());
    }
  }

  // ================================================================ expressions

  record Typed(Expr expr, CairoType type) {}

  Typed simplify(Expr e) {
    Typed t = new Types(this, scopes, flow.data).typeOf(e);
    return new Typed(simplifier.visit(t.expr()), t.type());
  }

  Expr simplifyFelt(Expr e) {
    Typed t = simplify(e);
    if (!(t.type() instanceof CairoType.Felt || t.type() instanceof CairoType.Pointer || t.type() instanceof CairoType.CodeOffset)) {
      throw new CairoCompileException(e.location(), "Expected a 'felt' or a pointer type. Got: '" + t.type().format() + "'.");
    }
    return t.expr();
  }

  /** A fresh tempvar for compound expressions: pushes {@code expr} and names it. */
  Expr.Identifier wrapTemp(Expr expr) {
    String name = "__temp" + nextTempId++;
    Location l = expr.location();
    visitTempVar(new Code.TempVar(new Code.TypedIdentifier(name, new CairoType.Felt(l), false, l, l), expr, l));
    return new Expr.Identifier(name, l);
  }

  ApTracking apTracking() {
    return flow.ap();
  }

  void emitFuncCallForExpr(Expr.FunctionCall call) {
    visitFuncCall(call);
  }

  Flow.Data flowData() {
    return flow.data;
  }

  List<String> scopes() {
    return scopes;
  }
}
