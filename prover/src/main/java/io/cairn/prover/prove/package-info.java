/**
 * The STARK prover in Stone's protocol: from a layout's trace to the bytes of Stone's proof_hex and its JSON file,
 * writing the transcript the verifier ({@code io.cairn.prover.verifier.StoneVerifier}) replays.
 */
package io.cairn.prover.prove;
