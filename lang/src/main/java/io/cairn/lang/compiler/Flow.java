package io.cairn.lang.compiler;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** ap tracking and reference flow, following cairo-lang's flow.py and reg_tracking.py. */
final class Flow {
  record ApTracking(int group, long offset) {}

  /** A register change: known (value), unknown, or unconstrained. */
  record Change(int kind, long value) {
    static final int KNOWN = 0, UNKNOWN = 1, UNCONSTRAINED = 2;
    static final Change UNKNOWN_CHANGE = new Change(UNKNOWN, 0);
    static final Change UNCONSTRAINED_CHANGE = new Change(UNCONSTRAINED, 0);

    static Change known(long v) {
      return new Change(KNOWN, v);
    }

    boolean isKnown() {
      return kind == KNOWN;
    }

    Change plus(Change o) {
      if (kind == KNOWN && o.kind == KNOWN) return known(value + o.value);
      return UNKNOWN_CHANGE;
    }

    Change and(Change o) {
      if (kind == UNCONSTRAINED) return o;
      if (kind == UNKNOWN) return this;
      if (o.kind == KNOWN) return o.value == value ? this : UNKNOWN_CHANGE;
      return UNKNOWN_CHANGE;
    }
  }

  static Change diff(ApTracking a, ApTracking b) {
    if (a.group() != b.group()) return Change.UNKNOWN_CHANGE;
    return Change.known(a.offset() - b.offset());
  }

  /** Reachable data: ap tracking and the reference ids in scope; null means unreachable. */
  record Data(ApTracking ap, Map<String, Integer> refIds) {}

  private final Compiler compiler;
  Data data;
  final Map<String, Data> labels = new HashMap<>();
  int nextGroup;

  Flow(Compiler compiler) {
    this.compiler = compiler;
  }

  Data get() {
    if (data == null) data = new Data(new ApTracking(nextGroup++, 0), new LinkedHashMap<>());
    return data;
  }

  ApTracking ap() {
    return get().ap();
  }

  void revoke() {
    data = null;
  }

  private ApTracking add(ApTracking t, Change c) {
    if (c.isKnown()) return new ApTracking(t.group(), t.offset() + c.value());
    return new ApTracking(nextGroup++, 0);
  }

  void addAp(Change c) {
    Data d = get();
    data = new Data(add(d.ap(), c), d.refIds());
  }

  void addReference(String name, int refId) {
    Data d = get();
    Map<String, Integer> m = new LinkedHashMap<>(d.refIds());
    m.put(name, refId);
    data = new Data(d.ap(), m);
  }

  void addFlowToLabel(String label, Change c) {
    Data d = get();
    Data nd = new Data(add(d.ap(), c), d.refIds());
    labels.put(label, converge(labels.get(label), nd));
  }

  void convergeWithLabel(String label) {
    data = converge(data, labels.get(label));
  }

  private Data converge(Data a, Data b) {
    if (a == null) return b;
    if (b == null) return a;
    ApTracking ap = a.ap().equals(b.ap()) ? a.ap() : new ApTracking(nextGroup++, 0);
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : a.refIds().entrySet()) {
      Integer other = b.refIds().get(e.getKey());
      if (other == null) continue;
      if (other.equals(e.getValue())) {
        ids.put(e.getKey(), other);
        continue;
      }
      Integer merged = compiler.mergeReferences(e.getValue(), a.ap(), other, b.ap(), ap);
      if (merged != null) ids.put(e.getKey(), merged);
    }
    return new Data(ap, ids);
  }
}
