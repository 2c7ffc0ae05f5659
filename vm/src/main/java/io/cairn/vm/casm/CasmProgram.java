package io.cairn.vm.casm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.starknet.classes.CasmClass;
import io.cairn.starknet.classes.CasmEntryPoint;
import io.cairn.vm.cairo1.Cairo1Hint;
import io.cairn.vm.cairo1.Cairo1Hints;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.program.Program;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CASM bytecode with its hints decoded once, by pc, and its named entries.
 *
 * @param name where it came from (errors name it)
 * @param program the bytecode as a VM {@link Program} (no Cairo 0 hints or identifiers)
 * @param hintsByPc decoded hints, indexed by pc (null where there are none)
 * @param entries entries by name (function name, entrypoint kind, or selector in hex)
 */
public record CasmProgram(String name, Program program, Cairo1Hint[][] hintsByPc, Map<String, Entry> entries, Image image) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The {@code ret} instruction word. */
  static final BigInteger RET = new BigInteger("208b7fff7fff7ffe", 16);

  /**
   * The bytecode laid out once as memory cells, and the decoded-instruction cache every run of this program shares:
   * runs of the same class load it with one array copy and decode each instruction once.
   */
  public static final class Image {
    final long[] cells;
    final long[] decodeCache;
    /** The cells followed by Starknet's extra data (ret, cost-table pointer), for one table segment index. */
    private volatile WithCostTable withCostTable;
    private final int size;

    Image(Program program) {
      Memory scratch = new Memory();
      Relocatable base = scratch.addSegment();
      for (int i = 0; i < program.size(); i++) {
        scratch.write(base.add(i), program.word(i));
        scratch.markAccessed(base.segment(), i);
      }
      cells = java.util.Arrays.copyOf(scratch.cells(base.segment()), 4 * program.size());
      decodeCache = new long[program.size()];
      size = program.size();
    }

    /**
     * The image with blockifier's program extra data appended: a {@code ret} and a pointer to the builtin cost
     * table at {@code tableSegment}:0, both marked accessed. Built once per table segment index and kept.
     */
    long[] withCostTable(int tableSegment) {
      WithCostTable kept = withCostTable;
      if (kept != null && kept.tableSegment() == tableSegment) return kept.cells();
      Memory scratch = new Memory();
      Relocatable base = scratch.addSegment();
      while (scratch.segmentCount() <= tableSegment) scratch.addSegment();
      scratch.loadCells(base.segment(), cells, size);
      scratch.write(base.add(size), RET);
      scratch.write(base.add(size + 1), new Relocatable(tableSegment, 0));
      scratch.markAccessed(base.segment(), size);
      scratch.markAccessed(base.segment(), size + 1);
      long[] w = java.util.Arrays.copyOf(scratch.cells(base.segment()), 4 * (size + 2));
      withCostTable = new WithCostTable(tableSegment, w);
      return w;
    }

    private record WithCostTable(int tableSegment, long[] cells) {}
  }

  /** An entry: its bytecode offset and the builtins it takes, in order; argument layouts when the file gives them. */
  public record Entry(String name, int offset, List<String> builtins, List<ArgInfo> inputArgs, List<ArgInfo> returnArgs) {
    public Entry {
      builtins = List.copyOf(builtins);
      inputArgs = inputArgs == null ? null : List.copyOf(inputArgs);
      returnArgs = returnArgs == null ? null : List.copyOf(returnArgs);
    }

    public Entry(String name, int offset, List<String> builtins) {
      this(name, offset, builtins, null, null);
    }

    /** An executable's entry that starts with its own frame header ({@code ap += n; call rel 4; jmp rel 0}). */
    public boolean standalone() {
      return name.equals("Standalone");
    }

    /** Cells the return values take, or -1 when the file does not say. */
    public int returnSize() {
      if (returnArgs == null) return -1;
      int n = 0;
      for (ArgInfo a : returnArgs) n += a.size();
      return n;
    }
  }

  /**
   * A parameter or return value as cairo-vm-ts's {@code *.casm.json} describes it: Sierra type id, size in cells,
   * name, and for a {@code PanicResult} the type it wraps.
   */
  public record ArgInfo(String genericId, int size, String debugName, ArgInfo panicInner) {}

  public Entry entry(String name) {
    Entry e = entries.get(name);
    if (e == null) throw new IllegalArgumentException(this.name + ": no entry '" + name + "' (have " + entries.keySet() + ")");
    return e;
  }

  /** A contract class; entries are named by selector (0x-hex) and prefixed with their type for clarity. */
  public static CasmProgram of(CasmClass cls, String name) {
    Map<String, Entry> eps = new LinkedHashMap<>();
    addEntries(eps, cls.entryPoints().external());
    addEntries(eps, cls.entryPoints().l1Handler());
    addEntries(eps, cls.entryPoints().constructor());
    List<BigInteger> code = new ArrayList<>(cls.bytecode().size());
    for (Felt f : cls.bytecode()) code.add(f.toBigInteger());
    return build(name, code, cls.hints(), "$.hints", eps);
  }

  private static void addEntries(Map<String, Entry> eps, List<CasmEntryPoint> list) {
    for (CasmEntryPoint ep : list) {
      String sel = "0x" + ep.selector().toBigInteger().toString(16);
      eps.put(sel, new Entry(sel, ep.offset(), ep.builtins()));
    }
  }

  public static CasmProgram load(Path file) throws IOException {
    return parse(JSON.readTree(Files.readAllBytes(file)), file.getFileName().toString());
  }

  /**
   * Parses an {@code Executable} ({@code {"program": {bytecode, hints}, "entrypoints": [{offset, builtins,
   * kind}]}}) or a {@code *.casm.json} with {@code entry_points_by_function}.
   */
  public static CasmProgram parse(JsonNode root, String name) {
    if (root == null || !root.isObject()) throw bad(name, "$", "expected a JSON object");
    Map<String, Entry> eps = new LinkedHashMap<>();
    if (root.has("entrypoints") && root.path("program").isObject()) {
      JsonNode prog = root.get("program");
      int i = 0;
      for (JsonNode ep : root.get("entrypoints")) {
        String p = "$.entrypoints[" + i++ + "]";
        String kind = ep.path("kind").asText("Standalone");
        eps.put(kind, new Entry(kind, offset(ep, name, p), builtins(ep.get("builtins"), name, p + ".builtins")));
      }
      return build(name, bytecode(prog, name, "$.program.bytecode"), prog.get("hints"), "$.program.hints", eps);
    }
    JsonNode byFn = root.get("entry_points_by_function");
    if (byFn == null || !byFn.isObject())
      throw bad(name, "$", "neither an Executable (program + entrypoints) nor a casm.json with entry_points_by_function");
    Iterator<Map.Entry<String, JsonNode>> it = byFn.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = "$.entry_points_by_function." + e.getKey();
      JsonNode ep = e.getValue();
      eps.put(
          e.getKey(),
          new Entry(
              e.getKey(),
              offset(ep, name, p),
              builtins(ep.get("builtins"), name, p + ".builtins"),
              args(ep.get("input_args"), name, p + ".input_args"),
              args(ep.get("return_arg"), name, p + ".return_arg")));
    }
    return build(name, bytecode(root, name, "$.bytecode"), root.get("hints"), "$.hints", eps);
  }

  private static List<ArgInfo> args(JsonNode list, String name, String path) {
    if (list == null || list.isNull()) return null;
    if (!list.isArray()) throw bad(name, path, "expected an array of {generic_id, size, debug_name}");
    List<ArgInfo> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) out.add(arg(list.get(i), name, path + "[" + i + "]"));
    return out;
  }

  private static ArgInfo arg(JsonNode a, String name, String path) {
    JsonNode size = a.get("size");
    if (size == null || !size.canConvertToInt() || size.asInt() < 0) throw bad(name, path + ".size", "missing or not a non-negative integer");
    JsonNode inner = a.get("panic_inner_type");
    return new ArgInfo(
        a.path("generic_id").asText(""),
        size.asInt(),
        a.path("debug_name").asText(""),
        inner == null || inner.isNull() ? null : arg(inner, name, path + ".panic_inner_type"));
  }

  private static int offset(JsonNode ep, String name, String path) {
    JsonNode o = ep.get("offset");
    if (o == null || !o.canConvertToInt() || o.asInt() < 0) throw bad(name, path + ".offset", "missing or not a non-negative integer");
    return o.asInt();
  }

  private static List<String> builtins(JsonNode b, String name, String path) {
    List<String> out = new ArrayList<>();
    if (b == null || b.isNull()) return out;
    if (!b.isArray()) throw bad(name, path, "expected an array of builtin names");
    for (JsonNode n : b) {
      String s = n.asText();
      if (s.endsWith("_builtin")) s = s.substring(0, s.length() - "_builtin".length());
      out.add(s.toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  private static List<BigInteger> bytecode(JsonNode node, String name, String path) {
    JsonNode bc = node.get("bytecode");
    if (bc == null || !bc.isArray()) throw bad(name, path, "missing or not an array");
    List<BigInteger> out = new ArrayList<>(bc.size());
    for (int i = 0; i < bc.size(); i++) {
      BigInteger v;
      try {
        String s = bc.get(i).asText();
        v = bc.get(i).isIntegralNumber() ? bc.get(i).bigIntegerValue() : s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
      } catch (NumberFormatException e) {
        throw bad(name, path + "[" + i + "]", "not an integer: " + bc.get(i));
      }
      if (v.signum() < 0) v = v.mod(Field.P);
      if (v.compareTo(Field.P) >= 0) throw bad(name, path + "[" + i + "]", "not a field element");
      out.add(v);
    }
    return out;
  }

  private static CasmProgram build(String name, List<BigInteger> code, JsonNode hints, String hintsPath, Map<String, Entry> eps) {
    for (Entry e : eps.values())
      if (e.offset() >= code.size())
        throw bad(name, "entry " + e.name(), "offset " + e.offset() + " is outside the bytecode (" + code.size() + " words)");
    Cairo1Hint[][] byPc = new Cairo1Hint[code.size()][];
    if (hints != null && !hints.isNull()) {
      if (!hints.isArray()) throw bad(name, hintsPath, "expected [[pc, [hint, …]], …]");
      for (int i = 0; i < hints.size(); i++) {
        JsonNode pair = hints.get(i);
        String p = hintsPath + "[" + i + "]";
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt() || !pair.get(1).isArray())
          throw bad(name, p, "expected [pc, [hint, …]]");
        int pc = pair.get(0).asInt();
        if (pc < 0 || pc >= code.size()) throw bad(name, p + "[0]", "hint pc " + pc + " is outside the bytecode");
        Cairo1Hint[] hs = new Cairo1Hint[pair.get(1).size()];
        for (int k = 0; k < hs.length; k++) {
          try {
            hs[k] = Cairo1Hints.decode(pair.get(1).get(k), p + "[1][" + k + "]");
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": pc " + pc + ": " + e.getMessage(), e);
          }
        }
        byPc[pc] = hs;
      }
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode data = root.putArray("data");
    for (BigInteger v : code) data.add("0x" + v.toString(16));
    Program program = Program.parse(root, name);
    return new CasmProgram(name, program, byPc, Map.copyOf(eps), new Image(program));
  }

  private static IllegalArgumentException bad(String file, String path, String what) {
    return new IllegalArgumentException(file + ": " + path + ": " + what);
  }
}
