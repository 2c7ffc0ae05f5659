package io.cairn.lang.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocationTest {
  @Test
  void parentsAreRenderedFirstLikeCairoCompile() {
    SourceFile user = new SourceFile("c.cairo", "@external\nfunc deposit(amount: felt) {\n");
    SourceFile gen = new SourceFile("autogen/x.cairo", "let ret_value = __wrapped_func{}(amount=__calldata_arg_amount,);\n");
    Location fn = new Location(user, 2, 6, 2, 13);
    Location inner = new Location(gen, 1, 17, 1, 31).withParent(fn, "While constructing the external wrapper for:");
    assertEquals("""
        c.cairo:2:6: While constructing the external wrapper for:
        func deposit(amount: felt) {
             ^*****^
        autogen/x.cairo:1:17: Unknown identifier 'x'.
        let ret_value = __wrapped_func{}(amount=__calldata_arg_amount,);
                        ^************^""", inner.render("Unknown identifier 'x'."));
  }
}
