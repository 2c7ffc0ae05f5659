package io.cairn.prover.trace;

import io.cairn.crypto.field.Felt;
import io.cairn.vm.runner.RelocatedMemory;
import io.cairn.vm.runner.RunOutput;
import java.util.Arrays;

/**
 * The main (first) trace table of a layout, column-major. So far it holds the CPU component (instruction decoding,
 * offsets, registers and the CPU's memory accesses, as Stone's {@code CpuComponent::WriteTrace} lays them out); the
 * memory pool's public-memory and hole cells, the sorted memory and range-check columns and the builtins are next.
 */
public final class MainTrace {
  private final Felt[][] columns;

  private MainTrace(int nColumns, int rows) {
    columns = new Felt[nColumns][rows];
    for (Felt[] c : columns) Arrays.fill(c, Felt.ZERO);
  }

  public int rows() {
    return columns[0].length;
  }

  public int columnCount() {
    return columns.length;
  }

  public Felt get(int column, int row) {
    return columns[column][row];
  }

  /** Overwrites one cell (tests: a trace with a wrong cell must be rejected). */
  public void setForTest(int column, int row, Felt v) {
    set(column, row, v);
  }

  void set(int column, int row, Felt v) {
    columns[column][row] = v;
  }

  /** The CPU component of a proof-mode run's trace (steps must be a power of two, as proof mode pads them). */
  public static MainTrace cpu(RunOutput run, CpuColumns cols, int nColumns) {
    int steps = run.steps();
    if (Integer.bitCount(steps) != 1) throw new IllegalArgumentException("steps must be a power of two (proof mode), got " + steps);
    MainTrace t = new MainTrace(nColumns, steps * CpuColumns.STEP);
    RelocatedMemory mem = run.memory();
    for (int i = 0; i < steps; i++) t.writeStep(i, run.pc(i), run.ap(i), run.fp(i), mem, cols);
    return t;
  }

  private void writeStep(int i, long pc, long ap, long fp, RelocatedMemory mem, CpuColumns c) {
    int base = CpuColumns.STEP * i;
    long inst = mem.limb(pc, 0);
    if (!mem.has(pc) || mem.limb(pc, 1) != 0 || mem.limb(pc, 2) != 0 || mem.limb(pc, 3) != 0 || inst < 0)
      throw new IllegalArgumentException("step " + i + ": no instruction word at pc " + pc);
    int off0 = (int) (inst & 0xffff), off1 = (int) ((inst >>> 16) & 0xffff), off2 = (int) ((inst >>> 32) & 0xffff);
    int flags = (int) (inst >>> 48);
    set(c.offsets(), base + c.off0(), Felt.of(off0));
    set(c.offsets(), base + c.off1(), Felt.of(off1));
    set(c.offsets(), base + c.off2(), Felt.of(off2));
    // opcode range check: row j holds the flags shifted right by j, so that bit j = row j − 2·row j+1
    for (int j = 0; j < CpuColumns.STEP; j++) set(c.opcode(), base + j, Felt.of(flags >>> j));

    boolean dstFp = (flags & 1) != 0, op0Fp = (flags >> 1 & 1) != 0;
    long dstAddr = (dstFp ? fp : ap) + off0 - 0x8000;
    long op0Addr = (op0Fp ? fp : ap) + off1 - 0x8000;
    Felt op0 = value(mem, op0Addr, i);
    long op1Base;
    if ((flags >> 2 & 1) != 0) op1Base = pc;
    else if ((flags >> 3 & 1) != 0) op1Base = fp;
    else if ((flags >> 4 & 1) != 0) op1Base = ap;
    else op1Base = op0.longValueExact();
    long op1Addr = op1Base + off2 - 0x8000;
    Felt dst = value(mem, dstAddr, i), op1 = value(mem, op1Addr, i);

    write(c.memPool(), base + c.pc(), pc, base + c.instruction(), Felt.of(inst));
    write(c.memPool(), base + c.dstAddr(), dstAddr, base + c.dstValue(), dst);
    write(c.memPool(), base + c.op0Addr(), op0Addr, base + c.op0Value(), op0);
    write(c.memPool(), base + c.op1Addr(), op1Addr, base + c.op1Value(), op1);

    boolean resAdd = (flags >> 5 & 1) != 0, resMul = (flags >> 6 & 1) != 0, jnz = (flags >> 9 & 1) != 0;
    Felt mul = op0.mul(op1);
    Felt res = resAdd ? op0.add(op1) : resMul ? mul : jnz ? (dst.isZero() ? Felt.ZERO : dst.inverse()) : op1;
    Felt tmp0 = jnz ? dst : Felt.ZERO;
    int r = c.registers();
    set(r, base + c.ap(), Felt.of(ap));
    set(r, base + c.fp(), Felt.of(fp));
    set(r, base + c.opsMul(), mul);
    set(r, base + c.res(), res);
    set(r, base + c.tmp0(), tmp0);
    set(r, base + c.tmp1(), tmp0.mul(res));
  }

  private void write(int column, int addrRow, long addr, int valueRow, Felt value) {
    set(column, addrRow, Felt.of(addr));
    set(column, valueRow, value);
  }

  private static Felt value(RelocatedMemory mem, long addr, int step) {
    if (addr < 0 || !mem.has(addr)) throw new IllegalArgumentException("step " + step + ": memory cell " + addr + " is unset");
    return Felt.fromCanonicalLimbs(mem.limb(addr, 0), mem.limb(addr, 1), mem.limb(addr, 2), mem.limb(addr, 3));
  }
}
