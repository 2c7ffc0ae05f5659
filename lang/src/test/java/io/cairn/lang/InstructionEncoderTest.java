package io.cairn.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.lang.encode.Instruction;
import io.cairn.lang.encode.InstructionEncoder;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InstructionEncoderTest {
  private static long word(String hex) {
    return Long.parseUnsignedLong(hex.substring(2), 16);
  }

  @Test
  void referenceEncodingsFromTheCairoPaper() {
    // CAIRO.md §3: ret, call rel imm, jmp rel imm, ap += imm, [ap] = imm; ap++.
    Instruction ret = InstructionEncoder.decode(word("0x208b7fff7fff7ffe"), null);
    assertEquals(Instruction.Opcode.RET, ret.opcode());
    assertEquals(-2, ret.off0());
    assertEquals(0x208b7fff7fff7ffeL, InstructionEncoder.encodeWord(ret));
    Instruction call = InstructionEncoder.decode(word("0x1104800180018000"), BigInteger.valueOf(5));
    assertEquals(Instruction.Opcode.CALL, call.opcode());
    assertEquals(Instruction.PcUpdate.JUMP_REL, call.pcUpdate());
    assertEquals(BigInteger.valueOf(5), call.imm());
    Instruction push =
        new Instruction(0, -1, 1, BigInteger.TEN, Instruction.Register.AP, Instruction.Register.FP,
            Instruction.Op1Addr.IMM, Instruction.Res.OP1, Instruction.PcUpdate.REGULAR,
            Instruction.ApUpdate.ADD1, Instruction.Opcode.ASSERT_EQ);
    assertEquals(0x480680017fff8000L, InstructionEncoder.encodeWord(push));
    Instruction jmp = InstructionEncoder.decode(word("0x10780017fff7fff"), BigInteger.ONE);
    assertEquals(Instruction.PcUpdate.JUMP_REL, jmp.pcUpdate());
    Instruction addAp = InstructionEncoder.decode(word("0x40780017fff7fff"), BigInteger.ONE);
    assertEquals(Instruction.ApUpdate.ADD, addAp.apUpdate());
  }

  @Test
  void negativeImmediatesAreReducedModuloThePrime() {
    Instruction in = new Instruction(0, -1, 1, BigInteger.valueOf(-1), Instruction.Register.AP,
        Instruction.Register.FP, Instruction.Op1Addr.IMM, Instruction.Res.OP1,
        Instruction.PcUpdate.REGULAR, Instruction.ApUpdate.ADD1, Instruction.Opcode.ASSERT_EQ);
    assertEquals(InstructionEncoder.PRIME.subtract(BigInteger.ONE), InstructionEncoder.encode(in)[1]);
  }

  @Test
  void invalidInstructionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> InstructionEncoder.decode(word("0x208b7fff7fff7ffe") | (3L << 50), null));
    Instruction badOffset = new Instruction(1 << 15, 0, 0, null, Instruction.Register.AP,
        Instruction.Register.AP, Instruction.Op1Addr.AP, Instruction.Res.OP1,
        Instruction.PcUpdate.REGULAR, Instruction.ApUpdate.REGULAR, Instruction.Opcode.ASSERT_EQ);
    assertThrows(IllegalArgumentException.class, () -> InstructionEncoder.encodeWord(badOffset));
    Instruction callWithAp = new Instruction(0, 1, 1, BigInteger.ONE, Instruction.Register.AP,
        Instruction.Register.AP, Instruction.Op1Addr.IMM, Instruction.Res.OP1,
        Instruction.PcUpdate.JUMP_REL, Instruction.ApUpdate.ADD1, Instruction.Opcode.CALL);
    assertThrows(IllegalArgumentException.class, () -> InstructionEncoder.encodeWord(callWithAp));
  }

  /** Every instruction word in every fixture program decodes and re-encodes to itself. */
  @Test
  void fixtureBytecodeRoundTrips() throws Exception {
    Path dir = Fixtures.require("cairo0-programs");
    ObjectMapper om = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int checked = 0;
    for (Path f : files) {
      JsonNode data = om.readTree(f.toFile()).get("data");
      int pc = 0;
      while (pc < data.size()) {
        BigInteger w = new BigInteger(data.get(pc).asText().substring(2), 16);
        if (w.bitLength() > 63) {
          pc++; // a data word (dw), not an instruction
          continue;
        }
        BigInteger imm = pc + 1 < data.size() ? new BigInteger(data.get(pc + 1).asText().substring(2), 16) : null;
        Instruction in;
        try {
          in = InstructionEncoder.decode(w.longValueExact(), imm);
        } catch (IllegalArgumentException e) {
          pc++;
          continue;
        }
        assertEquals(w.longValueExact(), InstructionEncoder.encodeWord(in), f + " pc " + pc);
        checked++;
        pc += in.size();
      }
    }
    assertTrue(checked > 1000, "checked " + checked + " instructions");
  }
}
