package io.cairn.vm.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.vm.builtins.SimpleBuiltin;
import io.cairn.vm.memory.Relocatable;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished, relocated run as plain data for the prover and for cairo-run-compatible files (FORMATS.md §5–7).
 *
 * @param segmentBases relocated address of each segment
 * @param trace relocated (pc, ap, fp) per step, or null when the trace was off
 */
public record RunOutput(CairoRunner runner, long[] segmentBases, RelocatedMemory memory, long[] trace) {

  public int steps() {
    return trace == null ? (int) runner.vm().steps() : trace.length / 3;
  }

  public long pc(int step) {
    return trace[3 * step];
  }

  public long ap(int step) {
    return trace[3 * step + 1];
  }

  public long fp(int step) {
    return trace[3 * step + 2];
  }

  /** Trace file: per step ap, fp, pc as u64 little-endian (CL trace_entry.py). */
  public void writeTrace(OutputStream out) throws IOException {
    byte[] rec = new byte[24];
    for (int s = 0; s < trace.length / 3; s++) {
      putLong(rec, 0, ap(s));
      putLong(rec, 8, fp(s));
      putLong(rec, 16, pc(s));
      out.write(rec);
    }
  }

  /** Memory file: per cell u64 LE address + 32-byte LE value, in address order (CL memory_dict.serialize). */
  public void writeMemory(OutputStream out) throws IOException {
    byte[] rec = new byte[40];
    for (int s = 0; s < memory.segmentCount(); s++) {
      long[] cells = memory.cells(s);
      long base = memory.base(s);
      for (int o = 0; o < memory.usedSize(s); o++) {
        int i = 4 * o;
        if (cells[i + 3] >= 0) continue;
        putLong(rec, 0, base + o);
        putLong(rec, 8, cells[i]);
        putLong(rec, 16, cells[i + 1]);
        putLong(rec, 24, cells[i + 2]);
        putLong(rec, 32, cells[i + 3] & io.cairn.vm.memory.Memory.LIMB3_MASK);
        out.write(rec);
      }
    }
  }

  /**
   * A run read back from cairo-run's binary trace and memory files (as {@link #writeTrace} and {@link #writeMemory}
   * write them), for proving from files: memory as one segment from address 0; no runner.
   */
  public static RunOutput readFiles(Path tracePath, Path memoryPath) throws IOException {
    byte[] t = Files.readAllBytes(tracePath);
    if (t.length == 0 || t.length % 24 != 0) throw new IllegalArgumentException(tracePath + ": a trace file holds 24-byte records (ap, fp, pc), got " + t.length + " bytes");
    long[] trace = new long[t.length / 8];
    for (int s = 0; s < t.length / 24; s++) {
      trace[3 * s] = getLong(t, 24 * s + 16);
      trace[3 * s + 1] = getLong(t, 24 * s);
      trace[3 * s + 2] = getLong(t, 24 * s + 8);
    }
    byte[] m = Files.readAllBytes(memoryPath);
    if (m.length % 40 != 0) throw new IllegalArgumentException(memoryPath + ": a memory file holds 40-byte records (address, value), got " + m.length + " bytes");
    long max = 0;
    for (int i = 0; i < m.length; i += 40) {
      long a = getLong(m, i);
      if (a < 0 || a >= Integer.MAX_VALUE / 4) throw new IllegalArgumentException(memoryPath + ": address " + Long.toUnsignedString(a) + " at byte " + i + " is out of range");
      max = Math.max(max, a);
    }
    long[] cells = new long[4 * (int) (max + 1)];
    for (int i = 0; i < m.length; i += 40) {
      int at = 4 * (int) getLong(m, i);
      long l3 = getLong(m, i + 32);
      if ((l3 & ~io.cairn.vm.memory.Memory.LIMB3_MASK) != 0 || cells[at + 3] < 0)
        throw new IllegalArgumentException(memoryPath + ": bad or repeated cell at byte " + i);
      cells[at] = getLong(m, i + 8);
      cells[at + 1] = getLong(m, i + 16);
      cells[at + 2] = getLong(m, i + 24);
      cells[at + 3] = l3 | io.cairn.vm.memory.Memory.WRITTEN;
    }
    RelocatedMemory memory = new RelocatedMemory(new long[][] {cells}, new long[] {0}, new int[] {(int) max + 1});
    return new RunOutput(null, new long[] {0}, memory, trace);
  }

  private static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xff);
    return v;
  }

  public void writeTrace(Path p) throws IOException {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      writeTrace(o);
    }
  }

  public void writeMemory(Path p) throws IOException {
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      writeMemory(o);
    }
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
  }

  /** The AIR public input (CL air_public_input.PublicInput, written by cairo_run.write_air_public_input). */
  public Map<String, Object> publicInput() {
    if (trace == null || trace.length == 0) throw new IllegalStateException("the public input needs the trace");
    Map<String, Object> pi = new LinkedHashMap<>();
    pi.put("layout", runner.layout().name());
    int[] rc = runner.permRangeCheckLimits();
    pi.put("rc_min", rc[0]);
    pi.put("rc_max", rc[1]);
    pi.put("n_steps", steps());
    Map<String, Object> segs = new LinkedHashMap<>();
    int last = steps() - 1;
    segs.put("program", seg(pc(0), pc(last)));
    segs.put("execution", seg(ap(0), ap(last)));
    for (SimpleBuiltin b : runner.builtins()) {
      long begin = segmentBases[b.base().segment()] + b.base().offset();
      long stop = begin;
      if (runner.program().builtins().contains(b.name())) {
        if (b.stopPtr() == null) throw new IllegalStateException("The " + b.name() + " builtin stop pointer was not set.");
        stop = segmentBases[b.stopPtr().segment()] + b.stopPtr().offset();
      }
      segs.put(b.name(), seg(begin, stop));
    }
    pi.put("memory_segments", segs);
    List<Map<String, Object>> pm = new ArrayList<>();
    for (long[] ap : runner.publicMemoryAddresses(segmentBases)) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("address", ap[0]);
      BigInteger v = memory.value(ap[0]);
      if (v == null) throw new IllegalStateException("public memory address " + ap[0] + " has no value");
      e.put("value", "0x" + v.toString(16));
      e.put("page", ap[1]);
      pm.add(e);
    }
    pi.put("public_memory", pm);
    pi.put("dynamic_params", runner.layout().dynamicParams() == null ? null : new TreeMap<>(runner.layout().dynamicParams()));
    return pi;
  }

  private static Map<String, Object> seg(long begin, long stop) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("begin_addr", begin);
    m.put("stop_ptr", stop);
    return m;
  }

  /** The AIR private input: trace and memory paths plus each builtin's instances (FORMATS.md §7). */
  public Map<String, Object> privateInput(Path tracePath, Path memoryPath) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trace_path", tracePath.toAbsolutePath().toString());
    m.put("memory_path", memoryPath.toAbsolutePath().toString());
    for (SimpleBuiltin b : runner.builtins()) {
      if (b instanceof io.cairn.vm.builtins.ModBuiltin mb) {
        m.putAll(mb.airPrivateInput(runner.memory(), segmentBases));
      } else m.putAll(b.airPrivateInput(runner.memory()));
    }
    return m;
  }

  public static void writeJson(Path p, Object value) throws IOException {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(p, om.writeValueAsString(value) + "\n");
  }
}
