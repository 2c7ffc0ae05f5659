package io.cairn.vm.cairo1;

import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;

/** CASM hint operands: {@code CellRef} and {@code ResOperand} as the Cairo compiler serializes them. */
public final class Operand {
  private Operand() {}

  /** A cell at {@code [ap + offset]} or {@code [fp + offset]}. */
  public record CellRef(boolean fp, int offset) {
    public Relocatable address(CairoVm vm) {
      return fp ? new Relocatable(vm.fpSeg, vm.fpOff + offset) : new Relocatable(vm.apSeg, vm.apOff + offset);
    }

    public MaybeRelocatable get(CairoVm vm) {
      return vm.memory().require(address(vm));
    }

    public void set(CairoVm vm, MaybeRelocatable v) {
      vm.memory().write(address(vm), v);
    }

    public void set(CairoVm vm, BigInteger v) {
      vm.memory().write(address(vm), v);
    }

    @Override
    public String toString() {
      return "[" + (fp ? "fp" : "ap") + (offset >= 0 ? " + " + offset : " - " + -offset) + "]";
    }
  }

  /** A value a hint reads: {@code [c]}, {@code [[c] + k]}, an immediate, or {@code [c] op ([c'] | imm)}. */
  public sealed interface Res {
    MaybeRelocatable value(CairoVm vm);

    default BigInteger felt(CairoVm vm) {
      MaybeRelocatable v = value(vm);
      if (v instanceof IntValue i) return i.value();
      throw new VmError("Expected an integer operand " + this + ", found the address " + v);
    }

    default Relocatable address(CairoVm vm) {
      MaybeRelocatable v = value(vm);
      if (v instanceof Relocatable r) return r;
      throw new VmError("Expected an address operand " + this + ", found the integer " + v);
    }
  }

  public record Deref(CellRef cell) implements Res {
    public MaybeRelocatable value(CairoVm vm) {
      return cell.get(vm);
    }
  }

  public record DoubleDeref(CellRef cell, int offset) implements Res {
    public MaybeRelocatable value(CairoVm vm) {
      MaybeRelocatable base = cell.get(vm);
      if (!(base instanceof Relocatable r))
        throw new VmError("Expected an address in " + cell + " for a double dereference, found " + base);
      return vm.memory().require(r.add(offset));
    }
  }

  public record Immediate(BigInteger value) implements Res {
    public MaybeRelocatable value(CairoVm vm) {
      return IntValue.of(value);
    }
  }

  /** {@code [a] + b} or {@code [a] * b}; b is a cell or an immediate. */
  public record BinOp(boolean mul, CellRef a, Res b) implements Res {
    public MaybeRelocatable value(CairoVm vm) {
      MaybeRelocatable x = a.get(vm);
      MaybeRelocatable y = b.value(vm);
      if (mul) {
        if (x instanceof IntValue xi && y instanceof IntValue yi) return IntValue.of(xi.value().multiply(yi.value()));
        throw new VmError("Cannot multiply " + x + " by " + y);
      }
      if (y instanceof IntValue yi) return x.add(yi.value());
      if (x instanceof IntValue xi) return y.add(xi.value());
      throw new VmError("Cannot add two addresses " + x + " and " + y);
    }
  }
}
