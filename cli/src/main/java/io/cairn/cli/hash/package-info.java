/** {@code cairn hash …} and {@code cairn selector}: Starknet's hash functions on the command line. */
package io.cairn.cli.hash;
