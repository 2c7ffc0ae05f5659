/** Benchmarks of Poseidon, Keccak-256, BLAKE2s and SHA-256: JMH ({@code HashBenchmark}) and thread CPU time ({@code HashCpuTime}). */
package io.cairn.bench.hash;
