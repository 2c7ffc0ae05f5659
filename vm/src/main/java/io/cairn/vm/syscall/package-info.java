/**
 * The Starknet syscall seam for Cairo 1 contracts: {@link io.cairn.vm.syscall.SyscallHandler} (what a syscall does to
 * the world), {@link io.cairn.vm.syscall.SyscallDispatcher} (request/response layouts of the whole syscall list on the
 * syscall segment, gas per {@link io.cairn.vm.syscall.SyscallCosts} from the versioned constants, the pure syscalls:
 * keccak, sha256/sha512 blocks, secp256k1/r1 points), {@link io.cairn.vm.syscall.ContractRunner} (an entry point
 * called as the Starknet OS calls it) and {@link io.cairn.vm.syscall.InMemorySyscallHandler}, a whole world in
 * memory for tests and the CLI.
 */
package io.cairn.vm.syscall;
