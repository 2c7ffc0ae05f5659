package io.cairn.vm.syscall;

import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Field;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SystemCall's request from the syscall segment, charges its gas, hands it to the {@link SyscallHandler} and
 * writes the response right after the request: {@code [gas, 0, …response]} or {@code [gas, 1, reason_start,
 * reason_end]} (blockifier {@code syscalls/mod.rs} layouts).
 */
public final class SyscallDispatcher implements Cairo1HintProcessor.SyscallSink {
  static final BigInteger OUT_OF_GAS = new BigInteger(1, "Out of gas".getBytes(StandardCharsets.US_ASCII));
  private final SyscallHandler handler;
  private final SyscallCosts costs;

  public SyscallDispatcher(SyscallHandler handler, SyscallCosts costs) {
    this.handler = handler;
    this.costs = costs;
  }

  @Override
  public void syscall(CairoVm vm, Relocatable req) {
    Memory m = vm.memory();
    BigInteger sel = m.getInt(req);
    String name = new String(sel.toByteArray(), StandardCharsets.US_ASCII).trim().replace("\0", "");
    long gas = Field.toSignedLong(m.getInt(req.add(1)), "syscall gas");
    int reqSize =
        switch (name) {
          case "GetExecutionInfo" -> 2;
          case "StorageRead" -> 4;
          case "StorageWrite" -> 5;
          case "EmitEvent", "CallContract", "LibraryCall" -> 6;
          default -> throw new VmError("syscall " + name + " (selector 0x" + sel.toString(16) + ") is not supported yet");
        };
    Relocatable resp = req.add(reqSize);
    long charge = costs.charge(name);
    if (gas < charge) {
      fail(m, resp, gas, List.of(OUT_OF_GAS));
      return;
    }
    gas -= charge;
    switch (name) {
      case "GetExecutionInfo" -> {
        ok(m, resp, gas);
        m.write(resp.add(2), writeExecutionInfo(m, handler.executionInfo()));
      }
      case "StorageRead" -> {
        BigInteger v = handler.storageRead(m.getInt(req.add(2)), m.getInt(req.add(3)));
        ok(m, resp, gas);
        m.write(resp.add(2), v);
      }
      case "StorageWrite" -> {
        handler.storageWrite(m.getInt(req.add(2)), m.getInt(req.add(3)), m.getInt(req.add(4)));
        ok(m, resp, gas);
      }
      case "EmitEvent" -> {
        handler.emitEvent(span(m, req.add(2)), span(m, req.add(4)));
        ok(m, resp, gas);
      }
      default -> {
        long[] g = {gas};
        BigInteger target = m.getInt(req.add(2)), selector = m.getInt(req.add(3));
        List<BigInteger> calldata = span(m, req.add(4));
        SyscallHandler.CallResult r =
            name.equals("CallContract")
                ? handler.callContract(target, selector, calldata, g)
                : handler.libraryCall(target, selector, calldata, g);
        if (r.failed()) {
          fail(m, resp, g[0], r.retdata());
          return;
        }
        ok(m, resp, g[0]);
        writeSpan(m, resp.add(2), r.retdata());
      }
    }
  }

  /**
   * ExecutionInfo {block_info*, tx_info*, caller, contract, selector}; BlockInfo {number, timestamp, sequencer};
   * TxInfo in its v3 layout (version, account, max_fee, signature span, hash, chain_id, nonce, resource bounds span,
   * tip, paymaster data span, nonce/fee DA modes, account deployment data span), empty spans where unknown.
   */
  private static Relocatable writeExecutionInfo(Memory m, SyscallHandler.ExecutionInfo e) {
    Relocatable block = m.addSegment();
    m.write(block, e.blockNumber());
    m.write(block.add(1), e.blockTimestamp());
    m.write(block.add(2), e.sequencerAddress());
    Relocatable empty = m.addSegment();
    Relocatable tx = m.addSegment();
    Object[] txFields = {
      e.txVersion(), e.accountAddress(), BigInteger.ZERO, empty, empty, e.txHash(), e.chainId(), e.nonce(), empty, empty,
      BigInteger.ZERO, empty, empty, BigInteger.ZERO, BigInteger.ZERO, empty, empty
    };
    for (int i = 0; i < txFields.length; i++) {
      if (txFields[i] instanceof Relocatable r) m.write(tx.add(i), r);
      else m.write(tx.add(i), (BigInteger) txFields[i]);
    }
    Relocatable info = m.addSegment();
    m.write(info, block);
    m.write(info.add(1), tx);
    m.write(info.add(2), e.callerAddress());
    m.write(info.add(3), e.contractAddress());
    m.write(info.add(4), e.entryPointSelector());
    return info;
  }

  private static void ok(Memory m, Relocatable resp, long gas) {
    m.write(resp, gas);
    m.write(resp.add(1), 0);
  }

  private static void fail(Memory m, Relocatable resp, long gas, List<BigInteger> reason) {
    m.write(resp, gas);
    m.write(resp.add(1), 1);
    writeSpan(m, resp.add(2), reason);
  }

  private static void writeSpan(Memory m, Relocatable at, List<BigInteger> values) {
    Relocatable seg = m.addSegment();
    for (int i = 0; i < values.size(); i++) m.write(seg.add(i), values.get(i));
    m.write(at, seg);
    m.write(at.add(1), seg.add(values.size()));
  }

  static List<BigInteger> span(Memory m, Relocatable at) {
    Relocatable s = m.getRelocatable(at), e = m.getRelocatable(at.add(1));
    if (s.segment() != e.segment() || e.offset() < s.offset()) throw new VmError("bad span " + s + ".." + e);
    List<BigInteger> out = new ArrayList<>((int) (e.offset() - s.offset()));
    for (Relocatable p = s; p.offset() < e.offset(); p = p.add(1)) out.add(m.getInt(p));
    return out;
  }
}
