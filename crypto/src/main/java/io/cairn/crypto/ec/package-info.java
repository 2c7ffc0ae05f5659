/**
 * The Stark curve y² = x³ + x + β and ECDSA as Starknet uses it.
 *
 * <p>{@link io.cairn.crypto.ec.EcPoint} is the checked, immutable affine point; {@link io.cairn.crypto.ec.Jacobian}
 * holds the allocation-free point kernels on {@code long[]} limbs, {@link io.cairn.crypto.ec.FixedBaseTable} the
 * precomputed multiples of a fixed point (the generator, Pedersen's points), {@link io.cairn.crypto.ec.ScalarMul}
 * variable-base and multi-scalar multiplication, and {@link io.cairn.crypto.ec.Ecdsa} signing (RFC 6979 k as
 * cairo-lang draws it) and verification with Starknet's validity domain.
 */
package io.cairn.crypto.ec;
