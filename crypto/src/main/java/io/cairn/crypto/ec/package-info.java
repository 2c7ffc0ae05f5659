/** The Stark curve y² = x³ + x + β: points, scalar multiplication, and ECDSA as Starknet uses it. */
package io.cairn.crypto.ec;
