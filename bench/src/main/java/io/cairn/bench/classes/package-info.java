/** Benchmarks of contract class loading and hashing ({@link io.cairn.starknet.classes}). */
package io.cairn.bench.classes;
