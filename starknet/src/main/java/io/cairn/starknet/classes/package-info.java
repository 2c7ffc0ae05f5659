/**
 * Starknet contract classes as their artifacts hold them, and the hashes that name them.
 *
 * <ul>
 *   <li>{@link io.cairn.starknet.classes.SierraClass}: a Cairo 1+ class; {@code classHash()} is the Poseidon hash of
 *       {@code CONTRACT_CLASS_V0.1.0} (cairo-lang {@code class_hash_utils.py}).
 *   <li>{@link io.cairn.starknet.classes.LegacyClass}: a Cairo 0 ("deprecated") class; {@code classHash()} is the
 *       Pedersen chain of cairo-lang's {@code deprecated_class_hash.py}, including the starknet_keccak of the program
 *       re-serialized as Python's {@code json.dumps(sort_keys=True)} writes it.
 *   <li>{@link io.cairn.starknet.classes.CasmClass}: compiled (CASM) class; {@code compiledClassHash(V1|V2)} is the
 *       Poseidon (V1) or Blake2s (V2, required for declares since Starknet 0.14.1) hash of {@code COMPILED_CLASS_V1}.
 * </ul>
 *
 * <p>{@link io.cairn.starknet.classes.ContractClasses} reads any of them from JSON, telling them apart by content.
 * Malformed input raises {@link io.cairn.starknet.classes.ClassFormatException} naming the source and the JSON path.
 */
package io.cairn.starknet.classes;
