package io.cairn.vm.hints;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.util.HashMap;
import java.util.Map;

/** The hint-side state of Cairo dicts: one tracker per dict segment (CL common/dict.py DictManager). */
public final class DictManager {
  /** A dict's content and the pointer its next access must use. */
  public static final class Tracker {
    public final Map<MaybeRelocatable, MaybeRelocatable> data;
    final MaybeRelocatable defaultValue;
    public Relocatable currentPtr;

    Tracker(Map<MaybeRelocatable, MaybeRelocatable> data, MaybeRelocatable defaultValue, Relocatable currentPtr) {
      this.data = data;
      this.defaultValue = defaultValue;
      this.currentPtr = currentPtr;
    }

    /** The value at key; a missing key takes the default (and keeps it), or fails without one. */
    public MaybeRelocatable get(MaybeRelocatable key) {
      MaybeRelocatable v = data.get(key);
      if (v == null) {
        if (defaultValue == null) throw new VmError("KeyError: " + key);
        data.put(key, defaultValue);
        return defaultValue;
      }
      return v;
    }
  }

  private final Map<Integer, Tracker> trackers = new HashMap<>();

  public Relocatable newDict(HintContext c, Map<MaybeRelocatable, MaybeRelocatable> initial, MaybeRelocatable defaultValue) {
    Relocatable base = c.addSegment();
    trackers.put(base.segment(), new Tracker(new HashMap<>(initial), defaultValue, base));
    return base;
  }

  /** The dict at dictPtr's segment; fails unless dictPtr is where its next access goes. */
  public Tracker tracker(Relocatable dictPtr) {
    Tracker t = trackers.get(dictPtr.segment());
    if (t == null) throw new VmError("Dict Error: No dict tracker found for segment " + dictPtr.segment());
    if (!t.currentPtr.equals(dictPtr))
      throw new VmError("Wrong dict pointer supplied. Got " + dictPtr + ", expected " + t.currentPtr + ".");
    return t;
  }
}
