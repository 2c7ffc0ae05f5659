package io.cairn.starknet.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.starknet.hash.ChainIds;
import org.junit.jupiter.api.Test;

class TransactionJsonTest {
  // The Invoke V3 vector of the sequencer's transaction_hash.json (mainnet block 636864), in the RPC shape
  static final String INVOKE_V3 =
      """
      {"type":"INVOKE","version":"0x3","sender_address":"0x69c0f9bcd79697bdceaf7748e3ff8f34aa39e4063ce44896af664c0c96f6c10",
       "calldata":["0x1","0x4c0a5193d58f74fbace4b74dcf65481e734ed1714121bdc571da345540efa05",
         "0x3943907ef0ef6f9d2e2408b05e520a66daaf74293dbf665e5a20b117676170e","0x2",
         "0x49d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7","0x16345785d8a0000"],
       "signature":["0x1"],"nonce":"0x9d",
       "resource_bounds":{"l1_gas":{"max_amount":"0xa9e","max_price_per_unit":"0x7f2a1ad4f2f1"},
                          "l2_gas":{"max_amount":"0x0","max_price_per_unit":"0x0"}},
       "tip":"0x0","paymaster_data":[],"account_deployment_data":[],
       "nonce_data_availability_mode":"L1","fee_data_availability_mode":"L1"}
      """;

  @Test
  void queryVersionIsRecognised() {
    TransactionJson.Parsed p = TransactionJson.parse(INVOKE_V3.replace("\"0x3\"", "\"0x100000000000000000000000000000003\""));
    assertTrue(p.query());
    assertEquals(
        "0x63548034064bb4bc4aff845f0350e286e695225480627c1048d3216735bc9af",
        TransactionHashes.hash(p.transaction(), ChainIds.SN_MAIN, p.query()).toHex());
    TransactionJson.Parsed plain = TransactionJson.parse(INVOKE_V3);
    assertEquals(
        "0x1d4735f4ba73a67be2f648d9b21cab3783383b8c229566b46b027c46012219",
        TransactionHashes.hash(plain.transaction(), ChainIds.SN_MAIN).toHex());
  }

  @Test
  void mutationsChangeTheHash() {
    Felt h = TransactionHashes.hash(TransactionJson.parse(INVOKE_V3).transaction(), ChainIds.SN_MAIN);
    for (String[] m :
        new String[][] {
          {"\"0x9d\"", "\"0x9e\""},
          {"\"fee_data_availability_mode\":\"L1\"", "\"fee_data_availability_mode\":\"L2\""},
          {"\"tip\":\"0x0\"", "\"tip\":\"0x1\""},
          {"\"paymaster_data\":[]", "\"paymaster_data\":[\"0x0\"]"},
          {"\"0xa9e\"", "\"0xa9f\""},
        }) {
      Transaction t = TransactionJson.parse(INVOKE_V3.replace(m[0], m[1])).transaction();
      assertTrue(!TransactionHashes.hash(t, ChainIds.SN_MAIN).equals(h), m[1]);
    }
    assertTrue(!TransactionHashes.hash(TransactionJson.parse(INVOKE_V3).transaction(), ChainIds.SN_SEPOLIA).equals(h));
  }

  @Test
  void errorsNameTheJsonPath() {
    assertMessage("$.calldata[1]", INVOKE_V3.replace("\"0x4c0a5193", "\"0xzz0a5193"));
    assertMessage("$.resource_bounds.l1_gas.max_amount", INVOKE_V3.replace("\"0xa9e\"", "\"0x10000000000000000\""));
    assertMessage("$.nonce", INVOKE_V3.replace("\"nonce\":\"0x9d\",", ""));
    assertMessage("$.type", INVOKE_V3.replace("\"INVOKE\"", "\"INVOKED\""));
    assertMessage("$.version", INVOKE_V3.replace("\"0x3\"", "\"0x2\""));
    assertMessage("$.nonce_data_availability_mode", INVOKE_V3.replace("\"nonce_data_availability_mode\":\"L1\"", "\"nonce_data_availability_mode\":\"L3\""));
    assertMessage(
        "$.sender_address",
        INVOKE_V3.replace(
            "0x69c0f9bcd79697bdceaf7748e3ff8f34aa39e4063ce44896af664c0c96f6c10",
            "0x800000000000011000000000000000000000000000000000000000000000001"));
    assertMessage("malformed JSON", INVOKE_V3.substring(0, 40));
    assertMessage("malformed JSON", INVOKE_V3 + " {}");
    assertMessage("malformed JSON", INVOKE_V3.replace("\"tip\":\"0x0\"", "\"tip\":\"0x0\",\"tip\":\"0x1\""));
  }

  private static void assertMessage(String expected, String json) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransactionJson.parse(json));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }
}
