package io.cairn.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.SourceFile;
import io.cairn.lang.parser.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static Code.Module parse(String src) {
    return Parser.parseFile("__main__", new SourceFile("t.cairo", src));
  }

  private static String fmt(String expr) {
    return Parser.parseExpr(new SourceFile("e", expr)).format();
  }

  @Test
  void everyCodeElementOfTheGrammarParses() {
    Code.Module m = parse("""
        %builtins output pedersen range_check
        from a.b import c, d as e
        from a.c import (
            f,
            g as h,
        )
        using Pair = (x: felt, y: felt*);
        const K = 0x10 ** 2;
        struct S {
            a: felt,  // comment
            b: S**,
            c: codeoffset,
        }
        @known_ap_change
        func f{p: felt*, q}(x: felt, y: S*) -> (r: felt, s: felt) {
            alloc_locals;
            local l: felt = x;
            tempvar t = nondet %{ 1 + 1 %};
            let (u, local v: felt, _) = g(x=1);
            let w = call h;
            let z: felt* = cast(y, felt*,);
            assert [ap] = [fp - 3] * 2;
            static_assert K == 256;
            [ap] = [[fp + 1] + 2], ap++;
            ap += 3;
            jmp rel 4 if [ap - 1] != 0;
            jmp abs 7;
            jmp lbl if x != 0;
            call rel 2;
            call abs [fp];
            dw 0x1234;
            lbl:
            if (x == 1 and y != 0) {
                ret;
            }
            if (x != 1) {
                with p {
                    with_attr error_message("bad " "x") {
                        g{p=p}(&y.a, new S(1, 2, 3), 'ab', -x);
                    }
                }
            } else {
                return (r=1, s=2);
            }
            %{
                print(1)
            %}
            return f(x, y);
        }
        namespace N {
            func inner() {
                ret;
            }
        }
        """);
    assertEquals(8, m.elements().size());
    Code.Function f = (Code.Function) m.elements().get(6);
    assertEquals(List.of("known_ap_change"), f.decorators().stream().map(Expr.Identifier::name).toList());
    assertEquals(2, f.implicitArgs().size());
    assertInstanceOf(Code.TailCall.class, f.body().get(f.body().size() - 1));
    Code.Hint h = (Code.Hint) f.body().get(f.body().size() - 2);
    assertEquals("print(1)", h.code());
    assertEquals(1, h.prefixNewlines());
    Code.If i = (Code.If) f.body().stream().filter(e -> e instanceof Code.If).findFirst().orElseThrow();
    // 'and' is lowered to nested ifs.
    assertEquals(1, i.condition().size());
    assertInstanceOf(Code.If.class, i.main().get(0));
  }

  @Test
  void expressionsPrintLikeCairoLang() {
    assertEquals("[cast(fp + (-3), felt*)]", fmt("[cast(fp + (-3), felt*)]"));
    assertEquals("a - (b + c)", fmt("a - (b + c)"));
    assertEquals("a * b / (c * d)", fmt("a * b / (c * d)"));
    assertEquals("(-x) + y", fmt("-x + y"));
    assertEquals("(1, 2)", fmt("(1, 2)"));
    assertEquals("&p.x", fmt("&p.x"));
    // cairo-lang parenthesizes any power operand that is itself a power.
    assertEquals("2 ** (3 ** 2)", fmt("2 ** 3 ** 2"));
  }

  @Test
  void hintIndentationIsRemoved() {
    Code.Module m = parse("func f() {\n    %{\n        a = 1\n        if a:\n            b = 2\n    %}\n    ret;\n}\n");
    Code.Hint h = (Code.Hint) ((Code.Function) m.elements().get(0)).body().get(0);
    assertEquals("a = 1\nif a:\n    b = 2", h.code());
  }

  @Test
  void syntaxErrorsSayWhereAndWhatWasExpected() {
    CairoCompileException e = assertThrows(CairoCompileException.class, () -> parse("func f( {\n}\n"));
    assertTrue(e.getMessage().startsWith("t.cairo:1:9: Unexpected token \"{\". Expected: identifier."), e.getMessage());
    CairoCompileException e2 = assertThrows(CairoCompileException.class, () -> parse("func f() {\n    jmp rel 3 if [ap] != 1;\n}\n"));
    assertTrue(e2.getMessage().contains("expected '!= 0'"), e2.getMessage());
    CairoCompileException e3 = assertThrows(CairoCompileException.class, () -> parse("const x = 'this short string is longer than 31 chars';\n"));
    assertTrue(e3.getMessage().contains("at most 31"), e3.getMessage());
  }
}
