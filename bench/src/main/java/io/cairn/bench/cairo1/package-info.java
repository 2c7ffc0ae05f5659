/** Cairo 1 (CASM) execution throughput: contract entry points through the syscall seam. */
package io.cairn.bench.cairo1;
