package io.cairn.l1.da;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.crypto.field.Felt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatelessCompressionTest {
  // Expected outputs produced by cairo-lang's data_availability/compression.py on the same inputs.
  @Test
  void matchesCairoLangOnMixedBuckets() {
    List<Felt> data = felts("0x1234", "0x800000000000011000000000000000000000000000000000000000000000000", "0x5", "0x5", "0x1234",
        "0x10000000000000000000000007", "0x400000000000000000", "0x7", "0x0", "0x1", "0x80000000", "0x10000000000");
    List<Felt> expected = felts("0x20000500000000020000100001000010000c00000",
        "0x800000000000011000000000000000000000000000000000000000000000000", "0x10000000000000000000000007",
        "0x400000000000000000", "0x40000000000000000080000000", "0x10000001c0029234", "0x38", "0x1a21703a6");
    assertEquals(expected, StatelessCompression.compress(data));
    assertEquals(data, StatelessCompression.decompress(expected));
  }

  @Test
  void matchesCairoLangOnEmptyAndRepeatingData() {
    assertEquals(felts("0x0"), StatelessCompression.compress(List.of()));
    List<Felt> threes = Collections.nCopies(300, Felt.of(3));
    List<Felt> expected = felts("0x12b0000100000000000000000000000000012c00000", "0x3", "0x0", "0x0",
        "0x203b9a1ff979a6aa385e1683c1c8b16a34a4f3fc5307e9142d178c541d5",
        "0x203b9a1ff979a6aa385e1683c1c8b16a34a4f3fc5307e9142d178c541d6",
        "0x203b9a1ff979a6aa385e1683c1c8b16a34a4f3fc5307e9142d178c541d6", "0x90847f07b2a48337b67c1882f8f70f50b4d6");
    assertEquals(expected, StatelessCompression.compress(threes));
    assertEquals(threes, StatelessCompression.decompress(expected));
  }

  @Property(tries = 200)
  void roundTrips(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 40) Integer> shapes, @ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    List<Felt> data = new ArrayList<>();
    for (int bits : shapes) data.add(bits == 0 ? Felt.of(r.nextInt(3)) : Felt.of(new BigInteger(Math.min(251, bits * 7), r)));
    assertEquals(data, StatelessCompression.decompress(StatelessCompression.compress(data)));
  }

  @Test
  void rejectsTruncatedAndTrailingInput() {
    List<Felt> c = StatelessCompression.compress(felts("0x1", "0x2", "0x3"));
    assertThrows(IllegalArgumentException.class, () -> StatelessCompression.decompress(c.subList(0, c.size() - 1)));
    List<Felt> longer = new ArrayList<>(c);
    longer.add(Felt.ONE);
    assertThrows(IllegalArgumentException.class, () -> StatelessCompression.decompress(longer));
  }

  static List<Felt> felts(String... hex) {
    List<Felt> out = new ArrayList<>();
    for (String h : hex) out.add(Felt.fromHex(h));
    return out;
  }
}
