package io.cairn.starknet.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Whatever the content, the writer's output is printable ASCII that reads back to the same value, keys sorted. */
class PythonJsonPropertyTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Property(tries = 100)
  void stringsRoundTripAsAscii(@ForAll String s) throws Exception {
    byte[] out = PythonJson.dumps(M.getNodeFactory().textNode(s), true);
    for (byte b : out) assertTrue(b >= 0x20 && b <= 0x7e, "non-printable byte " + b);
    assertEquals(s, M.readTree(out).textValue());
  }

  @Property(tries = 100)
  void objectsRoundTripWithSortedKeys(@ForAll Map<String, Integer> entries) throws Exception {
    ObjectNode o = M.createObjectNode();
    entries.forEach(o::put);
    byte[] out = PythonJson.dumps(o, true);
    JsonNode back = M.readTree(out);
    assertEquals(o, back);
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = back.fieldNames(); it.hasNext(); ) keys.add(it.next());
    for (int i = 1; i < keys.size(); i++) {
      String a = keys.get(i - 1), b = keys.get(i);
      assertTrue(compareByCodePoints(a, b) < 0, a + " before " + b);
    }
  }

  private static int compareByCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray(), y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
    return Integer.compare(x.length, y.length);
  }
}
