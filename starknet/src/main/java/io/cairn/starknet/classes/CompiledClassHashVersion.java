package io.cairn.starknet.classes;

/**
 * Which hash builds the compiled class hash. Both hash the same structure ({@code COMPILED_CLASS_V1}, entry points,
 * bytecode segments); they differ only in the hash function.
 */
public enum CompiledClassHashVersion {
  /** Poseidon ({@code poseidon_hash_many}): what declares carried up to Starknet 0.14.0. */
  V1,
  /**
   * Blake2s over the felts' u32 encoding ({@link Blake2sFeltHash}): required for declares since Starknet 0.14.1
   * (versioned constant {@code block_casm_hash_v1_declares}).
   */
  V2
}
