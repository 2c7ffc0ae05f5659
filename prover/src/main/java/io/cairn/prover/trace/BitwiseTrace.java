package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;

/**
 * The bitwise builtin's part of the main trace (Stone's {@code BitwiseBuiltinProverContext}): every instance, unused
 * ones with x = y = 0; memory cells x, y, x&y, x^y, x|y at begin + 5i; the diluted var pool gets x, y, x&y, x^y
 * shifted by each shift of the partition (a + b for a = 0, 64, 128, … below the total bits and b < spacing) and masked
 * to the diluted positions; the trim cells get x|y at the top shifts, moved up past the total bits.
 */
final class BitwiseTrace {
  private BitwiseTrace() {}

  static int[] partition(DilutedColumns d, int totalBits) {
    int skip = d.spacing() * d.nBits();
    int n = 0;
    int[] tmp = new int[totalBits];
    for (int a = 0; a < totalBits; a += skip) for (int b = 0; b < d.spacing(); b++) if (a + b < totalBits) tmp[n++] = a + b;
    return java.util.Arrays.copyOf(tmp, n);
  }

  static void write(MainTrace t, BitwiseColumns c, DilutedColumns d, long begin, Execution.Memory mem) {
    int[] partition = partition(d, c.totalBits());
    long mask = d.mask();
    int instances = t.rows() / c.x().step();
    long[][] v = new long[5][4];
    for (int i = 0; i < instances; i++) {
      long addr = begin + 5L * i;
      boolean used = mem.has(addr) && mem.has(addr + 1);
      for (int k = 0; k < 4; k++) {
        v[0][k] = used ? mem.limb(addr, k) : 0;
        v[1][k] = used ? mem.limb(addr + 1, k) : 0;
        v[2][k] = v[0][k] & v[1][k];
        v[3][k] = v[0][k] ^ v[1][k];
        v[4][k] = v[0][k] | v[1][k];
      }
      if (used && ((v[0][3] | v[1][3]) >>> (c.totalBits() - 192)) != 0)
        throw new IllegalArgumentException("bitwise builtin instance " + i + " (cells " + addr + ", " + (addr + 1) + "): inputs must be below 2^" + c.totalBits());
      VirtualColumn[] mems = {c.x(), c.y(), c.xAndY(), c.xXorY(), c.xOrY()};
      for (int k = 0; k < 5; k++) t.builtinMemory(mems[k].unit(i), addr + k, Felt.fromCanonicalLimbs(v[k][0], v[k][1], v[k][2], v[k][3]));
      for (int part = 0; part < partition.length; part++) {
        int shift = partition[part];
        for (int k = 0; k < 4; k++)
          t.diluted(c.dilutedVarPool().row(part + (long) partition.length * (4L * i + k)), shiftedLow(v[k], shift) & mask);
      }
      for (int s = 0; s < c.trimShifts().length; s++) {
        int shift = c.trimShifts()[s];
        long value = shiftedLow(v[4], shift) & mask;
        int deviation = shift + d.spacing() * (d.nBits() - 1) + 1 - c.totalBits();
        int delta = (deviation + d.spacing() - 1) / d.spacing() * d.spacing();
        t.diluted(c.trimUnpacking()[s].row(i), value << delta);
      }
    }
  }

  /** The low 64 bits of a 256-bit value (4 little-endian limbs) shifted right. */
  private static long shiftedLow(long[] v, int shift) {
    int limb = shift >>> 6, bits = shift & 63;
    long lo = v[limb] >>> bits;
    if (bits != 0 && limb + 1 < 4) lo |= v[limb + 1] << (64 - bits);
    return lo;
  }
}
