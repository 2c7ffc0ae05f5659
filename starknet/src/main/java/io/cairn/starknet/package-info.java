/** Starknet's protocol types and hashing rules: addresses, class hashes, transaction and block hashes. */
package io.cairn.starknet;
