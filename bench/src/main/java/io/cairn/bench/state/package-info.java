/** State benchmarks: root updates, reads at the head and in the past, and disk use, on a store of a million leaves. */
package io.cairn.bench.state;
