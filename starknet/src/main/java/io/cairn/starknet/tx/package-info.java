/**
 * Starknet transactions as records in the JSON-RPC 0.10 shape ({@link io.cairn.starknet.tx.Transaction}), their
 * JSON reader ({@link io.cairn.starknet.tx.TransactionJson}) and their hashes
 * ({@link io.cairn.starknet.tx.TransactionHashes}): V3 (Poseidon, SNIP-8) and the legacy V0–V2, DEPLOY and
 * L1_HANDLER rules (Pedersen), including query versions and the deprecated variants of early mainnet blocks.
 */
package io.cairn.starknet.tx;
