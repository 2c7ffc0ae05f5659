package io.cairn.cli.l1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.crypto.field.Felt;
import io.cairn.l1.TxReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/** JSON in and out for the l1 commands. */
final class Json {
  private Json() {}

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String print(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tx(TxReport r) {
    ObjectNode n = object();
    n.put("transactionHash", r.transactionHash());
    n.put("blockNumber", r.blockNumber());
    n.put("gasUsed", r.gasUsed());
    n.put("effectiveGasPrice", r.effectiveGasPrice().toString());
    n.put("feeWei", r.feeWei().toString());
    return n;
  }

  static String hex(byte[] b) {
    return Numeric.toHexString(b);
  }

  static ArrayNode felts(List<Felt> words) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Felt f : words) a.add(f.toHex());
    return a;
  }

  /**
   * Reads OS output words from a file: a JSON array of 0x-hex / decimal strings or numbers, or plain text with one
   * value per whitespace- or comma-separated token.
   */
  static List<Felt> readWords(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Felt> words = new ArrayList<>();
    if (text.stripLeading().startsWith("[")) {
      JsonNode arr;
      try {
        arr = MAPPER.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
      }
      for (int i = 0; i < arr.size(); i++) {
        JsonNode n = arr.get(i);
        try {
          words.add(Felt.parse(n.isTextual() ? n.asText() : n.toString()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": [" + i + "]: " + e.getMessage());
        }
      }
      return words;
    }
    int i = 0;
    for (String token : text.split("[\\s,]+")) {
      if (token.isEmpty()) continue;
      try {
        words.add(Felt.parse(token));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": word " + i + ": " + e.getMessage());
      }
      i++;
    }
    return words;
  }
}
