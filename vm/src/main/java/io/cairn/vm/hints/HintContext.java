package io.cairn.vm.hints;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hint sees: {@code ids} (references resolved with ap tracking, struct members, constants), {@code memory},
 * {@code ap}/{@code fp}, {@code segments}, the scope stack and the builtin runners (CL vm_core.step exec_locals).
 */
public final class HintContext {
  public static final BigInteger PRIME = Field.P;

  private final CairoVm vm;
  private final HintProcessor processor;
  private final HintProcessor.Compiled hint;

  HintContext(CairoVm vm, HintProcessor processor, HintProcessor.Compiled hint) {
    this.vm = vm;
    this.processor = processor;
    this.hint = hint;
  }

  public Memory memory() {
    return vm.memory();
  }

  public CairoVm vm() {
    return vm;
  }

  public Relocatable ap() {
    return vm.ap();
  }

  public Relocatable fp() {
    return vm.fp();
  }

  public Program program() {
    return vm.program();
  }

  public Relocatable addSegment() {
    return vm.memory().addSegment();
  }

  public Relocatable addTempSegment() {
    return vm.memory().addTempSegment();
  }

  public JsonNode programInput() {
    return processor.programInput();
  }

  // ---------------------------------------------------------------------------------------------
  // scopes

  public void enterScope(Map<String, Object> locals) {
    processor.scopes().add(new HashMap<>(locals));
  }

  public void exitScope() {
    List<Map<String, Object>> s = processor.scopes();
    if (s.size() <= 1) throw new VmError("Cannot exit main scope.");
    s.remove(s.size() - 1);
  }

  private Map<String, Object> scope() {
    List<Map<String, Object>> s = processor.scopes();
    return s.get(s.size() - 1);
  }

  @SuppressWarnings("unchecked")
  public <T> T scopeGet(String name) {
    Object v = scope().get(name);
    if (v == null && !scope().containsKey(name)) throw new VmError("name '" + name + "' is not defined");
    return (T) v;
  }

  public boolean scopeHas(String name) {
    return scope().containsKey(name);
  }

  public void scopeSet(String name, Object v) {
    scope().put(name, v);
  }

  // ---------------------------------------------------------------------------------------------
  // builtins

  public SimpleBuiltin builtin(String name) {
    SimpleBuiltin b = processor.builtin(name);
    if (b == null) throw new VmError("name '" + name + "_builtin' is not defined");
    return b;
  }

  // ---------------------------------------------------------------------------------------------
  // ids

  /** A resolved ids path: address (when it lives in memory), value (when it does not), and Cairo type. */
  record Ref(Relocatable address, MaybeRelocatable value, String type) {}

  private Ref base(String name) {
    HintProcessor.ResolvedRef r = hint.refs().get(name);
    if (r == null) throw new VmError("Unknown identifier 'ids." + name + "' in hint:\n" + hint.spec().code());
    Relocatable ap = vm.ap();
    if (r.expr().usesAp()) {
      if (r.ref().apGroup() != hint.spec().apGroup())
        throw new VmError("The reference 'ids." + name + "' was revoked (ap changed in an untracked way).");
      ap = ap.add(-(hint.spec().apOffset() - r.ref().apOffset()));
    }
    RefExpr e = r.expr();
    if (e instanceof RefExpr.Deref d && d.a() instanceof RefExpr.Cast c && c.type().endsWith("*")) {
      MaybeRelocatable a = c.a().eval(vm.memory(), ap, vm.fp());
      if (!(a instanceof Relocatable addr)) throw new VmError("reference 'ids." + name + "' is not an address");
      return new Ref(addr, null, c.type().substring(0, c.type().length() - 1).trim());
    }
    if (e instanceof RefExpr.Cast c) return new Ref(null, c.a().eval(vm.memory(), ap, vm.fp()), c.type());
    return new Ref(null, e.eval(vm.memory(), ap, vm.fp()), "felt");
  }

  private Ref resolve(String path) {
    String[] parts = path.split("\\.");
    Ref cur = base(parts[0]);
    for (int k = 1; k < parts.length; k++) {
      String t = cur.type();
      Relocatable structBase;
      String structName;
      if (t.endsWith("*")) {
        structName = t.substring(0, t.length() - 1).trim();
        MaybeRelocatable p = cur.address() != null ? vm.memory().require(cur.address()) : cur.value();
        if (!(p instanceof Relocatable pr)) throw new VmError("ids." + path + ": " + parts[k - 1] + " is not a pointer");
        structBase = pr;
      } else {
        structName = t;
        if (cur.address() == null) throw new VmError("ids." + path + ": cannot take members of a value without address");
        structBase = cur.address();
      }
      JsonNode s = vm.program().identifier(structName);
      JsonNode member = s == null ? null : s.path("members").get(parts[k]);
      if (member == null) throw new VmError("ids." + path + ": struct " + structName + " has no member " + parts[k]);
      cur = new Ref(structBase.add(member.path("offset").asLong()), null, member.path("cairo_type").asText());
    }
    return cur;
  }

  public MaybeRelocatable get(String path) {
    Ref r = resolve(path);
    if (r.address() != null) return vm.memory().require(r.address());
    return r.value();
  }

  public BigInteger getInt(String path) {
    MaybeRelocatable v = get(path);
    if (v instanceof IntValue i) return i.value();
    throw new VmError("ids." + path + " is an address (" + v + "), expected an integer");
  }

  public Relocatable getPtr(String path) {
    MaybeRelocatable v = get(path);
    if (v instanceof Relocatable r) return r;
    throw new VmError("ids." + path + " is an integer (" + v + "), expected an address");
  }

  /**
   * ids.x.address_: where x lives; for a pointer to a struct, the pointer's value (cairo-lang exposes such ids as
   * the struct they point to).
   */
  public Relocatable address(String path) {
    Ref r = resolve(path);
    String t = r.type();
    if (t.endsWith("*") && !t.endsWith("**") && !t.equals("felt*")) {
      MaybeRelocatable p = r.address() != null ? vm.memory().require(r.address()) : r.value();
      if (p instanceof Relocatable pr) return pr;
    }
    if (r.address() == null) throw new VmError("ids." + path + " has no address");
    return r.address();
  }

  /** Where ids.x itself is stored (for assignments). */
  private Relocatable location(String path) {
    Ref r = resolve(path);
    if (r.address() == null) throw new VmError("ids." + path + " cannot be assigned (not a memory reference)");
    return r.address();
  }

  public void set(String path, MaybeRelocatable v) {
    vm.memory().write(location(path), v);
  }

  public void set(String path, BigInteger v) {
    set(path, IntValue.of(v));
  }

  public void set(String path, long v) {
    set(path, IntValue.of(BigInteger.valueOf(v)));
  }

  /** A constant or struct size visible from the hint (ids.BYTES_IN_WORD, ids.DictAccess.SIZE). */
  public BigInteger constant(String path) {
    Program p = vm.program();
    if (path.endsWith(".SIZE")) {
      String full = p.resolve(hint.spec().accessibleScopes(), path.substring(0, path.length() - 5));
      JsonNode n = full == null ? null : p.identifier(full);
      if (n != null && n.has("size")) return BigInteger.valueOf(n.get("size").asLong());
    }
    String full = p.resolve(hint.spec().accessibleScopes(), path);
    JsonNode n = full == null ? null : p.identifier(full);
    if (n == null || !n.has("value")) throw new VmError("Unknown constant ids." + path);
    JsonNode v = n.get("value");
    return v.isNumber() ? v.bigIntegerValue() : new BigInteger(v.asText());
  }

  // memory helpers

  public void writeAp(MaybeRelocatable v) {
    vm.memory().write(vm.ap(), v);
  }

  public void writeAp(long v) {
    vm.memory().write(vm.ap(), v);
  }

  /** segments.write_arg: writes values from ptr on. */
  public void writeArg(Relocatable ptr, List<? extends Object> values) {
    for (int i = 0; i < values.size(); i++) {
      Object o = values.get(i);
      MaybeRelocatable v = o instanceof MaybeRelocatable m ? m : IntValue.of((BigInteger) o);
      vm.memory().write(ptr.add(i), v);
    }
  }
}
