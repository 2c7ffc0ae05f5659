package io.cairn.starknet.classes;

import io.cairn.crypto.field.Felt;

/** A declarable contract class: Sierra (Cairo 1+) or legacy (Cairo 0). Its class hash names it on Starknet. */
public sealed interface ContractClass permits SierraClass, LegacyClass {
  Felt classHash();
}
