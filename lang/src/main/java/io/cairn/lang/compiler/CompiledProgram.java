package io.cairn.lang.compiler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.Code;
import io.cairn.lang.ast.Location;
import io.cairn.lang.compiler.Defs.*;
import io.cairn.lang.encode.InstructionEncoder;
import java.math.BigInteger;
import java.util.*;

/** A compiled program: bytecode plus everything cairo-compile's program JSON carries. */
public final class CompiledProgram {
  /** The compiler version we claim in output; our behaviour follows cairo-lang v0.14.0.1. */
  public static final String COMPILER_VERSION = "0.14.0.1";

  private final List<BigInteger> data = new ArrayList<>();
  private final Map<String, Object> json = new TreeMap<>();

  CompiledProgram(Compiler c, boolean debugInfo) {
    Map<String, Object> instLocations = new TreeMap<>();
    Map<String, Object> hints = new TreeMap<>();
    int pc = 0;
    for (Compiler.Emitted em : c.instructions) {
      InstructionBuilder.Built b;
      try {
        b = InstructionBuilder.build(em.body(), em.incAp());
      } catch (InstructionBuilder.BuildError e) {
        throw InstructionBuilder.error(e);
      }
      if (b.instruction() != null) {
        for (BigInteger w : InstructionEncoder.encode(b.instruction())) data.add(w);
      } else data.add(b.data());
      List<Object> hintList = new ArrayList<>();
      for (Compiler.HintAt h : em.hints()) {
        Map<String, Object> hj = new TreeMap<>();
        hj.put("accessible_scopes", h.scopes());
        hj.put("code", h.hint().code());
        hj.put("flow_tracking_data", flowJson(h.flow()));
        hintList.add(hj);
      }
      if (!hintList.isEmpty()) hints.put(Integer.toString(pc), hintList);
      if (debugInfo) {
        Map<String, Object> loc = new TreeMap<>();
        loc.put("accessible_scopes", em.scopes());
        loc.put("flow_tracking_data", flowJson(em.flow()));
        List<Object> hl = new ArrayList<>();
        for (Compiler.HintAt h : em.hints()) {
          Map<String, Object> hj = new TreeMap<>();
          hj.put("location", locJson(h.hint().location()));
          hj.put("n_prefix_newlines", h.hint().prefixNewlines());
          hl.add(hj);
        }
        loc.put("hints", hl);
        loc.put("inst", locJson(em.location()));
        instLocations.put(Integer.toString(pc), loc);
      }
      pc += b.size();
    }
    List<String> hex = new ArrayList<>();
    for (BigInteger w : data) hex.add("0x" + w.toString(16));
    List<Object> attrs = new ArrayList<>();
    for (Compiler.Attribute a : c.attributes) {
      Map<String, Object> aj = new TreeMap<>();
      aj.put("accessible_scopes", a.scopes());
      aj.put("end_pc", a.endPc());
      aj.put("flow_tracking_data", flowJson(a.flow()));
      aj.put("name", a.name());
      aj.put("start_pc", a.startPc());
      aj.put("value", a.value());
      attrs.add(aj);
    }
    json.put("attributes", attrs);
    json.put("builtins", c.builtins);
    json.put("compiler_version", COMPILER_VERSION);
    json.put("data", hex);
    if (debugInfo) {
      Map<String, Object> di = new TreeMap<>();
      // cairo-compile embeds the sources that have no file of their own: the proof-mode start code.
      Map<String, Object> contents = new TreeMap<>();
      var start = c.files.get("<start>");
      if (start != null) contents.put("<start>", start.text());
      // And, like add_autogen_file_contents, the code generators' files (autogen/…).
      for (Compiler.Emitted em : c.instructions) {
        addAutogen(contents, em.location());
        for (Compiler.HintAt h : em.hints()) addAutogen(contents, h.hint().location());
      }
      di.put("file_contents", contents);
      di.put("instruction_locations", instLocations);
      json.put("debug_info", di);
    } else json.put("debug_info", null);
    json.put("hints", hints);
    json.put("identifiers", identifiers(c));
    json.put("main_scope", Compiler.MAIN);
    json.put("prime", "0x" + InstructionEncoder.PRIME.toString(16));
    List<Object> refs = new ArrayList<>();
    for (Defs.Reference r : c.refManager) refs.add(refJson(r));
    json.put("reference_manager", Map.of("references", refs));
  }

  private static void addAutogen(Map<String, Object> contents, Location l) {
    for (; l != null; l = l.parent()) {
      if (l.file() != null && l.file().name().startsWith("autogen/")) contents.putIfAbsent(l.file().name(), l.file().text());
    }
  }

  private static Object locJson(Location l) {
    Map<String, Object> m = new TreeMap<>();
    if (l == null) return m;
    m.put("end_col", l.endCol());
    m.put("end_line", l.endLine());
    m.put("input_file", Map.of("filename", l.file().name()));
    if (l.parent() != null) m.put("parent_location", List.of(locJson(l.parent()), l.parentMessage()));
    m.put("start_col", l.startCol());
    m.put("start_line", l.startLine());
    return m;
  }

  private static Object flowJson(Flow.Data f) {
    Map<String, Object> m = new TreeMap<>();
    Map<String, Object> ap = new TreeMap<>();
    ap.put("group", f == null ? 0 : f.ap().group());
    ap.put("offset", f == null ? 0 : f.ap().offset());
    m.put("ap_tracking", ap);
    m.put("reference_ids", f == null ? Map.of() : new TreeMap<>(f.refIds()));
    return m;
  }

  private static Object refJson(Defs.Reference r) {
    Map<String, Object> m = new TreeMap<>();
    Map<String, Object> ap = new TreeMap<>();
    ap.put("group", r.ap().group());
    ap.put("offset", r.ap().offset());
    m.put("ap_tracking_data", ap);
    m.put("pc", r.pc());
    m.put("value", r.value().format());
    return m;
  }

  private static Map<String, Object> identifiers(Compiler c) {
    Map<String, Object> out = new TreeMap<>();
    for (var e : c.ids.entrySet()) {
      String name = e.getKey();
      if (name.contains("._anon_label")) continue;
      Map<String, Object> m = new TreeMap<>();
      switch (e.getValue()) {
        case ConstDef k -> {
          m.put("type", "const");
          m.put("value", k.value());
        }
        case LabelDef l -> {
          if (l.pc < 0) continue;
          if (l.function) {
            m.put("decorators", l.decorators);
            m.put("type", "function");
          } else m.put("type", "label");
          m.put("pc", l.pc);
        }
        case StructDef s -> {
          if (s.size < 0) {
            try {
              c.struct(s.fullName, null);
            } catch (CairoCompileException ex) {
              continue;
            }
          }
          m.put("full_name", s.fullName);
          Map<String, Object> members = new TreeMap<>();
          for (var mm : s.members.entrySet()) {
            members.put(mm.getKey(), Map.of("cairo_type", mm.getValue().type().format(), "offset", mm.getValue().offset()));
          }
          m.put("members", members);
          m.put("size", s.size);
          m.put("type", "struct");
        }
        case TypeDefinition t -> {
          try {
            m.put("cairo_type", c.typeDefType(name, t).format());
          } catch (CairoCompileException ex) {
            continue;
          }
          m.put("type", "type_definition");
        }
        case AliasDef a -> {
          m.put("destination", a.destination());
          m.put("type", "alias");
        }
        case NamespaceDef n -> m.put("type", "namespace");
        case ScopeDef s -> m.put("type", "scope");
        case ReferenceDef r -> {
          m.put("cairo_type", r.type.format());
          m.put("full_name", r.fullName);
          List<Object> refs = new ArrayList<>();
          for (Defs.Reference x : r.references) refs.add(refJson(x));
          m.put("references", refs);
          m.put("type", "reference");
        }
      }
      out.put(name, m);
    }
    return out;
  }

  /** The bytecode words. */
  public List<BigInteger> data() {
    return Collections.unmodifiableList(data);
  }

  /** The program JSON as a tree of maps and lists. */
  public Map<String, Object> json() {
    return json;
  }

  /** The program JSON, indented with 4 spaces and sorted keys like cairo-compile's output. */
  public String toJson() {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("    ", "\n"));
    pp.indentArraysWith(new DefaultIndenter("    ", "\n"));
    try {
      return om.writer(pp).writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object unused(Code.Module m) {
    return m;
  }
}
