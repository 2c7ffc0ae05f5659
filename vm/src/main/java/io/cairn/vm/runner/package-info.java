/**
 * Runs a program end to end like {@code cairo-run} (entry, proof mode and padding, stop pointers, relocation, security
 * pass) and hands the result to files and the prover as plain data ({@code RunOutput}).
 */
package io.cairn.vm.runner;
