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

  /** A hint this processor decodes but cannot run yet; running it fails naming the hint. */
  record NotImplemented(String name, String json) implements Cairo1Hint {}
}
