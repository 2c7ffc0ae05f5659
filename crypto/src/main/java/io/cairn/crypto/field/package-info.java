/**
 * The Stark field: {@link io.cairn.crypto.field.Felt}, the immutable value every other module speaks, and
 * {@link io.cairn.crypto.field.Fp}, allocation-free kernels over {@code long[]} limbs for hot loops.
 */
package io.cairn.crypto.field;
