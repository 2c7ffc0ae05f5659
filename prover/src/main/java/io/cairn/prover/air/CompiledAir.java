package io.cairn.prover.air;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.field.Fp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layout description compiled to a straight-line program over a {@code long[]} register file of Montgomery limbs,
 * for evaluating the composition polynomial at many points without allocation (the prover's constraint evaluation).
 *
 * <p>Registers 0..slots−1 hold the description's named values (mask values, point powers, shifts, external values,
 * then the shared sub-expressions the program computes); constants and temporaries follow. Constraints sharing a
 * denominator are summed first, so one evaluation needs one inversion per distinct denominator.
 */
public final class CompiledAir {
  private static final byte ADD = 0, SUB = 1, MUL = 2;

  private final AirDescription air;
  private final int registers;
  private final long[] constants; // Montgomery limbs, copied into their registers by newRegisters()
  private final int[] constantRegisters;
  private final byte[] op;
  private final int[] dst, a, b;
  private final int[] denominatorRegister; // per group
  private final int[][] groupConstraints; // constraint indices per group
  private final int[] constraintValue; // register holding expr·numerator, per constraint index

  public CompiledAir(AirDescription air) {
    this.air = air;
    Builder bld = new Builder(air.slots.size());
    for (int i = 0; i < air.letExprs.size(); i++) bld.emitInto(air.letExprs.get(i), air.slots.get(air.letNames.get(i)));
    int n = air.constraints.size();
    constraintValue = new int[n];
    Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
    for (AirDescription.Constraint c : air.constraints) {
      int e = bld.emit(c.expr());
      int num = bld.emit(c.numerator());
      int prod = bld.temp();
      bld.add(MUL, prod, e, num);
      constraintValue[c.index()] = prod;
      int den = bld.emit(c.denominator());
      groups.computeIfAbsent(den, k -> new ArrayList<>()).add(c.index());
    }
    denominatorRegister = new int[groups.size()];
    groupConstraints = new int[groups.size()][];
    int g = 0;
    for (var e : groups.entrySet()) {
      denominatorRegister[g] = e.getKey();
      groupConstraints[g++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
    }
    constants = new long[4 * bld.constants.size()];
    constantRegisters = new int[bld.constants.size()];
    for (int i = 0; i < bld.constants.size(); i++) {
      bld.constants.get(i).writeTo(constants, 4 * i);
      constantRegisters[i] = (Integer) bld.pendingConstants.get(i)[0];
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

  /**
   * Runs the program and writes Σ coefficient_i·constraint_i·numerator_i/denominator_i into {@code out[oo..oo+3]}.
   * {@code coefficients} holds one Montgomery element per constraint; {@code scratch} at least 12 longs.
   */
  public void evaluate(long[] r, long[] coefficients, long[] out, int oo, long[] scratch) {
    for (int i = 0; i < op.length; i++) {
      int d = 4 * dst[i], x = 4 * a[i], y = 4 * b[i];
      switch (op[i]) {
        case ADD -> Fp.add(r, x, r, y, r, d);
        case SUB -> Fp.sub(r, x, r, y, r, d);
        default -> Fp.mul(r, x, r, y, r, d);
      }
    }
    out[oo] = out[oo + 1] = out[oo + 2] = out[oo + 3] = 0;
    for (int g = 0; g < groupConstraints.length; g++) {
      scratch[0] = scratch[1] = scratch[2] = scratch[3] = 0;
      for (int c : groupConstraints[g]) {
        Fp.mul(coefficients, 4 * c, r, 4 * constraintValue[c], scratch, 4);
        Fp.add(scratch, 0, scratch, 4, scratch, 0);
      }
      Fp.inverse(r, 4 * denominatorRegister[g], scratch, 8);
      Fp.mul(scratch, 0, scratch, 8, scratch, 0);
      Fp.add(out, oo, scratch, 0, out, oo);
    }
  }

  /** Number of distinct denominators (constraint groups). */
  public int groups() {
    return groupConstraints.length;
  }

  /**
   * Runs the program and leaves the division to the caller, so that a block of points inverts its denominators
   * together: per group g, Σ coefficient_i·constraint_i·numerator_i goes to {@code sums[so + 4g]} and the group's
   * denominator to {@code denominators[dof + 4g]}. The composition value is Σ_g sums_g / denominators_g.
   */
  public void evaluateParts(long[] r, long[] coefficients, long[] sums, int so, long[] denominators, int dof, long[] scratch) {
    for (int i = 0; i < op.length; i++) {
      int d = 4 * dst[i], x = 4 * a[i], y = 4 * b[i];
      switch (op[i]) {
        case ADD -> Fp.add(r, x, r, y, r, d);
        case SUB -> Fp.sub(r, x, r, y, r, d);
        default -> Fp.mul(r, x, r, y, r, d);
      }
    }
    for (int g = 0; g < groupConstraints.length; g++) {
      int o = so + 4 * g;
      sums[o] = sums[o + 1] = sums[o + 2] = sums[o + 3] = 0;
      for (int c : groupConstraints[g]) {
        Fp.mul(coefficients, 4 * c, r, 4 * constraintValue[c], scratch, 0);
        Fp.add(sums, o, scratch, 0, sums, o);
      }
      System.arraycopy(r, 4 * denominatorRegister[g], denominators, dof + 4 * g, 4);
    }
  }

  private static final class Builder {
    final List<int[]> ops = new ArrayList<>();
    final List<Felt> constants = new ArrayList<>();
    final Map<String, Integer> constantRegister = new HashMap<>();
    final IdentityHashMap<AirDescription.Expr, Integer> done = new IdentityHashMap<>();
    final int slots;
    int next;
    final List<Object[]> pendingConstants = new ArrayList<>();

    Builder(int slots) {
      this.slots = slots;
      this.next = slots;
    }

    int temp() {
      return next++;
    }

    void add(byte code, int d, int x, int y) {
      ops.add(new int[] {code, d, x, y});
    }

    /** Emits e and returns the register holding its value. */
    int emit(AirDescription.Expr e) {
      Integer known = done.get(e);
      if (known != null) return known;
      int r;
      if (e instanceof AirDescription.Var v) r = v.slot;
      else if (e instanceof AirDescription.Const c) r = constant(c.v);
      else {
        AirDescription.Bin bin = (AirDescription.Bin) e;
        if (bin.op == '/') throw new IllegalStateException("division inside a constraint expression is not compiled");
        int x = emit(bin.a), y = emit(bin.b);
        r = temp();
        add(bin.op == '+' ? ADD : bin.op == '-' ? SUB : MUL, r, x, y);
      }
      done.put(e, r);
      return r;
    }

    /** Emits e into a fixed register (a named sub-expression). */
    void emitInto(AirDescription.Expr e, int target) {
      int r = emit(e);
      if (r != target) {
        int zero = constant(Felt.ZERO);
        add(ADD, target, r, zero);
      }
    }

    int constant(Felt v) {
      String key = v.toHex();
      Integer r = constantRegister.get(key);
      if (r != null) return r;
      int reg = next++;
      constantRegister.put(key, reg);
      constants.add(v);
      pendingConstants.add(new Object[] {reg, v});
      return reg;
    }
  }
}
