package io.cairn.cli.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.CliHarness;
import io.cairn.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class HashCommandTest {
  static void ok(String expected, String... args) {
    CliHarness r = CliHarness.run(args);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(expected + "\n", r.out().replace("\r\n", "\n"));
  }

  static void badInput(String mention, String... args) {
    CliHarness r = CliHarness.run(args);
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(mention), r.err());
  }

  @Test
  void poseidonModes() {
    ok(
        "0x75540825a6ecc5dc7d7c2f5f868164182742227f1367d66c43ee51ec7937a81",
        "hash", "poseidon",
        "0xb662f9017fa7956fd70e26129b1833e10ad000fd37b4d9f4e0ce6884b7bbe",
        "0x1fe356bf76102cdae1bfbdc173602ead228b12904c00dad9cf16e035468bea");
    ok("0x6d226d4c804cd74567f5ac59c6a4af1fe2a6eced19fb7560a9124579877da25", "hash", "poseidon", "--single", "1");
    ok("0x29aee7812642221479b7e8af204ceaa5a7b7e113349fc8fb93e6303b477eb4d", "hash", "poseidon", "--many", "0", "0", "0");
    badInput("exactly two", "hash", "poseidon", "0x1");
    badInput("exactly one", "hash", "poseidon", "--single", "1", "2");
    badInput("mutually exclusive", "hash", "poseidon", "--single", "--many", "1");
  }

  @Test
  void digests() {
    ok("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", "hash", "keccak", "0x");
    ok("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", "hash", "keccak", "616263");
    ok("0x508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982", "hash", "blake2s", "0x616263");
    ok("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "hash", "sha256", "0x616263");
    // starknet_keccak("execute")
    ok("0x240060cdb34fcc260f41eac7474ee1d7c80b7e3607daff9ac67c7ea2ebb1c44", "hash", "starknet-keccak", "0x65786563757465");
    badInput("odd number of hex digits", "hash", "keccak", "0x123");
    badInput("not hex", "hash", "blake2s", "0xzz");
  }

  @Test
  void selectors() {
    ok("0x240060cdb34fcc260f41eac7474ee1d7c80b7e3607daff9ac67c7ea2ebb1c44", "selector", "execute");
    ok("0x0", "selector", "__default__");
    ok("0x0", "selector", "__l1_default__");
    badInput("NAME", "selector", "has space");
  }

  @Test
  void feltArgumentsAreChecked() {
    badInput("A", "hash", "pedersen", "0xnothex", "1");
    // p itself is out of range
    badInput("≥ p", "hash", "poseidon", "0x800000000000011000000000000000000000000000000000000000000000001", "1");
  }

  @Test
  void pedersen() {
    ok(
        "0x30e480bed5fe53fa909cc0f8c4d99b8f9f2c016be4c41e13a4848797979c662",
        "hash", "pedersen",
        "0x3d937c035c878245caf64531a5756109c53068da139362728feb561405371cb",
        "0x208a0a10250e382e1e4bbe2880906c2791bf6275695e02fbbc6aeff9cd8b31a");
  }

  @Test
  void addresses() {
    // starknet-rs test_get_contract_address and test_get_storage_var_address (inline_vectors.json)
    ok(
        "0xda27ef7c3869c3a6cc6a0f7bf07a51c3e590825adba8a51cae27d815839eec",
        "contract-address",
        "--class-hash", "0x750cd490a7cd1572411169eaa8be292325990d33c5d4733655fe6b926985062",
        "--salt", "0x18a7a329d1d85b621350f2b5fc9c64b2e57dfe708525f0aff2c90de1e5b9c8",
        "0x1");
    ok("0x206f38f7e4f15e87567361213c28f235cccdaa1d7fd34c9db1dfe9489c6a091", "storage-address", "balance");
    ok("0x7de334d65aa93d9185729b424025918b18892418c85b802775d1f0d2be30a1d", "storage-address", "balanceOf", "0x4d2");
    badInput("KEY[0]", "storage-address", "balanceOf", "0xg");
    badInput("CALLDATA[1]", "contract-address", "--class-hash", "0x1", "--salt", "0x2", "0x1", "x");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] c :
        new String[][] {
          {"hash", "--help"}, {"hash", "poseidon", "--help"}, {"hash", "keccak", "--help"}, {"selector", "--help"},
          {"tx-hash", "--help"}, {"contract-address", "--help"}, {"storage-address", "--help"}, {"public-key", "--help"}, {"sign", "--help"}, {"verify-signature", "--help"}
        }) {
      CliHarness r = CliHarness.run(c);
      assertEquals(0, r.exitCode(), String.join(" ", c));
      assertTrue(r.out().contains("Usage:"), r.out());
    }
  }
}
