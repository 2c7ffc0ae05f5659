package io.cairn.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.l1.da.StateDiffCodec;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The follower against real reorgs: anvil_reorg and evm_snapshot/evm_revert. */
class L1EventFollowerTest {
  @RegisterExtension static final AnvilExtension ANVIL = new AnvilExtension();

  L1Client client;
  long deployedAt;

  @BeforeEach
  void deploy() {
    client = L1Client.connect(ANVIL.rpcUrl(), Anvil.DEV_PRIVATE_KEY);
    deployedAt = client.deploy(L1Client.InitialState.genesis(TestChain.PROGRAM_HASH, TestChain.CONFIG_HASH)).coreTx().blockNumber();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private L1EventFollower follower(int confirmations) {
    return new L1EventFollower(client.web3j(), client.coreAddress(), deployedAt, confirmations, 64);
  }

  private MessageToL2 send(long payload) {
    return client.sendMessageToL2(Felt.of(9), Felt.of(10), List.of(Felt.of(payload)), BigInteger.ONE).message();
  }

  private void mine(int blocks) {
    client.rpc("anvil_mine", "0x" + Integer.toHexString(blocks));
  }

  @Test
  void deliversEventsAtTheHeadAndRevertsThemAfterAnvilReorg() {
    L1EventFollower f = follower(0);
    assertEquals(List.of(), f.poll());
    MessageToL2 a = send(1);
    List<L1EventFollower.Change> first = f.poll();
    assertEquals(1, first.size(), first.toString());
    var confirmed = assertInstanceOf(L1EventFollower.Change.Confirmed.class, first.get(0));
    assertEquals(a, assertInstanceOf(L1Event.MessageToL2Sent.class, confirmed.event()).message());

    client.rpc("anvil_reorg", 1, List.of());
    List<L1EventFollower.Change> afterReorg = f.poll();
    assertEquals(List.of(new L1EventFollower.Change.Reverted(confirmed.event())), afterReorg);
    assertEquals(BigInteger.ZERO, client.l1ToL2Messages(a.hash()), "the reorg dropped the message");

    MessageToL2 b = send(2);
    List<L1EventFollower.Change> next = f.poll();
    assertEquals(1, next.size(), next.toString());
    assertEquals(b, ((L1Event.MessageToL2Sent) next.get(0).event()).message());
  }

  @Test
  void waitsForConfirmationsSoAShallowReorgIsNeverSeen() {
    L1EventFollower f = follower(3);
    send(1);
    mine(1);
    assertEquals(List.of(), f.poll(), "only 1 block on top: not yet confirmed");
    client.rpc("anvil_reorg", 2, List.of());
    mine(5);
    assertEquals(List.of(), f.poll(), "the orphaned message must never be delivered");

    MessageToL2 b = send(2);
    mine(2);
    assertEquals(List.of(), f.poll());
    mine(1);
    List<L1EventFollower.Change> changes = f.poll();
    assertEquals(1, changes.size(), changes.toString());
    assertEquals(b, ((L1Event.MessageToL2Sent) changes.get(0).event()).message());
  }

  @Test
  void aReorgDeeperThanTheWindowIsAnErrorNotASilentMiss() {
    L1EventFollower f = new L1EventFollower(client.web3j(), client.coreAddress(), deployedAt, 0, 2);
    send(1);
    mine(3);
    assertEquals(1, f.poll().size());
    client.rpc("anvil_reorg", 4, List.of());
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, f::poll);
    assertTrue(e.getMessage().contains("deeper than the follower's window of 2 blocks"), e.getMessage());
  }

  @Test
  void snapshotRevertUndoesAStateUpdateTheFollowerHadDelivered() {
    L1EventFollower f = follower(1);
    TestChain chain = new TestChain(7);
    Object snapshot = client.rpc("evm_snapshot");
    OsOutput out = chain.next(List.of(), List.of(), StateDiffCodec.empty());
    client.registerFact(out.fact(TestChain.PROGRAM_HASH));
    client.updateState(out);
    mine(1);
    List<L1EventFollower.Change> delivered = f.poll();
    assertEquals(1, delivered.size(), delivered.toString());
    L1Event.StateUpdated update = assertInstanceOf(L1Event.StateUpdated.class, delivered.get(0).event());
    assertEquals(out.newRoot(), update.stateRoot());
    assertEquals(0, update.blockNumber());

    assertEquals(Boolean.TRUE, client.rpc("evm_revert", snapshot));
    mine(4);
    List<L1EventFollower.Change> reverted = f.poll();
    assertEquals(List.of(new L1EventFollower.Change.Reverted(update)), reverted);
    assertEquals(-1, client.state().blockNumber());
    assertTrue(f.scannedBlock() >= deployedAt);
  }
}
