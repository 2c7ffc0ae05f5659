/** {@code cairn public-key}, {@code cairn sign}, {@code cairn verify-signature}: Stark-curve ECDSA as Starknet uses it. */
package io.cairn.cli.signature;
