package io.cairn.vm.syscall;

import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Sha256;
import io.cairn.crypto.hash.Sha512;
import io.cairn.starknet.hash.Selectors;
import io.cairn.vm.cairo1.Cairo1HintProcessor;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a SystemCall's request from the syscall segment, charges its gas, executes it (through the {@link
 * SyscallHandler}, or here for the pure ones: keccak, sha256/sha512_process_block, secp256k1/r1) and writes the
 * response right after the request: {@code [gas, 0, …response]} or {@code [gas, 1, reason_start, reason_end]}
 * (blockifier {@code vm_syscall_utils.rs}).
 *
 * <p>One dispatcher serves one entry-point run (blockifier's SyscallHintProcessor): it owns that run's secp point
 * handles, sha state segments and cached execution-info pointer.
 */
public final class SyscallDispatcher implements Cairo1HintProcessor.SyscallSink {
  static final BigInteger OUT_OF_GAS = shortString("Out of gas");
  static final BigInteger INVALID_INPUT_LENGTH = shortString("Invalid input length");
  static final BigInteger INVALID_ARGUMENT = shortString("Invalid argument");
  static final BigInteger ENTRYPOINT_FAILED = shortString("ENTRYPOINT_FAILED");
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  private static final BigInteger ADDRESS_BOUND = BigInteger.ONE.shiftLeft(251);
  private static final BigInteger EXECUTE_SELECTOR = Selectors.fromName("__execute__").toBigInteger();
  private static final int EC_POINT_SEGMENT_SIZE = 6;

  private final SyscallHandler handler;
  private final SyscallCosts costs;
  // per-run state, as blockifier keeps it in its SyscallHintProcessor
  private final Map<Relocatable, BigInteger[]> k1Points = new HashMap<>();
  private final Map<Relocatable, BigInteger[]> r1Points = new HashMap<>();
  private Relocatable secpPointsBase;
  private Relocatable sha256End, sha512End;
  private Relocatable executionInfo;
  private final Map<String, long[]> usage = new TreeMap<>(); // name → {calls, linear factor}

  /** How often a syscall ran in one entry-point run and the summed length its linear gas factor applied to. */
  public record Usage(long calls, long linearFactor) {}

  public SyscallDispatcher(SyscallHandler handler, SyscallCosts costs) {
    this.handler = handler;
    this.costs = costs;
  }

  /** A Cairo short string (at most 31 ASCII bytes) as a felt. */
  public static BigInteger shortString(String s) {
    if (s.length() > 31) throw new IllegalArgumentException("short string longer than 31 characters: " + s);
    return new BigInteger(1, s.getBytes(StandardCharsets.US_ASCII));
  }

  /** The syscall name a selector felt spells ('StorageRead' …), or null when it is no printable short string. */
  static String selectorName(BigInteger sel) {
    if (sel.signum() <= 0 || sel.bitLength() > 248) return null;
    byte[] b = sel.toByteArray();
    int from = b[0] == 0 ? 1 : 0;
    for (int i = from; i < b.length; i++) if (b[i] < 0x20 || b[i] >= 0x7f) return null;
    return new String(b, from, b.length - from, StandardCharsets.US_ASCII);
  }

  /** Reads the request fields in order, as blockifier's {@code SyscallRequest::read} does. */
  private static final class Cursor {
    final Memory m;
    Relocatable p;

    Cursor(Memory m, Relocatable p) {
      this.m = m;
      this.p = p;
    }

    BigInteger felt() {
      BigInteger v = m.getInt(p);
      p = p.add(1);
      return v;
    }

    Relocatable ptr() {
      Relocatable v = m.getRelocatable(p);
      p = p.add(1);
      return v;
    }

    List<BigInteger> span() {
      List<BigInteger> v = SyscallDispatcher.span(m, p);
      p = p.add(2);
      return v;
    }

    /** A u256 as Sierra lays it out: low then high, each below 2^128. */
    BigInteger u256(String what) {
      BigInteger low = felt(), high = felt();
      if (low.compareTo(TWO_128) >= 0 || high.compareTo(TWO_128) >= 0)
        throw new VmError("syscall " + what + ": u256 limb out of range (low 0x" + low.toString(16) + ", high 0x" + high.toString(16) + ")");
      return high.shiftLeft(128).or(low);
    }
  }

  /** A request that fails the way blockifier's non-revert input errors do (the whole run fails). */
  private static VmError badRequest(CairoVm vm, String name, String what) {
    return new VmError("pc " + vm.pc() + ": syscall " + name + ": " + what);
  }

  @Override
  public void syscall(CairoVm vm, Relocatable req) {
    Memory m = vm.memory();
    BigInteger sel = m.getInt(req);
    String name = selectorName(sel);
    if (name == null || !isSyscall(name))
      throw new VmError("pc " + vm.pc() + ": unknown syscall selector 0x" + sel.toString(16) + (name == null ? "" : " ('" + name + "')"));
    // blockifier counts a syscall before its gas check; keccak instead counts its rounds once it has run
    if (!name.equals("Keccak")) count(name, 1, 0);
    Cursor c = new Cursor(m, req.add(1));
    BigInteger gasFelt = c.felt();
    if (gasFelt.bitLength() > 64 || gasFelt.signum() < 0) throw badRequest(vm, name, "gas counter 0x" + gasFelt.toString(16) + " is not a u64");
    long gas = gasFelt.longValue();
    Request r = read(vm, name, c);
    Relocatable resp = c.p;
    long charge = costs.charge(name, r.linearLength);
    if (Long.compareUnsigned(gas, charge) < 0) {
      fail(m, resp, gas, List.of(OUT_OF_GAS));
      return;
    }
    long[] g = {gas - charge};
    if (r.linearLength > 0) count(name, 0, r.linearLength);
    List<Object> out;
    try {
      out = execute(vm, name, r, g);
    } catch (SyscallHandler.Revert rev) {
      fail(m, resp, g[0], rev.reason());
      return;
    } catch (UnsupportedOperationException e) {
      throw new VmError("pc " + vm.pc() + ": " + e.getMessage(), e);
    }
    m.write(resp, unsigned(g[0]));
    m.write(resp.add(1), 0);
    Relocatable at = resp.add(2);
    for (Object o : out) {
      if (o instanceof Relocatable p) m.write(at, p);
      else m.write(at, (BigInteger) o);
      at = at.add(1);
    }
  }

  private void count(String name, long calls, long linear) {
    long[] u = usage.computeIfAbsent(name, k -> new long[2]);
    u[0] += calls;
    u[1] += linear;
  }

  /** This run's syscalls by name (keccak counted in 17-word rounds), as blockifier's {@code syscalls_usage}. */
  public Map<String, Usage> usage() {
    Map<String, Usage> out = new TreeMap<>();
    for (Map.Entry<String, long[]> e : usage.entrySet()) out.put(e.getKey(), new Usage(e.getValue()[0], e.getValue()[1]));
    return out;
  }

  private static boolean isSyscall(String name) {
    return switch (name) {
      case "CallContract", "Deploy", "EmitEvent", "GetBlockHash", "GetClassHashAt", "GetExecutionInfo", "Keccak",
          "Sha256ProcessBlock", "Sha512ProcessBlock", "LibraryCall", "MetaTxV0", "ReplaceClass", "SendMessageToL1",
          "StorageRead", "StorageWrite", "Secp256k1Add", "Secp256k1GetPointFromX", "Secp256k1GetXy", "Secp256k1Mul",
          "Secp256k1New", "Secp256r1Add", "Secp256r1GetPointFromX", "Secp256r1GetXy", "Secp256r1Mul", "Secp256r1New" -> true;
      default -> false;
    };
  }

  /** A decoded request: its fields and the length its linear gas factor applies to. */
  private record Request(Object[] f, long linearLength) {}

  private Request read(CairoVm vm, String name, Cursor c) {
    return switch (name) {
      case "CallContract", "LibraryCall" -> new Request(new Object[] {c.felt(), c.felt(), c.span()}, 0);
      case "Deploy" -> {
        BigInteger cls = c.felt(), salt = c.felt();
        List<BigInteger> calldata = c.span();
        BigInteger fromZero = c.felt();
        if (fromZero.compareTo(BigInteger.ONE) > 0)
          throw badRequest(vm, name, "The deploy_from_zero field in the deploy system call must be 0 or 1 (got 0x" + fromZero.toString(16) + ")");
        yield new Request(new Object[] {cls, salt, calldata, fromZero.signum() == 1}, calldata.size());
      }
      case "EmitEvent" -> new Request(new Object[] {c.span(), c.span()}, 0);
      case "GetBlockHash" -> {
        BigInteger n = c.felt();
        if (n.bitLength() > 64) throw badRequest(vm, name, "Block number must fit within 64 bits (got 0x" + n.toString(16) + ")");
        yield new Request(new Object[] {n.longValue()}, 0);
      }
      case "GetClassHashAt", "ReplaceClass" -> new Request(new Object[] {c.felt()}, 0);
      case "GetExecutionInfo" -> new Request(new Object[0], 0);
      case "Keccak", "Sha256ProcessBlock", "Sha512ProcessBlock", "Secp256k1Add", "Secp256r1Add" -> new Request(new Object[] {c.ptr(), c.ptr()}, 0);
      case "MetaTxV0" -> {
        BigInteger addr = c.felt(), selector = c.felt();
        List<BigInteger> calldata = c.span();
        yield new Request(new Object[] {addr, selector, calldata, c.span()}, calldata.size());
      }
      case "SendMessageToL1" -> {
        BigInteger to = c.felt();
        List<BigInteger> payload = c.span();
        yield new Request(new Object[] {to, payload}, payload.size());
      }
      case "StorageRead" -> new Request(new Object[] {c.felt(), c.felt()}, 0);
      case "StorageWrite" -> new Request(new Object[] {c.felt(), c.felt(), c.felt()}, 0);
      case "Secp256k1GetPointFromX", "Secp256r1GetPointFromX" -> {
        BigInteger x = c.u256(name);
        BigInteger parity = c.felt();
        if (parity.compareTo(BigInteger.ONE) > 0) throw badRequest(vm, name, "Invalid y parity 0x" + parity.toString(16));
        yield new Request(new Object[] {x, parity.signum() == 1}, 0);
      }
      case "Secp256k1GetXy", "Secp256r1GetXy" -> new Request(new Object[] {c.ptr()}, 0);
      case "Secp256k1Mul", "Secp256r1Mul" -> new Request(new Object[] {c.ptr(), c.u256(name)}, 0);
      case "Secp256k1New", "Secp256r1New" -> new Request(new Object[] {c.u256(name), c.u256(name)}, 0);
      default -> throw new IllegalStateException(name);
    };
  }

  @SuppressWarnings("unchecked")
  private List<Object> execute(CairoVm vm, String name, Request r, long[] g) {
    Memory m = vm.memory();
    Object[] f = r.f;
    switch (name) {
      case "StorageRead" -> {
        checkDomain(vm, name, (BigInteger) f[0]);
        return List.of(handler.storageRead((BigInteger) f[0], storageKey(vm, name, (BigInteger) f[1])));
      }
      case "StorageWrite" -> {
        checkDomain(vm, name, (BigInteger) f[0]);
        handler.storageWrite((BigInteger) f[0], storageKey(vm, name, (BigInteger) f[1]), (BigInteger) f[2]);
        return List.of();
      }
      case "EmitEvent" -> {
        List<BigInteger> keys = (List<BigInteger>) f[0], data = (List<BigInteger>) f[1];
        if (keys.size() > costs.maxEventKeys())
          throw badRequest(vm, name, "Exceeded the maximum keys length, keys length: " + keys.size() + ", max keys length: " + costs.maxEventKeys() + ".");
        if (data.size() > costs.maxEventData())
          throw badRequest(vm, name, "Exceeded the maximum data length, data length: " + data.size() + ", max data length: " + costs.maxEventData() + ".");
        handler.emitEvent(keys, data);
        return List.of();
      }
      case "CallContract", "LibraryCall", "MetaTxV0" -> {
        BigInteger target = (BigInteger) f[0], selector = (BigInteger) f[1];
        List<BigInteger> calldata = (List<BigInteger>) f[2];
        SyscallHandler.CallResult res;
        if (name.equals("CallContract")) {
          contractAddress(vm, name, target);
          if (costs.blockDirectExecuteCall() && selector.equals(EXECUTE_SELECTOR)) throw new SyscallHandler.Revert(List.of(INVALID_ARGUMENT));
          res = handler.callContract(target, selector, calldata, g);
        } else if (name.equals("LibraryCall")) {
          res = handler.libraryCall(target, selector, calldata, g);
        } else {
          contractAddress(vm, name, target);
          if (!selector.equals(EXECUTE_SELECTOR)) throw new SyscallHandler.Revert(List.of(INVALID_ARGUMENT));
          res = handler.metaTxV0(target, selector, calldata, (List<BigInteger>) f[3], g);
        }
        if (res.failed()) {
          List<BigInteger> reason = new ArrayList<>(res.retdata());
          reason.add(ENTRYPOINT_FAILED);
          throw new SyscallHandler.Revert(reason);
        }
        Relocatable[] s = segment(m, res.retdata());
        return List.of(s[0], s[1]);
      }
      case "Deploy" -> {
        SyscallHandler.DeployResult d =
            handler.deploy((BigInteger) f[0], (BigInteger) f[1], (List<BigInteger>) f[2], (Boolean) f[3], g);
        Relocatable[] s = segment(m, d.constructorRetdata());
        return List.of(d.address(), s[0], s[1]);
      }
      case "SendMessageToL1" -> {
        BigInteger to = (BigInteger) f[0];
        if (to.bitLength() > 160) throw badRequest(vm, name, "to_address 0x" + to.toString(16) + " is not an Ethereum address");
        handler.sendMessageToL1(to, (List<BigInteger>) f[1]);
        return List.of();
      }
      case "GetBlockHash" -> {
        return List.of(handler.blockHash((Long) f[0]));
      }
      case "GetClassHashAt" -> {
        return List.of(handler.classHashAt(contractAddress(vm, name, (BigInteger) f[0])));
      }
      case "ReplaceClass" -> {
        handler.replaceClass((BigInteger) f[0]);
        return List.of();
      }
      case "GetExecutionInfo" -> {
        if (executionInfo == null) executionInfo = writeExecutionInfo(m, handler.executionInfo());
        return List.of(executionInfo);
      }
      case "Keccak" -> {
        return keccak(vm, (Relocatable) f[0], (Relocatable) f[1], g);
      }
      case "Sha256ProcessBlock" -> {
        return List.of(sha256(m, (Relocatable) f[0], (Relocatable) f[1]));
      }
      case "Sha512ProcessBlock" -> {
        return List.of(sha512(m, (Relocatable) f[0], (Relocatable) f[1]));
      }
      default -> {
        return secp(vm, name, f);
      }
    }
  }

  private static void checkDomain(CairoVm vm, String name, BigInteger domain) {
    if (domain.signum() != 0) throw badRequest(vm, name, "Invalid address domain: 0x" + domain.toString(16) + ".");
  }

  private static BigInteger storageKey(CairoVm vm, String name, BigInteger key) {
    if (key.compareTo(ADDRESS_BOUND) >= 0) throw badRequest(vm, name, "storage key 0x" + key.toString(16) + " is not below 2^251");
    return key;
  }

  private static BigInteger contractAddress(CairoVm vm, String name, BigInteger address) {
    if (address.compareTo(ADDRESS_BOUND) >= 0) throw badRequest(vm, name, "contract address 0x" + address.toString(16) + " is not below 2^251");
    return address;
  }

  /**
   * Keccak over u64 words in 17-word rounds (rate 1088 bits, no padding: the caller pads); each round costs
   * KeccakRound's base gas, and a length that is no multiple of 17 reverts with 'Invalid input length'.
   */
  private List<Object> keccak(CairoVm vm, Relocatable start, Relocatable end, long[] g) {
    Memory m = vm.memory();
    if (start.segment() != end.segment() || end.offset() < start.offset())
      throw badRequest(vm, "Keccak", "bad input span " + start + ".." + end);
    int len = (int) (end.offset() - start.offset());
    long[] words = new long[len];
    for (int i = 0; i < len; i++) {
      BigInteger w = m.getInt(start.add(i));
      if (w.bitLength() > 64) throw badRequest(vm, "Keccak", "Invalid input for the keccak syscall: word " + i + " = 0x" + w.toString(16));
      words[i] = w.longValue();
    }
    if (len % 17 != 0) throw new SyscallHandler.Revert(List.of(INVALID_INPUT_LENGTH));
    long rounds = len / 17;
    long roundCost = costs.cost("KeccakRound");
    if (Long.compareUnsigned(rounds * roundCost, g[0]) > 0) throw new SyscallHandler.Revert(List.of(OUT_OF_GAS));
    g[0] -= rounds * roundCost;
    count("Keccak", rounds, 0);
    long[] state = new long[25];
    for (int off = 0; off < len; off += 17) {
      for (int i = 0; i < 17; i++) state[i] ^= words[off + i];
      Keccak.keccakF1600(state);
    }
    BigInteger low = unsigned(state[1]).multiply(TWO_64).add(unsigned(state[0]));
    BigInteger high = unsigned(state[3]).multiply(TWO_64).add(unsigned(state[2]));
    return List.of(low, high);
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
    return v < 0 ? b.setBit(63) : b;
  }

  /** One SHA-256 block: state (8 u32) and input (16 u32) read from memory; the new state goes to this run's sha segment. */
  private Relocatable sha256(Memory m, Relocatable statePtr, Relocatable input) {
    int[] state = new int[8], block = new int[16];
    for (int i = 0; i < 8; i++) state[i] = (int) u(m, statePtr.add(i), 32, "Sha256ProcessBlock state");
    for (int i = 0; i < 16; i++) block[i] = (int) u(m, input.add(i), 32, "Sha256ProcessBlock input");
    Sha256.processBlock(state, 0, block, 0);
    if (sha256End == null) sha256End = m.addSegment();
    Relocatable at = sha256End;
    for (int i = 0; i < 8; i++) m.write(at.add(i), Integer.toUnsignedLong(state[i]));
    sha256End = at.add(8);
    return at;
  }

  private Relocatable sha512(Memory m, Relocatable statePtr, Relocatable input) {
    long[] state = new long[8], block = new long[16];
    for (int i = 0; i < 8; i++) state[i] = u(m, statePtr.add(i), 64, "Sha512ProcessBlock state");
    for (int i = 0; i < 16; i++) block[i] = u(m, input.add(i), 64, "Sha512ProcessBlock input");
    Sha512.processBlock(state, block);
    if (sha512End == null) sha512End = m.addSegment();
    Relocatable at = sha512End;
    for (int i = 0; i < 8; i++) m.write(at.add(i), unsigned(state[i]));
    sha512End = at.add(8);
    return at;
  }

  private static long u(Memory m, Relocatable at, int bits, String what) {
    BigInteger v = m.getInt(at);
    if (v.bitLength() > bits) throw new VmError(what + ": word at " + at + " is not a u" + bits + ": 0x" + v.toString(16));
    return v.longValue();
  }

  /**
   * secp256k1/r1: points live here, keyed by a handle address in one points segment shared by both curves (slot
   * 6·id, id = points so far), as blockifier allocates them; get_xy of infinity is (0, 0).
   */
  private List<Object> secp(CairoVm vm, String name, Object[] f) {
    boolean k1 = name.startsWith("Secp256k1");
    SecpCurve curve = k1 ? SecpCurve.K1 : SecpCurve.R1;
    Map<Relocatable, BigInteger[]> points = k1 ? k1Points : r1Points;
    String op = name.substring("Secp256k1".length());
    switch (op) {
      case "New" -> {
        BigInteger x = (BigInteger) f[0], y = (BigInteger) f[1];
        if (x.compareTo(curve.p) >= 0 || y.compareTo(curve.p) >= 0) throw new SyscallHandler.Revert(List.of(INVALID_ARGUMENT));
        if (!curve.isOnCurve(x, y)) return List.of(BigInteger.ONE, BigInteger.ZERO);
        return List.of(BigInteger.ZERO, allocatePoint(vm.memory(), points, new BigInteger[] {x, y}));
      }
      case "GetPointFromX" -> {
        BigInteger x = (BigInteger) f[0];
        if (x.compareTo(curve.p) >= 0) throw new SyscallHandler.Revert(List.of(INVALID_ARGUMENT));
        BigInteger[] pt = curve.pointFromX(x, (Boolean) f[1]);
        if (pt == null) return List.of(BigInteger.ONE, BigInteger.ZERO);
        return List.of(BigInteger.ZERO, allocatePoint(vm.memory(), points, pt));
      }
      case "Add" -> {
        BigInteger[] sum = curve.add(point(vm, name, points, (Relocatable) f[0]), point(vm, name, points, (Relocatable) f[1]));
        return List.of(allocatePoint(vm.memory(), points, sum));
      }
      case "Mul" -> {
        BigInteger[] prod = curve.mul(point(vm, name, points, (Relocatable) f[0]), (BigInteger) f[1]);
        return List.of(allocatePoint(vm.memory(), points, prod));
      }
      case "GetXy" -> {
        BigInteger[] pt = point(vm, name, points, (Relocatable) f[0]);
        BigInteger mask = TWO_128.subtract(BigInteger.ONE);
        return List.of(pt[0].and(mask), pt[0].shiftRight(128), pt[1].and(mask), pt[1].shiftRight(128));
      }
      default -> throw new IllegalStateException(name);
    }
  }

  private Relocatable allocatePoint(Memory m, Map<Relocatable, BigInteger[]> points, BigInteger[] pt) {
    if (secpPointsBase == null) secpPointsBase = m.addSegment();
    Relocatable handle = secpPointsBase.add((long) EC_POINT_SEGMENT_SIZE * (k1Points.size() + r1Points.size()));
    points.put(handle, pt);
    return handle;
  }

  private static BigInteger[] point(CairoVm vm, String name, Map<Relocatable, BigInteger[]> points, Relocatable handle) {
    BigInteger[] pt = points.get(handle);
    if (pt == null) throw badRequest(vm, name, "Invalid Secp point address " + handle);
    return pt;
  }

  /**
   * ExecutionInfo {block_info*, tx_info*, caller, contract, selector}; BlockInfo {number, timestamp, sequencer};
   * TxInfo in the longest layout (corelib's v3: version, account, max_fee, signature, hash, chain_id, nonce,
   * resource_bounds, tip, paymaster_data, nonce/fee DA modes, account_deployment_data, proof_facts). The three
   * corelib syscalls (get_execution_info, _v2, _v3) share the selector and read a prefix of it, as blockifier
   * writes it. Deprecated (v0/v1) tx info has zero felts for everything after the nonce.
   */
  private static Relocatable writeExecutionInfo(Memory m, SyscallHandler.ExecutionInfo e) {
    SyscallHandler.BlockInfo b = e.block();
    Relocatable block = writeAll(m, List.of(b.number(), b.timestamp(), b.sequencerAddress()));
    SyscallHandler.TxInfo t = e.tx();
    Relocatable[] sig = segment(m, t.signature());
    List<Object> tx = new ArrayList<>(List.of(t.version(), t.accountAddress(), t.maxFee(), sig[0], sig[1], t.transactionHash(), t.chainId(), t.nonce()));
    if (t.current()) {
      List<BigInteger> flat = new ArrayList<>();
      for (SyscallHandler.ResourceBound rb : t.resourceBounds()) {
        flat.add(rb.resource());
        flat.add(rb.maxAmount());
        flat.add(rb.maxPricePerUnit());
      }
      Relocatable[] bounds = segment(m, flat), paymaster = segment(m, t.paymasterData());
      Relocatable[] deployment = segment(m, t.accountDeploymentData()), facts = segment(m, t.proofFacts());
      tx.addAll(
          List.of(
              bounds[0], bounds[1], t.tip(), paymaster[0], paymaster[1], BigInteger.valueOf(t.nonceDataAvailabilityMode()),
              BigInteger.valueOf(t.feeDataAvailabilityMode()), deployment[0], deployment[1], facts[0], facts[1]));
    } else {
      for (int i = 0; i < 11; i++) tx.add(BigInteger.ZERO);
    }
    Relocatable txInfo = writeAll(m, tx);
    return writeAll(m, List.of(block, txInfo, e.callerAddress(), e.contractAddress(), e.entryPointSelector()));
  }

  private static Relocatable writeAll(Memory m, List<?> values) {
    Relocatable seg = m.addSegment();
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v instanceof Relocatable r) m.write(seg.add(i), r);
      else m.write(seg.add(i), (BigInteger) v);
    }
    return seg;
  }

  private static Relocatable[] segment(Memory m, List<BigInteger> values) {
    Relocatable seg = writeAll(m, values);
    return new Relocatable[] {seg, seg.add(values.size())};
  }

  private static void fail(Memory m, Relocatable resp, long gas, List<BigInteger> reason) {
    m.write(resp, unsigned(gas));
    m.write(resp.add(1), 1);
    Relocatable[] s = segment(m, reason);
    m.write(resp.add(2), s[0]);
    m.write(resp.add(3), s[1]);
  }

  static List<BigInteger> span(Memory m, Relocatable at) {
    Relocatable s = m.getRelocatable(at), e = m.getRelocatable(at.add(1));
    if (s.segment() != e.segment() || e.offset() < s.offset()) throw new VmError("bad span " + s + ".." + e);
    List<BigInteger> out = new ArrayList<>((int) (e.offset() - s.offset()));
    for (Relocatable p = s; p.offset() < e.offset(); p = p.add(1)) out.add(m.getInt(p));
    return out;
  }
}
