package io.cairn.vm.syscall;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.testsupport.Fixtures;
import io.cairn.vm.core.CairoVm;
import io.cairn.vm.memory.Memory;
import io.cairn.vm.memory.Relocatable;
import io.cairn.vm.memory.VmError;
import io.cairn.vm.program.Program;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request/response layouts of every syscall on a hand-written syscall segment, with the gas each charges worked
 * out from blockifier_versioned_constants_0_14_2.json (step 100, range_check 70, pedersen 4050, bitwise 583,
 * keccak 136189; syscall_base_gas_cost 100 steps = 10,000, prepaid by the compiled code).
 */
class SyscallLayoutTest {
  private static final long GAS = 100_000_000L;
  private Memory mem;
  private CairoVm vm;
  private SyscallCosts costs;
  private StubHandler handler;
  private SyscallDispatcher dispatcher;

  /** Records what reached the handler and answers with fixed values. */
  static final class StubHandler implements SyscallHandler {
    final List<String> log = new ArrayList<>();
    CallResult callResult = new CallResult(false, List.of(BigInteger.valueOf(7), BigInteger.valueOf(8)));
    ExecutionInfo info;

    @Override
    public ExecutionInfo executionInfo() {
      log.add("info");
      return info;
    }

    @Override
    public BigInteger storageRead(BigInteger domain, BigInteger key) {
      log.add("read " + key);
      return BigInteger.valueOf(99);
    }

    @Override
    public void storageWrite(BigInteger domain, BigInteger key, BigInteger value) {
      log.add("write " + key + "=" + value);
    }

    @Override
    public void emitEvent(List<BigInteger> keys, List<BigInteger> data) {
      log.add("event " + keys + " " + data);
    }

    @Override
    public CallResult callContract(BigInteger address, BigInteger selector, List<BigInteger> calldata, long[] gas) {
      log.add("call " + address + " " + calldata);
      gas[0] -= 1000;
      return callResult;
    }

    @Override
    public CallResult libraryCall(BigInteger classHash, BigInteger selector, List<BigInteger> calldata, long[] gas) {
      log.add("library " + classHash + " " + calldata);
      return callResult;
    }

    @Override
    public DeployResult deploy(BigInteger classHash, BigInteger salt, List<BigInteger> calldata, boolean fromZero, long[] gas) {
      log.add("deploy " + classHash + " " + salt + " " + calldata + " " + fromZero);
      gas[0] -= 500;
      return new DeployResult(BigInteger.valueOf(0xabc), List.of(BigInteger.valueOf(5)));
    }

    @Override
    public void sendMessageToL1(BigInteger to, List<BigInteger> payload) {
      log.add("message " + to + " " + payload);
    }

    @Override
    public BigInteger blockHash(long number) {
      if (number > 90) throw new Revert(List.of(SyscallDispatcher.shortString("Block number out of range")));
      return BigInteger.valueOf(1000 + number);
    }

    @Override
    public BigInteger classHashAt(BigInteger address) {
      return address.add(BigInteger.ONE);
    }

    @Override
    public void replaceClass(BigInteger classHash) {
      log.add("replace " + classHash);
    }

    @Override
    public CallResult metaTxV0(BigInteger address, BigInteger selector, List<BigInteger> calldata, List<BigInteger> signature, long[] gas) {
      log.add("meta " + address + " " + calldata + " " + signature);
      return callResult;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    costs = SyscallCosts.load(Fixtures.require("starknet-protocol/blockifier_versioned_constants_0_14_2.json"));
    mem = new Memory();
    Relocatable prog = mem.addSegment();
    mem.write(prog, BigInteger.ZERO);
    Relocatable fp = mem.addSegment();
    Program p = Program.parse(new ObjectMapper().readTree("{\"data\": [\"0x0\"]}"), "t");
    vm = new CairoVm(mem, p, prog.segment(), null, new Object[1][], List.of(), false);
    vm.setRegisters(prog, fp, fp);
    handler = new StubHandler();
    dispatcher = new SyscallDispatcher(handler, costs);
  }

  private static BigInteger ss(String s) {
    return new BigInteger(1, s.getBytes(StandardCharsets.US_ASCII));
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static BigInteger hex(String h) {
    return new BigInteger(h, 16);
  }

  private Relocatable span(List<BigInteger> values) {
    Relocatable s = mem.addSegment();
    for (int i = 0; i < values.size(); i++) mem.write(s.add(i), values.get(i));
    return s;
  }

  /** Writes [selector, gas, fields…] (a field that is a List becomes a span start/end pair) and dispatches it. */
  private Relocatable call(String selector, long gas, Object... fields) {
    Relocatable req = mem.addSegment();
    mem.write(req, ss(selector));
    mem.write(req.add(1), big(gas));
    int i = 2;
    for (Object f : fields) {
      if (f instanceof List<?> l) {
        @SuppressWarnings("unchecked")
        Relocatable s = span((List<BigInteger>) l);
        mem.write(req.add(i++), s);
        mem.write(req.add(i++), s.add(l.size()));
      } else if (f instanceof Relocatable r) mem.write(req.add(i++), r);
      else if (f instanceof Long v) mem.write(req.add(i++), big(v));
      else mem.write(req.add(i++), (BigInteger) f);
    }
    dispatcher.syscall(vm, req);
    return req.add(i);
  }

  private long gasAt(Relocatable resp) {
    return mem.getInt(resp).longValueExact();
  }

  private void assertOk(Relocatable resp, long expectedGas) {
    assertEquals(expectedGas, gasAt(resp), "gas left");
    assertEquals(BigInteger.ZERO, mem.getInt(resp.add(1)), "failure flag");
  }

  private List<BigInteger> spanAt(Relocatable at) {
    return SyscallDispatcher.span(mem, at);
  }

  private void assertReverted(Relocatable resp, long expectedGas, List<BigInteger> reason) {
    assertEquals(expectedGas, gasAt(resp), "gas left");
    assertEquals(BigInteger.ONE, mem.getInt(resp.add(1)), "failure flag");
    assertEquals(reason, spanAt(resp.add(2)));
  }

  @Test
  void gasCostsFromTheVersionedConstants() {
    assertEquals(81_560, costs.charge("CallContract")); // 903·100 + 18·70 − 10,000
    assertEquals(840, costs.charge("GetBlockHash")); // 107·100 + 2·70 − 10,000
    assertEquals(0, costs.charge("GetClassHashAt")); // 89·100 + 70 < 10,000: the floor is the prepaid base
    assertEquals(2_640, costs.charge("GetExecutionInfo"));
    assertEquals(670, costs.charge("ReplaceClass"));
    assertEquals(4_470, costs.charge("SendMessageToL1", 5)); // no calldata factor in 0.14.2
    assertEquals(171_707, costs.cost("KeccakRound")); // 281·100 + 56·70 + 136,189 + 6·583
    assertEquals(831_295, costs.charge("Sha256ProcessBlock")); // 1867·100 + 65·70 + 1115·583 − 10,000
    assertEquals(0, costs.charge("Sha512ProcessBlock"));
    assertEquals(38_750, costs.charge("Secp256k1New")); // 463·100 + 35·70 − 10,000
    assertEquals(8_133_850, costs.charge("Secp256k1Mul")); // 76,507·100 + 7,045·70 − 10,000
    assertEquals(4_850, costs.linearFactor("Deploy")); // 8·100 + 1 pedersen
    assertEquals(147_120 + 3 * 4_850 - 10_000, costs.charge("Deploy", 3)); // 1173·100 + 21·70 + 7·4050
    assertEquals(167_950 + 2 * 4_850 - 10_000, costs.charge("MetaTxV0", 2)); // 1301·100 + 20·70 + 9·4050
  }

  @Test
  void storageReadAndWrite() {
    Relocatable r = call("StorageRead", GAS, 0L, 0x10L);
    assertOk(r, GAS - 8_070);
    assertEquals(big(99), mem.getInt(r.add(2)));
    Relocatable w = call("StorageWrite", GAS, 0L, 0x10L, 0x2aL);
    assertOk(w, GAS - (449 * 100 + 70 - 10_000));
    assertEquals(List.of("read 16", "write 16=42"), handler.log);
    VmError e = assertThrows(VmError.class, () -> call("StorageRead", GAS, 1L, 0x10L));
    assertTrue(e.getMessage().contains("Invalid address domain"), e.getMessage());
  }

  @Test
  void outOfGasLeavesTheCounterAndTheWorldAlone() {
    Relocatable r = call("StorageWrite", 8_000, 0L, 1L, 2L);
    assertReverted(r, 8_000, List.of(ss("Out of gas")));
    assertTrue(handler.log.isEmpty());
    assertEquals(new SyscallDispatcher.Usage(1, 0), dispatcher.usage().get("StorageWrite"), "counted even when out of gas");
  }

  @Test
  void callContractAndLibraryCallReturnRetdataOrTheRevertReasonWithEntrypointFailed() {
    Relocatable r = call("CallContract", GAS, 0x100L, 0x5L, List.of(big(1), big(2)));
    assertOk(r, GAS - 81_560 - 1000);
    assertEquals(List.of(big(7), big(8)), spanAt(r.add(2)));
    handler.callResult = new SyscallHandler.CallResult(true, List.of(ss("boom")));
    Relocatable f = call("LibraryCall", GAS, 0x77L, 0x5L, List.of());
    assertReverted(f, GAS - (879 * 100 + 18 * 70 - 10_000), List.of(ss("boom"), ss("ENTRYPOINT_FAILED")));
    // blockifier's block_direct_execute_call: calling __execute__ directly is refused after the charge
    Relocatable x = call("CallContract", GAS, 0x100L, hex("15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad"), List.of());
    assertReverted(x, GAS - 81_560, List.of(ss("Invalid argument")));
  }

  @Test
  void deployChargesPerCalldataFeltAndReturnsAddressAndConstructorRetdata() {
    Relocatable r = call("Deploy", GAS, 0x55L, 0x9L, List.of(big(1), big(2), big(3)), 1L);
    assertOk(r, GAS - (147_120 + 3 * 4_850 - 10_000) - 500);
    assertEquals(big(0xabc), mem.getInt(r.add(2)));
    assertEquals(List.of(big(5)), spanAt(r.add(3)));
    assertEquals(List.of("deploy 85 9 [1, 2, 3] true"), handler.log);
    VmError e = assertThrows(VmError.class, () -> call("Deploy", GAS, 0x55L, 0x9L, List.of(), 2L));
    assertTrue(e.getMessage().contains("deploy_from_zero") && e.getMessage().contains("pc "), e.getMessage());
    // both counted (before the request is read, as blockifier does), the calldata length only for the one that ran
    assertEquals(new SyscallDispatcher.Usage(2, 3), dispatcher.usage().get("Deploy"));
  }

  @Test
  void emitEventAndSendMessage() {
    assertOk(call("EmitEvent", GAS, List.of(big(1)), List.of(big(2), big(3))), GAS); // 61·100 + 70 < the prepaid 10,000
    assertOk(call("SendMessageToL1", GAS, 0x1234L, List.of(big(4), big(5))), GAS - 4_470);
    assertEquals(List.of("event [1] [2, 3]", "message 4660 [4, 5]"), handler.log);
    List<BigInteger> tooManyKeys = new ArrayList<>();
    for (int i = 0; i < 51; i++) tooManyKeys.add(big(i));
    assertThrows(VmError.class, () -> call("EmitEvent", GAS, tooManyKeys, List.of()));
    VmError e = assertThrows(VmError.class, () -> call("SendMessageToL1", GAS, BigInteger.ONE.shiftLeft(160), List.of()));
    assertTrue(e.getMessage().contains("Ethereum address"), e.getMessage());
  }

  @Test
  void getBlockHashClassHashAtAndReplaceClass() {
    Relocatable r = call("GetBlockHash", GAS, 50L);
    assertOk(r, GAS - 840);
    assertEquals(big(1050), mem.getInt(r.add(2)));
    assertReverted(call("GetBlockHash", GAS, 95L), GAS - 840, List.of(ss("Block number out of range")));
    VmError e = assertThrows(VmError.class, () -> call("GetBlockHash", GAS, BigInteger.ONE.shiftLeft(64)));
    assertTrue(e.getMessage().contains("64 bits"), e.getMessage());
    Relocatable c = call("GetClassHashAt", GAS, 0x41L);
    assertOk(c, GAS);
    assertEquals(big(0x42), mem.getInt(c.add(2)));
    assertOk(call("ReplaceClass", GAS, 0x99L), GAS - 670);
    assertEquals(List.of("replace 153"), handler.log);
  }

  @Test
  void metaTxV0OnlyCallsExecute() {
    BigInteger execute = hex("15d40a3d6ca2ac30f4031e42be28da9b056fef9bb7357ac5e85627ee876e5ad");
    Relocatable r = call("MetaTxV0", GAS, 0x100L, execute, List.of(big(1), big(2)), List.of(big(9)));
    assertOk(r, GAS - (167_950 + 2 * 4_850 - 10_000));
    assertEquals(List.of(big(7), big(8)), spanAt(r.add(2)));
    assertEquals(List.of("meta 256 [1, 2] [9]"), handler.log);
    assertReverted(call("MetaTxV0", GAS, 0x100L, 0x5L, List.of(), List.of()), GAS - 167_950 + 10_000, List.of(ss("Invalid argument")));
  }

  @Test
  void executionInfoIsTheV3LayoutAndAllocatedOncePerRun() {
    BigInteger l1 = ss("L1_GAS"), l2 = ss("L2_GAS");
    SyscallHandler.TxInfo tx =
        new SyscallHandler.TxInfo(big(3), big(0xacc), big(0), List.of(big(0x51)), big(0x51), ss("SN_SEPOLIA"), big(4), true,
            List.of(new SyscallHandler.ResourceBound(l1, big(10), big(11)), new SyscallHandler.ResourceBound(l2, big(12), big(13))),
            big(6), List.of(big(0xaa)), 1, 0, List.of(big(0xbb), big(0xcc)), List.of(big(0xdd)));
    handler.info = new SyscallHandler.ExecutionInfo(new SyscallHandler.BlockInfo(big(100), big(2000), big(0x5e)), tx, big(0xca), big(0xc0), big(0x5e1));
    Relocatable r = call("GetExecutionInfo", GAS);
    assertOk(r, GAS - 2_640);
    Relocatable info = mem.getRelocatable(r.add(2));
    Relocatable block = mem.getRelocatable(info), txp = mem.getRelocatable(info.add(1));
    assertEquals(List.of(big(100), big(2000), big(0x5e)), List.of(mem.getInt(block), mem.getInt(block.add(1)), mem.getInt(block.add(2))));
    assertEquals(List.of(big(0xca), big(0xc0), big(0x5e1)), List.of(mem.getInt(info.add(2)), mem.getInt(info.add(3)), mem.getInt(info.add(4))));
    assertEquals(big(3), mem.getInt(txp));
    assertEquals(big(0xacc), mem.getInt(txp.add(1)));
    assertEquals(List.of(big(0x51)), spanAt(txp.add(3)));
    assertEquals(ss("SN_SEPOLIA"), mem.getInt(txp.add(6)));
    assertEquals(List.of(l1, big(10), big(11), l2, big(12), big(13)), spanAt(txp.add(8)));
    assertEquals(big(6), mem.getInt(txp.add(10)));
    assertEquals(List.of(big(0xaa)), spanAt(txp.add(11)));
    assertEquals(big(1), mem.getInt(txp.add(13)));
    assertEquals(big(0), mem.getInt(txp.add(14)));
    assertEquals(List.of(big(0xbb), big(0xcc)), spanAt(txp.add(15)));
    assertEquals(List.of(big(0xdd)), spanAt(txp.add(17)));
    assertEquals(info, mem.getRelocatable(call("GetExecutionInfo", GAS).add(2)));
    assertEquals(1, handler.log.size(), "the handler is asked once per run");
  }

  @Test
  void deprecatedTxInfoHasZeroFeltsAfterTheNonce() {
    handler.info = new SyscallHandler.ExecutionInfo(big(1), big(2), big(3), big(1), big(0xacc), big(0x77), big(5), big(6), big(7), big(8), big(9));
    Relocatable txp = mem.getRelocatable(mem.getRelocatable(call("GetExecutionInfo", GAS).add(2)).add(1));
    assertEquals(big(1), mem.getInt(txp));
    assertEquals(big(6), mem.getInt(txp.add(7)));
    for (int i = 8; i < 19; i++) assertEquals(BigInteger.ZERO, mem.getInt(txp.add(i)), "tx_info[" + i + "]");
  }

  @Test
  void keccakOfThePaddedEmptyMessageIsKeccak256OfEmpty() {
    List<BigInteger> words = new ArrayList<>();
    for (int i = 0; i < 17; i++) words.add(BigInteger.ZERO);
    words.set(0, BigInteger.ONE); // pad10*1: 0x01 first, 0x80 last byte of the 136-byte rate
    words.set(16, BigInteger.ONE.shiftLeft(63));
    Relocatable s = span(words);
    Relocatable r = call("Keccak", GAS, s, s.add(17));
    assertOk(r, GAS - 171_707); // Keccak's own base is the prepaid floor; one round
    byte[] h = HexFormat.of().parseHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertEquals(le(h, 0), mem.getInt(r.add(2)), "low = bytes 0..15 little-endian");
    assertEquals(le(h, 16), mem.getInt(r.add(3)));
    Relocatable one = span(List.of(BigInteger.ONE));
    assertReverted(call("Keccak", GAS, one, one.add(1)), GAS, List.of(ss("Invalid input length")));
    assertReverted(call("Keccak", 100_000, s, s.add(17)), 100_000, List.of(ss("Out of gas")));
    // keccak is counted in rounds, and only when it ran (blockifier's syscalls_usage)
    assertEquals(java.util.Map.of("Keccak", new SyscallDispatcher.Usage(1, 0)), dispatcher.usage());
  }

  private static BigInteger le(byte[] b, int off) {
    byte[] be = new byte[16];
    for (int i = 0; i < 16; i++) be[i] = b[off + 15 - i];
    return new BigInteger(1, be);
  }

  @Test
  void sha256AndSha512ProcessTheAbcBlock() {
    // SHA-256: IV and the padded block of "abc" give the digest ba7816bf…
    long[] iv256 = {0x6a09e667L, 0xbb67ae85L, 0x3c6ef372L, 0xa54ff53aL, 0x510e527fL, 0x9b05688cL, 0x1f83d9abL, 0x5be0cd19L};
    List<BigInteger> state = new ArrayList<>(), block = new ArrayList<>();
    for (long v : iv256) state.add(big(v));
    block.add(big(0x61626380L));
    for (int i = 1; i < 15; i++) block.add(BigInteger.ZERO);
    block.add(big(24));
    Relocatable st = span(state), in = span(block);
    Relocatable r = call("Sha256ProcessBlock", GAS, st, in);
    assertOk(r, GAS - 831_295);
    Relocatable out = mem.getRelocatable(r.add(2));
    String digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    for (int i = 0; i < 8; i++) assertEquals(hex(digest.substring(8 * i, 8 * i + 8)), mem.getInt(out.add(i)));
    Relocatable out2 = mem.getRelocatable(call("Sha256ProcessBlock", GAS, st, in).add(2));
    assertEquals(out.add(8), out2, "the run's sha256 states follow each other in one segment");

    List<BigInteger> state512 = new ArrayList<>(), block512 = new ArrayList<>();
    for (long v : io.cairn.crypto.hash.Sha512.initialState()) state512.add(new BigInteger(Long.toUnsignedString(v)));
    block512.add(hex("6162638000000000"));
    for (int i = 1; i < 15; i++) block512.add(BigInteger.ZERO);
    block512.add(big(24));
    Relocatable r5 = call("Sha512ProcessBlock", GAS, span(state512), span(block512));
    assertOk(r5, GAS);
    Relocatable o5 = mem.getRelocatable(r5.add(2));
    String d5 = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    for (int i = 0; i < 8; i++) assertEquals(hex(d5.substring(16 * i, 16 * i + 16)), mem.getInt(o5.add(i)));
  }

  private static final BigInteger MASK128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private static BigInteger lo(BigInteger v) {
    return v.and(MASK128);
  }

  private static BigInteger hi(BigInteger v) {
    return v.shiftRight(128);
  }

  private BigInteger[] xy(String curve, Relocatable handle) {
    Relocatable r = call(curve + "GetXy", GAS, handle);
    assertEquals(BigInteger.ZERO, mem.getInt(r.add(1)));
    return new BigInteger[] {mem.getInt(r.add(3)).shiftLeft(128).or(mem.getInt(r.add(2))), mem.getInt(r.add(5)).shiftLeft(128).or(mem.getInt(r.add(4)))};
  }

  private void secpCurve(String c, BigInteger p, BigInteger gx, BigInteger gy, BigInteger x2, BigInteger y2, BigInteger n) {
    Relocatable r = call(c + "New", GAS, lo(gx), hi(gx), lo(gy), hi(gy));
    assertOk(r, GAS - costs.charge(c + "New"));
    Relocatable g = mem.getRelocatable(r.add(3));
    assertEquals(BigInteger.ZERO, mem.getInt(r.add(2)), "Some");
    assertArrayEquals(new BigInteger[] {gx, gy}, xy(c, g));
    Relocatable sum = mem.getRelocatable(call(c + "Add", GAS, g, g).add(2));
    assertArrayEquals(new BigInteger[] {x2, y2}, xy(c, sum), "G + G");
    Relocatable twice = mem.getRelocatable(call(c + "Mul", GAS, g, big(2), BigInteger.ZERO).add(2));
    assertArrayEquals(new BigInteger[] {x2, y2}, xy(c, twice), "2·G");
    Relocatable inf = mem.getRelocatable(call(c + "Mul", GAS, g, lo(n), hi(n)).add(2));
    assertArrayEquals(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}, xy(c, inf), "n·G is infinity, read as (0, 0)");
    // the handles are 6-cell slots of one points segment, numbered across both curves
    assertEquals(g.add(6), sum);
    Relocatable minusG = mem.getRelocatable(call(c + "New", GAS, lo(gx), hi(gx), lo(p.subtract(gy)), hi(p.subtract(gy))).add(3));
    Relocatable zero = mem.getRelocatable(call(c + "Add", GAS, g, minusG).add(2));
    assertArrayEquals(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO}, xy(c, zero), "G + (−G) is infinity");
    Relocatable back = mem.getRelocatable(call(c + "Add", GAS, zero, g).add(2));
    assertArrayEquals(new BigInteger[] {gx, gy}, xy(c, back), "infinity + G = G");
    Relocatable fromX = call(c + "GetPointFromX", GAS, lo(gx), hi(gx), big(gy.testBit(0) ? 1 : 0));
    assertArrayEquals(new BigInteger[] {gx, gy}, xy(c, mem.getRelocatable(fromX.add(3))));
    Relocatable other = call(c + "GetPointFromX", GAS, lo(gx), hi(gx), big(gy.testBit(0) ? 0 : 1));
    assertArrayEquals(new BigInteger[] {gx, p.subtract(gy)}, xy(c, mem.getRelocatable(other.add(3))));
    Relocatable none = call(c + "New", GAS, BigInteger.ZERO, BigInteger.ZERO, big(1), BigInteger.ZERO);
    assertOk(none, GAS - costs.charge(c + "New"));
    assertEquals(List.of(BigInteger.ONE, BigInteger.ZERO), List.of(mem.getInt(none.add(2)), mem.getInt(none.add(3))), "(0, 1) is not on the curve: None");
    Relocatable infinity = call(c + "New", GAS, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    assertEquals(BigInteger.ZERO, mem.getInt(infinity.add(2)), "(0, 0) is the point at infinity");
    assertReverted(call(c + "New", GAS, lo(p), hi(p), big(1), BigInteger.ZERO), GAS - costs.charge(c + "New"), List.of(ss("Invalid argument")));
  }

  @Test
  void secp256k1() {
    secpCurve(
        "Secp256k1",
        hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"),
        hex("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"),
        hex("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"),
        hex("c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"),
        hex("1ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a"),
        hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));
  }

  @Test
  void secp256r1() {
    secpCurve(
        "Secp256r1",
        hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
        hex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
        hex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"),
        hex("7cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978"),
        hex("07775510db8ed040293d9ac69f7430dbba7dade63ce982299e04b79d227873d1"),
        hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"));
  }

  @Test
  void aPointOfOneCurveIsNoHandleOnTheOther() {
    BigInteger gx = hex("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    BigInteger gy = hex("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
    Relocatable g = mem.getRelocatable(call("Secp256k1New", GAS, lo(gx), hi(gx), lo(gy), hi(gy)).add(3));
    VmError e = assertThrows(VmError.class, () -> call("Secp256r1GetXy", GAS, g));
    assertTrue(e.getMessage().contains("Invalid Secp point address") && e.getMessage().contains("pc "), e.getMessage());
  }

  @Test
  void unknownSelectorNamesThePcAndTheSelector() {
    VmError e = assertThrows(VmError.class, () -> call("GetTxInfo", GAS));
    assertTrue(e.getMessage().contains("pc ") && e.getMessage().contains("GetTxInfo"), e.getMessage());
    VmError e2 = assertThrows(VmError.class, () -> call("\u0001", GAS));
    assertTrue(e2.getMessage().contains("0x1"), e2.getMessage());
  }
}
