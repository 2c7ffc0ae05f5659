package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.l1.da.StateDiffCodec;
import io.cairn.starknet.block.BlockData.StateDiff;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Measures the gas of every CairnCore operation on a fresh deployment (receipt {@code gasUsed}, refunds included),
 * the way the README's gas table reports it. Deterministic for a given node and hardfork.
 */
public final class GasTable {
  private GasTable() {}

  /** One measured operation. */
  public record Row(String operation, long gasUsed, String note) {}

  /** The table and the node it was measured on. */
  public record Result(String hardfork, List<Row> rows, long daGasPer1000Words) {}

  private static final Felt PROGRAM_HASH = Felt.fromHex("0x1c128b765f47ce1dbf6b0d648cd73df8ae34ace6b96de774abf4559fe49871f");
  private static final Felt CONFIG_HASH = Felt.fromHex("0x70c7b342f93155315d1cb2da7a4e13a3c2430f51fb5696c1b224c3da5508dfb");

  /**
   * Runs every operation with {@code operator} (which deploys) and {@code recipient} (a second funded account that
   * sends, consumes and cancels messages).
   */
  public static Result measure(L1Client operator, L1Client recipient) {
    List<Row> rows = new ArrayList<>();
    L1Client.Deployment d = operator.deploy(L1Client.InitialState.genesis(PROGRAM_HASH, CONFIG_HASH));
    recipient.use(d.core(), null);
    rows.add(new Row("deploy DevFactRegistry", d.registryTx().gasUsed(), "development stand-in for the verifier"));
    rows.add(new Row("deploy CairnCore", d.coreTx().gasUsed(), ""));

    Random random = new Random(1);
    Sequencer seq = new Sequencer(operator, random);
    Felt recipientFelt = L1Client.ethAddressFelt(recipient.account());
    Felt l2Contract = seq.felt(), selector = seq.felt();
    rows.add(new Row("registerFact (development registry)", operator.registerFact(new byte[32]).gasUsed(), ""));
    // The first update also consumes a first message, so later rows see the fee slot non-zero, as on a live chain.
    L1Client.SentMessage warmUp = recipient.sendMessageToL2(l2Contract, selector, List.of(seq.felt(), seq.felt()), BigInteger.ONE);
    rows.add(new Row("first updateState after genesis", seq.update(List.of(), List.of(warmUp.message()), List.of()).gasUsed(),
        "root, block hash and accrued fees go from 0 to non-zero; consumes 1 message"));
    rows.add(new Row("updateState, no messages, no DA", seq.update(List.of(), List.of(), List.of()).gasUsed(), "12-word output"));

    L1Client.SentMessage sent = recipient.sendMessageToL2(l2Contract, selector, List.of(seq.felt(), seq.felt()), BigInteger.ONE);
    rows.add(new Row("sendMessageToL2 (2-word payload)", sent.tx().gasUsed(), "anchor 75,348"));

    MessageToL1 toL1 = new MessageToL1(l2Contract, recipientFelt, List.of(seq.felt(), seq.felt()));
    TxReport oneEach = seq.update(List.of(toL1), List.of(sent.message()), List.of());
    rows.add(new Row("updateState, 1 message each way, no DA", oneEach.gasUsed(), "24-word output; anchor 142,933"));

    TxReport consume = recipient.consumeMessageFromL2(l2Contract, toL1.payload());
    rows.add(new Row("consumeMessageFromL2 (2-word payload)", consume.gasUsed(), "anchor 29,842"));

    int n = 10;
    List<MessageToL1> manyToL1 = new ArrayList<>();
    List<MessageToL2> manyToL2 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      manyToL1.add(new MessageToL1(l2Contract, recipientFelt, List.of(seq.felt(), seq.felt())));
      manyToL2.add(recipient.sendMessageToL2(l2Contract, selector, List.of(seq.felt(), seq.felt()), BigInteger.ONE).message());
    }
    rows.add(new Row("updateState, " + n + " messages each way, no DA", seq.update(manyToL1, manyToL2, List.of()).gasUsed(),
        "2-word payloads"));

    long noDa = seq.update(List.of(), List.of(), List.of()).gasUsed();
    long daGas = 0;
    for (int k : new int[] {1000, 3000}) {
      List<Felt> da = new ArrayList<>(k);
      for (int i = 0; i < k; i++) da.add(seq.felt());
      long g = seq.update(List.of(), List.of(), da).gasUsed();
      if (k == 1000) daGas = g - noDa;
      rows.add(new Row("updateState, no messages, DA of " + k + " words", g, "random 251-bit words (worst case)"));
    }

    StateDiff diff = realisticDiff(random, 100, 10);
    List<Felt> encoded = StateDiffCodec.encode(diff);
    rows.add(new Row("updateState, DA of a 100-contract × 10-slot diff", seq.update(List.of(), List.of(), encoded).gasUsed(),
        StateDiffCodec.pack(diff).size() + " packed words → " + encoded.size() + " compressed"));

    L1Client.SentMessage toCancel = recipient.sendMessageToL2(l2Contract, selector, List.of(seq.felt(), seq.felt()), BigInteger.ONE);
    rows.add(new Row("startL1ToL2MessageCancellation", recipient.startL1ToL2MessageCancellation(toCancel.message()).gasUsed(), ""));
    recipient.rpc("evm_increaseTime", L1Client.DEFAULT_CANCELLATION_DELAY_SECONDS);
    recipient.rpc("evm_mine");
    rows.add(new Row("cancelL1ToL2Message (fee refunded)", recipient.cancelL1ToL2Message(toCancel.message()).gasUsed(), ""));

    String hardfork = "unknown";
    try {
      Object info = operator.rpc("anvil_nodeInfo");
      if (info instanceof Map<?, ?> m && m.get("hardFork") != null) hardfork = m.get("hardFork").toString();
    } catch (RuntimeException notAnvil) {
      // another node: leave the hardfork unknown
    }
    return new Result(hardfork, rows, daGas);
  }

  /** Storage writes as a busy block makes them: small values, random keys, some nonces and deployments. */
  private static StateDiff realisticDiff(Random random, int contracts, int slots) {
    TreeMap<Felt, java.util.SortedMap<Felt, Felt>> storageDiffs = new TreeMap<>();
    TreeMap<Felt, Felt> nonces = new TreeMap<>(), deployed = new TreeMap<>();
    for (int i = 0; i < contracts; i++) {
      Felt address = Felt.of(new BigInteger(251, random));
      TreeMap<Felt, Felt> storage = new TreeMap<>();
      for (int k = 0; k < slots; k++) storage.put(Felt.of(new BigInteger(251, random)), Felt.of(random.nextInt(1_000_000)));
      storageDiffs.put(address, storage);
      if (i % 2 == 0) nonces.put(address, Felt.of(random.nextInt(100) + 1));
      if (i % 10 == 0) deployed.put(address, Felt.of(new BigInteger(251, random)));
    }
    return new StateDiff(deployed, new TreeMap<>(), List.of(), storageDiffs, nonces);
  }


  /** Builds and proves consecutive outputs. */
  private static final class Sequencer {
    final L1Client client;
    final Random random;
    Felt root = Felt.ZERO, number = OsOutput.NO_BLOCK, hash = Felt.ZERO;

    Sequencer(L1Client client, Random random) {
      this.client = client;
      this.random = random;
    }

    Felt felt() {
      return Felt.of(new BigInteger(251, random));
    }

    TxReport update(List<MessageToL1> toL1, List<MessageToL2> toL2, List<Felt> da) {
      Felt next = number.equals(OsOutput.NO_BLOCK) ? Felt.ZERO : number.add(Felt.ONE);
      OsOutput out = new OsOutput(root, felt(), number, next, hash, felt(), Felt.ZERO, CONFIG_HASH, toL1, toL2, da);
      client.registerFact(out.fact(PROGRAM_HASH));
      TxReport r = client.updateState(out);
      root = out.newRoot();
      number = out.newBlockNumber();
      hash = out.newBlockHash();
      return r;
    }
  }
}
