/** {@code cairn tx-hash}: the hash of a transaction given in the JSON-RPC shape. */
package io.cairn.cli.tx;
