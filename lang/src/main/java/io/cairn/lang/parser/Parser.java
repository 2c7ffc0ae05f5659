package io.cairn.lang.parser;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.CairoType;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Code.Element;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.Location;
import io.cairn.lang.ast.Notes;
import io.cairn.lang.ast.SourceFile;
import io.cairn.lang.parser.Lexer.Kind;
import io.cairn.lang.parser.Lexer.Token;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for the Cairo 0 grammar of cairo-lang v0.14.0.1 ({@code cairo.ebnf}). */
public final class Parser {
  private final List<Token> toks;
  /** The line breaks and comments before each token. */
  private final List<Notes> gaps;
  private int p;

  private Parser(SourceFile file) {
    this(new Lexer(file));
  }

  private Parser(Lexer lexer) {
    this.toks = lexer.tokenize();
    this.gaps = lexer.gaps();
  }

  /**
   * Parses generated code whose every location has {@code parent} as its parent location (with
   * {@code parentMessage}), as cairo-lang's parser does with a parent_location in its context.
   */
  public static Code.Module parseFile(String moduleName, SourceFile file, Location parent, String parentMessage) {
    Parser ps = new Parser(new Lexer(file, parent, parentMessage));
    List<Element> els = ps.codeBlock(true);
    return new Code.Module(moduleName, file, els);
  }

  /** Parses a whole file. */
  public static Code.Module parseFile(String moduleName, SourceFile file) {
    Parser ps = new Parser(file);
    List<Element> els = ps.codeBlock(true);
    return new Code.Module(moduleName, file, els);
  }

  /** Parses one expression (used by tests and for hint-free contexts). */
  public static Expr parseExpr(SourceFile file) {
    Parser ps = new Parser(file);
    Expr e = ps.expr();
    ps.expectKind(Kind.EOF, "end of input");
    return e;
  }

  // ---------------------------------------------------------------- tokens

  private Token peek() {
    return toks.get(p);
  }

  private Token peek(int k) {
    return toks.get(Math.min(p + k, toks.size() - 1));
  }

  private Token next() {
    Token t = toks.get(p);
    if (t.kind() != Kind.EOF) p++;
    return t;
  }

  private boolean at(String s) {
    return peek().is(s);
  }

  private boolean accept(String s) {
    if (at(s)) {
      p++;
      return true;
    }
    return false;
  }

  private Token expect(String s) {
    if (!at(s)) throw unexpected("'" + s + "'");
    return next();
  }

  private Token expectKind(Kind k, String what) {
    if (peek().kind() != k) throw unexpected(what);
    return next();
  }

  private Location prevLoc() {
    return toks.get(Math.max(0, p - 1)).location();
  }

  private CairoCompileException unexpected(String expected) {
    Token t = peek();
    String found = t.kind() == Kind.EOF ? "end of file" : "\"" + t.text() + "\"";
    return new CairoCompileException(
        t.location(), "Unexpected token " + found + ". Expected: " + expected + ".");
  }

  private Token ident() {
    return expectKind(Kind.IDENT, "identifier");
  }

  // ---------------------------------------------------------------- code blocks

  private List<Element> codeBlock(boolean topLevel) {
    List<Element> out = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Kind.EOF) {
        if (!topLevel) throw unexpected("'}'");
        return out;
      }
      if (!topLevel && t.is("}")) return out;
      out.add(codeElement());
    }
  }

  private Element codeElement() {
    Token t = peek();
    Location start = t.location();
    if (t.kind() == Kind.HINT) {
      next();
      return new Code.Hint(hintCode(t.text()), prefixNewlines(t.text()), t.location());
    }
    if (t.kind() == Kind.DIRECTIVE) {
      next();
      String[] parts = t.text().split("\\s+");
      if (parts[0].equals("%builtins")) {
        return new Code.Builtins(List.of(parts).subList(1, parts.length), t.location());
      }
      if (parts[0].equals("%lang") && parts.length == 2) return new Code.Lang(parts[1], t.location());
      throw new CairoCompileException(t.location(), "Unknown directive: " + parts[0] + ".");
    }
    if (t.is("@")) {
      List<Expr.Identifier> decorators = new ArrayList<>();
      while (at("@")) {
        next();
        Token d = ident();
        decorators.add(new Expr.Identifier(d.text(), d.location()));
      }
      if (at("func")) return function(decorators, start);
      if (at("struct")) return struct(decorators, start);
      if (at("namespace")) return namespace(decorators, start);
      throw unexpected("func, struct or namespace");
    }
    if (t.kind() == Kind.IDENT) {
      switch (t.text()) {
        case "func":
          return function(List.of(), start);
        case "struct":
          return struct(List.of(), start);
        case "namespace":
          return namespace(List.of(), start);
        case "const": {
          next();
          Token n = ident();
          expect("=");
          Expr e = expr();
          expect(";");
          return new Code.Const(n.text(), n.location(), e, start.to(prevLoc()));
        }
        case "let":
          return let(start);
        case "local": {
          next();
          Code.TypedIdentifier ti = typedIdentifier(false);
          Expr e = accept("=") ? expr() : null;
          expect(";");
          return new Code.LocalVar(ti, e, start.to(prevLoc()));
        }
        case "tempvar": {
          next();
          Code.TypedIdentifier ti = typedIdentifier(false);
          Expr e = accept("=") ? expr() : null;
          expect(";");
          return new Code.TempVar(ti, e, start.to(prevLoc()));
        }
        case "assert": {
          next();
          Expr a = expr();
          expect("=");
          Expr b = expr();
          expect(";");
          return new Code.CompoundAssertEq(a, b, start.to(prevLoc()));
        }
        case "static_assert": {
          next();
          Expr a = expr();
          expect("==");
          Expr b = expr();
          expect(";");
          return new Code.StaticAssert(a, b, start.to(prevLoc()));
        }
        case "return": {
          next();
          Expr e = expr();
          expect(";");
          Location l = start.to(prevLoc());
          if (e instanceof Expr.FuncCall fc) return new Code.TailCall(fc.call(), l);
          return new Code.Return(e, l);
        }
        case "if":
          return ifStatement(start);
        case "using": {
          next();
          Token n = ident();
          expect("=");
          CairoType ty = type();
          expect(";");
          return new Code.TypeDef(n.text(), n.location(), ty, start.to(prevLoc()));
        }
        case "with_attr":
          return withAttr(start);
        case "with": {
          next();
          List<Code.AliasedIdentifier> ids = new ArrayList<>();
          do {
            ids.add(aliasedIdentifier());
          } while (accept(","));
          expect("{");
          List<Element> body = codeBlock(false);
          expect("}");
          return new Code.With(ids, body, start.to(prevLoc()));
        }
        case "from":
          return importStatement(start);
        case "alloc_locals":
          if (peek(1).is(";")) {
            next();
            next();
            return new Code.AllocLocals(start.to(prevLoc()));
          }
          break;
        default:
          break;
      }
      if (peek(1).is(":") && !t.text().equals("ap") && !t.text().equals("fp")) {
        // A label (dotted names are allowed by the grammar but rejected later).
        next();
        next();
        return new Code.Label(new Expr.Identifier(t.text(), t.location()), t.location());
      }
      if (peek(1).is(".") ) {
        // Dotted label: a.b:
        int save = p;
        Expr.Identifier id = dottedIdentifier();
        if (accept(":")) return new Code.Label(id, id.location());
        p = save;
      }
    }
    // Instruction or function call.
    Code.Body body = instructionBody();
    if (body == null) {
      Expr e = expr();
      if (e instanceof Expr.FuncCall fc && at(";")) {
        next();
        return new Code.FuncCallStmt(fc.call(), start.to(prevLoc()));
      }
      if (!at("=")) throw unexpected("'='");
      next();
      Expr b = expr();
      body = new Code.AssertEq(e, b, e.location().to(b.location()));
    }
    boolean incAp = false;
    if (at(",")) {
      next();
      Token ap = next();
      if (!ap.is("ap")) {
        p--;
        throw unexpected("ap++");
      }
      expect("++");
      incAp = true;
    }
    expect(";");
    return new Code.Instruction(body, incAp, start.to(toks.get(p - 2).location()));
  }

  /** Parses instructions that start with a keyword; returns null when the statement starts with an expression. */
  private Code.Body instructionBody() {
    Token t = peek();
    Location start = t.location();
    if (t.kind() != Kind.IDENT) return null;
    switch (t.text()) {
      case "jmp": {
        next();
        if (accept("rel")) {
          Expr e = expr();
          if (accept("if")) {
            Expr cond = expr();
            expect("!=");
            Token z = expectKind(Kind.INT, "0");
            checkZero(z);
            return new Code.Jnz(e, cond, start.to(prevLoc()));
          }
          return new Code.Jump(e, true, start.to(prevLoc()));
        }
        if (accept("abs")) {
          Expr e = expr();
          return new Code.Jump(e, false, start.to(prevLoc()));
        }
        Expr.Identifier label = dottedIdentifier();
        if (accept("if")) {
          Expr cond = expr();
          expect("!=");
          Token z = expectKind(Kind.INT, "0");
          checkZero(z);
          return new Code.JumpToLabel(label, cond, start.to(prevLoc()));
        }
        return new Code.JumpToLabel(label, null, start.to(prevLoc()));
      }
      case "call":
        return callInstruction();
      case "ret":
        if (peek(1).is(";") || peek(1).is(",")) {
          next();
          return new Code.Ret(start);
        }
        return null;
      case "ap":
        if (peek(1).is("+=")) {
          next();
          next();
          Expr e = expr();
          return new Code.AddAp(e, start.to(prevLoc()));
        }
        return null;
      case "dw": {
        if (peek(1).is("=") || peek(1).is(";")) return null;
        next();
        Expr e = expr();
        return new Code.DataWord(e, start.to(prevLoc()));
      }
      default:
        return null;
    }
  }

  private void checkZero(Token z) {
    if (!z.text().equals("0")) {
      throw new CairoCompileException(z.location(), "Invalid expression for jmp condition: expected '!= 0'.");
    }
  }

  private Code.Body callInstruction() {
    Location start = expect("call").location();
    if (accept("rel")) {
      Expr e = expr();
      return new Code.Call(e, true, start.to(prevLoc()));
    }
    if (accept("abs")) {
      Expr e = expr();
      return new Code.Call(e, false, start.to(prevLoc()));
    }
    Expr.Identifier label = dottedIdentifier();
    return new Code.CallLabel(label, false, start.to(prevLoc()));
  }

  private Element let(Location start) {
    next();
    if (at("(")) {
      next();
      List<Code.TypedIdentifier> targets = new ArrayList<>();
      while (!at(")")) {
        targets.add(typedIdentifier(true));
        if (!accept(",")) break;
      }
      expect(")");
      expect("=");
      Expr e = expr();
      expect(";");
      if (!(e instanceof Expr.FuncCall fc)) {
        throw new CairoCompileException(e.location(), "Unpacking is only supported for function calls.");
      }
      return new Code.UnpackBinding(targets, fc.call(), start.to(prevLoc()));
    }
    Code.TypedIdentifier ti = typedIdentifier(false);
    expect("=");
    if (at("call")) {
      Code.Body b = callInstruction();
      expect(";");
      return new Code.Reference(ti, null, b, start.to(prevLoc()));
    }
    Expr e = expr();
    expect(";");
    return new Code.Reference(ti, e, null, start.to(prevLoc()));
  }

  private Element ifStatement(Location start) {
    next();
    expect("(");
    List<Code.BoolTerm> terms = new ArrayList<>();
    do {
      Expr a = expr();
      boolean eq;
      if (accept("==")) eq = true;
      else if (accept("!=")) eq = false;
      else throw unexpected("'==' or '!='");
      Expr b = expr();
      terms.add(new Code.BoolTerm(a, b, eq, a.location().to(b.location())));
    } while (accept("and"));
    expect(")");
    expect("{");
    List<Element> main = codeBlock(false);
    expect("}");
    List<Element> orElse = null;
    if (accept("else")) {
      expect("{");
      orElse = codeBlock(false);
      expect("}");
    }
    // cairo-lang reports an if statement at its 'if' keyword.
    if (terms.size() == 1) return new Code.If(terms, main, orElse, start);
    // 'a and b and c' is lowered to nested ifs, as cairo-lang's bool_expr lowering does.
    if (orElse != null) {
      throw new CairoCompileException(start, "Else blocks are not supported with boolean logic expressions yet.");
    }
    List<Element> body = main;
    for (int i = terms.size() - 1; i > 0; i--) body = List.of(new Code.If(List.of(terms.get(i)), body, null, start));
    return new Code.If(List.of(terms.get(0)), body, null, start);
  }

  private Element withAttr(Location start) {
    next();
    Token n = ident();
    StringBuilder value = null;
    if (accept("(")) {
      value = new StringBuilder();
      while (peek().kind() == Kind.STRING) value.append(next().text());
      expect(")");
    }
    expect("{");
    List<Element> body = codeBlock(false);
    expect("}");
    return new Code.WithAttr(n.text(), value == null ? null : value.toString(), body, start.to(prevLoc()));
  }

  private Element importStatement(Location start) {
    next();
    Expr.Identifier module = dottedIdentifier();
    expect("import");
    List<Code.AliasedIdentifier> names = new ArrayList<>();
    if (accept("(")) {
      while (!at(")")) {
        names.add(aliasedIdentifier());
        if (!accept(",")) break;
      }
      expect(")");
    } else {
      do {
        names.add(aliasedIdentifier());
      } while (accept(","));
    }
    return new Code.Import(module.name(), module.location(), names, start.to(prevLoc()));
  }

  private Code.AliasedIdentifier aliasedIdentifier() {
    Token n = ident();
    String alias = null;
    Location l = n.location();
    if (accept("as")) {
      Token a = ident();
      alias = a.text();
      l = l.to(a.location());
    }
    return new Code.AliasedIdentifier(n.text(), alias, l);
  }

  private Element function(List<Expr.Identifier> decorators, Location start) {
    expect("func");
    Token n = ident();
    List<Code.TypedIdentifier> implicit = null;
    if (accept("{")) {
      implicit = identifierList("}");
    }
    expect("(");
    List<Code.TypedIdentifier> args = identifierList(")");
    CairoType returns = null;
    if (accept("->")) returns = type();
    expect("{");
    List<Element> body = codeBlock(false);
    expect("}");
    return new Code.Function(
        decorators, n.text(), n.location(), implicit, args, returns, body, start.to(prevLoc()));
  }

  private List<Code.TypedIdentifier> identifierList(String close) {
    List<Code.TypedIdentifier> out = new ArrayList<>();
    while (!at(close)) {
      out.add(typedIdentifier(true));
      if (!accept(",")) break;
    }
    expect(close);
    return out;
  }

  private Element struct(List<Expr.Identifier> decorators, Location start) {
    expect("struct");
    Token n = ident();
    expect("{");
    List<Code.TypedIdentifier> members = new ArrayList<>();
    while (!at("}")) {
      Code.TypedIdentifier ti = typedIdentifier(false);
      if (ti.type() == null) {
        throw new CairoCompileException(ti.location(), "Struct members must have an explicit type.");
      }
      members.add(ti);
      if (!at("}")) expect(",");
      else if (!toks.get(p - 1).is(",")) throw unexpected("','");
    }
    expect("}");
    return new Code.Struct(decorators, n.text(), n.location(), members, start.to(prevLoc()));
  }

  private Element namespace(List<Expr.Identifier> decorators, Location start) {
    expect("namespace");
    Token n = ident();
    expect("{");
    List<Element> body = codeBlock(false);
    expect("}");
    return new Code.Namespace(decorators, n.text(), n.location(), body, start.to(prevLoc()));
  }

  private Code.TypedIdentifier typedIdentifier(boolean allowLocal) {
    Location start = peek().location();
    boolean local = false;
    if (at("local") && peek(1).kind() == Kind.IDENT) {
      next();
      local = true;
    }
    Token n = ident();
    CairoType ty = null;
    if (accept(":")) ty = type();
    return new Code.TypedIdentifier(n.text(), ty, local, n.location(), start.to(prevLoc()));
  }

  private Expr.Identifier dottedIdentifier() {
    Token t = ident();
    StringBuilder sb = new StringBuilder(t.text());
    Location l = t.location();
    while (at(".") && peek(1).kind() == Kind.IDENT) {
      next();
      Token u = next();
      sb.append('.').append(u.text());
      l = l.to(u.location());
    }
    return new Expr.Identifier(sb.toString(), l);
  }

  // ---------------------------------------------------------------- types

  CairoType type() {
    CairoType t;
    Token s = peek();
    if (s.is("felt")) {
      next();
      t = new CairoType.Felt(s.location());
    } else if (s.is("codeoffset")) {
      next();
      t = new CairoType.CodeOffset(s.location());
    } else if (s.is("(")) {
      next();
      List<CairoType.TupleMember> members = new ArrayList<>();
      boolean trailing = false;
      while (!at(")")) {
        Location ml = peek().location();
        String name = null;
        if (peek().kind() == Kind.IDENT && peek(1).is(":")) {
          name = next().text();
          next();
        }
        CairoType mt = type();
        members.add(new CairoType.TupleMember(name, mt, ml.to(prevLoc())));
        trailing = false;
        if (!accept(",")) break;
        trailing = true;
      }
      expect(")");
      t = new CairoType.Tuple(members, trailing, s.location().to(prevLoc()));
    } else {
      Expr.Identifier id = dottedIdentifier();
      t = new CairoType.Struct(id.name(), false, id.location());
    }
    while (true) {
      if (at("*")) {
        Location l = next().location();
        t = new CairoType.Pointer(t, t.location().to(l));
      } else if (at("**")) {
        Location l = next().location();
        t = new CairoType.Pointer(new CairoType.Pointer(t, t.location().to(l)), t.location().to(l));
      } else return t;
    }
  }

  // ---------------------------------------------------------------- expressions

  Expr expr() {
    Expr a = product();
    while (at("+") || at("-")) {
      String op = next().text();
      Expr b = product();
      a = new Expr.Operator(a, op, b, a.location().to(b.location()));
    }
    return a;
  }

  private Expr product() {
    Expr a = unary();
    while (at("*") || at("/")) {
      String op = next().text();
      Expr b = unary();
      a = new Expr.Operator(a, op, b, a.location().to(b.location()));
    }
    return a;
  }

  private Expr unary() {
    Token t = peek();
    if (t.is("&")) {
      next();
      Expr e = unary();
      return new Expr.AddressOf(e, t.location().to(e.location()));
    }
    if (t.is("-")) {
      next();
      Expr e = unary();
      return new Expr.Neg(e, t.location().to(e.location()));
    }
    if (t.is("new") && !peek(1).is("=") && !peek(1).is(".")) {
      next();
      Expr e = unary();
      return new Expr.New(e, true, t.location().to(e.location()));
    }
    return pow();
  }

  private Expr pow() {
    Expr a = atom();
    if (at("**")) {
      next();
      Expr b = pow();
      return new Expr.Pow(a, b, a.location().to(b.location()));
    }
    return a;
  }

  private Expr atom() {
    Token t = peek();
    Expr e;
    switch (t.kind()) {
      case INT -> {
        next();
        e = new Expr.Const(new BigInteger(t.text()), false, t.location());
      }
      case HEX -> {
        next();
        e = new Expr.Const(new BigInteger(t.text().substring(2), 16), true, t.location());
      }
      case SHORT_STRING -> {
        next();
        byte[] bytes = t.text().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (bytes.length > 31) {
          throw new CairoCompileException(t.location(), "Short string (e.g., 'abc') length must be at most 31.");
        }
        e = new Expr.Const(new BigInteger(1, bytes.length == 0 ? new byte[1] : bytes), false, t.location());
      }
      case IDENT -> {
        switch (t.text()) {
          case "ap", "fp" -> {
            next();
            e = new Expr.RegExpr(t.text().equals("ap") ? Expr.Reg.AP : Expr.Reg.FP, t.location());
          }
          case "nondet" -> {
            next();
            Token h = expectKind(Kind.HINT, "hint");
            e = new Expr.Hint(hintCode(h.text()), t.location().to(h.location()));
          }
          case "cast" -> {
            if (!peek(1).is("(")) {
              e = identOrCall();
            } else {
              next();
              next();
              Expr inner = expr();
              expect(",");
              CairoType ty = type();
              accept(",");
              expect(")");
              e = new Expr.Cast(inner, ty, Expr.CastType.EXPLICIT, t.location().to(prevLoc()));
            }
          }
          default -> e = identOrCall();
        }
      }
      case PUNCT -> {
        if (t.is("[")) {
          next();
          Expr inner = expr();
          expect("]");
          e = new Expr.Deref(inner, t.location().to(prevLoc()));
        } else if (t.is("(")) {
          next();
          Args a = parenthesizedArgs();
          Location l = t.location().to(prevLoc());
          if (a.args.size() == 1 && !a.trailing && a.args.get(0).name() == null) {
            e = new Expr.Parentheses(a.args.get(0).expr(), l);
          } else {
            e = new Expr.Tuple(a.args, a.trailing, a.notes, l);
          }
        } else throw unexpected("expression");
      }
      default -> throw unexpected("expression");
    }
    // Postfix: subscript and member access.
    while (true) {
      if (at("[")) {
        next();
        Expr off = expr();
        expect("]");
        e = new Expr.Subscript(e, off, e.location().to(prevLoc()));
      } else if (at(".") && peek(1).kind() == Kind.IDENT) {
        next();
        Token m = next();
        e = new Expr.Dot(e, m.text(), e.location().to(m.location()));
      } else return e;
    }
  }

  private Expr identOrCall() {
    Expr.Identifier id = dottedIdentifier();
    List<Expr.Assignment> implicit = null;
    if (at("{")) {
      next();
      implicit = argList("}");
    }
    if (at("(")) {
      next();
      Args a = parenthesizedArgs();
      return new Expr.FuncCall(
          new Expr.FunctionCall(id, implicit, a.args, a.trailing, a.notes, id.location().to(prevLoc())));
    }
    if (implicit != null) throw unexpected("'('");
    return id;
  }

  /** An argument list after its '(' up to and including ')', with its trailing comma and notes. */
  private record Args(List<Expr.Assignment> args, boolean trailing, List<Notes> notes) {}

  /**
   * Like cairo-lang's comma_separated_with_notes: one Notes per gap before each argument and before ')', the
   * notes on both sides of a comma merged.
   */
  private Args parenthesizedArgs() {
    List<Expr.Assignment> args = new ArrayList<>();
    List<Notes> notes = new ArrayList<>();
    boolean trailing = false;
    Notes beforeComma = Notes.NONE;
    while (!at(")")) {
      notes.add(beforeComma.merge(gaps.get(p)));
      args.add(assignment());
      trailing = false;
      if (!at(",")) break;
      beforeComma = gaps.get(p);
      next();
      trailing = true;
    }
    notes.add(trailing ? beforeComma.merge(gaps.get(p)) : gaps.get(p));
    expect(")");
    return new Args(args, trailing, notes);
  }

  private List<Expr.Assignment> argList(String close) {
    List<Expr.Assignment> out = new ArrayList<>();
    while (!at(close)) {
      out.add(assignment());
      if (!accept(",")) break;
    }
    expect(close);
    return out;
  }

  private Expr.Assignment assignment() {
    if (peek().kind() == Kind.IDENT && peek(1).is("=")) {
      Token n = next();
      next();
      Expr e = expr();
      return new Expr.Assignment(n.text(), n.location(), e, n.location().to(e.location()));
    }
    Expr e = expr();
    return new Expr.Assignment(null, null, e, e.location());
  }

  static int prefixNewlines(String raw) {
    String body = raw.substring(2, raw.length() - 2);
    int n = 0, i = 0;
    while (true) {
      int nl = body.indexOf('\n', i);
      if (nl < 0 || !body.substring(i, nl).isBlank()) return n;
      n++;
      i = nl + 1;
    }
  }

  /** Hint text as cairo-lang stores it: leading blank lines dropped, common indentation removed. */
  static String hintCode(String raw) {
    String body = raw.substring(2, raw.length() - 2);
    // Drop whitespace-only leading lines.
    int i = 0;
    while (true) {
      int nl = body.indexOf('\n', i);
      if (nl < 0) break;
      if (!body.substring(i, nl).isBlank()) break;
      i = nl + 1;
    }
    String code = body.substring(i).stripTrailing();
    String[] lines = code.split("\n", -1);
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      if (l.isEmpty()) continue;
      int k = 0;
      while (k < l.length() && l.charAt(k) == ' ') k++;
      common = Math.min(common, k);
    }
    if (common == Integer.MAX_VALUE) common = 0;
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < lines.length; j++) {
      if (j > 0) sb.append('\n');
      String l = lines[j];
      sb.append(l.length() >= common ? l.substring(common) : l.strip());
    }
    return sb.toString();
  }
}
