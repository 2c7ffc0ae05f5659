/**
 * Starknet contracts in Cairo 0 ({@code %lang starknet}): the decorators' code generation, the
 * entry-point wrappers, the ABI and the deprecated contract class JSON.
 */
package io.cairn.lang.starknet;
