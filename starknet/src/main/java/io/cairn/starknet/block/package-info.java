/**
 * Block hashes and the commitments they bind: transaction, event and receipt commitments (Patricia tries of height
 * 64 keyed by index), the state-diff commitment, and the block hash itself under each rule Starknet used — before
 * 0.13.2 (Pedersen), 0.13.2–0.13.3 ({@code STARKNET_BLOCK_HASH0}) and 0.13.4 on ({@code STARKNET_BLOCK_HASH1}).
 */
package io.cairn.starknet.block;
