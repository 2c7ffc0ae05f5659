package io.cairn.lang.stdlib;

import static io.cairn.lang.stdlib.StdlibRunner.failsWith;
import static io.cairn.lang.stdlib.StdlibRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import io.cairn.vm.hints.cairn.CairnHints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every module of the library compiles on its own, every hint it contains has a Java implementation registered in
 * the VM (exact text), and every registered Cairn hint is used by the library.
 */
class LibraryHintsTest {
  static final List<String> MODULES = List.of(
      "alloc", "bitwise", "bool", "builtin_poseidon/poseidon", "cairo_builtins", "default_dict", "dict", "dict_access",
      "builtin_keccak/keccak", "ec_point", "find_element", "hash", "hash_state", "keccak_state", "math", "math_cmp", "memcpy", "memset",
      "poseidon_state", "pow", "registers", "segments", "serialize", "signature", "squash_dict", "uint256", "usort");

  private static String source(String module) throws IOException {
    try (InputStream in = Compiler.class.getResourceAsStream("/io/cairn/lang/lib/cairn/common/" + module + ".cairo")) {
      assertTrue(in != null, module);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyLibraryHintIsRegisteredAndEveryRegisteredHintIsUsed() throws IOException {
    Set<String> used = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String module : MODULES) {
      // As the main file every function is compiled (nothing is pruned without a main).
      CompiledProgram p = new Compiler(new Compiler.Options(List.of(), false, true)).compile(module + ".cairo", source(module));
      JsonNode hints = json.readTree(p.toJson()).path("hints");
      for (JsonNode atPc : hints) for (JsonNode h : atPc) used.add(h.path("code").asText());
    }
    Set<String> registered = CairnHints.table().keySet();
    for (String code : used) assertTrue(registered.contains(code), "not registered:\n" + code);
    for (String code : registered) assertTrue(used.contains(code), "registered but unused:\n" + code);
    assertEquals(registered.size(), used.size());
  }

  @Test
  void ecdsaSignaturesAreCheckedByTheBuiltin() {
    Felt key = Felt.of(0x1234567);
    Felt message = Felt.of(0xabcdef);
    Ecdsa.Signature sig = Ecdsa.sign(key, message);
    String program = """
        %builtins ecdsa
        from cairn.common.cairo_builtins import SignatureBuiltin
        from cairn.common.signature import verify_ecdsa_signature

        func main{ecdsa_ptr: SignatureBuiltin*}() {
            verify_ecdsa_signature(MESSAGE, PUBLIC_KEY, R, S);
            return ();
        }
        """.replace("PUBLIC_KEY", Ecdsa.publicKey(key).toBigInteger().toString())
        .replace("R, S", sig.r().toBigInteger() + ", " + sig.s().toBigInteger());
    run(program.replace("MESSAGE", message.toBigInteger().toString()));
    failsWith(program.replace("MESSAGE", "1"), "Signature");
  }
}
