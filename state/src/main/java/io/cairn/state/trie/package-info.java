/**
 * Starknet's binary Merkle-Patricia trie (binary and edge nodes, height 251 in Starknet, a parameter here) as a
 * persistent, content-addressed structure: an update reads only the nodes on the touched paths and returns the new
 * root with the nodes it created, so every past root stays readable. Also Merkle proofs in the RPC's shape, their
 * verification, and the OS-witness traversal that StarkWare's committer calls {@code fetch_patricia_paths}.
 */
package io.cairn.state.trie;
