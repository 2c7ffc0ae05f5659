package io.cairn.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Converts the sequencer's serde shape of a transaction ({"Invoke": {"V3": {…}}}) to the RPC 0.10 shape. */
public final class SerdeToRpc {
  private SerdeToRpc() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** starknet_api serde shape → RPC 0.10 shape. */
  public static JsonNode convert(JsonNode serde) {
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
