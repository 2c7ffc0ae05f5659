package io.cairn.prover.air;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layout description compiled to a straight-line program in SSA form over a {@code long[]} register file of
 * Montgomery limbs: the whole composition value Σ_i coefficient_i·expr_i·numerator_i/denominator_i, divisions
 * included, ends in {@link #output()}. {@link #evaluate} runs it at one point; {@link CosetEvaluator} runs it over a
 * coset, block by block.
 *
 * <p>Registers 0..slots−1 hold the description's named values (mask values, point powers, shifts, external values;
 * the shared sub-expressions are aliased to the registers that compute them); constants, the constraints'
 * coefficients and temporaries follow. Identical operations are computed once. Constraints sharing a numerator and a
 * denominator are summed first, so one evaluation needs one inversion per distinct denominator and one
 * multiplication per distinct (numerator, denominator) pair.
 */
public final class CompiledAir {
  static final byte ADD = 0, SUB = 1, MUL = 2, INV = 3;

  private final AirDescription air;
  final int registers;
  private final long[] constants; // Montgomery limbs, copied into their registers by newRegisters()
  final int[] constantRegisters;
  final int[] coefficientRegisters; // per constraint index
  final byte[] op;
  final int[] dst, a, b; // b is unused by INV
  final int output;

  public CompiledAir(AirDescription air) {
    this.air = air;
    Builder bld = new Builder(air.slots.size());
    for (int i = 0; i < air.letExprs.size(); i++) bld.alias(air.slots.get(air.letNames.get(i)), bld.emit(air.letExprs.get(i)));
    int n = air.constraints.size();
    coefficientRegisters = new int[n];
    for (int i = 0; i < n; i++) coefficientRegisters[i] = bld.temp();
    int one = bld.constant(Felt.ONE);
    // per (numerator, denominator): Σ coefficient·expr
    Map<Long, Integer> sums = new LinkedHashMap<>();
    for (AirDescription.Constraint c : air.constraints) {
      int term = bld.op(MUL, coefficientRegisters[c.index()], bld.emit(c.expr()));
      long key = (long) bld.emit(c.numerator()) << 32 | bld.emit(c.denominator());
      Integer sum = sums.get(key);
      sums.put(key, sum == null ? term : bld.op(ADD, sum, term));
    }
    Map<Integer, Integer> inverses = new HashMap<>();
    int out = -1;
    for (var e : sums.entrySet()) {
      int num = (int) (e.getKey() >>> 32), den = (int) (long) e.getKey();
      int inv = inverses.computeIfAbsent(den, d -> bld.op(INV, d, d));
      int factor = num == one ? inv : bld.op(MUL, num, inv);
      int term = bld.op(MUL, e.getValue(), factor);
      out = out < 0 ? term : bld.op(ADD, out, term);
    }
    if (out < 0) out = bld.constant(Felt.ZERO);
    output = out;
    constants = new long[4 * bld.constants.size()];
    constantRegisters = new int[bld.constants.size()];
    for (int i = 0; i < bld.constants.size(); i++) {
      bld.constants.get(i).writeTo(constants, 4 * i);
      constantRegisters[i] = bld.constantRegisters.get(i);
    }
    registers = bld.next;
    int m = bld.ops.size();
    op = new byte[m];
    dst = new int[m];
    a = new int[m];
    b = new int[m];
    for (int i = 0; i < m; i++) {
      int[] o = bld.ops.get(i);
      op[i] = (byte) o[0];
      dst[i] = o[1];
      a[i] = o[2];
      b[i] = o[3];
    }
  }

  public AirDescription description() {
    return air;
  }

  /** A fresh register file with the constants in place; set the inputs with {@link #set}. */
  public long[] newRegisters() {
    long[] r = new long[4 * registers];
    for (int i = 0; i < constantRegisters.length; i++) System.arraycopy(constants, 4 * i, r, 4 * constantRegisters[i], 4);
    return r;
  }

  /** Register of a named value (mask value, point, point_powK, shiftK, or an external name); −1 if unused. */
  public int register(String name) {
    Integer s = air.slots.get(name);
    return s == null ? -1 : s;
  }

  public static void set(long[] registers, int register, Felt value) {
    if (register >= 0) value.writeTo(registers, 4 * register);
  }

  /** Writes one Montgomery element per constraint (index order) into the coefficient registers. */
  public void setCoefficients(long[] registers, long[] coefficients) {
    for (int c = 0; c < coefficientRegisters.length; c++) System.arraycopy(coefficients, 4 * c, registers, 4 * coefficientRegisters[c], 4);
  }

  /** Number of operations of the program (all per-point work before {@link CosetEvaluator}'s hoisting). */
  public int operations() {
    return op.length;
  }

  /**
   * Runs the program and writes Σ coefficient_i·constraint_i·numerator_i/denominator_i into {@code out[oo..oo+3]}.
   * {@code coefficients} holds one Montgomery element per constraint; {@code scratch} at least 12 longs.
   */
  public void evaluate(long[] r, long[] coefficients, long[] out, int oo, long[] scratch) {
    setCoefficients(r, coefficients);
    for (int i = 0; i < op.length; i++) {
      int d = 4 * dst[i], x = 4 * a[i], y = 4 * b[i];
      switch (op[i]) {
        case ADD -> Fp.add(r, x, r, y, r, d);
        case SUB -> Fp.sub(r, x, r, y, r, d);
        case MUL -> Fp.mul(r, x, r, y, r, d);
        default -> Fp.inverse(r, x, r, d, scratch);
      }
    }
    System.arraycopy(r, 4 * output, out, oo, 4);
  }

  private static final class Builder {
    final List<int[]> ops = new ArrayList<>();
    final List<Felt> constants = new ArrayList<>();
    final List<Integer> constantRegisters = new ArrayList<>();
    final Map<String, Integer> constantRegister = new HashMap<>();
    final IdentityHashMap<AirDescription.Expr, Integer> done = new IdentityHashMap<>();
    final Map<Long, Integer> known = new HashMap<>(); // (op, x, y) → register: identical operations once
    final Map<Integer, Integer> aliases = new HashMap<>(); // named sub-expression slot → register computing it
    int next;

    Builder(int slots) {
      this.next = slots;
    }

    int temp() {
      return next++;
    }

    /** The register holding x op y, emitting the operation unless an identical one exists. */
    int op(byte code, int x, int y) {
      if ((code == ADD || code == MUL) && x > y) {
        int t = x;
        x = y;
        y = t;
      }
      long key = (long) code << 56 | (long) x << 28 | y;
      Integer r = known.get(key);
      if (r != null) return r;
      int d = temp();
      ops.add(new int[] {code, d, x, y});
      known.put(key, d);
      return d;
    }

    void alias(int slot, int register) {
      aliases.put(slot, register);
    }

    /** Emits e and returns the register holding its value. */
    int emit(AirDescription.Expr e) {
      Integer k = done.get(e);
      if (k != null) return k;
      int r;
      if (e instanceof AirDescription.Var v) r = aliases.getOrDefault(v.slot, v.slot);
      else if (e instanceof AirDescription.Const c) r = constant(c.v);
      else {
        AirDescription.Bin bin = (AirDescription.Bin) e;
        if (bin.op == '/') throw new IllegalStateException("division inside a constraint expression is not compiled");
        int x = emit(bin.a), y = emit(bin.b);
        r = op(bin.op == '+' ? ADD : bin.op == '-' ? SUB : MUL, x, y);
      }
      done.put(e, r);
      return r;
    }

    int constant(Felt v) {
      String key = v.toHex();
      Integer r = constantRegister.get(key);
      if (r != null) return r;
      int reg = next++;
      constantRegister.put(key, reg);
      constants.add(v);
      constantRegisters.add(reg);
      return reg;
    }
  }
}
