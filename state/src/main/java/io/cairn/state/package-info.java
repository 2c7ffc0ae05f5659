/** Starknet's state: Merkle-Patricia commitments over a persistent, versioned RocksDB store. */
package io.cairn.state;
