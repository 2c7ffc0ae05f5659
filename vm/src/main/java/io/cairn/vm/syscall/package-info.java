/**
 * The Starknet syscall seam: {@link io.cairn.vm.syscall.SyscallHandler} (what a syscall does to the world), {@link
 * io.cairn.vm.syscall.SyscallDispatcher} (request/response layouts on the syscall segment and gas per the versioned
 * constants), {@link io.cairn.vm.syscall.ContractRunner} (an entry point called as the Starknet OS calls it) and
 * {@link io.cairn.vm.syscall.InMemorySyscallHandler} for tests and the CLI.
 */
package io.cairn.vm.syscall;
