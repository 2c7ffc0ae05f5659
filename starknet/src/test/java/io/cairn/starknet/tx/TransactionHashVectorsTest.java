package io.cairn.starknet.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.starknet.SerdeToRpc;
import io.cairn.starknet.hash.ChainIds;
import io.cairn.testsupport.Fixtures;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every vector of the sequencer's transaction_hash.json and deprecated_transaction_hash.json. Those files use
 * starknet_api's serde shape ({"Invoke": {"V3": {…}}}); {@link SerdeToRpc} converts each to the RPC shape, so the
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
      Transaction tx = TransactionJson.parse(SerdeToRpc.convert(e.get("transaction")), "$").transaction();
      if (!(tx instanceof Transaction.InvokeV3 || tx instanceof Transaction.DeclareV3)) continue;
      checkEntry(e, tx);
      checked++;
    }
    assertEquals(3, checked);
  }

  @Test
  void everyTransactionHash() throws IOException {
    int checked = 0;
    for (JsonNode e : load("transaction_hash.json")) {
      checkEntry(e, TransactionJson.parse(SerdeToRpc.convert(e.get("transaction")), "$").transaction());
      checked++;
    }
    assertEquals(12, checked);
  }

  @Test
  void deprecatedTransactionHashes() throws IOException {
    int checked = 0;
    for (JsonNode e : load("deprecated_transaction_hash.json")) {
      Transaction tx = TransactionJson.parse(SerdeToRpc.convert(e.get("transaction")), "$").transaction();
      Felt chain = ChainIds.parse(e.get("chain_id").asText());
      Felt expected = Felt.fromHex(e.get("transaction_hash").asText());
      boolean current = TransactionHashes.hash(tx, chain).equals(expected);
      boolean deprecated = TransactionHashes.deprecatedHashes(tx, chain).contains(expected);
      assertTrue(current || deprecated, "no rule gives the hash of the " + tx.getClass().getSimpleName());
      // the DEPLOY and INVOKE v0 of block 1470 already used the versioned rules; the L1 handler of block 1367 did
      // not: only a deprecated variant gives its hash
      assertEquals(!(tx instanceof Transaction.L1Handler), current, tx.getClass().getSimpleName());
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

}
