package io.cairn.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cli.ExitCodes;
import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.cairo1.PanicText;
import io.cairn.vm.cairo1.RunArg;
import io.cairn.vm.casm.CasmProgram;
import io.cairn.vm.casm.CasmRunner;
import io.cairn.vm.memory.IntValue;
import io.cairn.vm.memory.MaybeRelocatable;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn run} for Cairo 1: an {@code Executable} (Scarb's executable target: output = the serialized return
 * value, panics recorded by its AddMarker hint) or a {@code *.casm.json} with {@code entry_points_by_function}
 * (returned values read back with the entry's {@code return_arg} layout).
 */
final class CasmRun {
  private CasmRun() {}

  /** True when the JSON is a CASM program rather than a cairo-compile program; a contract class is refused. */
  static boolean isCasm(JsonNode root, String file) {
    if (root.has("entry_points_by_function") || (root.has("entrypoints") && root.path("program").has("bytecode")))
      return true;
    if (root.has("entry_points_by_type") && root.has("bytecode"))
      throw new IllegalArgumentException(file + ": a compiled contract class: run its entry points with 'cairn call'");
    return false;
  }

  static int run(
      JsonNode root, String file, String function, String args, long gas, Long maxSteps, boolean printInfo, PrintWriter out, PrintWriter err) {
    CasmProgram program = CasmProgram.parse(root, file);
    List<RunArg> runArgs = args == null ? List.of() : RunArg.parse(args);
    boolean executable = program.entries().containsKey("Standalone") || program.entries().containsKey("Bootloader");
    // DebugPrint (Cairo's println!) goes to the command's own output
    PrintStream debug =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) {
                out.write(b);
              }
            },
            true,
            java.nio.charset.StandardCharsets.ISO_8859_1);
    Cairo1HintProcessor hints = new Cairo1HintProcessor(null, debug);
    long steps = maxSteps == null ? Long.MAX_VALUE : maxSteps;
    if (executable) {
      if (function != null) throw new IllegalArgumentException("--function: an Executable has no named functions, only its entry point");
      // the executable reads its arguments as one serialized span (Serde: an array is its length, then its items)
      hints.withUserArgs(List.of(List.of(new RunArg.Array(serialize(runArgs)))));
      hints.withTemporaryDictSegments(true);
      String entry = program.entries().containsKey("Standalone") ? "Standalone" : "Bootloader";
      CasmRunner runner = new CasmRunner(program, hints);
      CasmRunner.Result r;
      try {
        r = runner.run(entry, List.of(), gas, null, 0, steps);
      } catch (VmError e) {
        List<List<BigInteger>> markers = hints.markers();
        if (!markers.isEmpty()) { // the run stopped at the wrapper's `assert panic_flag = 0`
          out.println("panic: " + PanicText.describe(markers.get(markers.size() - 1)));
          backtrace(hints, out);
          out.flush();
          return ExitCodes.NEGATIVE;
        }
        err.println(e.getMessage());
        err.flush();
        return ExitCodes.NEGATIVE;
      }
      MaybeRelocatable end = r.builtinEnds().get("output");
      List<BigInteger> output = new ArrayList<>();
      if (end instanceof Relocatable e)
        for (long i = 0; i < e.offset(); i++) output.add(runner.memory().getInt(new Relocatable(e.segment(), i)));
      out.println("output: " + hexList(output));
      info(printInfo, r, out);
      out.flush();
      return ExitCodes.OK;
    }
    String name = function == null ? "main" : function;
    CasmProgram.Entry ep = program.entry(name);
    CasmRunner runner = new CasmRunner(program, hints);
    List<MaybeRelocatable> cells = runner.materialize(runArgs);
    if (ep.inputArgs() != null) {
      int want = 0;
      for (CasmProgram.ArgInfo a : ep.inputArgs()) want += a.size();
      if (want != cells.size())
        throw new IllegalArgumentException(
            "--args: " + name + " takes " + want + " cells (" + describe(ep.inputArgs()) + "), got " + cells.size()
                + " (a felt is 1 cell, an array [a b …] 2)");
    }
    int k = Math.max(ep.returnSize(), 0);
    CasmRunner.Result r;
    try {
      r = runner.run(name, cells, gas, null, k, steps);
    } catch (VmError e) {
      err.println(e.getMessage());
      err.flush();
      return ExitCodes.NEGATIVE;
    }
    Memory m = runner.memory();
    List<MaybeRelocatable> ret = r.returned();
    if (ep.returnArgs() == null) {
      out.println("returned: (the file gives no return_arg layout)");
      info(printInfo, r, out);
      out.flush();
      return ExitCodes.OK;
    }
    List<String> shown = new ArrayList<>();
    int at = 0;
    for (CasmProgram.ArgInfo a : ep.returnArgs()) {
      List<MaybeRelocatable> v = ret.subList(at, at + a.size());
      at += a.size();
      if (a.panicInner() != null && !v.isEmpty()) {
        // PanicResult: variant 0 = Ok(inner), 1 = Err(panic data array); a variant's payload is right-aligned
        if (v.get(0) instanceof IntValue iv && iv.value().signum() != 0) {
          List<BigInteger> data = span(m, v.get(v.size() - 2), v.get(v.size() - 1));
          out.println("panic: " + PanicText.describe(data));
          backtrace(hints, out);
          info(printInfo, r, out);
          out.flush();
          return ExitCodes.NEGATIVE;
        }
        v = v.subList(v.size() - a.panicInner().size(), v.size());
      }
      shown.add(show(m, v));
    }
    out.println("returned: " + (shown.size() == 1 ? shown.get(0) : "[" + String.join(", ", shown) + "]"));
    info(printInfo, r, out);
    out.flush();
    return ExitCodes.OK;
  }

  /** The call chain AddTrace('panic') recorded (code compiled with panic backtraces), outermost first. */
  private static void backtrace(Cairo1HintProcessor hints, PrintWriter out) {
    List<Relocatable[]> chain = hints.panicTraceback();
    if (chain.isEmpty()) return;
    List<String> pcs = new ArrayList<>();
    for (Relocatable[] frame : chain) pcs.add(frame[0].segment() + ":" + frame[0].offset());
    out.println("panic backtrace (pc): " + String.join(" > ", pcs));
  }

  private static void info(boolean printInfo, CasmRunner.Result r, PrintWriter out) {
    if (!printInfo) return;
    out.println("steps: " + r.steps());
    for (Map.Entry<String, Integer> e : r.builtinUsage().entrySet())
      out.println("builtin " + e.getKey() + ": " + e.getValue() + " instances");
  }

  /** Cairo Serde: felts as they are, an array as its length then its serialized items. */
  static List<RunArg> serialize(List<RunArg> args) {
    List<RunArg> out = new ArrayList<>();
    for (RunArg a : args) {
      switch (a) {
        case RunArg.Value v -> out.add(v);
        case RunArg.Array arr -> {
          out.add(RunArg.of(arr.items().size()));
          out.addAll(serialize(arr.items()));
        }
      }
    }
    return out;
  }

  /** Cells as text: a (start, end) address pair in one segment is shown as the array it spans. */
  private static String show(Memory m, List<MaybeRelocatable> v) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (i + 1 < v.size() && v.get(i) instanceof Relocatable s && v.get(i + 1) instanceof Relocatable e
          && s.segment() == e.segment() && s.offset() <= e.offset()) {
        List<String> arr = new ArrayList<>();
        for (long o = s.offset(); o < e.offset(); o++) arr.add(cell(m.get(new Relocatable(s.segment(), o))));
        items.add("[" + String.join(", ", arr) + "]");
        i++;
      } else {
        items.add(cell(v.get(i)));
      }
    }
    return items.size() == 1 ? items.get(0) : "[" + String.join(", ", items) + "]";
  }

  private static String cell(MaybeRelocatable c) {
    if (c instanceof IntValue i) return "0x" + i.value().toString(16);
    return String.valueOf(c);
  }

  private static List<BigInteger> span(Memory m, MaybeRelocatable start, MaybeRelocatable end) {
    List<BigInteger> out = new ArrayList<>();
    if (start instanceof Relocatable s && end instanceof Relocatable e)
      for (long o = s.offset(); o < e.offset(); o++) out.add(m.getInt(new Relocatable(s.segment(), o)));
    return out;
  }

  private static String hexList(List<BigInteger> v) {
    List<String> s = new ArrayList<>();
    for (BigInteger x : v) s.add("0x" + x.toString(16));
    return "[" + String.join(", ", s) + "]";
  }

  private static String describe(List<CasmProgram.ArgInfo> args) {
    List<String> s = new ArrayList<>();
    for (CasmProgram.ArgInfo a : args) s.add((a.debugName().isEmpty() ? a.genericId() : a.debugName()) + ": " + a.size());
    return String.join(", ", s);
  }
}
