package io.cairn.starknet.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.starknet.PedersenAvailable;
import io.cairn.starknet.hash.ChainIds;
import io.cairn.testsupport.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every vector of the sequencer's transaction_hash.json and deprecated_transaction_hash.json. Those files use
 * starknet_api's serde shape ({"Invoke": {"V3": {…}}}); {@link #toRpc} converts each to the RPC shape, so the
 * vectors exercise {@link TransactionJson} too.
 */
class TransactionHashVectorsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode load(String name) throws IOException {
    return MAPPER.readTree(Fixtures.require("starknet-hashes/" + name).toFile());
  }

  @Test
  void v3InvokeAndDeclareHashes() throws IOException {
    int checked = 0;
    for (JsonNode e : load("transaction_hash.json")) {
      Transaction tx = TransactionJson.parse(toRpc(e.get("transaction")), "$").transaction();
      if (!(tx instanceof Transaction.InvokeV3 || tx instanceof Transaction.DeclareV3)) continue;
      checkEntry(e, tx);
      checked++;
    }
    assertEquals(3, checked);
  }

  @Test
  void everyTransactionHash() throws IOException {
    PedersenAvailable.assume();
    int checked = 0;
    for (JsonNode e : load("transaction_hash.json")) {
      checkEntry(e, TransactionJson.parse(toRpc(e.get("transaction")), "$").transaction());
      checked++;
    }
    assertEquals(12, checked);
  }

  @Test
  void deprecatedTransactionHashes() throws IOException {
    PedersenAvailable.assume();
    int checked = 0;
    for (JsonNode e : load("deprecated_transaction_hash.json")) {
      Transaction tx = TransactionJson.parse(toRpc(e.get("transaction")), "$").transaction();
      Felt chain = ChainIds.parse(e.get("chain_id").asText());
      Felt expected = Felt.fromHex(e.get("transaction_hash").asText());
      List<Felt> candidates = new ArrayList<>(TransactionHashes.deprecatedHashes(tx, chain));
      assertTrue(candidates.contains(expected), "deprecated hash of " + tx.getClass().getSimpleName());
      // the current rule gives another hash: the deprecated variant is what matched
      assertTrue(!TransactionHashes.hash(tx, chain).equals(expected));
      checked++;
    }
    assertEquals(3, checked);
  }

  private static void checkEntry(JsonNode e, Transaction tx) {
    Felt chain = ChainIds.parse(e.get("chain_id").asText());
    String what = tx.getClass().getSimpleName() + " of block " + e.get("block_number");
    assertEquals(e.get("transaction_hash").asText(), TransactionHashes.hash(tx, chain).toHex(), what);
    if (e.has("only_query_transaction_hash"))
      assertEquals(
          e.get("only_query_transaction_hash").asText(), TransactionHashes.hash(tx, chain, true).toHex(), what);
  }

  /** starknet_api serde shape → RPC 0.10 shape. */
  static JsonNode toRpc(JsonNode serde) {
    Map.Entry<String, JsonNode> outer = serde.fields().next();
    String kind = outer.getKey();
    JsonNode body = outer.getValue();
    String version = null;
    if (kind.equals("Invoke") || kind.equals("Declare") || kind.equals("DeployAccount")) {
      Map.Entry<String, JsonNode> inner = body.fields().next();
      version = "0x" + inner.getKey().substring(1);
      body = inner.getValue();
    }
    ObjectNode rpc = MAPPER.createObjectNode();
    rpc.put(
        "type",
        switch (kind) {
          case "Invoke" -> "INVOKE";
          case "Declare" -> "DECLARE";
          case "DeployAccount" -> "DEPLOY_ACCOUNT";
          case "L1Handler" -> "L1_HANDLER";
          case "Deploy" -> "DEPLOY";
          default -> throw new IllegalStateException(kind);
        });
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("resource_bounds")) {
        ObjectNode rb = rpc.putObject("resource_bounds");
        for (Iterator<Map.Entry<String, JsonNode>> r = f.getValue().fields(); r.hasNext(); ) {
          Map.Entry<String, JsonNode> b = r.next();
          rb.set(b.getKey().toLowerCase(), b.getValue());
        }
      } else {
        rpc.set(f.getKey(), f.getValue());
      }
    }
    if (version != null) rpc.put("version", version);
    return rpc;
  }
}
