package io.cairn.vm.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.hints.HintProcessor;
import io.cairn.vm.layout.Layout;
import io.cairn.vm.program.Program;
import org.junit.jupiter.api.Test;

/** Proof-mode output equals what Stone proved. */
class ProofModeTest {
  @Test
  void smallFibonacciPublicInputEqualsStoneProof() throws Exception {
    Program p = Program.load(Fixtures.require("cairo0-programs/proof_mode/fibonacci.json"));
    JsonNode expected =
        new ObjectMapper()
            .readTree(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json").toFile())
            .get("public_input");
    CairoRunner r = new CairoRunner(p, new RunConfig(Layout.named("small"), true, Long.MAX_VALUE, true, false), new HintProcessor());
    r.initialize();
    r.run();
    RunOutput o = r.relocate();
    ObjectMapper om = new ObjectMapper();
    JsonNode actual = om.readTree(om.writeValueAsString(o.publicInput()));
    assertEquals(expected, actual);
    // the private input, paths aside, equals what Stone was given
    JsonNode proof = om.readTree(Fixtures.require("stone-proofs/small_fibonacci_cairo0_stone_v6_proof.json").toFile());
    var priv = (com.fasterxml.jackson.databind.node.ObjectNode)
        om.readTree(om.writeValueAsString(o.privateInput(java.nio.file.Path.of("t"), java.nio.file.Path.of("m"))));
    var want = (com.fasterxml.jackson.databind.node.ObjectNode) proof.get("private_input").deepCopy();
    for (String k : new String[] {"trace_path", "memory_path"}) {
      priv.remove(k);
      want.remove(k);
    }
    assertEquals(want, priv);
  }
}
