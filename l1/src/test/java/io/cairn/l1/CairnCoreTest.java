package io.cairn.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.l1.contracts.CairnCore;
import io.cairn.l1.da.StateDiffCodec;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.utils.Numeric;

/** CairnCore on a real anvil: state updates, their rejections, and L1↔L2 messaging. */
class CairnCoreTest {
  @RegisterExtension static final AnvilExtension ANVIL = new AnvilExtension();

  private static final BigInteger FEE = BigInteger.valueOf(12_345_678_901L);

  L1Client operator;
  L1Client user;
  TestChain chain;

  @BeforeEach
  void deploy() {
    operator = L1Client.connect(ANVIL.rpcUrl(), Anvil.DEV_PRIVATE_KEY);
    L1Client.Deployment d = operator.deploy(L1Client.InitialState.genesis(TestChain.PROGRAM_HASH, TestChain.CONFIG_HASH));
    user = L1Client.connect(ANVIL.rpcUrl(), Anvil.DEV_PRIVATE_KEY_2).use(d.core(), null);
    chain = new TestChain(42);
  }

  @AfterEach
  void close() {
    operator.close();
    user.close();
  }

  private TxReport prove(OsOutput out) {
    operator.registerFact(out.fact(TestChain.PROGRAM_HASH));
    TxReport r = operator.updateState(out);
    chain.accepted(out);
    return r;
  }

  @Test
  void deploymentStartsAtGenesis() {
    L1Client.CoreState s = operator.state();
    assertEquals(new L1Client.CoreState(Felt.ZERO, -1, Felt.ZERO, TestChain.PROGRAM_HASH, TestChain.CONFIG_HASH), s);
  }

  @Test
  void acceptedUpdateMovesTheStateAndLogsIt() {
    OsOutput first = chain.next(List.of(), List.of(), chain.randomDiffWithSeed(3, 4));
    TxReport r = prove(first);
    var log = CairnCore.getLogStateUpdateEvents(r.receipt()).get(0);
    assertEquals(first.newRoot().toBigInteger(), log.globalRoot);
    assertEquals(BigInteger.ZERO, log.blockNumber);
    assertEquals(first.newBlockHash().toBigInteger(), log.blockHash);
    assertArrayEquals(first.fact(TestChain.PROGRAM_HASH), CairnCore.getLogStateTransitionFactEvents(r.receipt()).get(0).stateTransitionFact);
    assertEquals(new L1Client.CoreState(first.newRoot(), 0, first.newBlockHash(), TestChain.PROGRAM_HASH, TestChain.CONFIG_HASH), operator.state());

    // A node rebuilds the diff from the transaction alone.
    OsOutput onChain = operator.osOutputOf(r.transactionHash());
    assertEquals(first, onChain);
    assertEquals(chain.randomDiffWithSeed(3, 4), StateDiffCodec.decode(onChain.dataAvailability()));

    OsOutput second = chain.next(List.of(), List.of(), StateDiffCodec.empty());
    prove(second);
    assertEquals(1, operator.state().blockNumber());
  }

  @Test
  void factComputedInJavaEqualsTheContracts() {
    for (int i = 0; i < 5; i++) {
      OsOutput out = chain.next(List.of(), List.of(), chain.randomDiff(i, i));
      assertArrayEquals(out.fact(TestChain.PROGRAM_HASH), operator.contractFact(out.words()));
    }
  }

  @Test
  void rejectedWithoutTheFact() {
    OsOutput out = chain.next(List.of(), List.of(), StateDiffCodec.empty());
    L1RevertException e = assertThrows(L1RevertException.class, () -> operator.updateState(out));
    assertEquals("FactNotRegistered", e.errorName());
    assertEquals(List.of(Numeric.toHexString(out.fact(TestChain.PROGRAM_HASH))), e.arguments());
  }

  @Test
  void rejectedWhenTheFactIsForAnotherProgram() {
    OsOutput out = chain.next(List.of(), List.of(), StateDiffCodec.empty());
    operator.registerFact(out.fact(TestChain.PROGRAM_HASH.add(Felt.ONE)));
    assertEquals("FactNotRegistered", assertThrows(L1RevertException.class, () -> operator.updateState(out)).errorName());
  }

  @Test
  void rejectedWhenTheOutputNamesAnotherProgram() {
    OsOutput good = chain.next(List.of(), List.of(), StateDiffCodec.empty());
    OsOutput out = new OsOutput(good.prevRoot(), good.newRoot(), good.prevBlockNumber(), good.newBlockNumber(),
        good.prevBlockHash(), good.newBlockHash(), Felt.of(7), good.configHash(), List.of(), List.of(), good.dataAvailability());
    operator.registerFact(out.fact(TestChain.PROGRAM_HASH));
    assertEquals("ProgramHashMismatch", assertThrows(L1RevertException.class, () -> operator.updateState(out)).errorName());
  }

  @Test
  void rejectedWhenContinuityBreaks() {
    prove(chain.next(List.of(), List.of(), StateDiffCodec.empty()));
    assertRejected("StateRootMismatch", w -> set(w, 0, chain.root.add(Felt.ONE)));
    assertRejected("BlockHashMismatch", w -> set(w, 4, chain.blockHash.add(Felt.ONE)));
    assertRejected("BlockNumberMismatch", w -> set(w, 2, Felt.of(5)));
    assertRejected("BlockNumberNotIncreasing", w -> set(w, 3, chain.blockNumber));
    assertRejected("ConfigHashMismatch", w -> set(w, 7, Felt.of(1)));
    // And the untouched output still goes through.
    prove(chain.next(List.of(), List.of(), StateDiffCodec.empty()));
  }

  @Test
  void rejectedWhenMalformed() {
    assertRejected("OutputTooShort", w -> new ArrayList<>(w.subList(0, 11)));
    assertRejected("KzgDaNotSupported", w -> set(w, 8, Felt.ONE));
    assertRejected("FullOutputNotAllowed", w -> set(w, 9, Felt.ONE));
    // L2->L1 segment size running past the end.
    assertRejected("MalformedOutput", w -> set(w, 10, Felt.of(w.size())));
    // A message whose payload size runs past its segment.
    MessageToL1 m = new MessageToL1(Felt.of(0x1234), L1Client.ethAddressFelt(user.account()), List.of(Felt.ONE));
    OsOutput withMessage = chain.next(List.of(m), List.of(), StateDiffCodec.empty());
    List<BigInteger> words = L1Client.toBig(withMessage.words());
    words.set(13, BigInteger.valueOf(9));
    operator.registerFact(OsOutput.fact(TestChain.PROGRAM_HASH, felts(words)));
    assertEquals("MalformedOutput", assertThrows(L1RevertException.class, () -> operator.updateState(words)).errorName());
    // A word outside the field.
    List<BigInteger> big = L1Client.toBig(chain.next(List.of(), List.of(), StateDiffCodec.empty()).words());
    big.set(1, Felt.MODULUS);
    assertEquals("WordNotInField", assertThrows(L1RevertException.class, () -> operator.updateState(big)).errorName());
  }

  @Test
  void javaParserAndContractAgreeOnMutatedSegmentSizes() {
    java.util.Random r = new java.util.Random(3);
    MessageToL1 toL1 = new MessageToL1(Felt.of(0x77), L1Client.ethAddressFelt(user.account()), List.of(Felt.ONE, Felt.TWO));
    int accepted = 0;
    for (int i = 0; i < 12; i++) {
      OsOutput base = chain.next(List.of(toL1), List.of(), chain.randomDiff(1, 2));
      List<Felt> words = new ArrayList<>(base.words());
      // Words 10 (L2->L1 size), 13 (payload size) and 16 (L1->L2 size) shape the layout; perturb one of them.
      int at = new int[] {10, 13, 16}[i % 3];
      words.set(at, Felt.of(Math.max(0, words.get(at).longValueExact() + r.nextInt(7) - 3)));
      boolean javaAccepts;
      try {
        OsOutput.parse(words);
        javaAccepts = true;
      } catch (IllegalArgumentException e) {
        javaAccepts = false;
      }
      operator.registerFact(OsOutput.fact(TestChain.PROGRAM_HASH, words));
      boolean contractAccepts;
      try {
        operator.updateState(L1Client.toBig(words));
        chain.accepted(OsOutput.parse(words));
        contractAccepts = true;
      } catch (L1RevertException e) {
        assertEquals("MalformedOutput", e.errorName(), e.getMessage());
        contractAccepts = false;
      }
      assertEquals(javaAccepts, contractAccepts, "mutation " + i + " of word " + at + ": " + words.subList(10, 18));
      if (contractAccepts) accepted++;
    }
    assertTrue(accepted > 0 && accepted < 12, "both outcomes must occur, accepted " + accepted);
  }

  /** Mutates a valid next output, registers the mutated output's fact, and expects {@code error}. */
  private void assertRejected(String error, UnaryOperator<List<Felt>> mutation) {
    List<Felt> words = mutation.apply(new ArrayList<>(chain.next(List.of(), List.of(), StateDiffCodec.empty()).words()));
    operator.registerFact(OsOutput.fact(TestChain.PROGRAM_HASH, words));
    L1RevertException e = assertThrows(L1RevertException.class, () -> operator.updateState(L1Client.toBig(words)));
    assertEquals(error, e.errorName(), e.getMessage());
  }

  private static List<Felt> set(List<Felt> w, int i, Felt v) {
    w.set(i, v);
    return w;
  }

  private static List<Felt> felts(List<BigInteger> w) {
    List<Felt> out = new ArrayList<>();
    for (BigInteger b : w) out.add(Felt.of(b));
    return out;
  }

  @Test
  void messageToL2CarriesItsFeeAndIsConsumedByTheStateUpdate() {
    Felt to = chain.randomFelt(), selector = chain.randomFelt();
    List<Felt> payload = List.of(Felt.of(1), Felt.of(2), chain.randomFelt());
    BigInteger before = user.balance(user.coreAddress());
    L1Client.SentMessage sent = user.sendMessageToL2(to, selector, payload, FEE);
    var event = CairnCore.getLogMessageToL2Events(sent.tx().receipt()).get(0);
    assertEquals(user.account(), event.fromAddress);
    assertEquals(to.toBigInteger(), event.toAddress);
    assertEquals(selector.toBigInteger(), event.selector);
    assertEquals(L1Client.toBig(payload), event.payload);
    assertEquals(BigInteger.ZERO, event.nonce);
    assertEquals(FEE, event.fee);
    assertEquals(before.add(FEE), user.balance(user.coreAddress()));
    byte[] hash = sent.message().hash();
    assertArrayEquals(hash, user.contractL1ToL2Hash(sent.message()));
    assertEquals(FEE.add(BigInteger.ONE), user.l1ToL2Messages(hash));

    // The next message gets the next nonce.
    assertEquals(Felt.ONE, user.sendMessageToL2(to, selector, List.of(), FEE).message().nonce());

    TxReport r = prove(chain.next(List.of(), List.of(sent.message()), StateDiffCodec.empty()));
    var consumed = CairnCore.getConsumedMessageToL2Events(r.receipt()).get(0);
    assertEquals(user.account(), consumed.fromAddress);
    assertEquals(L1Client.toBig(payload), consumed.payload);
    assertEquals(BigInteger.ZERO, user.l1ToL2Messages(hash));
    assertEquals(FEE, operator.accruedFees());

    // Listing it again is refused: it was consumed.
    OsOutput again = chain.next(List.of(), List.of(sent.message()), StateDiffCodec.empty());
    operator.registerFact(again.fact(TestChain.PROGRAM_HASH));
    assertEquals("MessageToL2NotPending", assertThrows(L1RevertException.class, () -> operator.updateState(again)).errorName());
  }

  @Test
  void messageFeeMustBePositiveAndAtMostOneEther() {
    assertEquals("InvalidMessageFee", assertThrows(L1RevertException.class,
        () -> user.sendMessageToL2(Felt.ONE, Felt.ONE, List.of(), BigInteger.ZERO)).errorName());
    assertEquals("InvalidMessageFee", assertThrows(L1RevertException.class,
        () -> user.sendMessageToL2(Felt.ONE, Felt.ONE, List.of(), BigInteger.TEN.pow(18).add(BigInteger.ONE))).errorName());
  }

  @Test
  void messageToL1IsConsumableExactlyOnceByItsRecipient() {
    Felt from = chain.randomFelt();
    List<Felt> payload = List.of(Felt.of(3), chain.randomFelt());
    MessageToL1 m = new MessageToL1(from, L1Client.ethAddressFelt(user.account()), payload);
    TxReport r = prove(chain.next(List.of(m), List.of(), StateDiffCodec.empty()));
    var logged = CairnCore.getLogMessageToL1Events(r.receipt()).get(0);
    assertEquals(from.toBigInteger(), logged.fromAddress);
    assertEquals(user.account(), logged.toAddress);
    assertArrayEquals(MessagesToL1.hash(m), user.contractL2ToL1Hash(m));
    assertEquals(BigInteger.ONE, user.l2ToL1Messages(MessagesToL1.hash(m)));

    // Only the recipient can consume it: for anyone else the hash differs.
    assertEquals("NoMessageToConsume", assertThrows(L1RevertException.class,
        () -> operator.use(user.coreAddress(), operator.registryAddress()).consumeMessageFromL2(from, payload)).errorName());
    TxReport c = user.consumeMessageFromL2(from, payload);
    assertEquals(1, CairnCore.getConsumedMessageToL1Events(c.receipt()).size());
    assertEquals(BigInteger.ZERO, user.l2ToL1Messages(MessagesToL1.hash(m)));
    assertEquals("NoMessageToConsume", assertThrows(L1RevertException.class, () -> user.consumeMessageFromL2(from, payload)).errorName());
  }

  @Test
  void cancellationWaitsForTheDelayThenRefunds() {
    L1Client.SentMessage sent = user.sendMessageToL2(Felt.of(5), Felt.of(6), List.of(Felt.of(7)), FEE);
    MessageToL2 m = sent.message();
    assertEquals("CancellationNotRequested", assertThrows(L1RevertException.class, () -> user.cancelL1ToL2Message(m)).errorName());
    user.startL1ToL2MessageCancellation(m);
    assertEquals("CancellationNotAllowedYet", assertThrows(L1RevertException.class, () -> user.cancelL1ToL2Message(m)).errorName());

    user.rpc("evm_increaseTime", L1Client.DEFAULT_CANCELLATION_DELAY_SECONDS);
    user.rpc("evm_mine");
    BigInteger before = user.balance(user.account());
    TxReport r = user.cancelL1ToL2Message(m);
    assertEquals(1, CairnCore.getMessageToL2CanceledEvents(r.receipt()).size());
    assertEquals(before.add(FEE).subtract(r.feeWei()), user.balance(user.account()));
    assertEquals(BigInteger.ZERO, user.l1ToL2Messages(m.hash()));
    assertEquals("NoMessageToCancel", assertThrows(L1RevertException.class, () -> user.cancelL1ToL2Message(m)).errorName());

    // A cancelled message can no longer be consumed by L2.
    OsOutput out = chain.next(List.of(), List.of(m), StateDiffCodec.empty());
    operator.registerFact(out.fact(TestChain.PROGRAM_HASH));
    assertEquals("MessageToL2NotPending", assertThrows(L1RevertException.class, () -> operator.updateState(out)).errorName());
  }

  @Test
  void onlyOperatorsUpdateState() {
    OsOutput out = chain.next(List.of(), List.of(), StateDiffCodec.empty());
    operator.registerFact(out.fact(TestChain.PROGRAM_HASH));
    assertEquals("NotOperator", assertThrows(L1RevertException.class, () -> user.updateState(out)).errorName());
  }

  @Test
  void messageHashesComputedInJavaEqualTheContracts() {
    for (int n = 0; n < 6; n++) {
      List<Felt> payload = new ArrayList<>();
      for (int i = 0; i < n * 3; i++) payload.add(chain.randomFelt());
      MessageToL2 toL2 = new MessageToL2(L1Client.ethAddressFelt(user.account()), chain.randomFelt(), Felt.of(n * 1000L), chain.randomFelt(), payload);
      assertArrayEquals(toL2.hash(), user.contractL1ToL2Hash(toL2));
      MessageToL1 toL1 = new MessageToL1(chain.randomFelt(), L1Client.ethAddressFelt(operator.account()), payload);
      assertArrayEquals(MessagesToL1.hash(toL1), user.contractL2ToL1Hash(toL1));
    }
  }
}
