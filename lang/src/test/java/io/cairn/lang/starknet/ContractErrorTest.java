package io.cairn.lang.starknet;

import static org.junit.jupiter.api.Assertions.*;

import io.cairn.lang.CairoCompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract mistakes are reported cairo-compile style: file:line:col, the line, a caret. */
class ContractErrorTest {
  private static String error(String source) {
    CairoCompileException e = assertThrows(CairoCompileException.class, () -> ContractCompilerTest.compile("c.cairo", source));
    return e.errors().get(0);
  }

  private static void assertError(String source, String firstLine, String caret) {
    String err = error(source);
    String[] lines = err.split("\n");
    assertEquals(firstLine, lines[0], err);
    assertEquals(caret, lines[lines.length - 1], err);
  }

  @Test
  void storageVarWithBody() {
    assertError("%lang starknet\n@storage_var\nfunc x() -> (res: felt) {\n    return (res=1);\n}\n",
        "c.cairo:4:5: Storage variables must have an empty body.", "    ^*************^");
  }

  @Test
  void storageVarReturningTwoValues() {
    assertError("%lang starknet\n@storage_var\nfunc x() -> (a: felt, b: felt) {\n}\n",
        "c.cairo:3:13: Storage variables must return exactly one value.", "            ^****************^");
  }

  @Test
  void storageVarOfPointers() {
    assertError("%lang starknet\n@storage_var\nfunc x() -> (res: felt*) {\n}\n",
        "c.cairo:3:13: The return type of storage variables must be a felts-only type (cannot contain pointers).", "            ^**********^");
  }

  @Test
  void storageVarArgumentNamedLikeItsFunctions() {
    assertError("%lang starknet\n@storage_var\nfunc x(read: felt) -> (res: felt) {\n}\n",
        "c.cairo:3:8: 'read' cannot be used as a storage variable argument name.", "       ^**^");
  }

  @Test
  void storageVarDefinedTwice() {
    assertError("%lang starknet\n@storage_var\nfunc x() -> (res: felt) {\n}\n@storage_var\nfunc x() -> (res: felt) {\n}\n",
        "c.cairo:6:6: Found more than one storage variable with the same name ('x').", "     ^");
  }

  @Test
  void decoratorsNeedTheStarknetLang() {
    assertError("@storage_var\nfunc x() -> (res: felt) {\n}\n",
        "c.cairo:1:2: @storage_var can only be used in source files that contain the \"%lang starknet\" directive.", " ^*********^");
    assertError("@external\nfunc f() {\n    return ();\n}\n",
        "c.cairo:1:2: External decorators can only be used in source files that contain the \"%lang starknet\" directive.", " ^******^");
  }

  @Test
  void otherLangIsRejected() {
    assertError("%lang cairo\n", "c.cairo:1:1: Unsupported %lang directive. Are you using the correct compiler?", "^*********^");
  }

  @Test
  void viewMustReturnANamedTuple() {
    assertError("%lang starknet\n@view\nfunc f() -> (felt, felt) {\n    return (1, 2);\n}\n",
        "c.cairo:3:14: A return value in an external function must be named.", "             ^**^");
  }

  @Test
  void arrayNeedsItsLength() {
    assertError("%lang starknet\n@external\nfunc f(n: felt, a: felt*) {\n    return ();\n}\n",
        "c.cairo:3:17: Array argument \"a\" must be preceded by a length argument named \"a_len\" of type felt.", "                ^******^");
  }

  @Test
  void l1HandlerNeedsFromAddress() {
    assertError("%lang starknet\n@l1_handler\nfunc h(x: felt) {\n    return ();\n}\n",
        "c.cairo:3:8: The first argument of an L1 handler must be named 'from_address'.", "       ^*****^");
  }

  @Test
  void constructorRules() {
    assertError("%lang starknet\n@constructor\nfunc init() {\n    return ();\n}\n",
        "c.cairo:3:6: The constructor name must be 'constructor'.", "     ^**^");
    assertError("%lang starknet\n@constructor\nfunc constructor() -> (x: felt) {\n    return (x=1);\n}\n",
        "c.cairo:3:23: A constructor can not have a return value.", "                      ^*******^");
  }

  @Test
  void unexpectedImplicitArgument() {
    assertError("%lang starknet\n@external\nfunc f{foo}() {\n    return ();\n}\n",
        "c.cairo:3:8: Unexpected implicit argument 'foo' in an external function.", "       ^*^");
  }

  @Test
  void builtinsOutOfOrder() {
    assertError("%lang starknet\n%builtins range_check pedersen\n",
        "c.cairo:2:1: ['range_check', 'pedersen'] is not a subsequence of ['pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'poseidon'].",
        "^****************************^");
  }

  @Test
  void eventWithReturnValues() {
    assertError("%lang starknet\n@event\nfunc e(a: felt) -> (b: felt) {\n}\n",
        "c.cairo:3:20: Events must have no return values.", "                   ^*******^");
  }

  @Test
  void interfaceWithNonFunction() {
    assertError("%lang starknet\n@contract_interface\nnamespace I {\n    const C = 1;\n}\n",
        "c.cairo:4:5: Only functions are supported within a contract interface.", "    ^**********^");
  }

  @Test
  void accountEntryPointsOnlyInAccountContracts() {
    String account = "%lang starknet\n@external\nfunc __validate__(x: felt) {\n    return ();\n}\n";
    CairoCompileException e = assertThrows(CairoCompileException.class, () -> ContractCompilerTest.compile("c.cairo", account));
    assertEquals("Only account contracts may have functions named '__validate__'. Use the --account_contract flag to compile an account contract.", e.errors().get(0));
    e = assertThrows(CairoCompileException.class, () -> ContractCompiler.compile(
        new io.cairn.lang.compiler.Compiler.Options(java.util.List.of(ContractCompilerTest.lib()), false, false),
        new ContractCompiler.ContractOptions(true, true), "c.cairo", account));
    assertEquals("Account contracts must have external functions named: '__execute__', '__validate__', '__validate_declare__'. "
        + "Missing: '__execute__', '__validate_declare__'.", e.errors().get(0));
  }

  @Test
  void hintsOutsideTheWhitelistAreRejected() throws Exception {
    HintWhitelist whitelist = HintWhitelist.fromDirectory(io.cairn.testsupport.Fixtures.require("cairo-lang-hint-whitelists"));
    var options = new io.cairn.lang.compiler.Compiler.Options(java.util.List.of(ContractCompilerTest.lib()), false, false);
    var checked = new ContractCompiler.ContractOptions(false, true, whitelist);
    // The stand-in library's hints are cairo-lang's own (whitelisted) hint texts.
    ContractCompiler.compile(options, checked, "vault.cairo", ContractCompilerTest.resource("vault.cairo"));
    String source = "%lang starknet\n@external\nfunc f() {\n    %{ print('hi') %}\n    return ();\n}\n";
    CairoCompileException e = assertThrows(CairoCompileException.class, () -> ContractCompiler.compile(options, checked, "c.cairo", source));
    assertEquals("c.cairo:4:5: Hint is not whitelisted.", e.errors().get(0).lines().findFirst().orElseThrow());
    assertTrue(e.errors().get(0).contains("This may indicate that this library function cannot be used in StarkNet contracts."));
    // Without a whitelist every hint is accepted (--disable_hint_validation).
    ContractCompilerTest.compile("c.cairo", source);
  }

  @Test
  void simpleReferences() {
    assertTrue(HintWhitelist.isSimple(parse("[cast(fp + (-3), felt*)]")));
    assertTrue(HintWhitelist.isSimple(parse("[cast([ap + (-1)] + 2 * [fp], felt**)]")));
    assertFalse(HintWhitelist.isSimple(parse("cast([fp + 2] / 3, felt)")), "division");
    assertFalse(HintWhitelist.isSimple(parse("[cast(&x, felt*)]")), "address-of");
  }

  private static io.cairn.lang.ast.Expr parse(String s) {
    return io.cairn.lang.parser.Parser.parseExpr(new io.cairn.lang.ast.SourceFile("<t>", s));
  }

  @Test
  void validateDeployArgumentsAreWarnedAbout() {
    String account = "%%lang starknet\n"
        + "@constructor\nfunc constructor(key: felt) {\n    return ();\n}\n"
        + "@external\nfunc __validate_deploy__(class_hash: felt, contract_address_salt: felt%s) {\n    return ();\n}\n";
    List<String> warnings = new java.util.ArrayList<>();
    var options = new io.cairn.lang.compiler.Compiler.Options(List.of(ContractCompilerTest.lib()), false, false);
    ContractCompiler.compile(options, new ContractCompiler.ContractOptions(false, true, null, warnings::add), "c.cairo", account.formatted(", key: felt"));
    assertEquals(List.of(), warnings);
    ContractCompiler.compile(options, new ContractCompiler.ContractOptions(false, true, null, warnings::add), "c.cairo", account.formatted(""));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("Found:\n'class_hash: felt, contract_address_salt: felt'."), warnings.get(0));
  }

  @Test
  void entryPointsInNamespacesAreNotWrapped() throws Exception {
    String cls = ContractCompilerTest.compile("c.cairo", "%lang starknet\nnamespace N {\n    @external\n    func f() {\n        return ();\n    }\n}\n");
    assertTrue(cls.contains("\"EXTERNAL\": []"), cls);
  }
}
