package io.cairn.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.crypto.field.Felt;
import io.cairn.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class StateDiffJsonTest {
  @Test
  void readsFeederGatewayStateUpdates() {
    StateDiff d = StateDiffJson.read(Fixtures.require("starknet-hashes/pathfinder/0.13.2/state_update/sepolia_integration_35748.json"));
    assertEquals(2, d.storage().size());
    assertEquals(Felt.fromHex("0x90d0c5a3d34c3e73"),
        d.storage().get(Felt.fromHex("0x49d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7"))
            .get(Felt.fromHex("0x84a17db3276b7f8c33d3cdae9067d3db20b6a24b5c29fd185df2f7f42c0713")));
    assertEquals(Felt.fromHex("0xf"), d.nonces().get(Felt.fromHex("0x472aa8128e01eb0df145810c9511a92852d62a68ba8198ce5fa414e6337a365")));
    assertEquals(Felt.fromHex("0x6506976af042088c9ea49e6cc9c9a12838ee6920bb989dce02f5c6467667367"),
        d.declaredClasses().get(Felt.fromHex("0x19de7881922dbc95846b1bb9464dba34046c46470cfb5e18b4cb2892fd4111f")));
    StateDiff e = StateDiffJson.read(Fixtures.require("starknet-hashes/pathfinder/0.13.4/state_update/sepolia_integration_63881.json"));
    assertEquals(8, e.storage().get(Felt.fromHex("0x2")).size());
  }

  @Test
  void readsTheRpcShapeAndRoundTripsThroughTheStoreCodec() {
    String json =
        """
        {"storage_diffs": [{"address": "0x5", "storage_entries": [{"key": "0x1", "value": "0x2"}, {"key": "0x3", "value": "0x0"}]}],
         "deprecated_declared_classes": ["0x77"],
         "declared_classes": [{"class_hash": "0x10", "compiled_class_hash": "0x11"}],
         "migrated_compiled_classes": [{"class_hash": "0x20", "compiled_class_hash": "0x21"}],
         "deployed_contracts": [{"address": "0x5", "class_hash": "0x10"}],
         "replaced_classes": [{"contract_address": "0x6", "class_hash": "0x10"}],
         "nonces": [{"contract_address": "0x5", "nonce": "0x1"}]}
        """;
    StateDiff d = StateDiffJson.parse(json, "inline");
    assertEquals(Felt.ZERO, d.storage().get(Felt.of(5)).get(Felt.of(3)));
    assertEquals(java.util.List.of(Felt.of(0x77)), d.deprecatedDeclaredClasses());
    assertEquals(Felt.of(0x21), d.migratedCompiledClasses().get(Felt.of(0x20)));
    assertEquals(Felt.of(0x10), d.replacedClasses().get(Felt.of(6)));
    assertEquals(8, d.size());
    assertEquals(d, Codec.diff(Codec.diff(d)));
  }

  @Test
  void errorsNameTheSourceAndPath() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> StateDiffJson.parse("{\"nonces\": [{\"contract_address\": \"0x1\"}]}", "f.json"));
    assertTrue(e.getMessage().startsWith("f.json: $.nonces[0].nonce: missing"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StateDiffJson.parse("{\"declared_classes\": {}}", "f.json"));
    assertTrue(e.getMessage().contains("$.declared_classes: expected an array"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StateDiffJson.parse("[1,", "f.json"));
    assertTrue(e.getMessage().startsWith("f.json: not JSON"), e.getMessage());
  }
}
