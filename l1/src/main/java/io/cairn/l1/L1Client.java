package io.cairn.l1;

import io.cairn.crypto.field.Felt;
import io.cairn.l1.contracts.CairnCore;
import io.cairn.l1.contracts.DevFactRegistry;
import io.cairn.starknet.block.BlockData.MessageToL1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int64;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Talks to CairnCore on an Ethereum node with one account: deploys it (with the development fact registry), submits
 * state updates with their DA, sends, consumes and cancels messages, and reports what each transaction cost.
 *
 * <p>Every transaction is first estimated; a call the contract would refuse fails there with an {@link
 * L1RevertException} naming the custom error, without spending gas. Transactions are EIP-1559 with a max fee of twice
 * the current base fee plus the node's suggested tip. Use one client from one thread (nonces come from the node per send).
 */
public final class L1Client implements AutoCloseable {
  /** Starknet's default cancellation delay: 5 days. */
  public static final long DEFAULT_CANCELLATION_DELAY_SECONDS = 5L * 24 * 3600;

  private final Web3j web3j;
  private final HttpService http;
  private final Credentials credentials;
  private final long chainId;
  private final RawTransactionManager txManager;
  private final PollingTransactionReceiptProcessor receipts;
  private String coreAddress;
  private String registryAddress;
  private CairnCore core;
  private DevFactRegistry registry;

  private L1Client(HttpService http, Credentials credentials) {
    this.http = http;
    this.web3j = Web3j.build(http, 50, java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cairn-l1-web3j");
      t.setDaemon(true);
      return t;
    }));
    this.credentials = credentials;
    try {
      this.chainId = web3j.ethChainId().send().getChainId().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException("no Ethereum node answers at " + http.getUrl(), e);
    }
    this.receipts = new PollingTransactionReceiptProcessor(web3j, 50, 2400);
    this.txManager = new RawTransactionManager(web3j, credentials, chainId, receipts);
  }

  /** Connects to the node at {@code rpcUrl}, signing with {@code privateKey} (0x-hex). */
  public static L1Client connect(String rpcUrl, String privateKey) {
    if (privateKey == null || !privateKey.matches("(0x)?[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("private key must be 32 bytes of hex (0x…), got " + (privateKey == null ? "nothing" : privateKey.length() + " characters"));
    }
    return new L1Client(new HttpService(rpcUrl), Credentials.create(privateKey));
  }

  /** A client for views, events and transaction lookups only: it signs with a throwaway key that holds nothing. */
  public static L1Client readOnly(String rpcUrl) {
    try {
      return new L1Client(new HttpService(rpcUrl), Credentials.create(org.web3j.crypto.Keys.createEcKeyPair()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a throwaway key", e);
    }
  }

  /** The signing account. */
  public String account() {
    return credentials.getAddress();
  }

  public long chainId() {
    return chainId;
  }

  public Web3j web3j() {
    return web3j;
  }

  public String coreAddress() {
    return coreAddress;
  }

  public String registryAddress() {
    return registryAddress;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Deployment
  // ---------------------------------------------------------------------------------------------------------------

  /** What CairnCore starts from: Starknet's genesis convention is block number −1 with root and hash 0. */
  public record InitialState(
      Felt programHash, Felt configHash, Felt stateRoot, long blockNumber, Felt blockHash, long cancellationDelaySeconds) {
    public InitialState {
      if (blockNumber < -1) throw new IllegalArgumentException("initial block number must be >= -1, got " + blockNumber);
      if (cancellationDelaySeconds < 0 || cancellationDelaySeconds > 0xffffffffL) {
        throw new IllegalArgumentException("cancellation delay must fit in 32 bits, got " + cancellationDelaySeconds);
      }
    }

    public static InitialState genesis(Felt programHash, Felt configHash) {
      return new InitialState(programHash, configHash, Felt.ZERO, -1, Felt.ZERO, DEFAULT_CANCELLATION_DELAY_SECONDS);
    }
  }

  /** Addresses and costs of a deployment. */
  public record Deployment(String core, String factRegistry, TxReport coreTx, TxReport registryTx) {}

  /**
   * Deploys the development fact registry and CairnCore trusting it; this account becomes governor, operator and
   * fact registrar. The client then talks to the new contracts.
   */
  @SuppressWarnings("rawtypes") // web3j's encoder takes raw Type lists
  public Deployment deploy(InitialState init) {
    TxReport registryTx = create("deploy DevFactRegistry", DevFactRegistry.BINARY);
    List<Type> args = List.of(
        new Address(registryTx.contractAddress()),
        new Address(account()),
        new Uint256(init.programHash().toBigInteger()),
        new Uint256(init.configHash().toBigInteger()),
        new Uint256(init.stateRoot().toBigInteger()),
        new Int64(BigInteger.valueOf(init.blockNumber())),
        new Uint256(init.blockHash().toBigInteger()),
        new Uint32(BigInteger.valueOf(init.cancellationDelaySeconds())));
    TxReport coreTx = create("deploy CairnCore", CairnCore.BINARY + FunctionEncoder.encodeConstructor(args));
    use(coreTx.contractAddress(), registryTx.contractAddress());
    return new Deployment(coreAddress, registryAddress, coreTx, registryTx);
  }

  /** Talks to existing contracts; {@code registry} may be null when it is not the development registry. */
  public L1Client use(String core, String registry) {
    StaticGasProvider unused = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
    this.coreAddress = core;
    this.core = CairnCore.load(core, web3j, txManager, unused);
    this.registryAddress = registry;
    this.registry = registry == null ? null : DevFactRegistry.load(registry, web3j, txManager, unused);
    return this;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // State updates
  // ---------------------------------------------------------------------------------------------------------------

  /** Registers a fact in the development registry (stand-in for a STARK verifier having checked a proof). */
  public TxReport registerFact(byte[] fact) {
    requireRegistry();
    return transact("registerFact", registryAddress, registry.registerFact(fact), BigInteger.ZERO);
  }

  /** Submits a state update: the whole OS output, DA included, as calldata. */
  public TxReport updateState(OsOutput output) {
    return updateState(toBig(output.words()));
  }

  /** Submits raw output words (which need not be a valid output; the contract decides). */
  public TxReport updateState(List<BigInteger> words) {
    return transact("updateState", coreAddress(true), core.updateState(words), BigInteger.ZERO);
  }

  /**
   * Reads the OS output an {@code updateState} transaction carried, DA included: what a node needs to rebuild the
   * state from L1 alone (decode its {@link OsOutput#dataAvailability()} with {@link io.cairn.l1.da.StateDiffCodec}).
   */
  public OsOutput osOutputOf(String transactionHash) {
    org.web3j.protocol.core.methods.response.Transaction tx;
    try {
      tx = web3j.ethGetTransactionByHash(transactionHash).send().getTransaction()
          .orElseThrow(() -> new IllegalArgumentException("no transaction " + transactionHash));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return OsOutput.parse(updateStateWords(tx.getInput()));
  }

  /** The output words in {@code updateState(uint256[])} calldata. */
  static List<Felt> updateStateWords(String input) {
    String selector = Numeric.toHexString(Words.keccak256("updateState(uint256[])".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).substring(0, 10);
    String hex = Numeric.cleanHexPrefix(input);
    if (!("0x" + hex).startsWith(selector) || hex.length() < 8 + 128 || (hex.length() - 8) % 64 != 0) {
      throw new IllegalArgumentException("transaction input is not an updateState(uint256[]) call");
    }
    BigInteger offset = new BigInteger(hex.substring(8, 72), 16);
    BigInteger length = new BigInteger(hex.substring(72, 136), 16);
    if (!offset.equals(BigInteger.valueOf(32)) || length.longValue() != (hex.length() - 136) / 64) {
      throw new IllegalArgumentException("updateState calldata is not canonically encoded");
    }
    List<Felt> words = new ArrayList<>();
    for (int at = 136; at < hex.length(); at += 64) words.add(Felt.of(new BigInteger(hex.substring(at, at + 64), 16)));
    return words;
  }

  /** The contract's view of the chain it settles. */
  public record CoreState(Felt stateRoot, long blockNumber, Felt blockHash, Felt programHash, Felt configHash) {}

  public CoreState state() {
    requireCore();
    return new CoreState(
        Felt.of(call(core.stateRoot())),
        call(core.stateBlockNumber()).longValueExact(),
        Felt.of(call(core.stateBlockHash())),
        Felt.of(call(core.programHash())),
        Felt.of(call(core.configHash())));
  }

  /** The fact as the contract computes it, for cross-checking {@link OsOutput#fact}. */
  public byte[] contractFact(List<Felt> words) {
    requireCore();
    return call(core.stateTransitionFact(toBig(words)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Messaging
  // ---------------------------------------------------------------------------------------------------------------

  /** A message this client sent, with the nonce the contract gave it. */
  public record SentMessage(MessageToL2 message, BigInteger feeWei, TxReport tx) {}

  public SentMessage sendMessageToL2(Felt toAddress, Felt selector, List<Felt> payload, BigInteger feeWei) {
    requireCore();
    TxReport tx = transact("sendMessageToL2", coreAddress,
        core.sendMessageToL2(toAddress.toBigInteger(), selector.toBigInteger(), toBig(payload), feeWei), feeWei);
    var events = CairnCore.getLogMessageToL2Events(tx.receipt());
    if (events.size() != 1) throw new IllegalStateException("sendMessageToL2 emitted " + events.size() + " LogMessageToL2 events");
    Felt nonce = Felt.of(events.get(0).nonce);
    return new SentMessage(new MessageToL2(ethAddressFelt(account()), toAddress, nonce, selector, payload), feeWei, tx);
  }

  /** Consumes one copy of a message {@code fromAddress} (an L2 contract) sent to this account. */
  public TxReport consumeMessageFromL2(Felt fromAddress, List<Felt> payload) {
    requireCore();
    return transact("consumeMessageFromL2", coreAddress, core.consumeMessageFromL2(fromAddress.toBigInteger(), toBig(payload)), BigInteger.ZERO);
  }

  public TxReport startL1ToL2MessageCancellation(MessageToL2 m) {
    requireCore();
    return transact("startL1ToL2MessageCancellation", coreAddress, core.startL1ToL2MessageCancellation(
        m.toAddress().toBigInteger(), m.selector().toBigInteger(), toBig(m.payload()), m.nonce().toBigInteger()), BigInteger.ZERO);
  }

  public TxReport cancelL1ToL2Message(MessageToL2 m) {
    requireCore();
    return transact("cancelL1ToL2Message", coreAddress, core.cancelL1ToL2Message(
        m.toAddress().toBigInteger(), m.selector().toBigInteger(), toBig(m.payload()), m.nonce().toBigInteger()), BigInteger.ZERO);
  }

  /** fee + 1 while an L1→L2 message is pending, 0 once consumed or cancelled (Starknet's {@code l1ToL2Messages}). */
  public BigInteger l1ToL2Messages(byte[] msgHash) {
    requireCore();
    return call(core.l1ToL2Messages(msgHash));
  }

  /** Copies of an L2→L1 message not yet consumed. */
  public BigInteger l2ToL1Messages(byte[] msgHash) {
    requireCore();
    return call(core.l2ToL1Messages(msgHash));
  }

  public byte[] contractL1ToL2Hash(MessageToL2 m) {
    requireCore();
    return call(core.l1ToL2MsgHash(Numeric.toHexStringWithPrefixZeroPadded(m.fromAddress().toBigInteger(), 40),
        m.toAddress().toBigInteger(), m.selector().toBigInteger(), toBig(m.payload()), m.nonce().toBigInteger()));
  }

  public byte[] contractL2ToL1Hash(MessageToL1 m) {
    requireCore();
    return call(core.l2ToL1MsgHash(m.fromAddress().toBigInteger(),
        Numeric.toHexStringWithPrefixZeroPadded(m.toAddress().toBigInteger(), 40), toBig(m.payload())));
  }

  public BigInteger accruedFees() {
    requireCore();
    return call(core.accruedFees());
  }

  public BigInteger balance(String address) {
    try {
      return web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An Ethereum address as the felt that carries it in messages. */
  public static Felt ethAddressFelt(String address) {
    return Felt.of(Numeric.toBigInt(address));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Raw JSON-RPC (anvil's dev methods: evm_snapshot, anvil_reorg, …)
  // ---------------------------------------------------------------------------------------------------------------

  /** The JSON result of one JSON-RPC call; a node error becomes an {@link IllegalStateException}. */
  public Object rpc(String method, Object... params) {
    try {
      RawResponse r = new Request<>(method, Arrays.asList(params), http, RawResponse.class).send();
      if (r.hasError()) throw new IllegalStateException(method + " failed: " + r.getError().getMessage());
      return r.getResult();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " failed", e);
    }
  }

  /** Untyped JSON-RPC response. */
  public static final class RawResponse extends Response<Object> {}

  // ---------------------------------------------------------------------------------------------------------------
  // Transactions
  // ---------------------------------------------------------------------------------------------------------------

  private TxReport create(String action, String initCode) {
    return send(action, null, initCode, BigInteger.ZERO);
  }

  private TxReport transact(String action, String to, RemoteFunctionCall<?> call, BigInteger value) {
    return send(action, to, call.encodeFunctionCall(), value);
  }

  private TxReport send(String action, String to, String data, BigInteger value) {
    try {
      Transaction probe = to == null
          ? Transaction.createContractTransaction(account(), null, null, null, value, data)
          : Transaction.createFunctionCallTransaction(account(), null, null, null, to, value, data);
      EthEstimateGas estimate = web3j.ethEstimateGas(probe).send();
      if (estimate.hasError()) throw revert(action, estimate.getError());
      BigInteger gasLimit = estimate.getAmountUsed();
      gasLimit = gasLimit.add(gasLimit.divide(BigInteger.valueOf(5)));
      EthBlock.Block head = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
      BigInteger baseFee = head.getBaseFeePerGas() == null ? BigInteger.ZERO : head.getBaseFeePerGas();
      BigInteger tip = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
      EthSendTransaction sent = txManager.sendEIP1559Transaction(
          chainId, tip, baseFee.shiftLeft(1).add(tip), gasLimit, to == null ? "" : to, data, value, to == null);
      if (sent.hasError()) throw revert(action, sent.getError());
      TransactionReceipt receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) {
        throw new L1RevertException(action, "unknown", List.of("transaction " + receipt.getTransactionHash() + " failed on chain"), "0x");
      }
      return TxReport.of(receipt);
    } catch (IOException e) {
      throw new UncheckedIOException(action + ": node unreachable", e);
    } catch (TransactionException e) {
      throw new IllegalStateException(action + ": " + e.getMessage(), e);
    }
  }

  private <T> T call(RemoteFunctionCall<T> c) {
    try {
      return c.send();
    } catch (Exception e) {
      throw new IllegalStateException("eth_call failed: " + e.getMessage(), e);
    }
  }

  private static final Map<String, CustomError> ERRORS = new HashMap<>();

  static {
    for (Class<?> c : List.of(CairnCore.class, DevFactRegistry.class)) {
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == CustomError.class) {
          try {
            CustomError e = (CustomError) f.get(null);
            ERRORS.put(CustomErrorEncoder.encode(e).substring(0, 10), e);
          } catch (IllegalAccessException ex) {
            throw new ExceptionInInitializerError(ex);
          }
        }
      }
    }
  }

  @SuppressWarnings("rawtypes") // web3j's decoder returns raw Types
  static L1RevertException revert(String action, Response.Error error) {
    String data = error.getData() == null ? "0x" : error.getData().replace("\"", "").strip();
    if (data.length() >= 10) {
      CustomError e = ERRORS.get(data.substring(0, 10).toLowerCase(java.util.Locale.ROOT));
      if (e != null) {
        List<String> args = new ArrayList<>();
        for (Type t : FunctionReturnDecoder.decode("0x" + data.substring(10), e.getParameters())) {
          Object v = t.getValue();
          args.add(v instanceof BigInteger b ? "0x" + b.toString(16) : v instanceof byte[] bytes ? Numeric.toHexString(bytes) : String.valueOf(v));
        }
        return new L1RevertException(action, e.getName(), args, data);
      }
    }
    return new L1RevertException(action, "unknown", List.of(error.getMessage()), data);
  }

  private void requireCore() {
    if (core == null) throw new IllegalStateException("no CairnCore address: deploy first or pass --core");
  }

  private String coreAddress(boolean required) {
    if (required) requireCore();
    return coreAddress;
  }

  private void requireRegistry() {
    if (registry == null) throw new IllegalStateException("no development fact registry address: deploy first or pass --registry");
  }

  static List<BigInteger> toBig(List<Felt> words) {
    List<BigInteger> out = new ArrayList<>(words.size());
    for (Felt f : words) out.add(f.toBigInteger());
    return out;
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
