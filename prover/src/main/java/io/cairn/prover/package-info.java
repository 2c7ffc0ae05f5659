/** The STARK prover and verifier for Cairo executions, in Stone's proof format. */
package io.cairn.prover;
