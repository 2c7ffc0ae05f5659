package io.cairn.vm.builtins;

import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * add_mod / mul_mod builtins: instances of 7 cells (p0..p3, values_ptr, offsets_ptr, n) over 4 words of 96 bits, batch
 * size 1 (CL builtins/modulo/mod_builtin_runner.py). Each instance names a gate {@code a op b = c (mod p)} whose three
 * operands live in a values table at the offsets listed in an offsets table. Provides the segment and its accounting
 * (15 extra memory units per instance, the shared zero segment), {@link #fillMemory} (the circuit filler behind the
 * {@code run_mod_p_circuit} hint and Cairo 1's EvalCircuit), the end-of-run {@link #runSecurityChecks} and the
 * per-instance AIR private input.
 */
public final class ModBuiltin extends SimpleBuiltin {
  /** Zeros this builtin needs: max(n_words, batch_size · 3). */
  public static final int ZERO_SEGMENT_SIZE = 4;

  /** The largest gate count {@link #fillMemory} accepts. */
  public static final int MAX_N = 100_000;

  public static final int N_WORDS = 4;
  public static final int WORD_BITS = 96;
  public static final int BATCH_SIZE = 1;

  private static final int ADDITIONAL_MEMORY_UNITS = 15;
  private static final int VALUES_PTR = 4, OFFSETS_PTR = 5, N = 6;
  private static final BigInteger SHIFT = BigInteger.ONE.shiftLeft(WORD_BITS);
  private static final BigInteger INT_LIM = BigInteger.ONE.shiftLeft(N_WORDS * WORD_BITS);

  private final boolean isAdd;
  /** Bound on the quotient (op(a, b) − c) / p: 2 for add_mod, 2^384 for mul_mod. */
  private final BigInteger kBound;

  private Relocatable zeroValue;

  public ModBuiltin(String name, boolean included, Integer ratio, int ratioDen) {
    super(name, included, ratio, ratioDen, 7, 7, 1);
    this.isAdd = switch (name) {
      case "add_mod" -> true;
      case "mul_mod" -> false;
      default -> throw new IllegalArgumentException("not a mod builtin: " + name);
    };
    this.kBound = isAdd ? BigInteger.TWO : INT_LIM;
  }

  public void setZeroValue(Relocatable zero) {
    this.zeroValue = zero;
  }

  public Relocatable zeroValue() {
    return zeroValue;
  }

  public boolean isAddMod() {
    return isAdd;
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    return null;
  }

  @Override
  public long allocatedMemoryUnits(Memory memory, long steps) {
    return (long) (cellsPerInstance + ADDITIONAL_MEMORY_UNITS) * allocatedInstances(memory, steps);
  }

  private BigInteger op(BigInteger a, BigInteger b) {
    return isAdd ? a.add(b) : a.multiply(b);
  }

  private String opSymbol() {
    return isAdd ? "+" : "*";
  }

  // ---------------------------------------------------------------------------------------------
  // reading and writing 4 × 96-bit values

  /** The value of the 4 words at addr, or null if one is unwritten; fails on an address or a word ≥ 2^96. */
  private static BigInteger readValue(Memory memory, Relocatable addr, String who) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < N_WORDS; i++) {
      Relocatable at = addr.add(i);
      MaybeRelocatable v = memory.get(at);
      if (v == null) return null;
      if (!(v instanceof IntValue iv))
        throw new VmError(who + " builtin: Expected integer at address " + at + ". Got: " + v + ".");
      if (iv.value().compareTo(SHIFT) >= 0)
        throw new VmError(who + " builtin: Expected integer at address " + at + " to be smaller than 2^" + WORD_BITS
            + ". Got: " + iv.value() + ".");
      value = value.add(iv.value().shiftLeft(WORD_BITS * i));
    }
    return value;
  }

  private static void writeValue(Memory memory, Relocatable addr, BigInteger value, String who) {
    if (value.signum() < 0 || value.compareTo(INT_LIM) >= 0)
      throw new VmError(who + " builtin: value " + value + " at " + addr + " does not fit in " + N_WORDS + " words.");
    for (int i = 0; i < N_WORDS; i++)
      memory.write(addr.add(i), value.shiftRight(WORD_BITS * i).and(SHIFT.subtract(BigInteger.ONE)));
  }

  /** The inputs of one instance (p read as 4 words). */
  private record Inputs(BigInteger[] pWords, BigInteger p, Relocatable valuesPtr, Relocatable offsetsPtr, long n) {}

  private Inputs readInputs(Memory memory, Relocatable addr, boolean readN) {
    Relocatable values = pointerAt(memory, addr.add(VALUES_PTR));
    Relocatable offsets = pointerAt(memory, addr.add(OFFSETS_PTR));
    long n = -1;
    if (readN) {
      MaybeRelocatable v = memory.get(addr.add(N));
      if (!(v instanceof IntValue iv))
        throw new VmError(name + " builtin: Expected integer at address " + addr.add(N) + ". Got: " + v + ".");
      if (iv.value().signum() <= 0 || iv.value().bitLength() > 62)
        throw new VmError(name + " builtin: Expected n >= 1 (and small). Got: " + iv.value() + ".");
      n = iv.value().longValueExact();
    }
    BigInteger[] words = new BigInteger[N_WORDS];
    BigInteger p = BigInteger.ZERO;
    for (int i = 0; i < N_WORDS; i++) {
      Relocatable at = addr.add(i);
      MaybeRelocatable v = memory.get(at);
      if (v == null) throw new VmError(name + " builtin: Missing value at address " + at + ".");
      if (!(v instanceof IntValue iv))
        throw new VmError(name + " builtin: Expected integer at address " + at + ". Got: " + v + ".");
      if (iv.value().compareTo(SHIFT) >= 0)
        throw new VmError(name + " builtin: Expected integer at address " + at + " to be smaller than 2^" + WORD_BITS
            + ". Got: " + iv.value() + ".");
      words[i] = iv.value();
      p = p.add(iv.value().shiftLeft(WORD_BITS * i));
    }
    return new Inputs(words, p, values, offsets, n);
  }

  private Relocatable pointerAt(Memory memory, Relocatable at) {
    MaybeRelocatable v = memory.get(at);
    if (!(v instanceof Relocatable r))
      throw new VmError(name + " builtin: Expected RelocatableValue at address " + at + ". Got: " + v + ".");
    return r;
  }

  private long offsetAt(Memory memory, Relocatable at) {
    MaybeRelocatable v = memory.get(at);
    if (!(v instanceof IntValue iv) || iv.value().bitLength() > 62)
      throw new VmError(name + " builtin: Expected integer at address " + at + ". Got: " + v + ".");
    return iv.value().longValueExact();
  }

  // ---------------------------------------------------------------------------------------------
  // fill_memory

  private enum Fill {
    SUCCESS,
    MISSING_OPERAND,
    ZERO_DIVISOR
  }

  /**
   * Completes a mod circuit whose first add_mod / mul_mod instances are written (CL
   * {@code ModBuiltinRunner.fill_memory}): writes the remaining instances' inputs, pads each offsets table by repeating
   * its first gate up to the instance's n, and deduces the missing operand of every gate in order (c from a and b, or
   * a/b from the other two), interleaving add and mul gates as each becomes solvable. For mul_mod, a gate whose known
   * factor is not invertible mod p writes a nullifier and fixes the mul instance count to that gate's index when n was
   * not given. Pass {@code nAddMods = 0} (builtin and pointer may then be null) to skip add_mod, likewise for mul_mod.
   *
   * @throws VmError when a gate cannot be solved, a word is out of range, or a deduced value contradicts memory
   */
  public static void fillMemory(
      Memory memory,
      ModBuiltin addMod,
      Relocatable addModPtr,
      long nAddMods,
      ModBuiltin mulMod,
      Relocatable mulModPtr,
      long nMulMods) {
    if (addMod != null && !addMod.isAdd) throw new IllegalArgumentException("fillMemory: add_mod runner expected");
    if (mulMod != null && mulMod.isAdd) throw new IllegalArgumentException("fillMemory: mul_mod runner expected");
    boolean hasAdd = addMod != null && nAddMods != 0;
    boolean hasMul = mulMod != null && nMulMods != 0;
    if (!hasAdd && !hasMul) throw new VmError("At least one of add_mod and mul_mod must be given.");
    Inputs addIn = null, mulIn = null;
    if (hasAdd) {
      checkN(addMod, nAddMods);
      addIn = addMod.readInputs(memory, addModPtr, true);
      addMod.fillInputs(memory, addModPtr, addIn);
      addMod.fillOffsets(memory, addIn, nAddMods, addIn.n - nAddMods);
    }
    if (hasMul) {
      checkN(mulMod, nMulMods);
      // n is not read: Cairo 1 circuits expect this function to compute it.
      mulIn = mulMod.readInputs(memory, mulModPtr, false);
    }
    long addN = hasAdd ? nAddMods : 0, mulN = hasMul ? nMulMods : 0;
    long addIndex = 0, mulIndex = 0;
    long computedMulGates = -1;
    while (addIndex < addN || mulIndex < mulN) {
      if (addIndex < addN && addMod.fillValue(memory, addIn, addIndex) == Fill.SUCCESS) {
        addIndex++;
        continue;
      }
      if (mulIndex < mulN) {
        Fill r = mulMod.fillValue(memory, mulIn, mulIndex);
        if (r == Fill.MISSING_OPERAND)
          throw new VmError("Could not fill the values table, add_mod_index=" + addIndex + ", mul_mod_index=" + mulIndex
              + ": gate has more than one unknown operand.");
        if (r == Fill.ZERO_DIVISOR && computedMulGates < 0) computedMulGates = mulIndex;
        mulIndex++;
      } else {
        // Only add gates are left and the current one cannot be solved.
        throw new VmError("Could not fill the values table, add_mod_index=" + addIndex + ", mul_mod_index=" + mulIndex
            + ": gate has more than one unknown operand.");
      }
    }
    if (hasMul) {
      Relocatable nPtr = mulModPtr.add(N);
      if (computedMulGates < 0) {
        MaybeRelocatable given = memory.get(nPtr);
        if (given == null) computedMulGates = mulN;
        else if (given instanceof IntValue iv && iv.value().signum() > 0 && iv.value().bitLength() <= 62)
          computedMulGates = iv.value().longValueExact();
        else throw new VmError("mul_mod builtin: Expected n >= 1 at address " + nPtr + ". Got: " + given + ".");
        mulMod.fillOffsets(memory, mulIn, mulN, computedMulGates - mulN);
      }
      memory.write(nPtr, computedMulGates);
      mulIn = new Inputs(mulIn.pWords, mulIn.p, mulIn.valuesPtr, mulIn.offsetsPtr, computedMulGates);
      mulMod.fillInputs(memory, mulModPtr, mulIn);
    }
  }

  private static void checkN(ModBuiltin b, long n) {
    if (n < 0 || n > MAX_N) throw new VmError(b.name + " builtin: n must be <= " + MAX_N + " (and >= 0). Got: " + n);
  }

  /** Writes instances 1..n−1 from the first one's inputs (each instance covers the next gate). */
  private void fillInputs(Memory memory, Relocatable ptr, Inputs in) {
    if (in.n > MAX_N) throw new VmError(name + " builtin: n must be <= " + MAX_N + ". Got: " + in.n);
    for (long instance = 1; instance < in.n; instance++) {
      Relocatable at = ptr.add(instance * cellsPerInstance);
      for (int i = 0; i < N_WORDS; i++) memory.write(at.add(i), in.pWords[i]);
      memory.write(at.add(VALUES_PTR), in.valuesPtr);
      memory.write(at.add(OFFSETS_PTR), in.offsetsPtr.add(3 * instance * BATCH_SIZE));
      memory.write(at.add(N), in.n - instance * BATCH_SIZE);
    }
  }

  /** Copies the first gate's three offsets to gates index..index+copies−1. */
  private void fillOffsets(Memory memory, Inputs in, long index, long copies) {
    if (copies <= 0) return;
    long a = offsetAt(memory, in.offsetsPtr), b = offsetAt(memory, in.offsetsPtr.add(1));
    long c = offsetAt(memory, in.offsetsPtr.add(2));
    for (long i = 0; i < copies; i++) {
      Relocatable at = in.offsetsPtr.add(3 * (index + i));
      memory.write(at, a);
      memory.write(at.add(1), b);
      memory.write(at.add(2), c);
    }
  }

  /** Deduces the one missing operand of gate {@code index}, if exactly one is missing. */
  private Fill fillValue(Memory memory, Inputs in, long index) {
    Relocatable[] addr = new Relocatable[3];
    BigInteger[] v = new BigInteger[3];
    for (int i = 0; i < 3; i++) {
      addr[i] = in.valuesPtr.add(offsetAt(memory, in.offsetsPtr.add(3 * index + i)));
      v[i] = readValue(memory, addr[i], name);
    }
    BigInteger a = v[0], b = v[1], c = v[2], p = in.p;
    if (a != null && b != null && c != null) return Fill.SUCCESS;
    if (c == null && a != null && b != null) {
      BigInteger t = op(a, b);
      BigInteger kMinus1P = kBound.subtract(BigInteger.ONE).multiply(p);
      if (t.subtract(kMinus1P).compareTo(INT_LIM) >= 0)
        throw new VmError(name + " builtin: Expected a " + opSymbol() + " b - " + kBound.subtract(BigInteger.ONE)
            + " * p <= 2^384 - 1. Got: a=" + a + ", b=" + b + ", p=" + p + " (gate " + index + ").");
      BigInteger value = t.compareTo(kBound.multiply(p)) < 0 ? mod(t, p, index) : t.subtract(kMinus1P);
      writeValue(memory, addr[2], value, name);
      return Fill.SUCCESS;
    }
    if (c != null && (a == null) != (b == null)) {
      int unknown = a == null ? 0 : 1;
      BigInteger known = a == null ? b : a;
      BigInteger[] r = calcOperand(known, c, p, index);
      writeValue(memory, addr[unknown], r[1], name);
      return r[0] == null ? Fill.ZERO_DIVISOR : Fill.SUCCESS;
    }
    return Fill.MISSING_OPERAND;
  }

  private BigInteger mod(BigInteger t, BigInteger p, long index) {
    if (p.signum() == 0) throw new VmError(name + " builtin: modulus p is 0 (gate " + index + ").");
    return t.mod(p);
  }

  /**
   * The least x with op(x, known) = res + k·p, k in [0, kBound). Returns {status, x}: status null means mul_mod's known
   * factor shares a factor with p, and x is then a nullifier (0 < x < p, x·known ≡ 0).
   */
  private BigInteger[] calcOperand(BigInteger known, BigInteger res, BigInteger p, long index) {
    if (isAdd) {
      if (known.compareTo(res.add(p)) > 0)
        throw new VmError("add_mod builtin: addend greater than sum + p: " + known + " > " + res + " + " + p
            + " (gate " + index + ").");
      BigInteger value = known.compareTo(res) <= 0 ? res.subtract(known) : res.add(p).subtract(known);
      return new BigInteger[] {BigInteger.ONE, value};
    }
    if (p.signum() == 0) throw new VmError(name + " builtin: modulus p is 0 (gate " + index + ").");
    BigInteger gcd = known.gcd(p);
    if (!gcd.equals(BigInteger.ONE)) return new BigInteger[] {null, p.divide(gcd)};
    BigInteger tmp = res.multiply(known.modInverse(p)).mod(p);
    BigInteger[] qr = known.multiply(tmp).subtract(res).divideAndRemainder(p);
    BigInteger k = qr[0]; // exact: known·tmp ≡ res (mod p)
    if (k.compareTo(kBound) >= 0)
      throw new VmError("mul_mod builtin: ((" + known + " * q) - " + res + ") / " + p + " > " + kBound
          + " for any q > 0 such that " + known + " * q = " + res + " (mod " + p + ").");
    if (k.signum() >= 0) return new BigInteger[] {BigInteger.ONE, tmp};
    BigInteger steps = known.subtract(BigInteger.ONE).subtract(k).divide(known); // both positive: floor
    return new BigInteger[] {BigInteger.ONE, tmp.add(p.multiply(steps))};
  }

  // ---------------------------------------------------------------------------------------------
  // end-of-run checks

  /**
   * CL {@code run_security_checks}: every used instance has p, pointers and n; consecutive instances of one circuit
   * chain (same p and values_ptr, offsets_ptr + 3, n − 1) and the last has n = 1; every gate satisfies op(a, b) ≡ c
   * (mod p) with 0 ≤ op(a, b) − c < kBound·p and all words below 2^96.
   */
  public void runSecurityChecks(Memory memory) {
    int used = usedCells(memory);
    if (used == 0) return;
    int instances = (used + cellsPerInstance - 1) / cellsPerInstance;
    Inputs prev = null;
    for (int i = 0; i < instances; i++) {
      Inputs in = readInputs(memory, base.add((long) i * cellsPerInstance), true);
      if (prev != null && prev.n > BATCH_SIZE) {
        boolean chained = prev.p.equals(in.p)
            && java.util.Arrays.equals(prev.pWords, in.pWords)
            && prev.valuesPtr.equals(in.valuesPtr)
            && prev.offsetsPtr.add(3 * BATCH_SIZE).equals(in.offsetsPtr)
            && in.n == prev.n - BATCH_SIZE;
        if (!chained)
          throw new VmError(name + " builtin: instance " + i + " does not continue instance " + (i - 1)
              + " (expected the same p and values_ptr, offsets_ptr + 3 and n - 1).");
      }
      for (int j = 0; j < BATCH_SIZE; j++) {
        BigInteger[] abc = readGate(memory, in, j, i);
        BigInteger t = op(abc[0], abc[1]);
        if (in.p.signum() == 0 || !t.mod(in.p).equals(abc[2].mod(in.p)))
          throw new VmError(name + " builtin: Expected a " + opSymbol() + " b == c (mod p). Got: instance=" + i
              + ", batch=" + j + ", p=" + in.p + ", a=" + abc[0] + ", b=" + abc[1] + ", c=" + abc[2] + ".");
        BigInteger diff = t.subtract(abc[2]);
        if (diff.signum() < 0 || diff.compareTo(kBound.multiply(in.p)) >= 0)
          throw new VmError(name + " builtin: Expected (a " + opSymbol() + " b - c)/p to be in {0,1,...,"
              + kBound.subtract(BigInteger.ONE) + "}. Got: instance=" + i + ", batch=" + j + ", p=" + in.p + ", a="
              + abc[0] + ", b=" + abc[1] + ", c=" + abc[2] + ".");
      }
      prev = in;
    }
    if (prev.n != BATCH_SIZE)
      throw new VmError(name + " builtin: the last instance (" + (instances - 1) + ") must have n = " + BATCH_SIZE
          + ". Got: " + prev.n + ".");
  }

  /**
   * Marks the offsets-table and values-table cells of every used instance as accessed (CL {@code
   * get_memory_accesses}): the prover reads them through the builtin, so they are not memory holes. Instances with
   * missing pointers or offsets are skipped (the security checks report them).
   */
  public void markMemoryAccesses(Memory memory) {
    int instances = usedInstances(memory);
    for (int i = 0; i < instances; i++) {
      Relocatable at = base.add((long) i * cellsPerInstance);
      if (!(memory.get(at.add(VALUES_PTR)) instanceof Relocatable values)) continue;
      if (!(memory.get(at.add(OFFSETS_PTR)) instanceof Relocatable offsets)) continue;
      for (int k = 0; k < 3 * BATCH_SIZE; k++) {
        Relocatable offsetAddr = offsets.add(k);
        if (!(memory.get(offsetAddr) instanceof IntValue off) || off.value().bitLength() > 62) continue;
        memory.markAccessed(offsetAddr.segment(), offsetAddr.offset());
        for (int d = 0; d < N_WORDS; d++) {
          Relocatable v = values.add(off.value().longValue() + d);
          if (memory.get(v) != null) memory.markAccessed(v.segment(), v.offset());
        }
      }
    }
  }

  /** a, b, c of gate {@code j} of an instance; each must be fully written. */
  private BigInteger[] readGate(Memory memory, Inputs in, int j, int instance) {
    BigInteger[] out = new BigInteger[3];
    for (int k = 0; k < 3; k++) {
      Relocatable at = in.valuesPtr.add(offsetAt(memory, in.offsetsPtr.add(k + 3L * j)));
      out[k] = readValue(memory, at, name);
      if (out[k] == null)
        throw new VmError(name + " builtin: Missing value of operand " + "abc".charAt(k) + " at " + at + " (instance "
            + instance + ").");
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // prover input

  /** Needs the segment bases: see {@link #airPrivateInput(Memory, long[])}. */
  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    throw new IllegalStateException("use airPrivateInput(memory, segmentBases)");
  }

  /**
   * CL {@code air_private_input}: per written instance, {index, p0..p3 (hex), values_ptr, offsets_ptr (relocated),
   * n, batch: [{a_offset, b_offset, c_offset, a0..a3, b0..b3, c0..c3 (hex)}]}, sorted by index, and the relocated
   * zero-value address.
   */
  public Map<String, Object> airPrivateInput(Memory memory, long[] segmentBases) {
    if (zeroValue == null) throw new IllegalStateException("Uninitialized zero_value of " + name + ".");
    String[] inputNames = {"p0", "p1", "p2", "p3", "values_ptr", "offsets_ptr", "n"};
    TreeMap<Integer, Map<String, Object>> res = new TreeMap<>();
    int seg = base.segment(), used = usedCells(memory);
    Map<Integer, Relocatable> valuesPtrs = new TreeMap<>(), offsetsPtrs = new TreeMap<>();
    for (int off = 0; off < used; off++) {
      MaybeRelocatable v = memory.get(seg, off);
      if (v == null) continue;
      int idx = off / cellsPerInstance, typ = off % cellsPerInstance;
      Object out;
      if (v instanceof Relocatable r) {
        if (typ == VALUES_PTR) valuesPtrs.put(idx, r);
        else if (typ == OFFSETS_PTR) offsetsPtrs.put(idx, r);
        else throw new VmError(name + " builtin: unexpected address " + r + " in " + inputNames[typ] + " of instance "
            + idx + ".");
        out = segmentBases[r.segment()] + r.offset();
      } else {
        BigInteger iv = ((IntValue) v).value();
        out = typ < N_WORDS ? hex(iv) : (Object) iv.longValueExact();
        // After CairoRunner.relocate() the pointers are already absolute addresses (relocated in place).
        if (typ == VALUES_PTR) valuesPtrs.put(idx, unrelocate(iv.longValueExact(), segmentBases));
        else if (typ == OFFSETS_PTR) offsetsPtrs.put(idx, unrelocate(iv.longValueExact(), segmentBases));
      }
      res.computeIfAbsent(idx, k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", k);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int b = 0; b < BATCH_SIZE; b++) batch.add(new LinkedHashMap<>());
            m.put("batch", batch);
            return m;
          })
          .put(inputNames[typ], out);
    }
    for (Map.Entry<Integer, Relocatable> e : offsetsPtrs.entrySet()) {
      int idx = e.getKey();
      Relocatable valuesPtr = valuesPtrs.get(idx);
      if (valuesPtr == null) throw new VmError("Missing input 'values_ptr' of " + name + " instance " + idx + ".");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> batch = (List<Map<String, Object>>) res.get(idx).get("batch");
      for (int j = 0; j < BATCH_SIZE; j++) {
        Map<String, Object> g = batch.get(j);
        for (int k = 0; k < 3; k++) {
          char s = "abc".charAt(k);
          long offset = offsetAt(memory, e.getValue().add(k + 3L * j));
          g.put(s + "_offset", offset);
          for (int d = 0; d < N_WORDS; d++) {
            MaybeRelocatable w = memory.get(valuesPtr.add(offset + d));
            if (!(w instanceof IntValue wv))
              throw new VmError("Missing memory variable '" + s + d + "' of " + name + " instance " + idx + ", batch "
                  + j + ".");
            g.put(s + String.valueOf(d), hex(wv.value()));
          }
        }
      }
    }
    // Order the keys as cairo-lang's JSON: index, then inputs in order, then batch.
    List<Object> instances = new ArrayList<>();
    for (Map<String, Object> item : res.values()) {
      Map<String, Object> ordered = new LinkedHashMap<>();
      ordered.put("index", item.get("index"));
      for (String n : inputNames) {
        if (!item.containsKey(n))
          throw new VmError("Missing input '" + n + "' of " + name + " instance " + item.get("index") + ".");
        ordered.put(n, item.get(n));
      }
      ordered.put("batch", item.get("batch"));
      instances.add(ordered);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instances", instances);
    m.put("zero_value_address", segmentBases[zeroValue.segment()] + zeroValue.offset());
    return Map.of(name, m);
  }

  /** The segment address of an absolute (relocated) one: segment bases ascend with the segment index. */
  private Relocatable unrelocate(long address, long[] segmentBases) {
    for (int seg = segmentBases.length - 1; seg >= 0; seg--)
      if (segmentBases[seg] <= address) return new Relocatable(seg, address - segmentBases[seg]);
    throw new VmError(name + " builtin: address " + address + " lies below every segment.");
  }
}
