package io.cairn.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each construct is compiled twice: as written, and as the instructions cairo-lang's preprocessor
 * expands it to, written by hand. Equal bytecode shows the expansion (the encoder itself is
 * checked against the fixture programs in InstructionEncoderTest).
 */
class CompilerTest {
  static CompiledProgram compile(String src) {
    return new Compiler(new Compiler.Options(List.of(), false, true)).compile("test.cairo", src);
  }

  static List<BigInteger> data(String src) {
    return compile(src).data();
  }

  private static void same(String highLevel, String lowLevel) {
    assertEquals(data(lowLevel), data(highLevel));
  }

  @Test
  void tempvarsAndCompoundExpressionsUseTemporaries() {
    same("""
        func f(a, b, c) {
            tempvar x = a * b + c;
            ret;
        }
        """, """
        func f(a, b, c) {
            [ap] = [fp - 5] * [fp - 4], ap++;
            [ap] = [ap - 1] + [fp - 3], ap++;
            ret;
        }
        """);
  }

  @Test
  void callsPushArgumentsAndReturnsPushResults() {
    same("""
        func g(x) -> (y: felt) {
            return (y=x + 1);
        }
        func f() {
            let (r) = g(5);
            assert r = 6;
            ret;
        }
        """, """
        func g(x) -> (y: felt) {
            [ap] = [fp - 3] + 1, ap++;
            ret;
        }
        func f() {
            [ap] = 5, ap++;
            call g;
            [ap - 1] = 6;
            ret;
        }
        """);
  }

  @Test
  void implicitArgumentsArePassedAndUpdated() {
    same("""
        func inc{counter}() {
            let counter = counter + 1;
            return ();
        }
        func f{counter}() {
            inc();
            inc();
            return ();
        }
        """, """
        func inc{counter}() {
            [ap] = [fp - 3] + 1, ap++;
            ret;
        }
        func f{counter}() {
            [ap] = [fp - 3], ap++;
            call inc;
            call inc;
            ret;
        }
        """);
  }

  @Test
  void ifElseBranchesOnTheDifference() {
    same("""
        func f(x) -> (r: felt) {
            if (x == 7) {
                return (r=1);
            } else {
                return (r=2);
            }
        }
        """, """
        func f(x) -> (r: felt) {
            [ap] = [fp - 3] + (-7), ap++;
            jmp ne if [ap - 1] != 0;
            [ap] = 1, ap++;
            ret;
            ne:
            [ap] = 2, ap++;
            ret;
        }
        """);
  }

  @Test
  void localsLiveAboveFp() {
    same("""
        func f(x) {
            alloc_locals;
            local a = x * x;
            local b: felt = a + 3;
            ret;
        }
        """, """
        func f(x) {
            ap += 2;
            [fp] = [fp - 3] * [fp - 3];
            [fp + 1] = [fp] + 3;
            ret;
        }
        """);
  }

  @Test
  void structsPointersAndMemberAccess() {
    same("""
        struct Point {
            x: felt,
            y: felt,
        }
        func f(p: Point*) -> (s: felt) {
            assert p.y = 5;
            return (s=p.x + p[1].y);
        }
        """, """
        func f(p: felt*) -> (s: felt) {
            [ap] = 5, ap++;
            [ap - 1] = [[fp - 3] + 1];
            [ap] = [[fp - 3]], ap++;
            [ap] = [[fp - 3] + 3], ap++;
            [ap] = [ap - 2] + [ap - 1], ap++;
            ret;
        }
        """);
  }

  @Test
  void constantsFoldAndShortStringsAreBigEndianBytes() {
    same("""
        const K = 2 ** 10 - 1;
        func f() {
            [ap] = K * 2, ap++;
            [ap] = 'AB', ap++;
            [ap] = 1 / 2, ap++;
            ret;
        }
        """, """
        func f() {
            [ap] = 2046, ap++;
            [ap] = 0x4142, ap++;
            [ap] = 0x400000000000008800000000000000000000000000000000000000000000001, ap++;
            ret;
        }
        """);
  }

  @Test
  void tailCallsReuseTheCalleeReturn() {
    same("""
        func g(x) -> (y: felt) {
            return (y=x);
        }
        func f(x) -> (y: felt) {
            return g(x + 1);
        }
        """, """
        func g(x) -> (y: felt) {
            [ap] = [fp - 3], ap++;
            ret;
        }
        func f(x) -> (y: felt) {
            [ap] = [fp - 3] + 1, ap++;
            call g;
            ret;
        }
        """);
  }

  @Test
  void namespacesAndTypeAliases() {
    same("""
        using Pair = (felt, felt);
        namespace math {
            func twice(p: Pair) -> (r: felt) {
                return (r=p[0] + p[1]);
            }
        }
        func main() {
            let (r) = math.twice((3, 4));
            ret;
        }
        """, """
        func twice(a, b) -> (r: felt) {
            [ap] = [fp - 4] + [fp - 3], ap++;
            ret;
        }
        func main() {
            [ap] = 3, ap++;
            [ap] = 4, ap++;
            call twice;
            ret;
        }
        """);
  }

  @Test
  void rawInstructionsEncodeExactly() {
    List<BigInteger> d = data("""
        func main() {
            ap += 3;
            jmp rel 2;
            call abs 7;
            dw 0x1234;
            ret;
        }
        """);
    assertEquals(List.of(new BigInteger("40780017fff7fff", 16), BigInteger.valueOf(3),
        new BigInteger("10780017fff7fff", 16), BigInteger.TWO,
        new BigInteger("1084800180018000", 16), BigInteger.valueOf(7),
        BigInteger.valueOf(0x1234), new BigInteger("208b7fff7fff7ffe", 16)), d);
  }

  @Test
  void hintsAreCarriedWithScopesAndReferences() {
    CompiledProgram p = compile("""
        func main(x) {
            %{
                print(ids.x)
            %}
            [ap] = [fp - 3], ap++;
            ret;
        }
        """);
    @SuppressWarnings("unchecked")
    var hints = (Map<String, List<Map<String, Object>>>) p.json().get("hints");
    Map<String, Object> h = hints.get("0").get(0);
    assertEquals("print(ids.x)", h.get("code"));
    assertEquals(List.of("__main__", "__main__.main"), h.get("accessible_scopes"));
    assertTrue(h.get("flow_tracking_data").toString().contains("__main__.main.x"), h.toString());
  }

  @Test
  void withAttrRecordsAnAttributeScope() {
    CompiledProgram p = compile("""
        func main(x) {
            with_attr error_message("x must be 3") {
                assert x = 3;
            }
            ret;
        }
        """);
    @SuppressWarnings("unchecked")
    var attrs = (List<Map<String, Object>>) p.json().get("attributes");
    assertEquals("error_message", attrs.get(0).get("name"));
    assertEquals("x must be 3", attrs.get(0).get("value"));
    assertEquals(0, attrs.get(0).get("start_pc"));
    assertEquals(2, attrs.get(0).get("end_pc"));
  }

  // ------------------------------------------------------------------ errors

  private static String error(String src) {
    return assertThrows(CairoCompileException.class, () -> compile(src)).getMessage();
  }

  @Test
  void undefinedName() {
    String e = error("func main() {\n    assert y = 1;\n    ret;\n}\n");
    assertEquals("test.cairo:2:12: Unknown identifier 'y'.\n    assert y = 1;\n           ^", e);
  }

  @Test
  void revokedReference() {
    // g is compiled after main, so its ap change is unknown at the call.
    String e = error("""
        func main() {
            tempvar x = 5;
            g();
            assert x = 5;
            ret;
        }
        func g() {
            ret;
        }
        """);
    assertTrue(e.startsWith("test.cairo:4:12: Reference 'x' was revoked."), e);
    assertTrue(e.contains("Reference was defined here:"), e);
  }

  @Test
  void typeMismatch() {
    String e = error("""
        struct A {
            v: felt,
        }
        func main(p: A*) {
            let q: felt* = p + 1;
            tempvar t: felt = p;
            ret;
        }
        """);
    assertTrue(e.contains("Cannot assign an expression of type '__main__.A*' to a temporary variable of type 'felt'."), e);
  }

  @Test
  void wrongImplicitArgument() {
    String e = error("""
        func g{range_check_ptr}() {
            return ();
        }
        func main() {
            g();
            ret;
        }
        """);
    assertTrue(e.contains("Unknown identifier 'range_check_ptr'."), e);
    String e2 = error("""
        func g{range_check_ptr}() {
            return ();
        }
        func main{range_check_ptr}() {
            g{pedersen_ptr=range_check_ptr}();
            ret;
        }
        """);
    assertTrue(e2.contains("Unexpected implicit argument binding: pedersen_ptr."), e2);
  }

  @Test
  void implicitReturnValuesNeedAWithStatement() {
    String e = error("""
        func inc{counter}() {
            let counter = counter + 1;
            return ();
        }
        func main() {
            let counter = 0;
            inc();
            ret;
        }
        """);
    assertTrue(e.contains("'counter' cannot be used as an implicit return value. Consider using a 'with' statement."), e);
    same("""
        func inc{counter}() {
            return ();
        }
        func main() {
            tempvar counter = 0;
            with counter {
                inc();
            }
            ret;
        }
        """, """
        func inc{counter}() {
            [ap] = [fp - 3], ap++;
            ret;
        }
        func main() {
            // counter is already on top of the stack: the argument push is skipped.
            [ap] = 0, ap++;
            call inc;
            ret;
        }
        """);
  }

  @Test
  void syntaxErrorsPointAtTheToken() {
    String e = error("func main() {\n    let x = ;\n}\n");
    assertEquals("test.cairo:2:13: Unexpected token \";\". Expected: expression.\n    let x = ;\n            ^", e);
  }

  @Test
  void errorsOfSeveralFunctionsAreReportedTogether() {
    CairoCompileException e = assertThrows(CairoCompileException.class, () -> compile("""
        func a() {
            assert u = 1;
            ret;
        }
        func b() {
            assert v = 1;
            ret;
        }
        """));
    assertEquals(2, e.errors().size(), e.getMessage());
    assertTrue(e.errors().get(1).contains("Unknown identifier 'v'."));
  }

  @Test
  void functionsMustEndWithReturn() {
    assertTrue(error("func main() {\n    [ap] = 1, ap++;\n}\n").contains("Function must end with a return instruction or a jump."));
  }

  @Test
  void importsResolveThroughTheCairoPath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("pkg"));
    java.nio.file.Files.writeString(dir.resolve("pkg/lib.cairo"), "const ANSWER = 42;\nfunc unused() {\n    ret;\n}\n");
    CompiledProgram p = new Compiler(new Compiler.Options(List.of(dir), false, false)).compile("m.cairo", """
        from pkg.lib import ANSWER
        func main() {
            [ap] = ANSWER, ap++;
            ret;
        }
        """);
    // pkg.lib.unused is not reachable from __main__, so it is not compiled.
    assertEquals(List.of(new BigInteger("480680017fff8000", 16), BigInteger.valueOf(42), new BigInteger("208b7fff7fff7ffe", 16)), p.data());
    assertTrue(p.json().get("debug_info") == null);
    CairoCompileException missing = assertThrows(CairoCompileException.class, () ->
        new Compiler(new Compiler.Options(List.of(dir), false, false)).compile("m.cairo", "from nope.x import y\n"));
    assertTrue(missing.getMessage().startsWith("m.cairo:1:6: Could not find module 'nope.x'."), missing.getMessage());
  }
}
