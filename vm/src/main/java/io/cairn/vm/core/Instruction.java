package io.cairn.vm.core;

/**
 * Field extraction from a Cairo instruction word (CAIRO.md §3; paper §4.4). The 63-bit encoding itself is the decoded
 * form: these accessors are the decoder, and {@link #validate} applies cairo-lang's decode checks once per word.
 */
public final class Instruction {
  private Instruction() {}

  public static final int DST_REG = 0, OP0_REG = 1, OP1_IMM = 2, OP1_FP = 3, OP1_AP = 4, RES_ADD = 5, RES_MUL = 6,
      PC_ABS = 7, PC_REL = 8, PC_JNZ = 9, AP_ADD = 10, AP_ADD1 = 11, CALL = 12, RET = 13, ASSERT_EQ = 14;

  public static int off0(long e) {
    return (int) (e & 0xffff) - 0x8000;
  }

  public static int off1(long e) {
    return (int) ((e >>> 16) & 0xffff) - 0x8000;
  }

  public static int off2(long e) {
    return (int) ((e >>> 32) & 0xffff) - 0x8000;
  }

  /** The biased (unsigned 16-bit) offsets, as the range-check component sees them. */
  public static int biased(long e, int i) {
    return (int) ((e >>> (16 * i)) & 0xffff);
  }

  public static int flags(long e) {
    return (int) (e >>> 48);
  }

  public static boolean flag(long e, int bit) {
    return ((e >>> (48 + bit)) & 1) != 0;
  }

  /** Returns null when the word decodes, else cairo-lang's reason. */
  public static String validate(long e) {
    int f = flags(e);
    int op1 = (f >> OP1_IMM & 1) + (f >> OP1_FP & 1) + (f >> OP1_AP & 1);
    if (op1 > 1) return "Invalid op1_src value (two op1 sources set)";
    if (((f >> RES_ADD) & 1) + ((f >> RES_MUL) & 1) > 1) return "Invalid res value (both add and mul set)";
    int pc = (f >> PC_ABS & 1) + (f >> PC_REL & 1) + (f >> PC_JNZ & 1);
    if (pc > 1) return "Invalid pc_update value (two pc updates set)";
    if (((f >> AP_ADD) & 1) + ((f >> AP_ADD1) & 1) > 1) return "Invalid ap_update value (both add and add1 set)";
    int op = (f >> CALL & 1) + (f >> RET & 1) + (f >> ASSERT_EQ & 1);
    if (op > 1) return "Invalid opcode value (two opcodes set)";
    if ((f >> PC_JNZ & 1) == 1 && ((f >> RES_ADD) & 3) != 0) return "JNZ opcode means res must be UNCONSTRAINED";
    if ((f >> CALL & 1) == 1 && ((f >> AP_ADD) & 3) != 0) return "CALL must have update_ap is ADD2";
    return null;
  }

  /** 2 when op1 is an immediate, else 1. */
  public static int size(long e) {
    return flag(e, OP1_IMM) ? 2 : 1;
  }
}
