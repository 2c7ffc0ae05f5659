/** Verification of Stone proofs of Cairo executions. */
package io.cairn.prover.verifier;
