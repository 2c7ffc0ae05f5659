package io.cairn.crypto.ec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EcdsaTest {
  static final BigInteger N = AffineOracle.N;
  static final BigInteger BOUND = BigInteger.ONE.shiftLeft(251);

  // software-mansion/starknet-jvm lib/src/test/kotlin/.../StarknetCurveTest.kt ("verified using cairo-lang")
  static final Felt JVM_PRIVATE = Felt.fromHex("0x4070e7abfa479cf8a30d38895e93800a88862c4a65aa00e2b11495998818046");
  static final Felt JVM_PUBLIC = Felt.fromHex("0x7697f8f9a4c3e2b1efd882294462fda2ca9c439d02a3a04cf0a0cdb627f11ee");
  static final Felt JVM_HASH = Felt.fromHex("0x052fc40e34aee86948cd47e1a0096fa67df8410f81421f314a1eb18102251a82");

  @Test
  void rfc6979VectorsFromCairoLang() throws Exception {
    int n = 0;
    for (String file : new String[] {"rfc6979_padded.json", "rfc6979_not_padded.json"}) {
      String json = Files.readString(Fixtures.require("starknet-hashes/starknet-rs/starknet-crypto/test-data/" + file));
      Matcher m = Pattern.compile(
              "\"msg_hash\":\\s*\"([0-9a-f]+)\",\\s*\"priv_key\":\\s*\"([0-9a-f]+)\",\\s*"
                  + "\"seed\":\\s*\"([0-9a-f]+)\",\\s*\"k\":\\s*\"([0-9a-f]+)\"")
          .matcher(json);
      for (; m.find(); n++) {
        BigInteger k = Ecdsa.generateK(Felt.fromHex(m.group(1)), Felt.fromHex(m.group(2)), Felt.fromHex(m.group(3)));
        assertEquals(new BigInteger(m.group(4), 16), k, file + " vector for msg " + m.group(1));
      }
    }
    assertEquals(20, n);
  }

  @Test
  void publicKeysPrecomputedByStarkware() throws Exception {
    String json = Files.readString(
        Fixtures.require("starknet-hashes/starknet-rs/starknet-crypto/test-data/keys_precomputed.json"));
    Matcher m = Pattern.compile("\"(0x[0-9a-fA-F]+)\":\\s*\"(0x[0-9a-fA-F]+)\"").matcher(json);
    int n = 0;
    for (; m.find(); n++) assertEquals(Felt.fromHex(m.group(2)), Ecdsa.publicKey(Felt.fromHex(m.group(1))));
    assertEquals(30, n);
  }

  @Test
  void cryptoCppVectors() {
    // starknet-rs starknet-crypto/src/ecdsa.rs tests, ported there from crypto-cpp
    assertEquals(Felt.fromHex("0x77a3b314db07c45076d11f62b6f9e748a39790441823307743cf00d6597ea43"),
        Ecdsa.publicKey(Felt.fromHex("0x3c1e9550e66958296d11b60f8e8e7a7ad990d07fa65d5f7652c4a6c87d4e3cc")));
    assertEquals(Felt.fromHex("0x19661066e96a8b9f06a1d136881ee924dfb6a885239caa5fd3f87a54c6b25c4"),
        Ecdsa.publicKey(Felt.of(0x12)));
    Felt r = Felt.fromHex("0x411494b501a98abd8262b0da1351e17899a0c4ef23dd2f96fec5ba847310b20");
    Felt s = Felt.fromHex("0x405c3191ab3883ef2b763af35bc5f5d15b3b4e99461d70e84c654a351a7c81b");
    assertTrue(Ecdsa.verify(Felt.fromHex("0x1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca"),
        Felt.TWO, r, s));
    assertFalse(Ecdsa.verify(Felt.fromHex("0x77a4b314db07c45076d11f62b6f9e748a39790441823307743cf00d6597ea43"),
        Felt.fromHex("0x397e76d1667c4454bfb83514e120583af836f8e32a516765497823eabe16a3f"),
        Felt.fromHex("0x173fd03d8b008ee7432977ac27d1e9d1a1f6c98b1a2f05fa84a21c84c44e882"),
        Felt.fromHex("0x1f2c44a7798f55192f153b4c48ea5c1241fbb69e6132cc8a0da9c5b62a4286e")));
    // a public key with no point on the curve
    assertFalse(Ecdsa.verify(Felt.fromHex("0x3ee9bffffffffff26ffffffff60ffffffffffffffffffffffffffff004accff"),
        Felt.TWO, r, s));
  }

  @Test
  void starknetJvmVectorsVerifiedWithCairoLang() {
    assertEquals(JVM_PUBLIC, Ecdsa.publicKey(JVM_PRIVATE));
    Ecdsa.Signature withK = Ecdsa.signWithK(JVM_PRIVATE, JVM_HASH,
        new BigInteger("6d45bce40ffc4a8cd4cb656048d023a90913e70e589362b41e4334c721cec4b", 16));
    assertEquals(Felt.fromHex("0x76a835cfbccd598b9429f6fce09acace91001abcfa68c36022e42dbdb024385"), withK.r());
    assertEquals(Felt.fromHex("0x198ef0ca145ad0fbd175426788d9a7c84de3764f51bfc0fe0579caca660bfe4"), withK.s());
    // that k is cairo-lang's RFC 6979 k for this key and hash, so the deterministic signature is the same one
    assertEquals(new BigInteger("6d45bce40ffc4a8cd4cb656048d023a90913e70e589362b41e4334c721cec4b", 16),
        Ecdsa.generateK(JVM_HASH, JVM_PRIVATE, null));
    Ecdsa.Signature rfc = Ecdsa.sign(JVM_PRIVATE, JVM_HASH);
    assertEquals(withK, rfc);
    assertTrue(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, rfc.r(), rfc.s()));
    Felt r = Felt.fromHex("0x66f8955f5c4cbad5c21905ca2a968bc32a183e81069b851b7fc388eceaf57f1");
    Felt s = Felt.fromHex("0x13d5af50c934213f27a8cc5863aa304165aa886487fcc575fe6e1228879f9fe");
    assertTrue(Ecdsa.verify(JVM_PUBLIC, Felt.ONE, r, s));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, Felt.ONE, s, r));
  }

  @Test
  void mutationsAreRejected() {
    Ecdsa.Signature sig = Ecdsa.sign(JVM_PRIVATE, JVM_HASH);
    Felt r = sig.r(), s = sig.s();
    assertTrue(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r, s));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH.add(Felt.ONE), r, s));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r.add(Felt.ONE), s));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r, s.add(Felt.ONE)));
    assertFalse(Ecdsa.verify(JVM_PUBLIC.add(Felt.ONE), JVM_HASH, r, s));
    assertFalse(Ecdsa.verify(Ecdsa.publicKey(Felt.TWO), JVM_HASH, r, s));
    // out of the domain: zero r or s, s ≥ n (s + n ≡ s is still refused), r ≥ 2^251, msg ≥ 2^251
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, Felt.ZERO, s));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r, Felt.ZERO));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r, Felt.of(N)));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r, Felt.of(N.add(BigInteger.ONE))));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, Felt.of(BOUND), s));
    assertFalse(Ecdsa.verify(JVM_PUBLIC, Felt.of(BOUND), r, s));
    // the negated signature (r, n − s) verifies against the negated point, which the x-only key accepts
    assertTrue(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, r, Felt.of(N.subtract(s.toBigInteger()))));
    EcPoint full = Ecdsa.publicPoint(JVM_PRIVATE);
    assertTrue(Ecdsa.verify(full, JVM_HASH, r, s));
    assertFalse(Ecdsa.verify(full.negate(), JVM_HASH, r, s));
  }

  @Test
  void wAtOrAbove2To251IsRejected() {
    // pick s whose inverse w ≥ 2^251: then verify must refuse even the "right" equation
    BigInteger w = BOUND.add(BigInteger.valueOf(12345));
    BigInteger s = w.modInverse(N);
    assertFalse(Ecdsa.verify(JVM_PUBLIC, JVM_HASH, Felt.ONE, Felt.of(s)));
    // and a genuine signature with such a w: r = x(k·G), w = k/(z + r·d) forced by choosing z
    BigInteger d = JVM_PRIVATE.toBigInteger();
    for (BigInteger k = BigInteger.TWO; ; k = k.add(BigInteger.ONE)) {
      BigInteger r = StarkCurve.GENERATOR.multiply(k).x().toBigInteger();
      if (r.compareTo(BOUND) >= 0) continue;
      // z = k/w − r·d mod n; need z < 2^251
      BigInteger z = k.multiply(w.modInverse(N)).subtract(r.multiply(d)).mod(N);
      if (z.compareTo(BOUND) >= 0) continue;
      BigInteger sv = w.modInverse(N);
      assertFalse(Ecdsa.verify(JVM_PUBLIC, Felt.of(z), Felt.of(r), Felt.of(sv)));
      // the same equation with the textbook domain would hold: check it against the oracle
      BigInteger[] pt = AffineOracle.add(AffineOracle.mul(z.multiply(w).mod(N), AffineOracle.G),
          AffineOracle.mul(r.multiply(w).mod(N), AffineOracle.mul(d, AffineOracle.G)));
      assertEquals(r, pt[0]);
      break;
    }
  }

  @Provide
  Arbitrary<BigInteger> keys() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, N.subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<BigInteger> hashes() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BOUND.subtract(BigInteger.ONE));
  }

  @Property(tries = 8)
  void signThenVerify(@ForAll("keys") BigInteger d, @ForAll("hashes") BigInteger z) {
    Felt priv = Felt.of(d), msg = Felt.of(z);
    Ecdsa.Signature sig = Ecdsa.sign(priv, msg);
    Felt pub = Ecdsa.publicKey(priv);
    assertTrue(Ecdsa.verify(pub, msg, sig.r(), sig.s()));
    BigInteger w = sig.s().toBigInteger().modInverse(N);
    assertTrue(w.compareTo(BOUND) < 0 && sig.r().toBigInteger().compareTo(BOUND) < 0);
    // against the oracle: x((z·w)·G + (r·w)·Q) = r
    BigInteger r = sig.r().toBigInteger();
    BigInteger[] q = AffineOracle.mul(d, AffineOracle.G);
    assertEquals(pub.toBigInteger(), q[0]);
    BigInteger[] pt = AffineOracle.add(AffineOracle.mul(z.multiply(w).mod(N), AffineOracle.G),
        AffineOracle.mul(r.multiply(w).mod(N), q));
    assertEquals(r, pt[0]);
  }

  @Test
  void badInputsAreRefusedWhenSigning() {
    assertThrows(IllegalArgumentException.class, () -> Ecdsa.sign(Felt.ZERO, Felt.ONE));
    assertThrows(IllegalArgumentException.class, () -> Ecdsa.sign(Felt.of(N), Felt.ONE));
    assertThrows(IllegalArgumentException.class, () -> Ecdsa.sign(Felt.ONE, Felt.of(BOUND)));
    assertThrows(IllegalArgumentException.class, () -> Ecdsa.publicKey(Felt.ZERO));
  }
}
