package io.cairn.cli.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.CliHarness;
import io.cairn.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TxHashCommandTest {
  // The Declare V3 vector of the sequencer's transaction_hash.json (mainnet block 630721), in the RPC shape
  static final String DECLARE_V3 =
      """
      {"type":"DECLARE","version":"0x3",
       "sender_address":"0x46d3a562c606077c14c3479946e4145b7a372538875eb4e635e758fcd1d2c80",
       "class_hash":"0x7a9d1cd5dcf3d47b10e638eb1330d101f7d471f08eff9664b42dfa90f6973bf",
       "compiled_class_hash":"0x4fc6444f59a2fb0b2c67e1e22caba0edc3b48727e8a9cc19e59e5c3e5dc8270",
       "nonce":"0x3","signature":[],
       "resource_bounds":{"l1_gas":{"max_amount":"0xe38c2","max_price_per_unit":"0x24e2649cc098"},
                          "l2_gas":{"max_amount":"0x0","max_price_per_unit":"0x0"}},
       "tip":"0x0","paymaster_data":[],"account_deployment_data":[],
       "nonce_data_availability_mode":"L1","fee_data_availability_mode":"L1"}
      """;

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void hashesAnRpcTransaction() throws IOException {
    Path f = write("declare.json", DECLARE_V3);
    CliHarness r = CliHarness.run("tx-hash", "--chain-id", "SN_MAIN", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("0x50ca961fd1b5f7f1ea1e8620ac980cc3c3fb4e434f0661c3a2d50893082b9fb", r.out().strip());
    // the chain id as a hex felt is the same chain
    CliHarness hex = CliHarness.run("tx-hash", "--chain-id", "0x534e5f4d41494e", f.toString());
    assertEquals(r.out(), hex.out());
    // query version
    Path q = write("query.json", DECLARE_V3.replace("\"version\":\"0x3\"", "\"version\":\"0x100000000000000000000000000000003\""));
    CliHarness rq = CliHarness.run("tx-hash", "--chain-id", "SN_MAIN", q.toString());
    assertEquals("0x71aa91a887080fa2fb1e473713123dca182eae42433c5422bbada8125819dc9", rq.out().strip());
  }

  @Test
  void badInputNamesTheFileAndPath() throws IOException {
    Path f = write("bad.json", DECLARE_V3.replace("\"0x3\",\"signature\"", "\"0xq\",\"signature\""));
    CliHarness r = CliHarness.run("tx-hash", "--chain-id", "SN_MAIN", f.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertTrue(r.err().contains("bad.json: $.nonce"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());

    Path broken = write("broken.json", "{\"type\": ");
    CliHarness b = CliHarness.run("tx-hash", "--chain-id", "SN_MAIN", broken.toString());
    assertEquals(ExitCodes.BAD_INPUT, b.exitCode());
    assertTrue(b.err().contains("malformed JSON"), b.err());

    CliHarness missing = CliHarness.run("tx-hash", "--chain-id", "SN_MAIN", dir.resolve("nope.json").toString());
    assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());

    CliHarness chain = CliHarness.run("tx-hash", "--chain-id", "A_CHAIN_ID_LONGER_THAN_31_CHARACTERS", write("ok.json", DECLARE_V3).toString());
    assertEquals(ExitCodes.BAD_INPUT, chain.exitCode());
    assertTrue(chain.err().contains("--chain-id"), chain.err());
  }
}
