package io.cairn.vm.builtins;

import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * EC-op builtin: P, Q, m → P + m·Q on the STARK curve, by the AIR's 256-step double-and-add, failing where the AIR
 * would (two points with equal x) (CL builtins/ec/ec_op_builtin_runner.py).
 */
public final class EcOpBuiltin extends SimpleBuiltin {
  static final BigInteger ALPHA = BigInteger.ONE;
  static final BigInteger BETA =
      new BigInteger("6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);
  private static final BigInteger P = Field.P;
  private final Map<Integer, BigInteger> cache = new HashMap<>();

  public EcOpBuiltin(boolean included, Integer ratio) {
    super("ec_op", included, ratio, 1, 7, 5, 1);
  }

  @Override
  public MaybeRelocatable deduce(Memory memory, int offset) {
    int index = offset % 7;
    if (index < 5) return null;
    BigInteger c = cache.get(offset);
    if (c != null) return IntValue.of(c);
    int inst = offset - index;
    BigInteger[] in = new BigInteger[5];
    for (int i = 0; i < 5; i++) {
      if (!memory.isWritten(base.segment(), inst + i)) return null;
    }
    for (int i = 0; i < 5; i++) in[i] = intAt(memory, inst + i);
    if (in[4].compareTo(P) >= 0) throw new VmError("ec_op builtin: m must be at most " + P + ".");
    for (int k = 0; k < 4; k += 2) {
      if (!onCurve(in[k], in[k + 1]))
        throw new VmError("ec_op builtin: point (" + in[k] + ", " + in[k + 1] + ") is not on the curve.");
    }
    BigInteger[] r = ecOp(in[0], in[1], in[2], in[3], in[4], 256);
    cache.put(inst + 5, r[0]);
    cache.put(inst + 6, r[1]);
    return IntValue.of(r[index - 5]);
  }

  static boolean onCurve(BigInteger x, BigInteger y) {
    return y.multiply(y).mod(P).equals(x.pow(3).add(ALPHA.multiply(x)).add(BETA).mod(P));
  }

  /** P + m·Q as the AIR computes it. */
  public static BigInteger[] ecOp(BigInteger px, BigInteger py, BigInteger qx, BigInteger qy, BigInteger m, int height) {
    BigInteger[] sum = {px, py};
    BigInteger[] dbl = {qx, qy};
    BigInteger mm = m;
    for (int i = 0; i < height; i++) {
      if (dbl[0].subtract(sum[0]).mod(P).signum() == 0)
        throw new VmError(
            "Cannot apply EC operation: computation reached two points with the same x coordinate.\n"
                + "Attempting to compute P + m * Q where:\nP = (" + px + ", " + py + ")\nm = " + m + "\nQ = (" + qx
                + ", " + qy + ").");
      if (mm.testBit(0)) sum = add(sum, dbl);
      dbl = dbl(dbl);
      mm = mm.shiftRight(1);
    }
    return sum;
  }

  static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    BigInteger l = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P)).mod(P);
    BigInteger x = l.multiply(l).subtract(a[0]).subtract(b[0]).mod(P);
    BigInteger y = l.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
    return new BigInteger[] {x, y};
  }

  static BigInteger[] dbl(BigInteger[] a) {
    BigInteger l =
        a[0].multiply(a[0]).multiply(BigInteger.valueOf(3)).add(ALPHA).multiply(a[1].shiftLeft(1).modInverse(P)).mod(P);
    BigInteger x = l.multiply(l).subtract(a[0].shiftLeft(1)).mod(P);
    BigInteger y = l.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
    return new BigInteger[] {x, y};
  }

  @Override
  public Map<String, Object> airPrivateInput(Memory memory) {
    return Map.of(name, inputEntries(memory, "p_x", "p_y", "q_x", "q_y", "m"));
  }
}
