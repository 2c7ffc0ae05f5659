package io.cairn.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.lang.compiler.Compiler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Line breaks and comments inside a tuple stay in its reference value, printed as cairo-lang's ArgList.format does:
 * a note after a comma replaces the space, a comment gets two spaces before it and ends its line, continuation
 * lines are indented by four.
 */
class ReferenceNotesTest {
  private static List<String> tupleReferences(String src) throws Exception {
    String json = new Compiler(new Compiler.Options(List.of(), false, true)).compile("t.cairo", src).toJson();
    List<String> out = new ArrayList<>();
    for (JsonNode r : new ObjectMapper().readTree(json).path("reference_manager").path("references")) {
      String v = r.path("value").asText();
      if (v.startsWith("cast((")) out.add(v);
    }
    return out;
  }

  @Test
  void commentsAndLineBreaksInTuplesAreKept() throws Exception {
    List<String> refs = tupleReferences("""
        func f(a, b) {
            let t = (
                a,  // the first
                // about b
                b,
            );
            let u = (a, b);
            let w = (a,  //   spaced
                b);
            tempvar x = t[0] + u[1] + w[0];
            ret;
        }
        func main() {
            f(1, 2);
            ret;
        }
        """);
    assertEquals(List.of(
        "cast((\n    [fp + (-4)],  // the first\n    // about b\n    [fp + (-3)],\n    ), (felt, felt))",
        "cast(([fp + (-4)], [fp + (-3)]), (felt, felt))",
        "cast(([fp + (-4)],  // spaced\n    [fp + (-3)]), (felt, felt))"), refs);
  }
}
