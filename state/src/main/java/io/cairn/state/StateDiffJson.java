package io.cairn.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a state diff from JSON: the RPC's STATE_DIFF (starknet-specs v0.10), a STATE_UPDATE or feeder-gateway state
 * update holding one under {@code state_diff}, and the feeder gateway's own layout (storage diffs and nonces keyed by
 * address, {@code old_declared_contracts}). Errors name the source and the JSON path.
 */
public final class StateDiffJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StateDiffJson() {}

  public static StateDiff read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(text, file.toString());
  }

  public static StateDiff parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
    }
    return parse(root, source);
  }

  public static StateDiff parse(JsonNode root, String source) {
    return new Reader(source).diff(root);
  }

  private record Reader(String source) {
    IllegalArgumentException bad(String path, String what) {
      return new IllegalArgumentException(source + ": " + path + ": " + what);
    }

    StateDiff diff(JsonNode root) {
      String path = "$";
      if (root == null || !root.isObject()) throw bad(path, "expected a STATE_DIFF object");
      if (root.has("state_diff")) {
        root = root.get("state_diff");
        path = "$.state_diff";
        if (!root.isObject()) throw bad(path, "expected a STATE_DIFF object");
      }
      StateDiff.Builder b = StateDiff.builder();
      JsonNode storage = root.get("storage_diffs");
      if (storage != null && storage.isObject()) { // feeder gateway: {address: [{key, value}]}
        for (Iterator<Map.Entry<String, JsonNode>> it = storage.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> c = it.next();
          String p = path + ".storage_diffs." + c.getKey();
          Felt address = felt(c.getKey(), p);
          entries(c.getValue(), p, address, b);
        }
      } else if (storage != null) {
        String p0 = path + ".storage_diffs";
        array(storage, p0);
        for (int i = 0; i < storage.size(); i++) {
          String p = p0 + "[" + i + "]";
          JsonNode item = object(storage.get(i), p);
          Felt address = felt(item, "address", p);
          entries(field(item, "storage_entries", p), p + ".storage_entries", address, b);
        }
      }
      JsonNode nonces = root.get("nonces");
      if (nonces != null && nonces.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = nonces.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String p = path + ".nonces." + e.getKey();
          b.nonce(felt(e.getKey(), p), felt(e.getValue(), p));
        }
      } else if (nonces != null) {
        forEach(nonces, path + ".nonces", (n, p) -> b.nonce(felt(n, "contract_address", p), felt(n, "nonce", p)));
      }
      forEach(root.get("deployed_contracts"), path + ".deployed_contracts",
          (n, p) -> b.deploy(felt(n, "address", p), felt(n, "class_hash", p)));
      forEach(root.get("replaced_classes"), path + ".replaced_classes",
          (n, p) -> b.replaceClass(felt(n, n.has("contract_address") ? "contract_address" : "address", p),
              felt(n, "class_hash", p)));
      forEach(root.get("declared_classes"), path + ".declared_classes",
          (n, p) -> b.declare(felt(n, "class_hash", p), felt(n, "compiled_class_hash", p)));
      forEach(root.get("migrated_compiled_classes"), path + ".migrated_compiled_classes",
          (n, p) -> b.migrate(felt(n, "class_hash", p), felt(n, "compiled_class_hash", p)));
      String deprecatedName = root.has("deprecated_declared_classes") ? "deprecated_declared_classes" : "old_declared_contracts";
      JsonNode deprecated = root.get(deprecatedName);
      if (deprecated != null) {
        String p0 = path + "." + deprecatedName;
        array(deprecated, p0);
        for (int i = 0; i < deprecated.size(); i++) b.declareDeprecated(felt(deprecated.get(i), p0 + "[" + i + "]"));
      }
      return b.build();
    }

    private void entries(JsonNode list, String p0, Felt address, StateDiff.Builder b) {
      array(list, p0);
      for (int i = 0; i < list.size(); i++) {
        String p = p0 + "[" + i + "]";
        JsonNode e = object(list.get(i), p);
        b.storage(address, felt(e, "key", p), felt(e, "value", p));
      }
    }

    private interface ItemReader {
      void read(JsonNode item, String path);
    }

    private void forEach(JsonNode list, String p0, ItemReader r) {
      if (list == null) return;
      array(list, p0);
      for (int i = 0; i < list.size(); i++) {
        String p = p0 + "[" + i + "]";
        r.read(object(list.get(i), p), p);
      }
    }

    private void array(JsonNode n, String p) {
      if (!n.isArray()) throw bad(p, "expected an array");
    }

    private JsonNode object(JsonNode n, String p) {
      if (!n.isObject()) throw bad(p, "expected an object");
      return n;
    }

    private JsonNode field(JsonNode n, String name, String p) {
      JsonNode v = n.get(name);
      if (v == null || v.isNull()) throw bad(p + "." + name, "missing");
      return v;
    }

    private Felt felt(JsonNode n, String name, String p) {
      return felt(field(n, name, p), p + "." + name);
    }

    private Felt felt(JsonNode v, String p) {
      if (!v.isTextual()) throw bad(p, "expected a felt as a 0x-hex string, got " + v);
      return felt(v.asText(), p);
    }

    private Felt felt(String text, String p) {
      try {
        return Felt.parse(text);
      } catch (IllegalArgumentException e) {
        throw bad(p, e.getMessage());
      }
    }
  }
}
