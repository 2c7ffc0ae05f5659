/** Number-theoretic transforms and low-degree extension over the Stark field, allocation-free. */
package io.cairn.prover.fft;
