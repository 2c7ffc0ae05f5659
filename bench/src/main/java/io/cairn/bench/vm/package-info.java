/** VM throughput: JMH on a 10.5M-step fibonacci, and CPU-time / retained-heap figures ({@code VmThroughput}). */
package io.cairn.bench.vm;
