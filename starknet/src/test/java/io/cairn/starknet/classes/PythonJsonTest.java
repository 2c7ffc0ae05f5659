package io.cairn.starknet.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings are CPython 3's own json.dumps output for the same values. */
class PythonJsonTest {

  private static String dumps(String json, boolean sortKeys) throws Exception {
    JsonNode n = ContractClasses.readTree(("{\"v\": " + json + "}").getBytes(StandardCharsets.UTF_8)).get("v");
    return new String(PythonJson.dumps(n, sortKeys), StandardCharsets.US_ASCII);
  }

  @Test
  void separatorsEscapesAndSortedKeys() throws Exception {
    String in = "{\"b\":1,\"a\":[{},[],null,true,false,\"é\\u007f\\n\\t\\\"\\\\\\u0001/\",\"😀\",\"\\uffff\"]}";
    assertEquals(
        "{\"a\": [{}, [], null, true, false, \"\\u00e9\\u007f\\n\\t\\\"\\\\\\u0001/\", \"\\ud83d\\ude00\","
            + " \"\\uffff\"], \"b\": 1}",
        dumps(in, true));
  }

  @Test
  void sortKeysUsesCodePointOrderNotUtf16Order() throws Exception {
    // Java's String.compareTo would put the surrogate pair (U+1F600) before U+FFFF.
    assertEquals("{\"a\": 3, \"\\uffff\": 1, \"\\ud83d\\ude00\": 2}", dumps("{\"\uffff\":1,\"😀\":2,\"a\":3}", true));
  }

  @Test
  void withoutSortKeysTheOrderIsKept() throws Exception {
    assertEquals("{\"z\": {\"y\": 1, \"x\": 2}, \"a\": \"\\u00fc\"}", dumps("{\"z\":{\"y\":1,\"x\":2},\"a\":\"ü\"}", false));
  }

  @Test
  void bigIntegersAreWrittenVerbatim() throws Exception {
    String big = "3618502788666131213697322783095070105623107215331596699973092056135872020480";
    assertEquals("[" + big + ", -1, 0]", dumps("[" + big + ",-1,0]", false));
  }

  @Test
  void floatsAsPythonRepr() throws Exception {
    assertEquals(
        "[1e-05, 1e+16, 0.0001, 123.0, 1.5e+300, -2.5, 1000000000000000.0, 0.1, 1.2345678901234568e+16, 1.5e-07]",
        dumps("[1e-05, 1e16, 0.0001, 123.0, 1.5e300, -2.5, 1e15, 0.1, 12345678901234567.0, 1.5e-7]", false));
  }
}
