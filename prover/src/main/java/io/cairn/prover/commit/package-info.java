/** Commitments of the prover: Merkle trees over tables in Stone's layout. */
package io.cairn.prover.commit;
