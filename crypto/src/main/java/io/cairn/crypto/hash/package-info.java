/** The hashes Starknet and Cairo use: Pedersen, Poseidon, Keccak-256 and starknet_keccak, BLAKE2s, SHA-256, SHA-512. */
package io.cairn.crypto.hash;
