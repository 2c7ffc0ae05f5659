package io.cairn.vm.cairo1;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.vm.cairo1.Operand.BinOp;
import io.cairn.vm.cairo1.Operand.CellRef;
import io.cairn.vm.cairo1.Operand.Deref;
import io.cairn.vm.cairo1.Operand.DoubleDeref;
import io.cairn.vm.cairo1.Operand.Immediate;
import io.cairn.vm.cairo1.Operand.Res;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/** Decodes CASM hints from their JSON form (serde's externally tagged enum), once, at load time. */
public final class Cairo1Hints {
  private Cairo1Hints() {}

  /** Decodes one hint object such as {@code {"AllocSegment": {"dst": {...}}}}; {@code path} names it in errors. */
  public static Cairo1Hint decode(JsonNode node, String path) {
    // serde writes the unit variants of DeprecatedHint as bare strings
    if (node != null && node.isTextual()) {
      return switch (node.asText()) {
        case "AssertCurrentAccessIndicesIsEmpty" -> new Cairo1Hint.AssertCurrentAccessIndicesIsEmpty();
        case "AssertAllKeysUsed" -> new Cairo1Hint.AssertAllKeysUsed();
        case "AssertLeAssertThirdArcExcluded" -> new Cairo1Hint.AssertLeAssertThirdArcExcluded();
        default -> throw bad(path, "unknown hint " + node);
      };
    }
    if (node == null || !node.isObject() || node.size() != 1)
      throw bad(path, "expected an object with exactly one hint name, got " + node);
    Map.Entry<String, JsonNode> e = node.fields().next();
    String name = e.getKey();
    JsonNode a = e.getValue();
    String p = path + "." + name;
    // Executables wrap hints by family in some versions: {"Core": {...}}, {"Starknet": {...}}, {"External": {...}}
    if (name.equals("Core") || name.equals("Starknet") || name.equals("External") || name.equals("Deprecated"))
      return decode(a, p);
    return switch (name) {
      case "AllocSegment" -> new Cairo1Hint.AllocSegment(cell(a, p, "dst"));
      case "TestLessThan" -> new Cairo1Hint.TestLessThan(res(a, p, "lhs"), res(a, p, "rhs"), cell(a, p, "dst"));
      case "TestLessThanOrEqual" ->
          new Cairo1Hint.TestLessThanOrEqual(res(a, p, "lhs"), res(a, p, "rhs"), cell(a, p, "dst"));
      case "TestLessThanOrEqualAddress" ->
          new Cairo1Hint.TestLessThanOrEqualAddress(res(a, p, "lhs"), res(a, p, "rhs"), cell(a, p, "dst"));
      case "WideMul128" ->
          new Cairo1Hint.WideMul128(res(a, p, "lhs"), res(a, p, "rhs"), cell(a, p, "high"), cell(a, p, "low"));
      case "DivMod" ->
          new Cairo1Hint.DivMod(
              res(a, p, "lhs"), res(a, p, "rhs"), cell(a, p, "quotient"), cell(a, p, "remainder"));
      case "Uint256DivMod" ->
          new Cairo1Hint.Uint256DivMod(
              res(a, p, "dividend0"),
              res(a, p, "dividend1"),
              res(a, p, "divisor0"),
              res(a, p, "divisor1"),
              cell(a, p, "quotient0"),
              cell(a, p, "quotient1"),
              cell(a, p, "remainder0"),
              cell(a, p, "remainder1"));
      case "Uint512DivModByUint256" ->
          new Cairo1Hint.Uint512DivModByUint256(
              res(a, p, "dividend0"),
              res(a, p, "dividend1"),
              res(a, p, "dividend2"),
              res(a, p, "dividend3"),
              res(a, p, "divisor0"),
              res(a, p, "divisor1"),
              cell(a, p, "quotient0"),
              cell(a, p, "quotient1"),
              cell(a, p, "quotient2"),
              cell(a, p, "quotient3"),
              cell(a, p, "remainder0"),
              cell(a, p, "remainder1"));
      case "SquareRoot" -> new Cairo1Hint.SquareRoot(res(a, p, "value"), cell(a, p, "dst"));
      case "Uint256SquareRoot" ->
          new Cairo1Hint.Uint256SquareRoot(
              res(a, p, "value_low"),
              res(a, p, "value_high"),
              cell(a, p, "sqrt0"),
              cell(a, p, "sqrt1"),
              cell(a, p, "remainder_low"),
              cell(a, p, "remainder_high"),
              cell(a, p, "sqrt_mul_2_minus_remainder_ge_u128"));
      case "LinearSplit" ->
          new Cairo1Hint.LinearSplit(
              res(a, p, "value"), res(a, p, "scalar"), res(a, p, "max_x"), cell(a, p, "x"), cell(a, p, "y"));
      case "AllocFelt252Dict" -> new Cairo1Hint.AllocFelt252Dict(res(a, p, "segment_arena_ptr"));
      case "Felt252DictEntryInit" -> new Cairo1Hint.Felt252DictEntryInit(res(a, p, "dict_ptr"), res(a, p, "key"));
      case "Felt252DictEntryUpdate" ->
          new Cairo1Hint.Felt252DictEntryUpdate(res(a, p, "dict_ptr"), res(a, p, "value"));
      case "GetSegmentArenaIndex" ->
          new Cairo1Hint.GetSegmentArenaIndex(res(a, p, "dict_end_ptr"), cell(a, p, "dict_index"));
      case "InitSquashData" ->
          new Cairo1Hint.InitSquashData(
              res(a, p, "dict_accesses"),
              res(a, p, "ptr_diff"),
              res(a, p, "n_accesses"),
              cell(a, p, "big_keys"),
              cell(a, p, "first_key"));
      case "GetCurrentAccessIndex" -> new Cairo1Hint.GetCurrentAccessIndex(res(a, p, "range_check_ptr"));
      case "ShouldSkipSquashLoop" -> new Cairo1Hint.ShouldSkipSquashLoop(cell(a, p, "should_skip_loop"));
      case "GetCurrentAccessDelta" -> new Cairo1Hint.GetCurrentAccessDelta(cell(a, p, "index_delta_minus1"));
      case "ShouldContinueSquashLoop" -> new Cairo1Hint.ShouldContinueSquashLoop(cell(a, p, "should_continue"));
      case "GetNextDictKey" -> new Cairo1Hint.GetNextDictKey(cell(a, p, "next_key"));
      case "AssertLeFindSmallArcs" ->
          new Cairo1Hint.AssertLeFindSmallArcs(res(a, p, "range_check_ptr"), res(a, p, "a"), res(a, p, "b"));
      case "AssertLeIsFirstArcExcluded" ->
          new Cairo1Hint.AssertLeIsFirstArcExcluded(cell(a, p, "skip_exclude_a_flag"));
      case "AssertLeIsSecondArcExcluded" ->
          new Cairo1Hint.AssertLeIsSecondArcExcluded(cell(a, p, "skip_exclude_b_minus_a"));
      case "RandomEcPoint" -> new Cairo1Hint.RandomEcPoint(cell(a, p, "x"), cell(a, p, "y"));
      case "FieldSqrt" -> new Cairo1Hint.FieldSqrt(res(a, p, "val"), cell(a, p, "sqrt"));
      case "DebugPrint" -> new Cairo1Hint.DebugPrint(res(a, p, "start"), res(a, p, "end"));
      case "AllocConstantSize" -> new Cairo1Hint.AllocConstantSize(res(a, p, "size"), cell(a, p, "dst"));
      case "U256InvModN" ->
          new Cairo1Hint.U256InvModN(
              res(a, p, "b0"),
              res(a, p, "b1"),
              res(a, p, "n0"),
              res(a, p, "n1"),
              cell(a, p, "g0_or_no_inv"),
              cell(a, p, "g1_option"),
              cell(a, p, "s_or_r0"),
              cell(a, p, "s_or_r1"),
              cell(a, p, "t_or_k0"),
              cell(a, p, "t_or_k1"));
      case "EvalCircuit" ->
          new Cairo1Hint.EvalCircuit(
              res(a, p, "n_add_mods"), res(a, p, "add_mod_builtin"), res(a, p, "n_mul_mods"), res(a, p, "mul_mod_builtin"));
      case "SystemCall" -> new Cairo1Hint.SystemCall(res(a, p, "system"));
      case "AssertCurrentAccessIndicesIsEmpty" -> new Cairo1Hint.AssertCurrentAccessIndicesIsEmpty();
      case "AssertAllAccessesUsed" -> new Cairo1Hint.AssertAllAccessesUsed(cell(a, p, "n_used_accesses"));
      case "AssertAllKeysUsed" -> new Cairo1Hint.AssertAllKeysUsed();
      case "AssertLeAssertThirdArcExcluded" -> new Cairo1Hint.AssertLeAssertThirdArcExcluded();
      case "AssertLtAssertValidInput" -> new Cairo1Hint.AssertLtAssertValidInput(res(a, p, "a"), res(a, p, "b"));
      case "Felt252DictRead" ->
          new Cairo1Hint.Felt252DictRead(res(a, p, "dict_ptr"), res(a, p, "key"), cell(a, p, "value_dst"));
      case "Felt252DictWrite" ->
          new Cairo1Hint.Felt252DictWrite(res(a, p, "dict_ptr"), res(a, p, "key"), res(a, p, "value"));
      case "AddRelocationRule" -> new Cairo1Hint.AddRelocationRule(res(a, p, "src"), res(a, p, "dst"));
      case "WriteRunParam" -> new Cairo1Hint.WriteRunParam(res(a, p, "index"), cell(a, p, "dst"));
      case "AddMarker" -> new Cairo1Hint.AddMarker(res(a, p, "start"), res(a, p, "end"));
      case "AddTrace" -> new Cairo1Hint.AddTrace(res(a, p, "flag"));
      // the test runner's cheatcodes (snforge-style) have no meaning outside it: decoded, failing when run
      case "Cheatcode" -> new Cairo1Hint.NotImplemented(name, node.toString());
      default -> throw bad(path, "unknown hint " + name);
    };
  }

  static CellRef cell(JsonNode parent, String path, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return cellRef(n, path + "." + field);
  }

  static CellRef cellRef(JsonNode n, String path) {
    if (n == null || !n.isObject()) throw bad(path, "missing cell reference");
    String reg = n.path("register").asText("");
    if (!reg.equals("AP") && !reg.equals("FP")) throw bad(path + ".register", "expected \"AP\" or \"FP\", got " + n.get("register"));
    JsonNode off = n.get("offset");
    if (off == null || !off.canConvertToInt()) throw bad(path + ".offset", "expected a small integer");
    return new CellRef(reg.equals("FP"), off.asInt());
  }

  static Res res(JsonNode parent, String path, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return resOperand(n, path + "." + field);
  }

  static Res resOperand(JsonNode n, String path) {
    if (n == null || !n.isObject() || n.size() != 1) throw bad(path, "expected a ResOperand object, got " + n);
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    Map.Entry<String, JsonNode> e = it.next();
    String p = path + "." + e.getKey();
    JsonNode v = e.getValue();
    return switch (e.getKey()) {
      case "Deref" -> new Deref(cellRef(v, p));
      case "DoubleDeref" -> {
        if (!v.isArray() || v.size() != 2) throw bad(p, "expected [cell, offset]");
        yield new DoubleDeref(cellRef(v.get(0), p + "[0]"), v.get(1).asInt());
      }
      case "Immediate" -> new Immediate(bigInt(v, p));
      case "BinOp" -> {
        String op = v.path("op").asText("");
        if (!op.equals("Add") && !op.equals("Mul")) throw bad(p + ".op", "expected Add or Mul, got " + v.get("op"));
        JsonNode b = v.get("b");
        Res bRes;
        if (b != null && b.has("Deref")) bRes = new Deref(cellRef(b.get("Deref"), p + ".b.Deref"));
        else if (b != null && b.has("Immediate")) bRes = new Immediate(bigInt(b.get("Immediate"), p + ".b.Immediate"));
        else throw bad(p + ".b", "expected Deref or Immediate");
        yield new BinOp(op.equals("Mul"), cellRef(v.get("a"), p + ".a"), bRes);
      }
      default -> throw bad(path, "unknown ResOperand kind " + e.getKey());
    };
  }

  static BigInteger bigInt(JsonNode v, String path) {
    try {
      if (v.isIntegralNumber()) return v.bigIntegerValue();
      String s = v.asText().trim();
      boolean neg = s.startsWith("-");
      if (neg) s = s.substring(1);
      BigInteger r = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
      return neg ? r.negate() : r;
    } catch (RuntimeException e) {
      throw bad(path, "not an integer: " + v);
    }
  }

  static IllegalArgumentException bad(String path, String what) {
    return new IllegalArgumentException(path + ": " + what);
  }
}
