package io.cairn.vm.cairo1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.vm.builtins.BuiltinRunner;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.program.Program;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/** Just enough VM to run one hint: a one-word program, and ap = fp = 10 on an execution segment. */
record HintVm(Memory mem, CairoVm vm, Relocatable fp) {
  /** {@code [ap + off]}. */
  static Operand.CellRef ap(int off) {
    return new Operand.CellRef(false, off);
  }

  static Operand.Res imm(BigInteger v) {
    return new Operand.Immediate(v);
  }

  static Operand.Res imm(long v) {
    return imm(BigInteger.valueOf(v));
  }

  /** The value in the cell {@code [ap + off]}, as a hint operand. */
  static Operand.Res deref(int apOff) {
    return new Operand.Deref(ap(apOff));
  }

  static HintVm create() throws Exception {
    return create(m -> List.of());
  }

  /** {@code builtins} creates the builtin runners (their segments come right after the execution segment). */
  static HintVm create(Function<Memory, List<BuiltinRunner>> builtins) throws Exception {
    Memory mem = new Memory();
    Relocatable prog = mem.addSegment();
    mem.write(prog, BigInteger.ZERO);
    Relocatable fp = mem.addSegment().add(10);
    List<BuiltinRunner> runners = builtins.apply(mem);
    Program p = Program.parse(new ObjectMapper().readTree("{\"data\": [\"0x0\"]}"), "t");
    CairoVm vm = new CairoVm(mem, p, prog.segment(), null, new Object[1][], runners, false);
    vm.setRegisters(prog, fp, fp);
    return new HintVm(mem, vm, fp);
  }
}
