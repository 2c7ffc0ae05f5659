package io.cairn.lang.starknet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.lang.CairoCompileException;
import io.cairn.lang.compiler.CompiledProgram;
import io.cairn.lang.compiler.Compiler;
import java.math.BigInteger;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a Starknet contract ({@code %lang starknet}) to the deprecated contract class JSON that
 * cairo-lang's {@code starknet-compile-deprecated} writes: {@code abi}, {@code entry_points_by_type}
 * (EXTERNAL, L1_HANDLER, CONSTRUCTOR, each sorted by selector) and {@code program}, whose
 * identifiers and references are filtered to those hints and attributes mention.
 */
public final class ContractCompiler {
  private ContractCompiler() {}

  /**
   * What starknet-compile-deprecated's flags choose.
   *
   * @param accountContract compile an account contract ({@code --account_contract}): it must have
   *     {@code __execute__}, {@code __validate__} and {@code __validate_declare__}; other contracts
   *     must not
   * @param filterIdentifiers drop the references no hint or attribute mentions (the default)
   * @param hintWhitelist when not null, every hint must be whitelisted (starknet-compile's check)
   * @param warnings receives warnings (a {@code __validate_deploy__} whose arguments do not match
   *     the constructor's)
   */
  public record ContractOptions(
      boolean accountContract, boolean filterIdentifiers, HintWhitelist hintWhitelist, java.util.function.Consumer<String> warnings) {
    public static final ContractOptions DEFAULT = new ContractOptions(false, true, null, w -> {});

    public ContractOptions(boolean accountContract, boolean filterIdentifiers) {
      this(accountContract, filterIdentifiers, null, w -> {});
    }

    public ContractOptions(boolean accountContract, boolean filterIdentifiers, HintWhitelist hintWhitelist) {
      this(accountContract, filterIdentifiers, hintWhitelist, w -> {});
    }
  }

  /** Compiles {@code source} (named {@code fileName} in messages) with the given options. */
  public static Map<String, Object> compile(Compiler.Options options, String fileName, String source) {
    return compile(options, ContractOptions.DEFAULT, fileName, source);
  }

  /** Compiles {@code source} (named {@code fileName} in messages) with the given options. */
  public static Map<String, Object> compile(Compiler.Options options, ContractOptions contract, String fileName, String source) {
    return compile(options, contract, fileName, source, new StarknetContracts());
  }

  static Map<String, Object> compile(Compiler.Options options, String fileName, String source, StarknetContracts ext) {
    return compile(options, ContractOptions.DEFAULT, fileName, source, ext);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> compile(
      Compiler.Options options, ContractOptions contract, String fileName, String source, StarknetContracts ext) {
    if (contract.hintWhitelist() != null) ext.withHintWhitelist(contract.hintWhitelist());
    CompiledProgram program = new Compiler(options).withExtension(ext).compile(fileName, source);
    List<Map<String, Object>> abi = ext.abi();
    verifyAccountContract(abi, contract.accountContract());
    String warning = validateDeployWarning(abi);
    if (warning != null) contract.warnings().accept(warning);
    Map<String, Object> prog = new TreeMap<>(program.json());
    Map<String, Object> out = new TreeMap<>();
    out.put("abi", abi);
    out.put("entry_points_by_type", entryPoints(prog));
    if (contract.filterIdentifiers()) filterUnusedIdentifiers(prog);
    // cairo-lang dumps hints keyed by int pc, and json.dump(sort_keys=True) orders them numerically.
    Map<String, Object> hints = new TreeMap<>(Comparator.comparingLong(Long::parseLong));
    hints.putAll((Map<String, Object>) prog.get("hints"));
    prog.put("hints", hints);
    out.put("program", prog);
    return out;
  }

  /**
   * cairo-lang's warning when {@code __validate_deploy__} does not take {@code class_hash,
   * contract_address_salt} followed by the constructor's arguments; null when it does.
   */
  @SuppressWarnings("unchecked")
  static String validateDeployWarning(List<Map<String, Object>> abi) {
    Map<String, Object> validateDeploy = null;
    List<Object> constructorInputs = List.of();
    for (Map<String, Object> e : abi) {
      if ("function".equals(e.get("type")) && "__validate_deploy__".equals(e.get("name"))) validateDeploy = e;
      if ("constructor".equals(e.get("type")) && "constructor".equals(e.get("name"))) constructorInputs = (List<Object>) e.get("inputs");
    }
    if (validateDeploy == null) return null;
    List<Object> expected = new ArrayList<>();
    expected.add(Map.of("name", "class_hash", "type", "felt"));
    expected.add(Map.of("name", "contract_address_salt", "type", "felt"));
    expected.addAll(constructorInputs);
    List<Object> inputs = (List<Object>) validateDeploy.get("inputs");
    if (inputs.equals(expected)) return null;
    StringBuilder found = new StringBuilder();
    for (Object o : inputs) {
      Map<String, Object> m = (Map<String, Object>) o;
      found.append(found.isEmpty() ? "" : ", ").append(m.get("name")).append(": ").append(m.get("type"));
    }
    return "Warning:\nthe arguments of '__validate_deploy__' are expected to start with:\n"
        + "'class_hash: felt, contract_address_salt: felt'\n"
        + "followed by the constructor's arguments (if exist). Found:\n'" + found + "'.\n\n"
        + "Deploying this contract using a deploy account transaction is not recommended and would probably\nfail.";
  }

  private static final List<String> ACCOUNT_ENTRY_POINTS = List.of("__execute__", "__validate__", "__validate_declare__");

  /** cairo-lang verify_account_contract: account entry points exactly in account contracts. */
  @SuppressWarnings("unchecked")
  static void verifyAccountContract(List<Map<String, Object>> abi, boolean account) {
    Map<String, Map<String, Object>> found = new TreeMap<>();
    for (Map<String, Object> e : abi) {
      if ("function".equals(e.get("type")) && ACCOUNT_ENTRY_POINTS.contains((String) e.get("name"))) found.put((String) e.get("name"), e);
    }
    if (account) {
      List<String> missing = new ArrayList<>();
      for (String n : ACCOUNT_ENTRY_POINTS) if (!found.containsKey(n)) missing.add(n);
      if (!missing.isEmpty()) {
        throw new CairoCompileException(List.of("Account contracts must have external functions named: "
            + quoted(ACCOUNT_ENTRY_POINTS) + ". Missing: " + quoted(missing) + "."));
      }
      if (!found.get("__execute__").get("inputs").equals(found.get("__validate__").get("inputs"))) {
        throw new CairoCompileException(List.of(
            "Account contracts must have the exact same calldata for '__validate__' and '__execute__' functions."));
      }
      List<Map<String, Object>> inputs = (List<Map<String, Object>>) found.get("__validate_declare__").get("inputs");
      if (inputs.size() != 1 || !"class_hash".equals(inputs.get(0).get("name")) || !"felt".equals(inputs.get(0).get("type"))) {
        throw new CairoCompileException(List.of("'__validate_declare__' function must have one argument 'class_hash: felt'."));
      }
    } else if (!found.isEmpty()) {
      throw new CairoCompileException(List.of("Only account contracts may have functions named " + quoted(new ArrayList<>(found.keySet()))
          + ". Use the --account_contract flag to compile an account contract."));
    }
  }

  private static String quoted(List<String> names) {
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted);
    StringBuilder sb = new StringBuilder();
    for (String n : sorted) sb.append(sb.isEmpty() ? "" : ", ").append('\'').append(n).append('\'');
    return sb.toString();
  }

  /** The class JSON (or a part of it), indented with 4 spaces and sorted keys like cairo-lang's output. */
  public static String toJson(Object contractClass) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    // Python's json.dump(indent=4): "key": value, and empty lists and objects as [] and {}.
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(separators).withObjectIndenter(new DefaultIndenter("    ", "\n"));
    pp.indentArraysWith(new DefaultIndenter("    ", "\n"));
    try {
      return om.writer(pp).writeValueAsString(contractClass) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entryPoints(Map<String, Object> program) {
    Map<String, Object> ids = (Map<String, Object>) program.get("identifiers");
    List<Object[]> external = new ArrayList<>(), l1 = new ArrayList<>(), ctor = new ArrayList<>();
    String prefix = StarknetContracts.WRAPPERS + ".";
    for (var e : ids.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(prefix) || name.indexOf('.', prefix.length()) >= 0) continue;
      Map<String, Object> def = (Map<String, Object>) e.getValue();
      if (!"function".equals(def.get("type"))) continue;
      List<String> decorators = (List<String>) def.get("decorators");
      String fn = name.substring(prefix.length());
      BigInteger selector = fn.equals("__default__") || fn.equals("__l1_default__") ? BigInteger.ZERO : StarknetContracts.selector(fn);
      Object[] ep = {selector, def.get("pc")};
      if (decorators.contains("external") || decorators.contains("view")) external.add(ep);
      if (decorators.contains("l1_handler")) l1.add(ep);
      if (decorators.contains("constructor")) ctor.add(ep);
    }
    Map<String, Object> out = new TreeMap<>();
    out.put("CONSTRUCTOR", sorted(ctor));
    out.put("EXTERNAL", sorted(external));
    out.put("L1_HANDLER", sorted(l1));
    return out;
  }

  private static List<Object> sorted(List<Object[]> eps) {
    eps.sort(Comparator.comparing(a -> (BigInteger) a[0]));
    List<Object> out = new ArrayList<>();
    for (Object[] ep : eps) {
      Map<String, Object> m = new TreeMap<>();
      m.put("offset", ep[1]);
      m.put("selector", "0x" + ((BigInteger) ep[0]).toString(16));
      out.add(m);
    }
    return out;
  }

  // ---------------------------------------------------------------- filter_unused_identifiers

  private static final Pattern IDS = Pattern.compile("\\bids\\.([a-zA-Z_0-9.]+)");
  private static final Pattern IDS_WORD = Pattern.compile("\\bids\\b");
  private static final Pattern ATTR = Pattern.compile("\\{([a-zA-Z_0-9.]+)\\}");

  /** cairo-lang filter_unused_identifiers: keeps only the references hints and attributes mention. */
  @SuppressWarnings("unchecked")
  static void filterUnusedIdentifiers(Map<String, Object> program) {
    Map<String, Object> ids = (Map<String, Object>) program.get("identifiers");
    Set<Integer> keptIds = new TreeSet<>();
    Set<String> keptNames = new HashSet<>();
    Map<String, Object> hints = (Map<String, Object>) program.get("hints");
    for (var e : hints.entrySet()) {
      for (Object o : (List<Object>) e.getValue()) {
        Map<String, Object> hint = (Map<String, Object>) o;
        String code = (String) hint.get("code");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDS.matcher(code);
        int mentions = 0;
        while (m.find()) {
          names.add(m.group(1));
          mentions++;
        }
        int words = 0;
        Matcher w = IDS_WORD.matcher(code);
        while (w.find()) words++;
        if (words != mentions) throw new CairoCompileException(List.of("Unexpected use of 'ids' in a hint."));
        filterFlow(hint, names, ids, keptIds, keptNames);
      }
    }
    for (Object o : (List<Object>) program.get("attributes")) {
      Map<String, Object> attr = (Map<String, Object>) o;
      Set<String> names = new LinkedHashSet<>();
      Matcher m = ATTR.matcher((String) attr.get("value"));
      while (m.find()) names.add(m.group(1));
      filterFlow(attr, names, ids, keptIds, keptNames);
    }
    Map<String, Object> newIds = new TreeMap<>();
    for (var e : ids.entrySet()) {
      Map<String, Object> def = (Map<String, Object>) e.getValue();
      if (!"reference".equals(def.get("type")) || keptNames.contains(e.getKey())) newIds.put(e.getKey(), def);
    }
    program.put("identifiers", newIds);
    Map<Integer, Integer> renumber = new HashMap<>();
    List<Object> refs = (List<Object>) ((Map<String, Object>) program.get("reference_manager")).get("references");
    List<Object> newRefs = new ArrayList<>();
    for (int id : keptIds) {
      renumber.put(id, newRefs.size());
      newRefs.add(refs.get(id));
    }
    program.put("reference_manager", Map.of("references", newRefs));
    // Like cairo-lang: instruction locations lose their flow tracking data, whose reference ids
    // no longer match the filtered reference manager.
    if (program.get("debug_info") instanceof Map<?, ?> debug && debug.get("instruction_locations") instanceof Map<?, ?> locs) {
      for (Object loc : locs.values()) ((Map<String, Object>) loc).put("flow_tracking_data", null);
    }
    for (var e : hints.entrySet()) for (Object o : (List<Object>) e.getValue()) renumberFlow((Map<String, Object>) o, renumber);
    for (Object o : (List<Object>) program.get("attributes")) renumberFlow((Map<String, Object>) o, renumber);
  }

  @SuppressWarnings("unchecked")
  private static void filterFlow(Map<String, Object> holder, Set<String> names, Map<String, Object> ids, Set<Integer> keptIds, Set<String> keptNames) {
    List<String> scopes = (List<String>) holder.get("accessible_scopes");
    Map<String, Object> flow = new TreeMap<>((Map<String, Object>) holder.get("flow_tracking_data"));
    Map<String, Object> refIds = (Map<String, Object>) flow.get("reference_ids");
    Map<String, Object> kept = new TreeMap<>();
    for (String name : names) {
      String canonical = search(ids, scopes, name);
      if (canonical == null) continue;
      Map<String, Object> def = (Map<String, Object>) ids.get(canonical);
      if (!"reference".equals(def.get("type"))) continue;
      Object id = refIds.get(canonical);
      if (id == null) throw new IllegalStateException("No reference id for " + canonical);
      kept.put(canonical, id);
      keptIds.add(((Number) id).intValue());
      keptNames.add(canonical);
    }
    flow.put("reference_ids", kept);
    holder.put("flow_tracking_data", flow);
  }

  @SuppressWarnings("unchecked")
  private static void renumberFlow(Map<String, Object> holder, Map<Integer, Integer> renumber) {
    Map<String, Object> flow = (Map<String, Object>) holder.get("flow_tracking_data");
    Map<String, Object> refIds = (Map<String, Object>) flow.get("reference_ids");
    Map<String, Object> out = new TreeMap<>();
    for (var e : refIds.entrySet()) out.put(e.getKey(), renumber.get(((Number) e.getValue()).intValue()));
    flow.put("reference_ids", out);
  }

  /** IdentifierManager.search over the JSON identifiers: the canonical name, or null. */
  @SuppressWarnings("unchecked")
  private static String search(Map<String, Object> ids, List<String> scopes, String name) {
    for (int i = scopes.size() - 1; i >= 0; i--) {
      String found = resolve(ids, scopes.get(i) + "." + name, 0);
      if (found != null) return found;
    }
    return resolve(ids, name, 0);
  }

  @SuppressWarnings("unchecked")
  private static String resolve(Map<String, Object> ids, String full, int depth) {
    if (depth > 50) return null;
    String[] parts = full.split("\\.");
    String prefix = "";
    for (int k = 0; k < parts.length; k++) {
      prefix = k == 0 ? parts[0] : prefix + "." + parts[k];
      Object d = ids.get(prefix);
      if (d == null) continue;
      Map<String, Object> def = (Map<String, Object>) d;
      if ("alias".equals(def.get("type"))) {
        StringBuilder rest = new StringBuilder((String) def.get("destination"));
        for (int j = k + 1; j < parts.length; j++) rest.append('.').append(parts[j]);
        return resolve(ids, rest.toString(), depth + 1);
      }
      String type = (String) def.get("type");
      if (!"namespace".equals(type) && !"function".equals(type) && !"scope".equals(type)) return prefix;
      if (k == parts.length - 1) return prefix;
    }
    return null;
  }
}
