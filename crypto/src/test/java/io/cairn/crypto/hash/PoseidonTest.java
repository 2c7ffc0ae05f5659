package io.cairn.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PoseidonTest {
  static final BigInteger P = Felt.MODULUS;

  @Test
  void roundKeysMatchCairoLangTable() throws IOException {
    String text = Files.readString(Fixtures.require("starknet-hashes/poseidon3.txt"));
    String keys = text.substring(text.indexOf("RoundKeys"));
    Matcher m = Pattern.compile("\\d{5,}").matcher(keys);
    List<BigInteger> table = new ArrayList<>();
    while (m.find()) table.add(new BigInteger(m.group()));
    assertEquals(Poseidon.ROUNDS * 3, table.size());
    BigInteger[][] ark = Poseidon.roundKeys();
    for (int i = 0; i < Poseidon.ROUNDS; i++)
      for (int j = 0; j < 3; j++) assertEquals(table.get(3 * i + j), ark[i][j], "ark[" + i + "][" + j + "]");
  }

  @Test
  void publishedVectors() {
    // starknet-rs starknet-crypto poseidon_hash.rs and starknet-jvm PoseidonTest.kt
    assertEquals(
        "0x75540825a6ecc5dc7d7c2f5f868164182742227f1367d66c43ee51ec7937a81",
        Poseidon.hash(
                Felt.fromHex("0xb662f9017fa7956fd70e26129b1833e10ad000fd37b4d9f4e0ce6884b7bbe"),
                Felt.fromHex("0x1fe356bf76102cdae1bfbdc173602ead228b12904c00dad9cf16e035468bea"))
            .toHex());
    assertEquals(
        "0xbdb3180fdcfd6d6f172beb401af54dd71b6569e6061767234db2b777adf98b",
        Poseidon.hash(
                Felt.fromHex("0xf4e01b2032298f86b539e3d3ac05ced20d2ef275273f9325f8827717156529"),
                Felt.fromHex("0x587bc46f5f58e0511b93c31134652a689d761a9e7f234f0f130c52e4679f3a"))
            .toHex());
    assertEquals(
        "0x293d3e8a80f400daaaffdd5932e2bcc8814bab8f414a75dcacf87318f8b14c5",
        Poseidon.hash(Felt.ZERO, Felt.ZERO).toHex());
    assertEquals(
        "0x60009f680a43e6f760790f76214b26243464cdd4f31fdc460baf66d32897c1b",
        Poseidon.hashSingle(Felt.ZERO).toHex());
    assertEquals(
        "0x6d226d4c804cd74567f5ac59c6a4af1fe2a6eced19fb7560a9124579877da25",
        Poseidon.hashSingle(Felt.ONE).toHex());
    assertEquals(
        "0x29aee7812642221479b7e8af204ceaa5a7b7e113349fc8fb93e6303b477eb4d",
        Poseidon.hashMany(Felt.ZERO, Felt.ZERO, Felt.ZERO).toHex());
  }

  @Provide
  Arbitrary<BigInteger> felts() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE)));
  }

  /** The folded-constant kernel against the textbook permutation on BigInteger. */
  @Property(tries = 40)
  void foldedPermutationEqualsTextbook(
      @ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b, @ForAll("felts") BigInteger c) {
    BigInteger[] s = {a, b, c};
    textbook(s);
    long[] st = new long[Poseidon.STATE_LONGS];
    Felt.of(a).writeTo(st, 0);
    Felt.of(b).writeTo(st, 4);
    Felt.of(c).writeTo(st, 8);
    // the kernel at an offset inside a larger array, with a caller's scratch, must agree too
    long[] wide = new long[Poseidon.STATE_LONGS + 5];
    System.arraycopy(st, 0, wide, 5, Poseidon.STATE_LONGS);
    Poseidon.permute(st, 0);
    Poseidon.permute(wide, 5, new long[Poseidon.SCRATCH_LONGS]);
    for (int i = 0; i < 3; i++) assertEquals(s[i], Felt.fromMontgomeryLimbs(st, 4 * i).toBigInteger());
    for (int i = 0; i < 3; i++) assertEquals(s[i], Felt.fromMontgomeryLimbs(wide, 5 + 4 * i).toBigInteger());
  }

  @Property(tries = 20)
  void hashManyIsTheSpongeOverPermutation(@ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b) {
    // one element: absorb (a, 1) into [0,0,0]; two: (a, b) then (1, 0)
    BigInteger[] s = {a, BigInteger.ONE, BigInteger.ZERO};
    textbook(s);
    assertEquals(s[0], Poseidon.hashMany(Felt.of(a)).toBigInteger());
    s = new BigInteger[] {a, b, BigInteger.ZERO};
    textbook(s);
    s[0] = s[0].add(BigInteger.ONE).mod(P);
    textbook(s);
    assertEquals(s[0], Poseidon.hashMany(Felt.of(a), Felt.of(b)).toBigInteger());
    assertEquals(Poseidon.hash(Felt.of(a), Felt.of(b)), hashViaKernel(a, b));
  }

  /**
   * The linear layer's lane reduction (v < 8p to canonical) against BigInteger, including sums just above a multiple
   * of 2^251, where the quotient estimate is one too large and p must be added back — random states reach that
   * with probability ~2^-52, so it is aimed at here.
   */
  @Property(tries = 300)
  void laneReductionIsModP(
      @ForAll("below8p") BigInteger t, @ForAll("below8p") BigInteger d, @ForAll("felts") BigInteger k) {
    BigInteger eightP = P.shiftLeft(3);
    BigInteger sum = t.add(d).add(k);
    if (sum.compareTo(eightP) >= 0) { // keep the precondition: move the excess out of t
      t = t.subtract(sum.subtract(eightP).add(BigInteger.ONE)).max(BigInteger.ZERO);
      sum = t.add(d).add(k);
      if (sum.compareTo(eightP) >= 0) return;
    }
    long[] tl = io.cairn.crypto.field.Fp.canonicalLimbs(t), dl = io.cairn.crypto.field.Fp.canonicalLimbs(d), kl = io.cairn.crypto.field.Fp.canonicalLimbs(k);
    long[] r = new long[4];
    Poseidon.lane(tl[0], tl[1], tl[2], tl[3], dl[0], dl[1], dl[2], dl[3], kl, 0, r, 0);
    BigInteger got = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) got = got.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(r[i])));
    assertEquals(sum.mod(P), got);
  }

  @Provide
  Arbitrary<BigInteger> below8p() {
    BigInteger two251 = BigInteger.ONE.shiftLeft(251);
    BigInteger slack = BigInteger.valueOf(7 * 17).shiftLeft(192).add(BigInteger.valueOf(8));
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.shiftLeft(3).subtract(BigInteger.ONE)),
        Arbitraries.integers().between(1, 7).flatMap(q -> Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, slack).map(x -> two251.multiply(BigInteger.valueOf(q)).add(x))),
        Arbitraries.of(BigInteger.ZERO, P, P.multiply(BigInteger.valueOf(7)), P.shiftLeft(3).subtract(BigInteger.ONE)));
  }

  private static Felt hashViaKernel(BigInteger a, BigInteger b) {
    long[] x = new long[4], y = new long[4], r = new long[4];
    Felt.of(a).writeTo(x, 0);
    Felt.of(b).writeTo(y, 0);
    Poseidon.hash(x, 0, y, 0, r, 0, new long[Poseidon.STATE_LONGS]);
    return Felt.fromMontgomeryLimbs(r, 0);
  }

  private static void textbook(BigInteger[] s) {
    BigInteger[][] ark = Poseidon.roundKeys();
    for (int r = 0; r < Poseidon.ROUNDS; r++) {
      for (int j = 0; j < 3; j++) s[j] = s[j].add(ark[r][j]).mod(P);
      boolean full = r < 4 || r >= 4 + Poseidon.PARTIAL_ROUNDS;
      for (int j = full ? 0 : 2; j < 3; j++) s[j] = s[j].modPow(BigInteger.valueOf(3), P);
      BigInteger t0 = s[0].multiply(BigInteger.valueOf(3)).add(s[1]).add(s[2]);
      BigInteger t1 = s[0].subtract(s[1]).add(s[2]);
      BigInteger t2 = s[0].add(s[1]).subtract(s[2].shiftLeft(1));
      s[0] = t0.mod(P);
      s[1] = t1.mod(P);
      s[2] = t2.mod(P);
    }
  }
}
