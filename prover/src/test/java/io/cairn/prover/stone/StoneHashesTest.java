package io.cairn.prover.stone;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.prover.air.CpuAirValues;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The limb kernels (rows written straight from Montgomery limbs, nodes hashed in place in a flat array, poseidon3
 * nodes parsed as limbs) give the bytes of the plain definition: rows as the 32-byte words of their elements'
 * Montgomery form, nodes as the hash of left ‖ right (poseidon3: of the two nodes as field elements).
 */
class StoneHashesTest {
  static final String[] NAMES = {
    "keccak256", "keccak256_masked160_msb", "keccak256_masked160_lsb", "blake256", "blake256_masked160_msb",
    "blake256_masked160_lsb", "blake256_masked248_lsb", "poseidon3"
  };

  @Test
  void rowsAndNodesEqualThePlainDefinition() {
    Random rnd = new Random(3);
    StoneHashes.Scratch scratch = new StoneHashes.Scratch();
    for (String name : NAMES) {
      for (int count : new int[] {1, 2, 3, 7, 9}) {
        Felt[] row = new Felt[count];
        long[] limbs = new long[4 * count + 8];
        for (int i = 0; i < count; i++) {
          row[i] = Felt.fromBigIntegerReduced(new BigInteger(256, rnd));
          row[i].writeTo(limbs, 8 + 4 * i);
        }
        byte[] out = new byte[40];
        StoneHashes.hashTableRow(name, limbs, 8, count, out, 8, scratch);
        assertArrayEquals(plainRow(name, row), Arrays.copyOfRange(out, 8, 40), name + ", " + count + " columns");
      }
      byte[] children = new byte[96];
      Felt left = Felt.fromBigIntegerReduced(new BigInteger(256, rnd)), right = Felt.fromBigIntegerReduced(new BigInteger(256, rnd));
      System.arraycopy(left.toBytesBE(), 0, children, 16, 32);
      System.arraycopy(right.toBytesBE(), 0, children, 48, 32);
      byte[] expected =
          name.equals("poseidon3")
              ? Poseidon.hash(left, right).toBytesBE()
              : StoneHashes.digest(name, Arrays.copyOfRange(children, 16, 80));
      byte[] out = new byte[32];
      StoneHashes.hashNode(name, children, 16, out, 0, scratch);
      assertArrayEquals(expected, out, name + " node");
    }
    byte[] notAFelt = new byte[64];
    Arrays.fill(notAFelt, 0, 32, (byte) 0xff);
    assertThrows(IllegalArgumentException.class, () -> StoneHashes.hashNode("poseidon3", notAFelt, 0, new byte[32], 0, scratch));
    byte[] p = Felt.MODULUS.toByteArray(); // exactly p: the smallest value that is not a felt
    byte[] atP = new byte[64];
    System.arraycopy(p, p.length - 32, atP, 32, 32);
    assertThrows(IllegalArgumentException.class, () -> StoneHashes.hashNode("poseidon3", atP, 0, new byte[32], 0, scratch));
  }

  /** The definition, on Felt objects. */
  static byte[] plainRow(String name, Felt[] row) {
    Felt[] mont = new Felt[row.length];
    for (int i = 0; i < row.length; i++) mont[i] = CpuAirValues.montgomeryForm(row[i]);
    if (row.length == 1) return mont[0].toBytesBE();
    if (name.equals("poseidon3")) return Poseidon.hashMany(mont).toBytesBE();
    byte[] b = new byte[32 * row.length];
    for (int i = 0; i < row.length; i++) System.arraycopy(mont[i].toBytesBE(), 0, b, 32 * i, 32);
    return StoneHashes.digest(name, b);
  }
}
