/**
 * {@code cairn class-hash} and {@code cairn compiled-class-hash}: the hashes that name a contract class, computed
 * from its JSON artifact by {@link io.cairn.starknet.classes}.
 */
package io.cairn.cli.classes;
