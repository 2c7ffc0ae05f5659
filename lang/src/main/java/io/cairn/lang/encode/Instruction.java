package io.cairn.lang.encode;

import java.math.BigInteger;

/**
 * One Cairo instruction in decoded form (CAIRO.md §3). {@code imm} is non-null exactly when op1 is
 * an immediate.
 */
public record Instruction(
    int off0,
    int off1,
    int off2,
    BigInteger imm,
    Register dstRegister,
    Register op0Register,
    Op1Addr op1Addr,
    Res res,
    PcUpdate pcUpdate,
    ApUpdate apUpdate,
    Opcode opcode) {

  public enum Register {
    AP,
    FP
  }

  public enum Op1Addr {
    IMM,
    AP,
    FP,
    OP0
  }

  public enum Res {
    OP1,
    ADD,
    MUL,
    UNCONSTRAINED
  }

  public enum PcUpdate {
    REGULAR,
    JUMP,
    JUMP_REL,
    JNZ
  }

  public enum ApUpdate {
    REGULAR,
    ADD,
    ADD1,
    ADD2
  }

  public enum Opcode {
    NOP,
    ASSERT_EQ,
    CALL,
    RET
  }

  public int size() {
    return imm == null ? 1 : 2;
  }
}
