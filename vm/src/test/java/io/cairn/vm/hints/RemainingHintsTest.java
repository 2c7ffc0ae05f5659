package io.cairn.vm.hints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Relocatable;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The last whitelist codes: keccak/blake2s/sha256 block helpers, ec_recover and bigint division, ed25519 curve steps. */
class RemainingHintsTest {
  static final BigInteger ED_P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  static final BigInteger ZERO_STATE_LANE0 = new BigInteger("F1258F7940E1DDE7", 16);

  static BigInteger b(long v) {
    return BigInteger.valueOf(v);
  }

  static Object[] zeros(int n) {
    Object[] z = new Object[n];
    java.util.Arrays.fill(z, 0);
    return z;
  }

  @Test
  void keccakBlockPermutationsOfTheZeroState() {
    Relocatable ptr = new Relocatable(1, 125);
    HintTester t = new HintTester(HintCodes.BLOCK_PERMUTATION_WHITELIST_V1).id("keccak_ptr", "felt*", ptr)
        .constant("KECCAK_STATE_SIZE_FELTS", 25).memory(new Relocatable(1, 100), zeros(25)).run();
    assertEquals(MaybeRelocatable.of(ZERO_STATE_LANE0), t.runner.memory().get(ptr));
    Relocatable start = new Relocatable(1, 100), out = new Relocatable(1, 200);
    HintTester u = new HintTester(HintCodes.BLOCK_PERMUTATION_WHITELIST_V2).id("keccak_ptr_start", "felt*", start)
        .id("output", "felt*", out).constant("KECCAK_STATE_SIZE_FELTS", 25).memory(start, zeros(25)).run();
    assertEquals(MaybeRelocatable.of(ZERO_STATE_LANE0), u.runner.memory().get(out));
  }

  @Test
  void exampleBlake2sCompressOfAnEmptyFinalBlockIsBlake2sOfEmpty() {
    Relocatable start = new Relocatable(1, 100), out = new Relocatable(1, 200);
    HintTester t = new HintTester(HintCodes.EXAMPLE_BLAKE2S_COMPRESS).id("blake2s_start", "felt*", start)
        .id("output", "felt*", out).id("n_bytes", "felt", 0).constant("BLAKE2S_INPUT_CHUNK_SIZE_FELTS", 16)
        .memory(start, zeros(16)).run();
    assertEquals(MaybeRelocatable.of(0x307a2169L), t.runner.memory().get(out)); // hashlib.blake2s(b'') word 0
    assertEquals(MaybeRelocatable.of(0xf9eed01eL), t.runner.memory().get(out.add(7)));
  }

  @Test
  void sha256BlockHelpers() {
    long[] zeroBlock = {0xda5698beL, 0x17b9b469L, 0x62335799L, 0x779fbecaL, 0x8ce5d491L, 0xc0d26243L, 0xbafef9eaL, 0x1837a9d8L};
    Relocatable end = new Relocatable(1, 100);
    HintTester f = new HintTester(HintCodes.SHA256_FINALIZE).id("sha256_ptr_end", "felt*", end).constant("BLOCK_SIZE", 2)
        .constant("SHA256_INPUT_CHUNK_SIZE_FELTS", 16).run();
    // one padding instance: 16 zero words, IV (8), compress(IV, zero block) (8)
    assertEquals(MaybeRelocatable.of(0x6a09e667L), f.runner.memory().get(end.add(16)));
    for (int i = 0; i < 8; i++) assertEquals(MaybeRelocatable.of(zeroBlock[i]), f.runner.memory().get(end.add(24 + i)));
    Relocatable in = new Relocatable(1, 200), state = new Relocatable(1, 300), out = new Relocatable(1, 400);
    HintTester a = new HintTester(HintCodes.SHA256_MAIN_ARBITRARY_INPUT_LENGTH).id("sha256_start", "felt*", in)
        .id("state", "felt*", state).id("output", "felt*", out).constant("SHA256_INPUT_CHUNK_SIZE_FELTS", 16)
        .constant("SHA256_STATE_SIZE_FELTS", 8).memory(in, zeros(16))
        .memory(state, 0x6a09e667L, 0xbb67ae85L, 0x3c6ef372L, 0xa54ff53aL, 0x510e527fL, 0x9b05688cL, 0x1f83d9abL, 0x5be0cd19L).run();
    for (int i = 0; i < 8; i++) assertEquals(MaybeRelocatable.of(zeroBlock[i]), a.runner.memory().get(out.add(i)));
  }

  @Test
  void ecRecoverAndBigintDivision() {
    HintTester d = new HintTester(HintCodes.EC_RECOVER_DIV_MOD_N_PACKED).id("n", "BigInt3", 11, 0, 0).id("x", "BigInt3", 6, 0, 0)
        .id("s", "BigInt3", 4, 0, 0).run();
    assertEquals(b(7), d.scopeVar("value")); // 4·7 = 28 ≡ 6 (mod 11)
    assertEquals(b(7), new HintTester(HintCodes.EC_RECOVER_SUB_A_B).id("a", "BigInt3", 10, 0, 0).id("b", "BigInt3", 3, 0, 0).run()
        .scopeVar("value"));
    HintTester p = new HintTester(HintCodes.PACK_MODN_DIV_MODN).id("x", "BigInt3", 6, 0, 0).id("s", "BigInt3", 4, 0, 0).run();
    BigInteger res = (BigInteger) p.scopeVar("res");
    assertEquals(b(6), res.multiply(b(4)).mod(SecpHints.N));
    HintTester k = new HintTester(HintCodes.XS_SAFE_DIV).scope("res", res).scope("s", b(4)).scope("x", b(6)).scope("N", SecpHints.N).run();
    assertEquals(res.multiply(b(4)).subtract(b(6)).divide(SecpHints.N), k.scopeVar("value"));
    HintTester bp = new HintTester(HintCodes.BIGINT_PACK_DIV_MOD).id("P", "BigInt3", 11, 0, 0).id("x", "Uint768", 6, 0, 0, 0, 0, 0)
        .id("y", "BigInt3", 4, 0, 0).constant("BASE", BigInteger.ONE.shiftLeft(86)).run();
    assertEquals(b(7), bp.scopeVar("value"));
    HintTester bs = new HintTester(HintCodes.BIGINT_SAFE_DIV).id("flag", "felt").scope("res", b(7)).scope("y", b(4)).scope("x", b(6))
        .scope("p", b(11)).run();
    assertEquals(b(2), bs.scopeVar("value")); // (28 − 6) / 11
    assertEquals(b(1), bs.felt("flag"));
    assertEquals(b(5), new HintTester(HintCodes.IS_ZERO_PACK_V2_WL).id("x", "BigInt3", EcHintsTest.b3(SecpHints.SECP_P.add(b(5))))
        .run().scopeVar("x"));
  }

  @Test
  void ed25519CurveSteps() {
    // small worked numbers: slope 5 at (2, 3): new_x = 25 − 4 = 21; adding (2, 3) and (3, ·): 25 − 5 = 20
    HintTester x = new HintTester(HintCodes.EC_DOUBLE_ASSIGN_NEW_X_V3).id("slope", "BigInt3", 5, 0, 0)
        .id("point", "SecpPoint", 2, 0, 0, 3, 0, 0).run();
    assertEquals(b(21), x.scopeVar("new_x"));
    assertEquals(ED_P, x.scopeVar("SECP_P"));
    HintTester a = new HintTester(HintCodes.FAST_EC_ADD_ASSIGN_NEW_X_V2).id("slope", "BigInt3", 5, 0, 0)
        .id("point0", "SecpPoint", 2, 0, 0, 3, 0, 0).id("point1", "SecpPoint", 3, 0, 0, 7, 0, 0).run();
    assertEquals(b(20), a.scopeVar("new_x"));
    // line through (2, 3) and (5, 9): slope 2
    assertEquals(b(2), new HintTester(HintCodes.COMPUTE_SLOPE_V2).id("point0", "SecpPoint", 2, 0, 0, 3, 0, 0)
        .id("point1", "SecpPoint", 5, 0, 0, 9, 0, 0).run().scopeVar("slope"));
    // doubling slope with ed25519's Weierstrass alpha: slope · 2y ≡ 3x² + alpha
    BigInteger s = (BigInteger) new HintTester(HintCodes.EC_DOUBLE_SLOPE_V2).id("point", "SecpPoint", 2, 0, 0, 3, 0, 0).run()
        .scopeVar("slope");
    assertEquals(b(12).add(EcSecpHints.ED_ALPHA).mod(ED_P), s.multiply(b(6)).mod(ED_P));
  }
}
