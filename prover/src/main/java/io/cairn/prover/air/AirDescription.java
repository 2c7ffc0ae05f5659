package io.cairn.prover.air;

import io.cairn.crypto.field.Felt;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cairo CPU layout as data: its columns, mask, domains, shared sub-expressions and constraints in Stone's order,
 * read from a {@code <layout>.air} resource. Adding a layout is adding such a file (see prover/tools).
 *
 * <p>Expressions use field constants, + − * /, parentheses and names: mask values ({@code column3_row8}), periodic
 * columns, global values (names ending in {@code _}: public-input values and interaction elements), {@code point},
 * {@code point_powK} (point^exponent K) and {@code shiftK} (trace generator^exponent K).
 */
public final class AirDescription {
  /** An exponent a·T/b + c of the trace length T. */
  public record Exponent(long num, long den, long add) {
    public long of(long traceLength) {
      return num * traceLength / den + add;
    }
  }

  public record MaskEntry(int column, int row, String name) {}

  /**
   * A periodic column: its Stone name, the name expressions use, and — for constant columns given in the description —
   * its values (one period) and the row step between them; {@code values} is null for columns Cairn computes
   * (Pedersen and ECDSA points).
   */
  public record PeriodicColumn(String name, String exprName, int step, Felt[] values) {}

  public record Constraint(int index, String name, Expr numerator, Expr denominator, Expr expr) {}

  public final String layout;
  public final BigInteger layoutCode;
  public final int mainColumns;
  public final int interactionColumns;
  public final int constraintDegree;
  public final int publicMemoryStep;
  public final int interactionElements;
  public final List<String> segments;
  public final Map<String, String> params;
  public final List<PeriodicColumn> periodicColumns;
  public final List<Exponent> pointPowers; // index k−1 holds point_powk
  public final List<Exponent> shifts;
  public final List<MaskEntry> mask;
  final List<String> letNames = new ArrayList<>();
  final List<Expr> letExprs = new ArrayList<>();
  public final List<Constraint> constraints;
  final Map<String, Integer> slots = new LinkedHashMap<>();

  private AirDescription(String text, String source) {
    String layout = null;
    BigInteger code = null;
    int main = -1, inter = -1, degree = -1, pmStep = -1, nInteraction = -1;
    List<String> segs = List.of();
    Map<String, String> params = new HashMap<>();
    List<PeriodicColumn> periodic = new ArrayList<>();
    List<Exponent> powers = new ArrayList<>(), shifts = new ArrayList<>();
    List<MaskEntry> mask = new ArrayList<>();
    List<String[]> rawConstraints = new ArrayList<>();
    List<String[]> rawLets = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] w = line.split(" ", 2);
      String rest = w.length > 1 ? w[1] : "";
      try {
        switch (w[0]) {
          case "layout" -> layout = rest;
          case "layout_code" -> code = new BigInteger(rest.substring(2), 16);
          case "columns" -> {
            String[] c = rest.split(" ");
            main = Integer.parseInt(c[0]);
            inter = Integer.parseInt(c[1]);
          }
          case "constraint_degree" -> degree = Integer.parseInt(rest);
          case "public_memory_step" -> pmStep = Integer.parseInt(rest);
          case "interaction_elements" -> nInteraction = Integer.parseInt(rest);
          case "segments" -> segs = List.of(rest.split(" "));
          case "param" -> {
            String[] c = rest.split(" ");
            params.put(c[0], c[1]);
          }
          case "periodic" -> {
            String[] c = rest.split(" ");
            if (c.length == 2) periodic.add(new PeriodicColumn(c[0], c[1], 0, null));
            else {
              if (!c[2].equals("step") || !c[4].equals("values")) throw new IllegalArgumentException("bad periodic line");
              Felt[] values = new Felt[c.length - 5];
              for (int i = 0; i < values.length; i++) values[i] = Felt.fromHex(c[5 + i]);
              periodic.add(new PeriodicColumn(c[0], c[1], Integer.parseInt(c[3]), values));
            }
          }
          case "point_power" -> powers.add(exponent(rest.split(" ")[1]));
          case "shift" -> shifts.add(exponent(rest.split(" ")[1]));
          case "mask" -> {
            String[] c = rest.split(" ");
            mask.add(new MaskEntry(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2]));
          }
          case "let" -> {
            int eq = rest.indexOf(" = ");
            rawLets.add(new String[] {rest.substring(0, eq), rest.substring(eq + 3)});
          }
          case "constraint" -> rawConstraints.add(rest.split(" \\| "));
          default -> throw new IllegalArgumentException("unknown directive " + w[0]);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    this.layout = layout;
    this.layoutCode = code;
    this.mainColumns = main;
    this.interactionColumns = inter;
    this.constraintDegree = degree;
    this.publicMemoryStep = pmStep;
    this.interactionElements = nInteraction;
    this.segments = segs;
    this.params = params;
    this.periodicColumns = periodic;
    this.pointPowers = powers;
    this.shifts = shifts;
    this.mask = mask;
    // slots: mask values, then everything else as first met
    for (MaskEntry m : mask) slot(m.name());
    slot("point");
    for (int k = 1; k <= powers.size(); k++) slot("point_pow" + k);
    for (int k = 0; k < shifts.size(); k++) slot("shift" + k);
    for (String[] l : rawLets) {
      Expr e = new Parser(l[1]).parse();
      letNames.add(l[0]);
      letExprs.add(e);
      slot(l[0]);
    }
    List<Constraint> cs = new ArrayList<>();
    for (String[] c : rawConstraints) {
      String[] head = c[0].split(" ");
      cs.add(
          new Constraint(
              Integer.parseInt(head[0]),
              head[1],
              new Parser(c[1]).parse(),
              new Parser(c[2]).parse(),
              new Parser(c[3]).parse()));
    }
    this.constraints = cs;
  }

  private static Exponent exponent(String s) {
    // a*T/b or a*T/b-c
    int star = s.indexOf("*T/");
    long a = Long.parseLong(s.substring(0, star));
    String r = s.substring(star + 3);
    int minus = r.indexOf('-');
    if (minus < 0) return new Exponent(a, Long.parseLong(r), 0);
    return new Exponent(a, Long.parseLong(r.substring(0, minus)), -Long.parseLong(r.substring(minus + 1)));
  }

  int slot(String name) {
    return slots.computeIfAbsent(name, k -> slots.size());
  }

  /** Names the expressions read but nothing in the description defines: periodic columns and global values. */
  public List<String> externalNames() {
    List<String> out = new ArrayList<>();
    java.util.Set<String> defined = new java.util.HashSet<>(letNames);
    for (MaskEntry m : mask) defined.add(m.name());
    defined.add("point");
    for (int k = 1; k <= pointPowers.size(); k++) defined.add("point_pow" + k);
    for (int k = 0; k < shifts.size(); k++) defined.add("shift" + k);
    for (String s : slots.keySet()) if (!defined.contains(s)) out.add(s);
    return out;
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, AirDescription> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The description of a layout (parsed once, then shared: descriptions are immutable). */
  public static AirDescription load(String layout) {
    AirDescription d = LOADED.get(layout);
    if (d == null) {
      d = parseResource(layout);
      LOADED.putIfAbsent(layout, d);
    }
    return d;
  }

  private static AirDescription parseResource(String layout) {
    String res = "/io/cairn/prover/air/" + layout + ".air";
    try (InputStream in = AirDescription.class.getResourceAsStream(res)) {
      if (in == null) throw new IllegalArgumentException("unsupported layout '" + layout + "' (supported: recursive, small)");
      return new AirDescription(new String(in.readAllBytes(), StandardCharsets.UTF_8), res);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + res, e);
    }
  }

  /**
   * The composition polynomial at {@code point}: Σ coefficient_i · constraint_i · numerator_i / denominator_i.
   *
   * @param maskValues the trace values at point·g^row, in mask order
   * @param external values of periodic columns and global values by name
   */
  public Felt evaluateComposition(
      Felt[] maskValues, Map<String, Felt> external, Felt[] coefficients, Felt point, Felt traceGenerator, long traceLength) {
    Felt[] env = environment(maskValues, external, point, traceGenerator, traceLength, false);
    Felt sum = Felt.ZERO;
    for (Constraint c : constraints) {
      Felt v = c.expr().eval(env).mul(c.numerator().eval(env)).div(c.denominator().eval(env));
      sum = sum.add(coefficients[c.index()].mul(v));
    }
    return sum;
  }

  /**
   * The evaluation environment at a point: mask values, point powers, shifts, external values and every shared
   * sub-expression. With {@code missingAsZero}, externals without a value read as zero (for checking a subset of the
   * constraints on a partial trace).
   */
  Felt[] environment(
      Felt[] maskValues, Map<String, Felt> external, Felt point, Felt traceGenerator, long traceLength, boolean missingAsZero) {
    if (maskValues.length != mask.size())
      throw new IllegalArgumentException("expected " + mask.size() + " mask values, got " + maskValues.length);
    Felt[] env = new Felt[slots.size()];
    for (int i = 0; i < maskValues.length; i++) env[i] = maskValues[i];
    env[slots.get("point")] = point;
    for (int k = 1; k <= pointPowers.size(); k++) env[slots.get("point_pow" + k)] = point.pow(pointPowers.get(k - 1).of(traceLength));
    for (int k = 0; k < shifts.size(); k++) env[slots.get("shift" + k)] = traceGenerator.pow(shifts.get(k).of(traceLength));
    for (var e : external.entrySet()) {
      Integer s = slots.get(e.getKey());
      if (s != null) env[s] = e.getValue();
    }
    for (String name : externalNames())
      if (env[slots.get(name)] == null) {
        if (!missingAsZero) throw new IllegalStateException("layout " + layout + ": no value for " + name);
        env[slots.get(name)] = Felt.ZERO;
      }
    for (int i = 0; i < letExprs.size(); i++) env[slots.get(letNames.get(i))] = letExprs.get(i).eval(env);
    return env;
  }

  /**
   * Whether constraint {@code c} is required at the point of {@code env} (its denominator vanishes there and its
   * numerator does not), and if so whether it holds: returns null when not required, else whether it is zero.
   */
  Boolean holds(Constraint c, Felt[] env) {
    if (!c.denominator().eval(env).isZero() || c.numerator().eval(env).isZero()) return null;
    return c.expr().eval(env).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Expressions

  /** A parsed expression over the description's slots. */
  public abstract static class Expr {
    abstract Felt eval(Felt[] env);
  }

  static final class Const extends Expr {
    final Felt v;

    Const(Felt v) {
      this.v = v;
    }

    Felt eval(Felt[] env) {
      return v;
    }
  }

  static final class Var extends Expr {
    final int slot;
    final String name;

    Var(int slot, String name) {
      this.slot = slot;
      this.name = name;
    }

    Felt eval(Felt[] env) {
      return env[slot];
    }
  }

  static final class Bin extends Expr {
    final char op;
    final Expr a, b;

    Bin(char op, Expr a, Expr b) {
      this.op = op;
      this.a = a;
      this.b = b;
    }

    Felt eval(Felt[] env) {
      Felt x = a.eval(env), y = b.eval(env);
      return switch (op) {
        case '+' -> x.add(y);
        case '-' -> x.sub(y);
        case '*' -> x.mul(y);
        default -> x.div(y);
      };
    }
  }

  private final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    Expr parse() {
      Expr e = sum();
      skip();
      if (i != s.length()) throw new IllegalArgumentException("unexpected '" + s.substring(i) + "' in " + s);
      return e;
    }

    void skip() {
      while (i < s.length() && s.charAt(i) == ' ') i++;
    }

    Expr sum() {
      Expr e = product();
      while (true) {
        skip();
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          char op = s.charAt(i++);
          e = new Bin(op, e, product());
        } else return e;
      }
    }

    Expr product() {
      Expr e = atom();
      while (true) {
        skip();
        if (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '/')) {
          char op = s.charAt(i++);
          e = new Bin(op, e, atom());
        } else return e;
      }
    }

    Expr atom() {
      skip();
      char c = s.charAt(i);
      if (c == '(') {
        i++;
        Expr e = sum();
        skip();
        if (s.charAt(i) != ')') throw new IllegalArgumentException("missing ')' in " + s);
        i++;
        return e;
      }
      if (c == '-') {
        i++;
        return new Bin('-', new Const(Felt.ZERO), atom());
      }
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
      String tok = s.substring(start, i);
      if (tok.isEmpty()) throw new IllegalArgumentException("unexpected '" + s.substring(start) + "' in " + s);
      if (Character.isDigit(tok.charAt(0))) {
        BigInteger v = tok.startsWith("0x") ? new BigInteger(tok.substring(2), 16) : new BigInteger(tok);
        return new Const(Felt.fromBigIntegerReduced(v));
      }
      return new Var(slot(tok), tok);
    }
  }
}
