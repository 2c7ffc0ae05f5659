package io.cairn.starknet.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.crypto.field.Felt;
import io.cairn.crypto.hash.Keccak;
import io.cairn.crypto.hash.Pedersen;
import io.cairn.crypto.hash.Poseidon;
import io.cairn.starknet.block.PatriciaRoot;
import io.cairn.starknet.tx.Transaction.ResourceBounds;
import io.cairn.starknet.tx.Transaction.ResourceBoundsMapping;
import io.cairn.starknet.tx.TransactionHashes;
import io.cairn.testsupport.Fixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entries of inline_vectors.json that this module's rules cover and whose inputs are in the file. */
class InlineVectorsTest {
  static JsonNode vectors() throws IOException {
    return new ObjectMapper().readTree(Fixtures.require("starknet-hashes/inline_vectors.json").toFile());
  }

  static Felt felt(JsonNode n) {
    return Felt.fromHex(n.asText());
  }

  static List<Felt> felts(JsonNode a) {
    List<Felt> out = new ArrayList<>();
    for (JsonNode x : a) out.add(felt(x));
    return out;
  }

  @Test
  void poseidonVectors() throws IOException {
    JsonNode v = vectors();
    int n = 0;
    for (JsonNode e : v.get("poseidon_hash2")) {
      assertEquals(e.get("hash").asText(), Poseidon.hash(felt(e.get("a")), felt(e.get("b"))).toHex());
      n++;
    }
    for (JsonNode e : v.get("poseidon_hash_single")) {
      assertEquals(e.get("hash").asText(), Poseidon.hashSingle(felt(e.get("x"))).toHex());
      n++;
    }
    for (JsonNode e : v.get("poseidon_hash_many")) {
      assertEquals(e.get("hash").asText(), Poseidon.hashMany(felts(e.get("input"))).toHex());
      n++;
    }
    assertEquals(6, n);
  }

  @Test
  void keccakAndSelectors() throws IOException {
    int n = 0;
    for (JsonNode e : vectors().get("starknet_keccak")) {
      if (!e.has("input_ascii")) continue;
      String name = e.get("input_ascii").asText();
      assertEquals(e.get("hash").asText(), Keccak.starknetKeccak(name.getBytes(StandardCharsets.US_ASCII)).toHex());
      assertEquals(e.get("hash").asText(), Selectors.fromName(name).toHex());
      n++;
    }
    assertEquals(2, n);
    assertEquals(Felt.ZERO, Selectors.fromName("__default__"));
    assertEquals(Felt.ZERO, Selectors.fromName("__l1_default__"));
    assertEquals("0x28ffe4ff0f226a9107253e17a904099aa4f63a02a5621de0576e5aa71bc5194", Selectors.CONSTRUCTOR.toHex());
  }

  @Test
  void tipAndResourceBoundsHash() throws IOException {
    int n = 0;
    for (JsonNode e : vectors().get("tx_v3_fee_field_hash")) {
      ResourceBoundsMapping b =
          new ResourceBoundsMapping(bound(e.get("l1_gas")), bound(e.get("l1_data_gas")), bound(e.get("l2_gas")));
      assertEquals(e.get("hash").asText(), TransactionHashes.tipAndResourceBoundsHash(felt(e.get("tip")), b).toHex());
      n++;
    }
    assertEquals(2, n);
  }

  static ResourceBounds bound(JsonNode pair) {
    return new ResourceBounds(felt(pair.get(0)), felt(pair.get(1)));
  }

  @Test
  void storageVariableAddresses() throws IOException {
    int n = 0;
    for (JsonNode e : vectors().get("storage_var_address")) {
      assertEquals(
          e.get("address").asText(),
          Addresses.storageVarAddress(e.get("name").asText(), felts(e.get("keys"))).toHex());
      n++;
    }
    assertEquals(2, n);
  }

  @Test
  void contractAddresses() throws IOException {
    int n = 0;
    for (JsonNode e : vectors().get("contract_address")) {
      if (!e.has("address")) continue;
      Felt a =
          Addresses.contractAddress(
              felt(e.get("deployer")), felt(e.get("salt")), felt(e.get("class_hash")), felts(e.get("constructor_calldata")));
      assertEquals(e.get("address").asText(), a.toHex());
      n++;
    }
    assertEquals(1, n);
    // with a deployer the address changes
    JsonNode e = vectors().get("contract_address").get(0);
    Felt withDeployer =
        Addresses.contractAddress(Felt.ONE, felt(e.get("salt")), felt(e.get("class_hash")), felts(e.get("constructor_calldata")));
    assertTrue(!withDeployer.toHex().equals(e.get("address").asText()));
  }

  /** The minimal state commitment: one contract (0x2) with one storage slot, through two height-251 tries. */
  @Test
  void minimalStateCommitment() throws IOException {
    JsonNode e = vectors().get("state_commitment_minimal");
    Felt storageRoot =
        PatriciaRoot.root(List.of(BigInteger.ZERO), List.of(Felt.fromHex("0x80")), 251, PatriciaRoot.PEDERSEN);
    Felt leaf = Pedersen.hash(Pedersen.hash(Pedersen.hash(Felt.ZERO, storageRoot), Felt.ZERO), Felt.ZERO);
    Felt contractsRoot = PatriciaRoot.root(List.of(BigInteger.TWO), List.of(leaf), 251, PatriciaRoot.PEDERSEN);
    Felt global = Poseidon.hashMany(Felt.fromShortString("STARKNET_STATE_V0"), contractsRoot, Felt.ZERO);
    assertEquals(e.get("state_commitment").asText(), global.toHex());
  }
}
