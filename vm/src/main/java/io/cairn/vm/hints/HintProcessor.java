package io.cairn.vm.hints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.core.HintRunner;
import io.cairn.vm.program.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps each hint's exact code text to its Java implementation ({@link HintRegistry}); caller-supplied hints override
 * the built-in ones (STYLE.md §2). Holds the run's hint state: scopes, program input, builtin runners.
 */
public final class HintProcessor implements HintRunner {
  private final Map<String, Hint> hints;
  private final List<Map<String, Object>> scopes = new ArrayList<>();
  private JsonNode programInput = NullNode.getInstance();
  private final Map<String, SimpleBuiltin> builtins = new HashMap<>();

  /** A resolved reference: the reference_manager entry and its parsed expression. */
  record ResolvedRef(Program.Reference ref, RefExpr expr) {}

  /** A hint compiled once: its implementation and its ids table keyed by short name. */
  record Compiled(Hint impl, Program.HintSpec spec, Map<String, ResolvedRef> refs, int pc) {}

  public HintProcessor() {
    this(Map.of());
  }

  /** Built-in hints plus {@code extra}, which win on equal code. */
  public HintProcessor(Map<String, Hint> extra) {
    if (extra.isEmpty()) {
      this.hints = HintRegistry.builtIn(); // immutable; no per-run copy
    } else {
      Map<String, Hint> m = new HashMap<>(HintRegistry.builtIn());
      m.putAll(extra);
      this.hints = m;
    }
    scopes.add(new HashMap<>());
  }

  public void setProgramInput(JsonNode input) {
    this.programInput = input;
    scopes.get(0).put("program_input", input);
  }

  JsonNode programInput() {
    return programInput;
  }

  List<Map<String, Object>> scopes() {
    return scopes;
  }

  SimpleBuiltin builtin(String name) {
    return builtins.get(name);
  }

  /** Makes the run's builtin runners visible to hints ({@code range_check_builtin}, {@code ecdsa_builtin}, …). */
  public void attachBuiltins(List<SimpleBuiltin> runners) {
    for (SimpleBuiltin b : runners) builtins.put(b.name(), b);
  }

  @Override
  public Object compile(Program program, Program.HintSpec spec, int pc) {
    Hint impl = hints.get(spec.code());
    if (impl == null) impl = hints.get(spec.code().strip());
    if (impl == null)
      throw new UnknownHintException(
          program.name() + ": unknown hint at pc " + pc + " (no implementation for this code):\n" + spec.code());
    Map<String, ResolvedRef> refs = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : spec.referenceIds().entrySet()) {
      String full = e.getKey();
      String shortName = full.substring(full.lastIndexOf('.') + 1);
      int idx = e.getValue();
      if (idx < 0 || idx >= program.references().size())
        throw new IllegalArgumentException(program.name() + ": hint at pc " + pc + " references missing reference " + idx);
      Program.Reference r = program.references().get(idx);
      refs.put(shortName, new ResolvedRef(r, RefExpr.parse(r.value())));
    }
    return new Compiled(impl, spec, refs, pc);
  }

  @Override
  public void run(CairoVm vm, Object compiledHint) {
    Compiled c = (Compiled) compiledHint;
    c.impl().execute(new HintContext(vm, this, c));
  }

  /** The hint code is not implemented. */
  public static final class UnknownHintException extends io.cairn.vm.memory.VmError {
    UnknownHintException(String m) {
      super(m);
    }
  }
}
