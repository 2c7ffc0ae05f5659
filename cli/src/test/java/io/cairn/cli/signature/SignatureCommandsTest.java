package io.cairn.cli.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.cli.CliHarness;
import io.cairn.cli.ExitCodes;
import io.cairn.crypto.ec.Ecdsa;
import io.cairn.crypto.field.Felt;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureCommandsTest {
  @Test
  void signVerifyRoundTripAndRejection() {
    String key = "0x3c1e9550e66958296d11b60f8e8e7a7ad990d07fa65d5f7652c4a6c87d4e3cc";
    CliHarness pub = CliHarness.run("public-key", key);
    assertEquals(0, pub.exitCode(), pub.err());
    String publicKey = pub.out().strip();
    // the public key printed is the library's, as hex
    assertEquals(Ecdsa.publicKey(Felt.parse(key)).toHex(), publicKey);

    String hash = "0x1";
    CliHarness sig = CliHarness.run("sign", "--private-key", key, hash);
    assertEquals(0, sig.exitCode(), sig.err());
    List<String> rs = sig.out().strip().lines().toList();
    assertEquals(2, rs.size());

    CliHarness good = CliHarness.run("verify-signature", "--public-key", publicKey, hash, rs.get(0), rs.get(1));
    assertEquals(ExitCodes.OK, good.exitCode(), good.err());
    CliHarness bad = CliHarness.run("verify-signature", "--public-key", publicKey, "0x2", rs.get(0), rs.get(1));
    assertEquals(ExitCodes.NEGATIVE, bad.exitCode(), bad.err());
  }

  @Test
  void badArgumentsAreExitTwo() {
    assertEquals(ExitCodes.BAD_INPUT, CliHarness.run("public-key", "0xnope").exitCode());
    assertEquals(ExitCodes.BAD_INPUT, CliHarness.run("sign", "0x1").exitCode()); // no --private-key
    assertEquals(ExitCodes.BAD_INPUT, CliHarness.run("verify-signature", "--public-key", "0x1", "0x1", "0x1").exitCode());
  }
}
