/**
 * Data availability: the state diff (the block's {@link io.cairn.starknet.block.BlockData.StateDiff}) Cairn publishes inside the OS output, in Starknet 0.13.3's encoding (the packed
 * 0.13.2 diff, then stateless compression; no aliases), and its decoding, so a node can rebuild the state from L1.
 */
package io.cairn.l1.da;
