package io.cairn.state.kv;

/**
 * The columns (RocksDB column families) of the state store. Ids are fixed bytes written to disk: never renumber,
 * never reuse a retired id. {@code seekPrefix} is the length of the key prefix that history seeks stay within (0 for
 * point-lookup columns); RocksDB builds prefix Bloom filters on it.
 */
public enum Column {
  /** Store-wide values: the head block number, the schema version. */
  META(0, 0),
  /** Trie nodes by hash (content-addressed, shared by all tries and all blocks). */
  TRIE_NODES(1, 0),
  /** contract address ‖ storage key ‖ ~block → value written at that block (empty = 0). */
  STORAGE_HISTORY(2, 64),
  /** contract address ‖ ~block → class hash ‖ nonce ‖ storage root after that block. */
  CONTRACT_HISTORY(3, 32),
  /** class hash ‖ ~block → compiled class hash set at that block (declaration or migration). */
  COMPILED_CLASS_HISTORY(4, 32),
  /** class hash → block number of its declaration (Cairo 0 classes included). */
  CLASS_DECLARED_AT(5, 0),
  /** class hash → kind byte ‖ definition (Sierra or legacy class JSON). */
  CLASS_DEFINITIONS(6, 0),
  /** class hash → CASM JSON of a Sierra class. */
  CASM_DEFINITIONS(7, 0),
  /** block number → global root ‖ contracts root ‖ classes root. */
  BLOCK_ROOTS(8, 0),
  /** block number → the block's state diff (for reverts and state updates). */
  STATE_DIFFS(9, 0);

  private final byte id;
  private final int seekPrefix;

  Column(int id, int seekPrefix) {
    this.id = (byte) id;
    this.seekPrefix = seekPrefix;
  }

  public byte id() {
    return id;
  }

  public int seekPrefix() {
    return seekPrefix;
  }
}
