package io.cairn.lang.compiler;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.encode.Instruction;
import io.cairn.lang.encode.Instruction.ApUpdate;
import io.cairn.lang.encode.Instruction.Op1Addr;
import io.cairn.lang.encode.Instruction.Opcode;
import io.cairn.lang.encode.Instruction.PcUpdate;
import io.cairn.lang.encode.Instruction.Register;
import io.cairn.lang.encode.Instruction.Res;
import java.math.BigInteger;

/** Turns a fully simplified instruction into its machine form (cairo-lang instruction_builder). */
final class InstructionBuilder {
  private InstructionBuilder() {}

  /** Either an instruction or a data word. */
  record Built(Instruction instruction, BigInteger data) {
    int size() {
      return instruction != null ? instruction.size() : 1;
    }
  }

  static final class BuildError extends RuntimeException {
    final io.cairn.lang.ast.Location location;

    BuildError(String msg, io.cairn.lang.ast.Location location) {
      super(msg);
      this.location = location;
    }
  }

  private record ResDesc(int off1, int off2, BigInteger imm, Register op0Reg, Op1Addr op1Addr, Res res) {}

  private record RegOff(Register reg, int off) {}

  static Built build(Code.Body body, boolean incAp) {
    ApUpdate apUpdate = incAp ? ApUpdate.ADD1 : ApUpdate.REGULAR;
    switch (body) {
      case Code.AssertEq a -> {
        try {
          return new Built(assertEq(a.a(), a.b(), apUpdate), null);
        } catch (BuildError e) {
          try {
            return new Built(assertEq(a.b(), a.a(), apUpdate), null);
          } catch (BuildError e2) {
            throw e;
          }
        }
      }
      case Code.Jump j -> {
        ResDesc r = parseRes(j.val());
        return new Built(new Instruction(-1, r.off1, r.off2, r.imm, Register.FP, r.op0Reg, r.op1Addr, r.res,
            j.relative() ? PcUpdate.JUMP_REL : PcUpdate.JUMP, apUpdate, Opcode.NOP), null);
      }
      case Code.Jnz j -> {
        RegOff dst = regOff(deref(j.condition()));
        int off2;
        BigInteger imm = null;
        Op1Addr op1;
        if (j.offset() instanceof Expr.Deref d) {
          RegOff r = regOff(d.addr());
          off2 = r.off;
          op1 = r.reg == Register.FP ? Op1Addr.FP : Op1Addr.AP;
        } else if (j.offset() instanceof Expr.Const c) {
          off2 = 1;
          imm = c.val();
          op1 = Op1Addr.IMM;
        } else throw new BuildError("Invalid expression for jmp offset.", j.offset().location());
        return new Built(new Instruction(dst.off, -1, off2, imm, dst.reg, Register.FP, op1, Res.UNCONSTRAINED,
            PcUpdate.JNZ, apUpdate, Opcode.NOP), null);
      }
      case Code.Call c -> {
        if (incAp) throw new BuildError("ap++ may not be used with the call opcode.", c.location());
        int off2;
        BigInteger imm = null;
        Op1Addr op1;
        if (c.val() instanceof Expr.Deref d) {
          RegOff r = regOff(d.addr());
          off2 = r.off;
          op1 = r.reg == Register.FP ? Op1Addr.FP : Op1Addr.AP;
        } else if (c.val() instanceof Expr.Const k) {
          off2 = 1;
          imm = k.val();
          op1 = Op1Addr.IMM;
        } else throw new BuildError("Invalid offset for call.", c.val().location());
        return new Built(new Instruction(0, 1, off2, imm, Register.AP, Register.AP, op1, Res.OP1,
            c.relative() ? PcUpdate.JUMP_REL : PcUpdate.JUMP, ApUpdate.ADD2, Opcode.CALL), null);
      }
      case Code.Ret r -> {
        if (incAp) throw new BuildError("ap++ may not be used with the ret opcode.", r.location());
        return new Built(new Instruction(-2, -1, -1, null, Register.FP, Register.FP, Op1Addr.FP, Res.OP1,
            PcUpdate.JUMP, ApUpdate.REGULAR, Opcode.RET), null);
      }
      case Code.AddAp a -> {
        if (incAp) throw new BuildError("ap++ may not be used with the addap opcode.", a.location());
        ResDesc r = parseRes(a.expr());
        return new Built(new Instruction(-1, r.off1, r.off2, r.imm, Register.FP, r.op0Reg, r.op1Addr, r.res,
            PcUpdate.REGULAR, ApUpdate.ADD, Opcode.NOP), null);
      }
      case Code.DataWord d -> {
        if (incAp) throw new BuildError("ap++ may not be used with the dw opcode.", d.location());
        if (!(d.expr() instanceof Expr.Const c)) {
          throw new BuildError("dw must be followed by a constant expression.", d.expr().location());
        }
        return new Built(null, c.val().mod(Simplifier.PRIME));
      }
      default -> throw new BuildError("Unresolved label.", body.location());
    }
  }

  private static Instruction assertEq(Expr a, Expr b, ApUpdate apUpdate) {
    // Inverse syntactic sugar: op0 = dst - op1  =>  dst = op0 + op1.
    if (b instanceof Expr.Operator o && (o.op().equals("-") || o.op().equals("/"))) {
      if (o.b() instanceof Expr.Const) {
        throw new BuildError("Subtraction and division are not supported for immediates.", o.b().location());
      }
      String op = o.op().equals("-") ? "+" : "*";
      Expr na = o.a();
      b = new Expr.Operator(a, op, o.b(), o.location());
      a = na;
    }
    RegOff dst = regOff(deref(a));
    ResDesc r = parseRes(b);
    return new Instruction(dst.off, r.off1, r.off2, r.imm, dst.reg, r.op0Reg, r.op1Addr, r.res,
        PcUpdate.REGULAR, apUpdate, Opcode.ASSERT_EQ);
  }

  private static ResDesc parseRes(Expr e) {
    if (e instanceof Expr.Deref d) return parseResDeref(d.addr());
    if (e instanceof Expr.Const c) return new ResDesc(-1, 1, c.val(), Register.FP, Op1Addr.IMM, Res.OP1);
    if (e instanceof Expr.Operator o) return parseResOperator(o);
    throw new BuildError("Invalid RHS expression.", e.location());
  }

  private static ResDesc parseResDeref(Expr e) {
    if (e instanceof Expr.Deref || (e instanceof Expr.Operator o && o.a() instanceof Expr.Deref)) {
      Object[] io = parseOffset(e);
      RegOff inner = regOff(deref((Expr) io[0]));
      return new ResDesc(inner.off, (Integer) io[1], null, inner.reg, Op1Addr.OP0, Res.OP1);
    }
    RegOff r = regOff(e);
    return new ResDesc(-1, r.off, null, Register.FP, r.reg == Register.FP ? Op1Addr.FP : Op1Addr.AP, Res.OP1);
  }

  private static ResDesc parseResOperator(Expr.Operator o) {
    Res res;
    if (o.op().equals("+")) res = Res.ADD;
    else if (o.op().equals("*")) res = Res.MUL;
    else throw new BuildError("Expected '+' or '*', found: '" + o.op() + "'.", o.location());
    RegOff op0 = regOff(deref(o.a()));
    if (o.b() instanceof Expr.Const c) return new ResDesc(op0.off, 1, c.val(), op0.reg, Op1Addr.IMM, res);
    if (o.b() instanceof Expr.Deref d) {
      RegOff op1 = regOff(d.addr());
      return new ResDesc(op0.off, op1.off, null, op0.reg, op1.reg == Register.FP ? Op1Addr.FP : Op1Addr.AP, res);
    }
    throw new BuildError("Expected a constant expression or a dereference expression.", o.b().location());
  }

  static Expr deref(Expr e) {
    if (!(e instanceof Expr.Deref d)) throw new BuildError("Expected a dereference expression.", e.location());
    return d.addr();
  }

  private static RegOff regOff(Expr e) {
    Object[] io = parseOffset(e);
    if (!(io[0] instanceof Expr.RegExpr r)) {
      throw new BuildError("Expected a register. Found: " + ((Expr) io[0]).format() + ".", ((Expr) io[0]).location());
    }
    return new RegOff(r.reg() == Expr.Reg.AP ? Register.AP : Register.FP, (Integer) io[1]);
  }

  /** {val, offset} for "val + off" / "val - off" / "val". */
  static Object[] parseOffset(Expr e) {
    if (!(e instanceof Expr.Operator o)) return new Object[] {e, 0};
    int sign;
    if (o.op().equals("+")) sign = 1;
    else if (o.op().equals("-")) sign = -1;
    else throw new BuildError("Expected '+' or '-', found: '" + o.op() + "'.", o.location());
    if (!(o.b() instanceof Expr.Const c)) {
      throw new BuildError("Expected a constant offset in the range [-2^15, 2^15).", o.b().location());
    }
    BigInteger v = c.val().multiply(BigInteger.valueOf(sign));
    if (v.compareTo(BigInteger.valueOf(-(1 << 15))) < 0 || v.compareTo(BigInteger.valueOf(1 << 15)) >= 0) {
      throw new BuildError("Expected a constant offset in the range [-2^15, 2^15).", o.b().location());
    }
    return new Object[] {o.a(), v.intValue()};
  }

  static boolean isSimpleDeref(Expr e) {
    if (!(e instanceof Expr.Deref d)) return false;
    try {
      regOff(d.addr());
      return true;
    } catch (BuildError ex) {
      return false;
    }
  }

  static CairoCompileException error(BuildError e) {
    return new CairoCompileException(e.location, e.getMessage());
  }
}
