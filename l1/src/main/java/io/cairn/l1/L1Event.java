package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.l1.contracts.CairnCore;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

/** A CairnCore event an L2 node acts on, with where it sits in the L1 chain. */
public sealed interface L1Event {
  Position position();

  /** Where a log is: block, block hash, transaction and log index (the identity used to report removals). */
  record Position(long blockNumber, String blockHash, String transactionHash, long logIndex) {}

  /** {@code LogStateUpdate}: the contract accepted a new state. */
  record StateUpdated(Position position, Felt stateRoot, long blockNumber, Felt blockHash) implements L1Event {}

  /** {@code LogMessageToL2}: an L1 account sent a message; the L2 must run its L1 handler. */
  record MessageToL2Sent(Position position, MessageToL2 message, BigInteger feeWei) implements L1Event {}

  /** {@code ConsumedMessageToL2}: a state update consumed an L1→L2 message. */
  record MessageToL2Consumed(Position position, MessageToL2 message) implements L1Event {}

  /** {@code MessageToL2CancellationStarted}. */
  record MessageToL2CancellationStarted(Position position, MessageToL2 message) implements L1Event {}

  /** {@code MessageToL2Canceled}: the sender cancelled a message L2 had not consumed. */
  record MessageToL2Cancelled(Position position, MessageToL2 message) implements L1Event {}

  /** {@code LogMessageToL1}: a state update made an L2→L1 message consumable. */
  record MessageToL1Logged(Position position, MessageToL1 message) implements L1Event {}

  /** {@code ConsumedMessageToL1}: the recipient consumed an L2→L1 message. */
  record MessageToL1Consumed(Position position, MessageToL1 message) implements L1Event {}

  /** Decodes one of CairnCore's logs; null for events a node does not follow (governance and the like). */
  static L1Event decode(Log log) {
    if (log.getTopics().isEmpty()) return null;
    String topic = log.getTopics().get(0);
    Position at = new Position(log.getBlockNumber().longValueExact(), log.getBlockHash(), log.getTransactionHash(),
        log.getLogIndex().longValueExact());
    if (topic.equals(Topics.STATE_UPDATE)) {
      var e = CairnCore.getLogStateUpdateEventFromLog(log);
      return new StateUpdated(at, Felt.of(e.globalRoot), e.blockNumber.longValueExact(), Felt.of(e.blockHash));
    }
    if (topic.equals(Topics.MESSAGE_TO_L2)) {
      var e = CairnCore.getLogMessageToL2EventFromLog(log);
      return new MessageToL2Sent(at, toL2(e.fromAddress, e.toAddress, e.nonce, e.selector, e.payload), e.fee);
    }
    if (topic.equals(Topics.CONSUMED_TO_L2)) {
      var e = CairnCore.getConsumedMessageToL2EventFromLog(log);
      return new MessageToL2Consumed(at, toL2(e.fromAddress, e.toAddress, e.nonce, e.selector, e.payload));
    }
    if (topic.equals(Topics.CANCELLATION_STARTED)) {
      var e = CairnCore.getMessageToL2CancellationStartedEventFromLog(log);
      return new MessageToL2CancellationStarted(at, toL2(e.fromAddress, e.toAddress, e.nonce, e.selector, e.payload));
    }
    if (topic.equals(Topics.CANCELED)) {
      var e = CairnCore.getMessageToL2CanceledEventFromLog(log);
      return new MessageToL2Cancelled(at, toL2(e.fromAddress, e.toAddress, e.nonce, e.selector, e.payload));
    }
    if (topic.equals(Topics.MESSAGE_TO_L1)) {
      var e = CairnCore.getLogMessageToL1EventFromLog(log);
      return new MessageToL1Logged(at, new MessageToL1(Felt.of(e.fromAddress), L1Client.ethAddressFelt(e.toAddress), felts(e.payload)));
    }
    if (topic.equals(Topics.CONSUMED_TO_L1)) {
      var e = CairnCore.getConsumedMessageToL1EventFromLog(log);
      return new MessageToL1Consumed(at, new MessageToL1(Felt.of(e.fromAddress), L1Client.ethAddressFelt(e.toAddress), felts(e.payload)));
    }
    return null;
  }

  private static MessageToL2 toL2(String from, BigInteger to, BigInteger nonce, BigInteger selector, List<BigInteger> payload) {
    return new MessageToL2(L1Client.ethAddressFelt(from), Felt.of(to), Felt.of(nonce), Felt.of(selector), felts(payload));
  }

  private static List<Felt> felts(List<BigInteger> words) {
    List<Felt> out = new ArrayList<>(words.size());
    for (BigInteger w : words) out.add(Felt.of(w));
    return out;
  }

  /** topic0 of each followed event. */
  final class Topics {
    private Topics() {}

    static final String STATE_UPDATE = EventEncoder.encode(CairnCore.LOGSTATEUPDATE_EVENT);
    static final String MESSAGE_TO_L2 = EventEncoder.encode(CairnCore.LOGMESSAGETOL2_EVENT);
    static final String CONSUMED_TO_L2 = EventEncoder.encode(CairnCore.CONSUMEDMESSAGETOL2_EVENT);
    static final String CANCELLATION_STARTED = EventEncoder.encode(CairnCore.MESSAGETOL2CANCELLATIONSTARTED_EVENT);
    static final String CANCELED = EventEncoder.encode(CairnCore.MESSAGETOL2CANCELED_EVENT);
    static final String MESSAGE_TO_L1 = EventEncoder.encode(CairnCore.LOGMESSAGETOL1_EVENT);
    static final String CONSUMED_TO_L1 = EventEncoder.encode(CairnCore.CONSUMEDMESSAGETOL1_EVENT);
  }
}
