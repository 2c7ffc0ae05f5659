package io.cairn.vm.cairo1;

import io.cairn.vm.cairo1.Operand.CellRef;
import io.cairn.vm.cairo1.Operand.Res;

/** One decoded CASM hint (the Cairo compiler's {@code Hint} enum), field names as in its JSON. */
public sealed interface Cairo1Hint {
  record AllocSegment(CellRef dst) implements Cairo1Hint {}

  record TestLessThan(Res lhs, Res rhs, CellRef dst) implements Cairo1Hint {}

  record TestLessThanOrEqual(Res lhs, Res rhs, CellRef dst) implements Cairo1Hint {}

  record TestLessThanOrEqualAddress(Res lhs, Res rhs, CellRef dst) implements Cairo1Hint {}

  record WideMul128(Res lhs, Res rhs, CellRef high, CellRef low) implements Cairo1Hint {}

  record DivMod(Res lhs, Res rhs, CellRef quotient, CellRef remainder) implements Cairo1Hint {}

  record Uint256DivMod(
      Res dividend0,
      Res dividend1,
      Res divisor0,
      Res divisor1,
      CellRef quotient0,
      CellRef quotient1,
      CellRef remainder0,
      CellRef remainder1)
      implements Cairo1Hint {}

  record Uint512DivModByUint256(
      Res dividend0,
      Res dividend1,
      Res dividend2,
      Res dividend3,
      Res divisor0,
      Res divisor1,
      CellRef quotient0,
      CellRef quotient1,
      CellRef quotient2,
      CellRef quotient3,
      CellRef remainder0,
      CellRef remainder1)
      implements Cairo1Hint {}

  record SquareRoot(Res value, CellRef dst) implements Cairo1Hint {}

  record Uint256SquareRoot(
      Res valueLow,
      Res valueHigh,
      CellRef sqrt0,
      CellRef sqrt1,
      CellRef remainderLow,
      CellRef remainderHigh,
      CellRef sqrtMul2MinusRemainderGeU128)
      implements Cairo1Hint {}

  record LinearSplit(Res value, Res scalar, Res maxX, CellRef x, CellRef y) implements Cairo1Hint {}

  record AllocFelt252Dict(Res segmentArenaPtr) implements Cairo1Hint {}

  record Felt252DictEntryInit(Res dictPtr, Res key) implements Cairo1Hint {}

  record Felt252DictEntryUpdate(Res dictPtr, Res value) implements Cairo1Hint {}

  record GetSegmentArenaIndex(Res dictEndPtr, CellRef dictIndex) implements Cairo1Hint {}

  record InitSquashData(Res dictAccesses, Res ptrDiff, Res nAccesses, CellRef bigKeys, CellRef firstKey)
      implements Cairo1Hint {}

  record GetCurrentAccessIndex(Res rangeCheckPtr) implements Cairo1Hint {}

  record ShouldSkipSquashLoop(CellRef shouldSkipLoop) implements Cairo1Hint {}

  record GetCurrentAccessDelta(CellRef indexDeltaMinus1) implements Cairo1Hint {}

  record ShouldContinueSquashLoop(CellRef shouldContinue) implements Cairo1Hint {}

  record GetNextDictKey(CellRef nextKey) implements Cairo1Hint {}

  record AssertLeFindSmallArcs(Res rangeCheckPtr, Res a, Res b) implements Cairo1Hint {}

  record AssertLeIsFirstArcExcluded(CellRef skipExcludeAFlag) implements Cairo1Hint {}

  record AssertLeIsSecondArcExcluded(CellRef skipExcludeBMinusA) implements Cairo1Hint {}

  record RandomEcPoint(CellRef x, CellRef y) implements Cairo1Hint {}

  record FieldSqrt(Res val, CellRef sqrt) implements Cairo1Hint {}

  record DebugPrint(Res start, Res end) implements Cairo1Hint {}

  record AllocConstantSize(Res size, CellRef dst) implements Cairo1Hint {}

  record U256InvModN(
      Res b0,
      Res b1,
      Res n0,
      Res n1,
      CellRef g0OrNoInv,
      CellRef g1Option,
      CellRef sOrR0,
      CellRef sOrR1,
      CellRef tOrK0,
      CellRef tOrK1)
      implements Cairo1Hint {}

  /**
   * Completes a mod-p circuit whose first add_mod / mul_mod instances are written: evaluates every gate into the values
   * table and writes the remaining builtin instances.
   */
  record EvalCircuit(Res nAddMods, Res addModBuiltin, Res nMulMods, Res mulModBuiltin) implements Cairo1Hint {}

  /** Starknet's syscall hint: the request starts at the address in {@code system}. */
  record SystemCall(Res system) implements Cairo1Hint {}

  // DeprecatedHint: emitted by compilers before 2.0 (contract classes declared then still run). The five asserting
  // ones are no-ops, as in cairo-lang-runner's execute_deprecated_hint, which blockifier runs.

  /** Deprecated: {@code assert len(current_access_indices) == 0}; a no-op in the Rust runner. */
  record AssertCurrentAccessIndicesIsEmpty() implements Cairo1Hint {}

  /** Deprecated: {@code assert n_used_accesses == len(access_indices[key])}; a no-op in the Rust runner. */
  record AssertAllAccessesUsed(CellRef nUsedAccesses) implements Cairo1Hint {}

  /** Deprecated: {@code assert len(keys) == 0}; a no-op in the Rust runner. */
  record AssertAllKeysUsed() implements Cairo1Hint {}

  /** Deprecated: {@code assert excluded == 2}; a no-op in the Rust runner. */
  record AssertLeAssertThirdArcExcluded() implements Cairo1Hint {}

  /** Deprecated: {@code assert a % PRIME < b % PRIME}; a no-op in the Rust runner. */
  record AssertLtAssertValidInput(Res a, Res b) implements Cairo1Hint {}

  /** Deprecated: {@code value_dst = dict[key]} (0 when absent) from the dict tracker of {@code dict_ptr}. */
  record Felt252DictRead(Res dictPtr, Res key, CellRef valueDst) implements Cairo1Hint {}

  /** Deprecated: writes the previous value at {@code dict_ptr + 1}, then {@code dict[key] = value}. */
  record Felt252DictWrite(Res dictPtr, Res key, Res value) implements Cairo1Hint {}

  // ExternalHint: the wrappers of executables (cairo-lang-runnable-utils) use these.

  /** {@code memory.add_relocation_rule(src, dst)}: src must start a temporary segment. */
  record AddRelocationRule(Res src, Res dst) implements Cairo1Hint {}

  /** Writes run argument number {@code index} from {@code dst} on; arrays go to new segments as (start, end). */
  record WriteRunParam(Res index, CellRef dst) implements Cairo1Hint {}

  /** Records the felts in [start, end) as a marker (the executable's output or panic data). */
  record AddMarker(Res start, Res end) implements Cairo1Hint {}

  /** A trace call; with the flag {@code 'panic'} it records the (pc, fp) call chain of the panic. */
  record AddTrace(Res flag) implements Cairo1Hint {}

  /** A hint this processor decodes but cannot run yet; running it fails naming the hint. */
  record NotImplemented(String name, String json) implements Cairo1Hint {}
}
