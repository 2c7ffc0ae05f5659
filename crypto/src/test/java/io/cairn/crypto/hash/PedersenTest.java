package io.cairn.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.ec.AffineOracle;
import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PedersenTest {
  static final BigInteger P = AffineOracle.P;

  @Test
  void starknetRsVectors() {
    // xJonathanLEI/starknet-rs starknet-crypto/src/pedersen_hash/mod.rs test_pedersen_hash
    assertEquals(
        Felt.fromHex("0x30e480bed5fe53fa909cc0f8c4d99b8f9f2c016be4c41e13a4848797979c662"),
        Pedersen.hash(
            Felt.fromHex("0x3d937c035c878245caf64531a5756109c53068da139362728feb561405371cb"),
            Felt.fromHex("0x208a0a10250e382e1e4bbe2880906c2791bf6275695e02fbbc6aeff9cd8b31a")));
    assertEquals(
        Felt.fromHex("0x68cc0b76cddd1dd4ed2301ada9b7c872b23875d5ff837b3a87993e0d9996b87"),
        Pedersen.hash(
            Felt.fromHex("0x58f580910a6ca59b28927c08fe6c43e2e303ca384badc365795fc645d479d45"),
            Felt.fromHex("0x78734f65a067be9bdb39de18434d71e79f7b6466a4b66bbd979ab9e7515fe0b")));
  }

  @Test
  void cairoLangVectorsQuotedByStarknetJvm() {
    // software-mansion/starknet-jvm StarknetCurveTest.kt, "generated using cairo-lang"
    String[][] cases = {
      {"0x1", "0x2", "0x5bb9440e27889a364bcb678b1f679ecd1347acdedcbf36e83494f857cc58026"},
      {"0x0", "0x0", "0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"},
      {"0x1", "0x0", "0x268a9d47dde48af4b6e2c33932ed1c13adec25555abaa837c376af4ea2f8a94"},
      {"0x0", "0x1", "0x46c9aeb066cc2f41c7124af30514f9e607137fbac950524f5fdace5788f9d43"},
      {Felt.MAX.toHex(), Felt.MAX.toHex(), "0x7258fccaf3371fad51b117471d9d888a1786c5694c3e6099160477b593a576e"},
      {"0x7abcde123245643903241432abcde", "0x791234124214214728147241242142a89b812221c21d",
        "0x440a3075f082daa47147a22a4cd0c934ef65ea13ef87bf13adf45613e12f6ee"},
      {"0x46c9aeb066cc2f41c7124af30514f9e607137fbac950524f5fdace5788f9d43",
        "0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804",
        "0x68ad69169c41c758ebd02e2fce51716497a708232a45a1b83e82fac1ade326e"},
      {"0x15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad",
        "0x43e637ca70a5daac877cba6b57e0b9ceffc5b37d28509e46b4fd2dee968a70c",
        "0x4b9281c85cfc5ab1f4046663135329020f57c1a88a50f4423eff37dd5fe81e8"},
      {"0x0", "0x15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad",
        "0x1a0c3e0f68c3ee702017fdb6452339244840eedbb70ab3d4f45e2affd1c9420"},
    };
    for (String[] c : cases)
      assertEquals(Felt.fromHex(c[2]), Pedersen.hash(Felt.fromHex(c[0]), Felt.fromHex(c[1])), c[0] + ", " + c[1]);
    assertEquals(Felt.fromHex("0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804"),
        Pedersen.hashOnElements(List.of()));
    assertEquals(Felt.fromHex("0x7b422405da6571242dfc245a43de3b0fe695e7021c148b918cd9cdb462cac59"),
        Pedersen.hashOnElements(Felt.of(123782376), Felt.of(213984), Felt.of(128763521321L)));
    assertEquals(Felt.fromHex("0x43e637ca70a5daac877cba6b57e0b9ceffc5b37d28509e46b4fd2dee968a70c"),
        Pedersen.hashOnElements(Felt.fromHex("0x15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad"),
            Felt.fromHex("0x10927538dee311ae5093324fc180ab87f23bbd7bc05456a12a1a506f220db25")));
  }

  @Test
  void everyPedersenEntryOfInlineVectors() throws Exception {
    String json = Files.readString(Fixtures.require("starknet-hashes/inline_vectors.json"));
    String section = json.substring(json.indexOf("\"pedersen\""), json.indexOf("\"poseidon_hash2\""));
    Matcher m = Pattern.compile(
            "\"a\":\\s*\"(0x[0-9a-f]+)\",\\s*\"b\":\\s*\"(0x[0-9a-f]+)\",\\s*\"hash\":\\s*\"(0x[0-9a-f]+)\"")
        .matcher(section);
    int n = 0;
    for (; m.find(); n++)
      assertEquals(Felt.fromHex(m.group(3)), Pedersen.hash(Felt.fromHex(m.group(1)), Felt.fromHex(m.group(2))));
    assertTrue(n >= 2, "expected the pedersen vectors of inline_vectors.json, found " + n);
  }

  /** cairo-lang's pedersen_hash written with BigInteger affine arithmetic straight from its definition. */
  static BigInteger oracle(BigInteger a, BigInteger b) throws Exception {
    if (POINTS == null) {
      String json = Files.readString(Fixtures.require("starknet-hashes/pedersen_params.json"));
      POINTS = new BigInteger[][] {constantPoint(json, 0), constantPoint(json, 2), constantPoint(json, 250),
          constantPoint(json, 254), constantPoint(json, 502)};
    }
    BigInteger[] acc = POINTS[0];
    BigInteger mask = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    BigInteger[] parts = {a.and(mask), a.shiftRight(248), b.and(mask), b.shiftRight(248)};
    for (int i = 0; i < 4; i++) acc = AffineOracle.add(acc, AffineOracle.mul(parts[i], POINTS[i + 1]));
    return acc[0];
  }

  static BigInteger[][] POINTS;

  static BigInteger[] constantPoint(String json, int index) {
    String points = json.substring(json.indexOf("\"CONSTANT_POINTS\""));
    Matcher m = Pattern.compile("\\[\\s*(\\d+),\\s*(\\d+)\\s*\\]").matcher(points);
    for (int i = 0; i <= index; i++) m.find();
    return new BigInteger[] {new BigInteger(m.group(1)), new BigInteger(m.group(2))};
  }

  @Provide
  Arbitrary<BigInteger> felts() {
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(248), BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(251));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, edges));
  }

  @Property(tries = 25)
  void matchesTheDefinition(@ForAll("felts") BigInteger a, @ForAll("felts") BigInteger b) throws Exception {
    BigInteger expected = oracle(a, b);
    assertEquals(expected, Pedersen.hash(Felt.of(a), Felt.of(b)).toBigInteger());
    assertEquals(expected, Pedersen.hashWithSmallTables(Felt.of(a), Felt.of(b)).toBigInteger());
  }

  @Test
  void arrayKernelMatchesFeltApiAndMayAlias() {
    Felt a = Felt.fromHex("0x3d937c035c878245caf64531a5756109c53068da139362728feb561405371cb");
    Felt b = Felt.fromHex("0x208a0a10250e382e1e4bbe2880906c2791bf6275695e02fbbc6aeff9cd8b31a");
    long[] buf = new long[12];
    a.writeTo(buf, 4);
    b.writeTo(buf, 8);
    Pedersen.hash(buf, 4, buf, 8, buf, 4);
    assertEquals(Pedersen.hash(a, b), Felt.fromMontgomeryLimbs(buf, 4));
    assertNotEquals(Pedersen.hash(a, b), Pedersen.hash(b, a));
  }

  @Test
  void hashOnElementsChainsFromZeroThenTheLength() {
    Felt x = Felt.of(7), y = Felt.of(9);
    assertEquals(Pedersen.hash(Pedersen.hash(Pedersen.hash(Felt.ZERO, x), y), Felt.TWO), Pedersen.hashOnElements(x, y));
    assertEquals(Pedersen.hash(Felt.ZERO, Felt.ZERO), Pedersen.hashOnElements(List.of()));
  }

  @Test
  void largeTablesGiveTheSameHashes() {
    Felt a = Felt.fromHex("0x58f580910a6ca59b28927c08fe6c43e2e303ca384badc365795fc645d479d45");
    Felt b = Felt.fromHex("0x78734f65a067be9bdb39de18434d71e79f7b6466a4b66bbd979ab9e7515fe0b");
    Felt before = Pedersen.hashWithSmallTables(a, b);
    Felt max = Pedersen.hashWithSmallTables(Felt.MAX, Felt.MAX);
    Pedersen.precompute();
    // two 8-bit tables (32 windows × 256 slots × 8 longs) plus two 12-bit ones (21 × 4096 × 8)
    assertEquals(2L * 32 * 256 * 64 + 2L * 21 * 4096 * 64, Pedersen.tableBytes());
    assertEquals(before, Pedersen.hash(a, b));
    assertEquals(Felt.fromHex("0x68cc0b76cddd1dd4ed2301ada9b7c872b23875d5ff837b3a87993e0d9996b87"), Pedersen.hash(a, b));
    assertEquals(max, Pedersen.hash(Felt.MAX, Felt.MAX));
    assertEquals(Felt.fromHex("0x7258fccaf3371fad51b117471d9d888a1786c5694c3e6099160477b593a576e"), max);
  }
}
