package io.cairn.lang.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.Expr;
import io.cairn.lang.ast.SourceFile;
import io.cairn.lang.compiler.ExtensionContext;
import io.cairn.lang.parser.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hint whitelist check of starknet-compile: every hint's code must be in a whitelist, and each
 * reference it can see must be a simple expression or one the whitelist allows for that hint.
 * The whitelists are cairo-lang's JSON files ({@code src/starkware/starknet/security/whitelists});
 * Cairn does not ship them.
 */
public final class HintWhitelist {
  private static final Pattern TEMP = Pattern.compile("^__temp[0-9]+$");
  private static final int SIMPLICITY_BOUND = 20;
  private final Map<String, Set<String>> allowed;

  private HintWhitelist(Map<String, Set<String>> allowed) {
    this.allowed = allowed;
  }

  /** The union of every {@code *.json} whitelist in the directory. */
  public static HintWhitelist fromDirectory(Path dir) {
    Map<String, Set<String>> allowed = new HashMap<>();
    ObjectMapper om = new ObjectMapper();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = om.readTree(f.toFile());
        JsonNode entries = root.get("allowed_reference_expressions_for_hint");
        if (entries == null || !entries.isArray()) {
          throw new IllegalArgumentException(f + ": $.allowed_reference_expressions_for_hint: missing or not an array");
        }
        for (JsonNode e : entries) {
          List<String> lines = new ArrayList<>();
          for (JsonNode l : e.path("hint_lines")) lines.add(l.asText());
          Set<String> exprs = allowed.computeIfAbsent(String.join("\n", lines), k -> new HashSet<>());
          for (JsonNode x : e.path("allowed_expressions")) exprs.add(x.path("name").asText() + "\u0000" + x.path("expr").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading hint whitelists in " + dir, e);
    }
    return new HintWhitelist(allowed);
  }

  /** Fails, at the first offending hint, like starknet-compile. */
  void verify(ExtensionContext ctx) {
    for (ExtensionContext.CompiledHint h : ctx.hints()) {
      Set<String> ok = allowed.get(h.code());
      boolean secure = ok != null;
      if (secure) {
        for (var ref : h.referenceIds().entrySet()) {
          String name = ref.getKey();
          if (TEMP.matcher(name.substring(name.lastIndexOf('.') + 1)).matches()) continue;
          String value = ctx.referenceValue(ref.getValue());
          if (isSimple(Parser.parseExpr(new SourceFile("<reference>", value)))) continue;
          if (!ok.contains(name + "\u0000" + value)) secure = false;
        }
      }
      if (!secure) {
        throw new CairoCompileException(h.location(),
            "Hint is not whitelisted.\nThis may indicate that this library function cannot be used in StarkNet contracts.");
      }
    }
  }

  /** cairo-lang is_simple_reference: [cast(e, T)] with e built of constants, registers, +, -, *, negation, [ ]. */
  static boolean isSimple(Expr expr) {
    int bound = SIMPLICITY_BOUND;
    if (expr instanceof Expr.Deref d) {
      expr = d.addr();
      bound--;
    }
    if (expr instanceof Expr.Cast c) {
      expr = c.expr();
      bound--;
    }
    int complexity = complexity(expr);
    return complexity >= 0 && complexity < bound;
  }

  /** The number of nodes, or -1 when the expression has another form. */
  private static int complexity(Expr e) {
    return switch (e) {
      case Expr.Const c -> 1;
      case Expr.RegExpr r -> 1;
      case Expr.Operator o when o.op().equals("+") || o.op().equals("-") || o.op().equals("*") -> {
        int a = complexity(o.a()), b = complexity(o.b());
        yield a < 0 || b < 0 ? -1 : a + b + 1;
      }
      case Expr.Neg n -> plusOne(complexity(n.val()));
      case Expr.Parentheses p -> plusOne(complexity(p.val()));
      case Expr.Deref d -> plusOne(complexity(d.addr()));
      default -> -1;
    };
  }

  private static int plusOne(int c) {
    return c < 0 ? -1 : c + 1;
  }
}
