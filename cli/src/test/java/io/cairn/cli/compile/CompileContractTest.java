package io.cairn.cli.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn compile --contract}: a Starknet contract to a deprecated class, then its class hash. */
class CompileContractTest {
  @TempDir Path dir;

  /** The library modules starknet-compile loads for every contract, as minimal stand-ins. */
  private Path stubLibrary() throws Exception {
    Path lib = dir.resolve("lib");
    write(lib, "starkware/cairo/common/alloc.cairo", "");
    write(lib, "starkware/cairo/common/memcpy.cairo", "");
    write(lib, "starkware/cairo/common/cairo_builtins.cairo", "struct HashBuiltin {\n    x: felt,\n    y: felt,\n    result: felt,\n}\n");
    write(lib, "starkware/cairo/common/hash.cairo", "from starkware.cairo.common.cairo_builtins import HashBuiltin\n\n"
        + "func hash2{hash_ptr: HashBuiltin*}(x, y) -> (result: felt) {\n    hash_ptr.x = x;\n    hash_ptr.y = y;\n"
        + "    let result = hash_ptr.result;\n    let hash_ptr = hash_ptr + HashBuiltin.SIZE;\n    return (result=result);\n}\n");
    write(lib, "starkware/starknet/common/storage.cairo", "func normalize_address{range_check_ptr}(addr: felt) -> (res: felt) {\n    return (res=addr);\n}\n");
    write(lib, "starkware/starknet/common/syscalls.cairo", "func storage_read{syscall_ptr: felt*}(address: felt) -> (value: felt) {\n"
        + "    assert [syscall_ptr + 1] = address;\n    let value = [syscall_ptr + 2];\n    let syscall_ptr = syscall_ptr + 3;\n    return (value=value);\n}\n"
        + "func storage_write{syscall_ptr: felt*}(address: felt, value: felt) {\n    let syscall_ptr = syscall_ptr + 3;\n    return ();\n}\n");
    return lib;
  }

  private static void write(Path root, String rel, String text) throws Exception {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void compilesAContractWhoseStorageAddressAndClassHashCheckOut() throws Exception {
    Path lib = stubLibrary();
    Path src = dir.resolve("counter.cairo");
    Files.writeString(src, """
        %lang starknet
        from starkware.cairo.common.cairo_builtins import HashBuiltin

        @storage_var
        func counter() -> (value: felt) {
        }

        @view
        func get{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}() -> (value: felt) {
            return counter.read();
        }
        """);
    Path out = dir.resolve("counter.json");
    CliHarness r = CliHarness.run("compile", "--contract", src.toString(), "--cairo-path", lib.toString(), "--output", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode cls = new ObjectMapper().readTree(out.toFile());
    CliHarness selector = CliHarness.run("selector", "get");
    assertEquals(selector.out().trim(), cls.at("/entry_points_by_type/EXTERNAL/0/selector").asText(), "selector of 'get'");
    assertEquals(cls.at("/program/identifiers/__wrappers__.get/pc").asInt(), cls.at("/entry_points_by_type/EXTERNAL/0/offset").asInt());
    // counter.addr pushes the variable's base address: the same as `cairn storage-address counter`.
    CliHarness address = CliHarness.run("storage-address", "counter");
    assertEquals(0, address.exitCode(), address.err());
    int addrPc = cls.at("/program/identifiers/__main__.counter.addr/pc").asInt();
    int readPc = cls.at("/program/identifiers/__main__.counter.read/pc").asInt();
    boolean found = false;
    for (int pc = addrPc; pc < readPc; pc++) found |= cls.at("/program/data/" + pc).asText().equals(address.out().trim());
    assertTrue(found, "counter.addr holds " + address.out());
    CliHarness hash = CliHarness.run("class-hash", out.toString());
    assertEquals(0, hash.exitCode(), hash.err());
    assertTrue(hash.out().trim().matches("0x[0-9a-f]+"), hash.out());
  }

  @Test
  void contractErrorsExitWithTwo() throws Exception {
    Path lib = stubLibrary();
    Path src = dir.resolve("bad.cairo");
    Files.writeString(src, "%lang starknet\n@storage_var\nfunc x() -> (a: felt, b: felt) {\n}\n");
    CliHarness r = CliHarness.run("compile", "--contract", src.toString(), "--cairo-path", lib.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("bad.cairo:3:13: Storage variables must return exactly one value."), r.err());
  }
}
