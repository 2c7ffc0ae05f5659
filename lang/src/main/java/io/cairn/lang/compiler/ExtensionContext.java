package io.cairn.lang.compiler;

import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Location;
import io.cairn.lang.compiler.Defs.StructDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link CompilerExtension} may see and change of a compilation in progress. */
public final class ExtensionContext {
  private final Compiler c;

  ExtensionContext(Compiler c) {
    this.c = c;
  }

  /** The modules in compilation order; entries may be replaced. */
  public List<Code.Module> modules() {
    return c.modules;
  }

  /** The builtins of the {@code %builtins} directive (empty without one); may be replaced. */
  public List<String> builtins() {
    return c.builtins;
  }

  /** Resolves struct names in a type as seen from the given scopes. */
  public CairoType resolveType(CairoType type, List<String> accessibleScopes) {
    return c.resolveType(type, accessibleScopes);
  }

  /** The size of a resolved type in felts. */
  public int size(CairoType resolved) {
    return c.size(resolved);
  }

  /** The members (name → resolved type) of a struct given by its full name, in order. */
  public Map<String, CairoType> structMembers(String fullName, Location location) {
    StructDef sd = c.struct(fullName, location);
    Map<String, CairoType> out = new LinkedHashMap<>();
    for (var e : sd.members.entrySet()) out.put(e.getKey(), e.getValue().type());
    return out;
  }

  /** The location of each member of a struct given by its full name. */
  public Map<String, Location> structMemberLocations(String fullName, Location location) {
    StructDef sd = c.struct(fullName, location);
    Map<String, Location> out = new LinkedHashMap<>();
    for (var e : sd.members.entrySet()) out.put(e.getKey(), e.getValue().location());
    return out;
  }

  /** The resolved return type of a function given by its full name (an alias is followed). */
  public CairoType returnType(String function, Location location) {
    Compiler.Found f = c.get(function, location, 0);
    String name = f == null ? function : f.name();
    return c.returnType(name, location);
  }

  /** Defines {@code name} as an alias of {@code destination}. */
  public void defineAlias(String name, String destination) {
    c.putAlias(name, destination);
  }

  /** A hint as compiled: its code, where it is, and the references visible to it (name → id). */
  public record CompiledHint(String code, Location location, Map<String, Integer> referenceIds) {}

  /** Every hint of the program, in pc order. */
  public List<CompiledHint> hints() {
    List<CompiledHint> out = new ArrayList<>();
    for (Compiler.Emitted em : c.instructions) {
      for (Compiler.HintAt h : em.hints()) {
        out.add(new CompiledHint(h.hint().code(), h.hint().location(), h.flow() == null ? Map.of() : h.flow().refIds()));
      }
    }
    return out;
  }

  /** The value of reference {@code id} of the reference manager, formatted as cairo-compile writes it. */
  public String referenceValue(int id) {
    return c.refManager.get(id).value().format();
  }

  /** Collects the identifiers (functions, structs, labels…) of new elements under a scope. */
  public void collect(String scope, List<Code.Element> elements, List<String> accessibleScopes) {
    c.collectGenerated(scope, elements, new ArrayList<>(accessibleScopes));
  }
}
