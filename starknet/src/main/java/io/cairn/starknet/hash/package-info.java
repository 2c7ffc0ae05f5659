/**
 * Starknet's derived identifiers: entry-point selectors, contract addresses, storage-variable addresses and chain
 * ids, as cairo-lang and the sequencer compute them (STARKNET.md §4).
 */
package io.cairn.starknet.hash;
