package io.cairn.prover.air;

import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.prover.stone.StoneProof.MemoryCell;
import io.cairn.prover.stone.StoneProof.Parameters;
import io.cairn.prover.stone.StoneProof.PublicInput;
import io.cairn.prover.stone.StoneProof.Segment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a Cairo CPU AIR takes from outside its trace: the public input (segment bounds, range-check bounds,
 * public memory product), interaction elements, periodic columns (Pedersen and ECDSA constant points), and what a
 * verified statement means (program hash, output).
 */
public final class CpuAirValues {
  private final AirDescription air;
  private final PublicInput pi;

  public CpuAirValues(AirDescription air, PublicInput pi) {
    this.air = air;
    this.pi = pi;
    if (!air.layout.equals(pi.layout())) throw new IllegalArgumentException("layout mismatch");
    for (String s : air.segments)
      if (!pi.segments().containsKey(s))
        throw new IllegalArgumentException("public_input.memory_segments." + s + ": missing (layout " + air.layout + " needs " + air.segments + ")");
    for (String s : pi.segments().keySet())
      if (!air.segments.contains(s))
        throw new IllegalArgumentException("public_input.memory_segments." + s + ": not a segment of layout " + air.layout);
  }

  /** The Montgomery form x·2^256 mod p of x, as a field element (Stone hashes table rows in this form). */
  public static Felt montgomeryForm(Felt x) {
    long[] m = new long[4];
    x.writeTo(m, 0);
    return Felt.fromCanonicalLimbs(m[0], m[1], m[2], m[3]);
  }

  /** Segment bound by name. */
  Segment segment(String name) {
    return pi.segments().get(name);
  }

  /**
   * The public input as Stone serializes it for the channel seed (cpu_air_statement GetInitialHashChainSeed): 32-byte
   * big-endian words; stone6 starts with n_verifier_friendly_commitment_layers. Pages are hashed with
   * statement.page_hash (pedersen: hash_on_elements; keccak256: over the words).
   */
  public static List<byte[]> publicInputWords(AirDescription air, PublicInput pi, Parameters prm, int stoneVersion) {
    if (!"pedersen".equals(prm.pageHash()) && !"keccak256".equals(prm.pageHash()))
      throw new IllegalArgumentException("proof_parameters.statement.page_hash: pedersen or keccak256 expected, got " + prm.pageHash());
    if (pi.dynamicParams() != null && !pi.dynamicParams().isNull() && !pi.dynamicParams().isEmpty())
      throw new IllegalArgumentException("public_input.dynamic_params: layout " + air.layout + " takes none");
    List<byte[]> words = new ArrayList<>();
    if (stoneVersion == 6) words.add(word(prm.nVerifierFriendlyCommitmentLayers()));
    words.add(word(Long.numberOfTrailingZeros(pi.nSteps())));
    words.add(word(pi.rcMin()));
    words.add(word(pi.rcMax()));
    words.add(Felt.of(air.layoutCode).toBytesBE());
    for (String s : air.segments) {
      Segment seg = pi.segments().get(s);
      words.add(word(seg.beginAddr()));
      words.add(word(seg.stopPtr()));
    }
    MemoryCell first = pi.publicMemory().get(0);
    words.add(word(first.address()));
    words.add(first.value().toBytesBE());
    Map<Integer, List<MemoryCell>> pages = pages(pi);
    words.add(word(pages.size()));
    for (var e : pages.entrySet()) {
      List<MemoryCell> cells = e.getValue();
      List<Felt> content = new ArrayList<>();
      if (e.getKey() == 0) {
        for (MemoryCell c : cells) {
          content.add(Felt.of(c.address()));
          content.add(c.value());
        }
      } else {
        for (int i = 0; i < cells.size(); i++) {
          if (cells.get(i).address() != cells.get(0).address() + i)
            throw new IllegalArgumentException("public_input.public_memory: page " + e.getKey() + " is not continuous");
          content.add(cells.get(i).value());
        }
        words.add(word(cells.get(0).address()));
      }
      words.add(word(cells.size()));
      if (prm.pageHash().equals("pedersen")) words.add(Pedersen.hashOnElements(content).toBytesBE());
      else {
        byte[] b = new byte[32 * content.size()];
        for (int i = 0; i < content.size(); i++) System.arraycopy(content.get(i).toBytesBE(), 0, b, 32 * i, 32);
        words.add(io.cairn.crypto.hash.Keccak.keccak256(b));
      }
    }
    return words;
  }

  private static byte[] word(long v) {
    return Felt.of(v).toBytesBE();
  }

  private static Map<Integer, List<MemoryCell>> pages(PublicInput pi) {
    Map<Integer, List<MemoryCell>> pages = new java.util.TreeMap<>();
    pages.put(0, new ArrayList<>());
    for (MemoryCell c : pi.publicMemory()) pages.computeIfAbsent(c.page(), k -> new ArrayList<>()).add(c);
    int expect = 0;
    for (int p : pages.keySet())
      if (p != expect++) throw new IllegalArgumentException("public_input.public_memory: pages must be numbered 0, 1, 2, … without gaps");
    return pages;
  }

  /** Periodic-column and global values by the names the layout's expressions use. */
  public Map<String, Felt> external(Felt[] interaction, Felt point, long traceLength) {
    Map<String, Felt> v = new HashMap<>();
    Felt memZ = interaction[0], memAlpha = interaction[1];
    v.put("memory__multi_column_perm__perm__interaction_elm_", memZ);
    v.put("memory__multi_column_perm__hash_interaction_elm0_", memAlpha);
    v.put("range_check16__perm__interaction_elm_", interaction[2]);
    if (air.interactionElements >= 6) {
      v.put("diluted_check__permutation__interaction_elm_", interaction[3]);
      v.put("diluted_check__interaction_z_", interaction[4]);
      v.put("diluted_check__interaction_alpha_", interaction[5]);
      v.put("diluted_check__permutation__public_memory_prod_", Felt.ONE);
      v.put("diluted_check__first_elm_", Felt.ZERO);
      int bits = Integer.parseInt(air.params.getOrDefault("kDilutedNBits", "16"));
      int spacing = Integer.parseInt(air.params.getOrDefault("kDilutedSpacing", "4"));
      v.put("diluted_check__final_cum_val_", dilutedProduct(bits, spacing, interaction[4], interaction[5]));
    }
    v.put("trace_length_", Felt.of(traceLength));
    v.put("initial_pc_", Felt.of(segment("program").beginAddr()));
    v.put("final_pc_", Felt.of(segment("program").stopPtr()));
    v.put("initial_ap_", Felt.of(segment("execution").beginAddr()));
    v.put("final_ap_", Felt.of(segment("execution").stopPtr()));
    for (String s : air.segments) v.put("initial_" + s + "_addr_", Felt.of(segment(s).beginAddr()));
    v.put("range_check_min_", Felt.of(pi.rcMin()));
    v.put("range_check_max_", Felt.of(pi.rcMax()));
    v.put("offset_size_", Felt.of(1 << 16));
    v.put("half_offset_size_", Felt.of(1 << 15));
    v.put("range_check16__perm__public_memory_prod_", Felt.ONE);
    v.put("memory__multi_column_perm__perm__public_memory_prod_", publicMemoryProductRatio(memZ, memAlpha, traceLength / air.publicMemoryStep));
    io.cairn.crypto.ec.EcPoint shift = EcConstants.SHIFT_POINT;
    v.put("pedersen__shift_point_x_", shift.x());
    v.put("pedersen__shift_point_y_", shift.y());
    v.put("ecdsa__sig_config_alpha_", Felt.ONE);
    v.put("ec_op__curve_config_alpha_", Felt.ONE);
    v.put("ecdsa__sig_config_beta_", EcConstants.BETA);
    v.put("ecdsa__sig_config_shift_point_x_", shift.x());
    v.put("ecdsa__sig_config_shift_point_y_", shift.y());
    for (PeriodicValues p : periodicColumns(traceLength)) v.put(p.exprName(), p.at(point));
    return v;
  }

  /**
   * A periodic column: one period of {@code values} on the order-n subgroup; at x the column is q(x^copies) for the
   * q of degree < n through the values.
   */
  public record PeriodicValues(String exprName, Felt[] values, long copies) {
    public Felt at(Felt x) {
      return Periodic.evaluate(values, x.pow(copies));
    }
  }

  /** The layout's periodic columns for a trace of the given length. */
  public List<PeriodicValues> periodicColumns(long traceLength) {
    List<PeriodicValues> out = new ArrayList<>();
    long nSteps = pi.nSteps();
    for (AirDescription.PeriodicColumn p : air.periodicColumns) {
      Felt[] values;
      long copies; // periods in the trace: the column at x is q(x^copies)
      if (p.values() != null) {
        values = p.values();
        copies = traceLength / ((long) values.length * p.step());
      } else {
        switch (p.name()) {
          case "PedersenPointsX", "PedersenPointsY" -> {
            copies = nSteps / (param("kPedersenBuiltinRatio") * param("kPedersenBuiltinRepetitions", 1));
            values = p.name().endsWith("X") ? EcConstants.pedersenX() : EcConstants.pedersenY();
          }
          case "EcdsaGeneratorPointsX", "EcdsaGeneratorPointsY" -> {
            copies = nSteps / (param("kEcdsaBuiltinRatio") * param("kEcdsaBuiltinRepetitions", 1));
            values = p.name().endsWith("X") ? EcConstants.ecdsaX() : EcConstants.ecdsaY();
          }
          default ->
              throw new IllegalArgumentException(
                  "layout " + air.layout + " is not supported yet: its periodic column " + p.name() + " has no values in Cairn");
        }
      }
      if (copies < 1) throw new IllegalArgumentException("trace too short for layout " + air.layout + " (periodic column " + p.name() + ")");
      out.add(new PeriodicValues(p.exprName(), values, copies));
    }
    return out;
  }

  private long param(String name) {
    String s = air.params.get(name);
    if (s == null) throw new IllegalStateException("layout " + air.layout + " lacks " + name);
    return Long.parseLong(s);
  }

  private long param(String name, long dflt) {
    String s = air.params.get(name);
    return s == null ? dflt : Long.parseLong(s);
  }

  /** z^|column| / (∏ (z − (a + α·v)) over the public memory · (z − (pad_a + α·pad_v))^(|column| − |memory|)). */
  Felt publicMemoryProductRatio(Felt z, Felt alpha, long columnSize) {
    Felt prod = Felt.ONE;
    for (MemoryCell c : pi.publicMemory()) prod = prod.mul(z.sub(Felt.of(c.address()).add(alpha.mul(c.value()))));
    long n = pi.publicMemory().size();
    if (n > columnSize)
      throw new IllegalArgumentException("public_input.public_memory: " + n + " cells do not fit the " + columnSize + "-cell public-memory column");
    MemoryCell pad = pi.publicMemory().get(0);
    Felt padded = z.sub(Felt.of(pad.address()).add(alpha.mul(pad.value())));
    return z.pow(columnSize).div(prod.mul(padded.pow(columnSize - n)));
  }

  /** The diluted check's final cumulative value (PROVER.md §3), by the recurrence over the n_bits spread bits. */
  static Felt dilutedProduct(int nBits, int spacing, Felt z, Felt alpha) {
    Felt diffMultiplier = Felt.of(1L << spacing);
    Felt diffX = diffMultiplier.sub(Felt.TWO);
    Felt x = Felt.ONE, p = Felt.ONE.add(z), q = Felt.ONE;
    for (int i = 0; i < nBits - 1; i++) {
      x = x.add(diffX);
      diffX = diffX.mul(diffMultiplier);
      Felt xp = x.mul(p);
      Felt y = p.add(z.mul(xp));
      q = q.mul(y).add(x.mul(xp)).add(q);
      p = p.mul(y);
    }
    return p.add(q.mul(alpha));
  }

  /** The program's output: the public-memory values of the output segment, in address order. */
  public List<Felt> output() {
    Segment out = segment("output");
    Map<Long, Felt> byAddress = new LinkedHashMap<>();
    for (MemoryCell c : pi.publicMemory()) if (c.page() == 0 || true) byAddress.put(c.address(), c.value());
    List<Felt> r = new ArrayList<>();
    for (long a = out.beginAddr(); a < out.stopPtr(); a++) {
      Felt v = byAddress.get(a);
      if (v == null) throw new IllegalArgumentException("public_input.public_memory: output cell " + a + " is not public");
      r.add(v);
    }
    return r;
  }

  /**
   * cairo-lang's compute_program_hash_chain (bootloader version 0) of the proof-mode program in public memory: the
   * program words from program.begin_addr up to execution.begin_addr − 2, main taken from the proof-mode prologue's
   * {@code call rel} and the builtins recognised from the pointers the prologue pushes.
   */
  public Felt programHash() {
    Map<Long, Felt> mem = new HashMap<>();
    for (MemoryCell c : pi.publicMemory()) mem.put(c.address(), c.value());
    long begin = segment("program").beginAddr();
    long end = segment("execution").beginAddr() - 2;
    List<Felt> data = new ArrayList<>();
    for (long a = begin; a < end; a++) {
      Felt v = mem.get(a);
      if (v == null) throw new IllegalArgumentException("public_input.public_memory: program cell " + a + " is not public");
      data.add(v);
    }
    // proof-mode prologue: ap += n_builtins; call rel main; jmp rel 0
    long main = 0;
    int nBuiltins = 0;
    List<Felt> builtinNames = new ArrayList<>();
    if (data.size() >= 6 && data.get(0).equals(Felt.fromHex("0x40780017fff7fff")) && data.get(2).equals(Felt.fromHex("0x1104800180018000"))) {
      nBuiltins = (int) data.get(1).longValueExact();
      main = 2 + data.get(3).longValueExact();
      long ap = segment("execution").beginAddr();
      for (int i = 0; i < nBuiltins; i++) {
        Felt ptr = mem.get(ap + i);
        String name = null;
        for (String s : air.segments)
          if (name == null && !s.equals("program") && !s.equals("execution") && ptr != null && ptr.equals(Felt.of(segment(s).beginAddr()))) name = s;
        if (name == null) throw new IllegalArgumentException("public_input.public_memory: builtin pointer " + i + " at " + (ap + i) + " names no segment");
        builtinNames.add(Felt.fromShortString(name));
      }
    }
    List<Felt> chain = new ArrayList<>();
    chain.add(Felt.ZERO);
    chain.add(Felt.of(main));
    chain.add(Felt.of(nBuiltins));
    chain.addAll(builtinNames);
    chain.addAll(data);
    chain.add(0, Felt.of(chain.size()));
    Felt h = chain.get(chain.size() - 1);
    for (int i = chain.size() - 2; i >= 0; i--) h = Pedersen.hash(chain.get(i), h);
    return h;
  }
}
