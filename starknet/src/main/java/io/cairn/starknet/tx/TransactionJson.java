package io.cairn.starknet.tx;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.starknet.tx.Transaction.DaMode;
import io.cairn.starknet.tx.Transaction.ResourceBounds;
import io.cairn.starknet.tx.Transaction.ResourceBoundsMapping;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads transactions in the JSON-RPC 0.10 shape ({@code BROADCASTED_TXN} / {@code TXN}: {@code type},
 * {@code version}, snake_case fields, felts as hex strings). Every error names the JSON path of the bad value
 * ({@code $.resource_bounds.l2_gas.max_amount}, {@code $.calldata[3]}).
 *
 * <p>Lenient where real data needs it: {@code l1_data_gas} may be absent (early V3 transactions), {@code tip},
 * {@code paymaster_data}, {@code account_deployment_data}, {@code proof_facts} and the DA modes default to zero,
 * empty and L1; a {@code transaction_hash} or {@code class} field is ignored.
 */
public final class TransactionJson {
  private TransactionJson() {}

  /** Strict: a duplicated key or text after the object would make the hashed transaction ambiguous. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** A transaction and whether its version carried the query bit (2^128). */
  public record Parsed(Transaction transaction, boolean query) {}

  public static Parsed parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
              + ": " + e.getOriginalMessage());
    }
    if (root == null) throw new IllegalArgumentException("$: empty document");
    return parse(root, "$");
  }

  /** Parses the transaction object at {@code node}; {@code path} prefixes error messages. */
  public static Parsed parse(JsonNode node, String path) {
    if (!node.isObject()) throw new IllegalArgumentException(path + ": expected a transaction object");
    String type = text(node, "type", path);
    BigInteger rawVersion = felt(node, "version", path).toBigInteger();
    boolean query = rawVersion.testBit(128);
    BigInteger v = query ? rawVersion.clearBit(128) : rawVersion;
    Transaction tx =
        switch (type) {
          case "INVOKE", "INVOKE_FUNCTION" ->
              switch (versionNumber(v, path, 0, 1, 3)) {
                case 0 ->
                    new Transaction.InvokeV0(
                        felt(node, "max_fee", path),
                        felts(node, "signature", path),
                        felt(node, "contract_address", path),
                        felt(node, "entry_point_selector", path),
                        felts(node, "calldata", path));
                case 1 ->
                    new Transaction.InvokeV1(
                        felt(node, "sender_address", path),
                        felts(node, "calldata", path),
                        felt(node, "max_fee", path),
                        felts(node, "signature", path),
                        felt(node, "nonce", path));
                default ->
                    new Transaction.InvokeV3(
                        felt(node, "sender_address", path),
                        felts(node, "calldata", path),
                        felts(node, "signature", path),
                        felt(node, "nonce", path),
                        bounds(node, path),
                        optionalFelt(node, "tip", path),
                        optionalFelts(node, "paymaster_data", path),
                        optionalFelts(node, "account_deployment_data", path),
                        daMode(node, "nonce_data_availability_mode", path),
                        daMode(node, "fee_data_availability_mode", path),
                        optionalFelts(node, "proof_facts", path));
              };
          case "DECLARE" ->
              switch (versionNumber(v, path, 0, 1, 2, 3)) {
                case 0 ->
                    new Transaction.DeclareV0(
                        felt(node, "sender_address", path),
                        felt(node, "max_fee", path),
                        felts(node, "signature", path),
                        felt(node, "class_hash", path));
                case 1 ->
                    new Transaction.DeclareV1(
                        felt(node, "sender_address", path),
                        felt(node, "max_fee", path),
                        felts(node, "signature", path),
                        felt(node, "nonce", path),
                        felt(node, "class_hash", path));
                case 2 ->
                    new Transaction.DeclareV2(
                        felt(node, "sender_address", path),
                        felt(node, "compiled_class_hash", path),
                        felt(node, "max_fee", path),
                        felts(node, "signature", path),
                        felt(node, "nonce", path),
                        felt(node, "class_hash", path));
                default ->
                    new Transaction.DeclareV3(
                        felt(node, "sender_address", path),
                        felt(node, "compiled_class_hash", path),
                        felts(node, "signature", path),
                        felt(node, "nonce", path),
                        felt(node, "class_hash", path),
                        bounds(node, path),
                        optionalFelt(node, "tip", path),
                        optionalFelts(node, "paymaster_data", path),
                        optionalFelts(node, "account_deployment_data", path),
                        daMode(node, "nonce_data_availability_mode", path),
                        daMode(node, "fee_data_availability_mode", path));
              };
          case "DEPLOY_ACCOUNT" ->
              switch (versionNumber(v, path, 1, 3)) {
                case 1 ->
                    new Transaction.DeployAccountV1(
                        felt(node, "max_fee", path),
                        felts(node, "signature", path),
                        felt(node, "nonce", path),
                        felt(node, "contract_address_salt", path),
                        felts(node, "constructor_calldata", path),
                        felt(node, "class_hash", path));
                default ->
                    new Transaction.DeployAccountV3(
                        felts(node, "signature", path),
                        felt(node, "nonce", path),
                        felt(node, "contract_address_salt", path),
                        felts(node, "constructor_calldata", path),
                        felt(node, "class_hash", path),
                        bounds(node, path),
                        optionalFelt(node, "tip", path),
                        optionalFelts(node, "paymaster_data", path),
                        daMode(node, "nonce_data_availability_mode", path),
                        daMode(node, "fee_data_availability_mode", path));
              };
          case "L1_HANDLER" -> {
            versionNumber(v, path, 0);
            yield new Transaction.L1Handler(
                felt(node, "nonce", path),
                felt(node, "contract_address", path),
                felt(node, "entry_point_selector", path),
                felts(node, "calldata", path));
          }
          case "DEPLOY" ->
              new Transaction.Deploy(
                  versionNumber(v, path, 0, 1),
                  felt(node, "contract_address_salt", path),
                  felts(node, "constructor_calldata", path),
                  felt(node, "class_hash", path));
          default ->
              throw new IllegalArgumentException(
                  path + ".type: unknown transaction type '" + type
                      + "' (expected INVOKE, DECLARE, DEPLOY_ACCOUNT, L1_HANDLER or DEPLOY)");
        };
    return new Parsed(tx, query);
  }

  private static int versionNumber(BigInteger v, String path, int... allowed) {
    for (int a : allowed) if (v.equals(BigInteger.valueOf(a))) return a;
    StringBuilder sb = new StringBuilder();
    for (int a : allowed) sb.append(sb.isEmpty() ? "" : ", ").append("0x").append(a);
    throw new IllegalArgumentException(
        path + ".version: unsupported version 0x" + v.toString(16) + " for this type (expected " + sb + ")");
  }

  private static ResourceBoundsMapping bounds(JsonNode node, String path) {
    JsonNode rb = node.get("resource_bounds");
    String p = path + ".resource_bounds";
    if (rb == null || !rb.isObject()) throw new IllegalArgumentException(p + ": missing or not an object");
    ResourceBounds l1 = bound(rb, "l1_gas", p, true);
    ResourceBounds l2 = bound(rb, "l2_gas", p, true);
    ResourceBounds l1Data = bound(rb, "l1_data_gas", p, false);
    return new ResourceBoundsMapping(l1, l1Data, l2);
  }

  private static ResourceBounds bound(JsonNode rb, String name, String path, boolean required) {
    JsonNode b = rb.get(name);
    String p = path + "." + name;
    if (b == null || b.isNull()) {
      if (required) throw new IllegalArgumentException(p + ": missing");
      return null;
    }
    Felt amount = felt(b, "max_amount", p);
    Felt price = felt(b, "max_price_per_unit", p);
    if (amount.toBigInteger().bitLength() > 64)
      throw new IllegalArgumentException(p + ".max_amount: does not fit in a u64: " + amount.toHex());
    if (price.toBigInteger().bitLength() > 128)
      throw new IllegalArgumentException(p + ".max_price_per_unit: does not fit in a u128: " + price.toHex());
    return new ResourceBounds(amount, price);
  }

  private static DaMode daMode(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) return DaMode.L1;
    if (n.isTextual() && n.asText().equals("L1")) return DaMode.L1;
    if (n.isTextual() && n.asText().equals("L2")) return DaMode.L2;
    throw new IllegalArgumentException(path + "." + field + ": expected \"L1\" or \"L2\", got " + n);
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) throw new IllegalArgumentException(path + "." + field + ": missing");
    if (!n.isTextual()) throw new IllegalArgumentException(path + "." + field + ": expected a string, got " + n);
    return n.asText();
  }

  private static Felt felt(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) throw new IllegalArgumentException(path + "." + field + ": missing");
    return feltValue(n, path + "." + field);
  }

  private static Felt optionalFelt(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? Felt.ZERO : feltValue(n, path + "." + field);
  }

  /** A felt given as a hex (or decimal) string, or as a JSON integer. */
  static Felt feltValue(JsonNode n, String path) {
    try {
      if (n.isTextual()) return Felt.parse(n.asText());
      if (n.isIntegralNumber()) return Felt.of(n.bigIntegerValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(path + ": expected a felt (hex string), got " + n);
  }

  private static List<Felt> felts(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) throw new IllegalArgumentException(path + "." + field + ": missing");
    return feltArray(n, path + "." + field);
  }

  private static List<Felt> optionalFelts(JsonNode node, String field, String path) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() ? List.of() : feltArray(n, path + "." + field);
  }

  static List<Felt> feltArray(JsonNode n, String path) {
    if (!n.isArray()) throw new IllegalArgumentException(path + ": expected an array of felts, got " + n.getNodeType());
    List<Felt> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) out.add(feltValue(n.get(i), path + "[" + i + "]"));
    return Collections.unmodifiableList(out);
  }
}
