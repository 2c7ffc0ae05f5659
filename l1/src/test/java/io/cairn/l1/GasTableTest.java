package io.cairn.l1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gas is deterministic: hold the operations at or below Starknet's own core contract (the anchors). */
class GasTableTest {
  @RegisterExtension static final AnvilExtension ANVIL = new AnvilExtension();

  @Test
  void staysAtOrBelowStarknetsAnchors() {
    try (L1Client operator = L1Client.connect(ANVIL.rpcUrl(), Anvil.DEV_PRIVATE_KEY);
        L1Client user = L1Client.connect(ANVIL.rpcUrl(), Anvil.DEV_PRIVATE_KEY_2)) {
      GasTable.Result result = GasTable.measure(operator, user);
      Map<String, Long> gas = new HashMap<>();
      for (GasTable.Row r : result.rows()) gas.put(r.operation(), r.gasUsed());
      assertAtMost(gas, "updateState, 1 message each way, no DA", 142_933);
      assertAtMost(gas, "sendMessageToL2 (2-word payload)", 75_348);
      assertAtMost(gas, "consumeMessageFromL2 (2-word payload)", 29_842);
      assertTrue(result.daGasPer1000Words() > 0);
    }
  }

  private static void assertAtMost(Map<String, Long> gas, String op, long anchor) {
    Long g = gas.get(op);
    assertTrue(g != null && g <= anchor, op + ": " + g + " gas, anchor " + anchor);
  }
}
