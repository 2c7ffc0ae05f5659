package io.cairn.lang.encode;

import io.cairn.lang.encode.Instruction.ApUpdate;
import io.cairn.lang.encode.Instruction.Op1Addr;
import io.cairn.lang.encode.Instruction.Opcode;
import io.cairn.lang.encode.Instruction.PcUpdate;
import io.cairn.lang.encode.Instruction.Register;
import io.cairn.lang.encode.Instruction.Res;
import java.math.BigInteger;

/**
 * Encodes instructions to the 63-bit word (three biased 16-bit offsets, then 15 flag bits) plus the
 * immediate, and decodes them back (CAIRO.md §3).
 */
public final class InstructionEncoder {
  private InstructionEncoder() {}

  public static final BigInteger PRIME =
      BigInteger.ONE.shiftLeft(251).add(BigInteger.valueOf(17).shiftLeft(192)).add(BigInteger.ONE);

  private static final int BIAS = 1 << 15;

  /** The instruction word (as a non-negative long, always < 2^63). */
  public static long encodeWord(Instruction in) {
    check(in.off0(), "off0");
    check(in.off1(), "off1");
    check(in.off2(), "off2");
    if ((in.imm() != null) != (in.op1Addr() == Op1Addr.IMM)) {
      throw new IllegalArgumentException("An immediate must appear exactly when op1 is an immediate.");
    }
    if ((in.res() == Res.UNCONSTRAINED) != (in.pcUpdate() == PcUpdate.JNZ)) {
      throw new IllegalArgumentException("res must be unconstrained exactly when pc_update is jnz.");
    }
    if ((in.apUpdate() == ApUpdate.ADD2) != (in.opcode() == Opcode.CALL)) {
      throw new IllegalArgumentException("ap_update is add2 exactly when the opcode is call.");
    }
    long flags = 0;
    if (in.dstRegister() == Register.FP) flags |= 1;
    if (in.op0Register() == Register.FP) flags |= 1 << 1;
    flags |=
        switch (in.op1Addr()) {
          case IMM -> 1 << 2;
          case FP -> 1 << 3;
          case AP -> 1 << 4;
          case OP0 -> 0;
        };
    flags |=
        switch (in.res()) {
          case ADD -> 1 << 5;
          case MUL -> 1 << 6;
          default -> 0;
        };
    flags |=
        switch (in.pcUpdate()) {
          case JUMP -> 1 << 7;
          case JUMP_REL -> 1 << 8;
          case JNZ -> 1 << 9;
          case REGULAR -> 0;
        };
    flags |=
        switch (in.apUpdate()) {
          case ADD -> 1 << 10;
          case ADD1 -> 1 << 11;
          default -> 0;
        };
    flags |=
        switch (in.opcode()) {
          case CALL -> 1 << 12;
          case RET -> 1 << 13;
          case ASSERT_EQ -> 1 << 14;
          case NOP -> 0;
        };
    return (flags << 48)
        | ((long) (in.off2() + BIAS) << 32)
        | ((long) (in.off1() + BIAS) << 16)
        | (in.off0() + BIAS);
  }

  /** The words of the instruction: the encoding, then the immediate reduced modulo p if any. */
  public static BigInteger[] encode(Instruction in) {
    BigInteger word = BigInteger.valueOf(encodeWord(in));
    if (in.imm() == null) return new BigInteger[] {word};
    return new BigInteger[] {word, in.imm().mod(PRIME)};
  }

  /** Decodes an instruction word; {@code imm} is used only when op1 is an immediate. */
  public static Instruction decode(long word, BigInteger imm) {
    if (word < 0) throw new IllegalArgumentException("Instruction word must be below 2^63.");
    int off0 = (int) (word & 0xffff) - BIAS;
    int off1 = (int) ((word >>> 16) & 0xffff) - BIAS;
    int off2 = (int) ((word >>> 32) & 0xffff) - BIAS;
    long f = word >>> 48;
    Register dst = (f & 1) != 0 ? Register.FP : Register.AP;
    Register op0 = (f & 2) != 0 ? Register.FP : Register.AP;
    Op1Addr op1 =
        switch ((int) ((f >> 2) & 7)) {
          case 0 -> Op1Addr.OP0;
          case 1 -> Op1Addr.IMM;
          case 2 -> Op1Addr.FP;
          case 4 -> Op1Addr.AP;
          default -> throw new IllegalArgumentException("Invalid op1 source flags.");
        };
    PcUpdate pc =
        switch ((int) ((f >> 7) & 7)) {
          case 0 -> PcUpdate.REGULAR;
          case 1 -> PcUpdate.JUMP;
          case 2 -> PcUpdate.JUMP_REL;
          case 4 -> PcUpdate.JNZ;
          default -> throw new IllegalArgumentException("Invalid pc_update flags.");
        };
    Res res =
        switch ((int) ((f >> 5) & 3)) {
          case 0 -> pc == PcUpdate.JNZ ? Res.UNCONSTRAINED : Res.OP1;
          case 1 -> Res.ADD;
          case 2 -> Res.MUL;
          default -> throw new IllegalArgumentException("Invalid res flags.");
        };
    Opcode opcode =
        switch ((int) ((f >> 12) & 7)) {
          case 0 -> Opcode.NOP;
          case 1 -> Opcode.CALL;
          case 2 -> Opcode.RET;
          case 4 -> Opcode.ASSERT_EQ;
          default -> throw new IllegalArgumentException("Invalid opcode flags.");
        };
    ApUpdate ap =
        switch ((int) ((f >> 10) & 3)) {
          case 0 -> opcode == Opcode.CALL ? ApUpdate.ADD2 : ApUpdate.REGULAR;
          case 1 -> ApUpdate.ADD;
          case 2 -> ApUpdate.ADD1;
          default -> throw new IllegalArgumentException("Invalid ap_update flags.");
        };
    if ((f >> 15) != 0) throw new IllegalArgumentException("Instruction word must be below 2^63.");
    return new Instruction(
        off0, off1, off2, op1 == Op1Addr.IMM ? imm : null, dst, op0, op1, res, pc, ap, opcode);
  }

  private static void check(int off, String name) {
    if (off < -BIAS || off >= BIAS) {
      throw new IllegalArgumentException(name + " must be in range [-2^15, 2^15), got " + off + ".");
    }
  }
}
