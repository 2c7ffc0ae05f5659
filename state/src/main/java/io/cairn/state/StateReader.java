package io.cairn.state;

import io.cairn.crypto.field.Felt;
import java.util.Optional;

/** Reads of the state as of one block (or of a pending block). Absent values read as 0. */
public interface StateReader {
  Felt storageAt(Felt contract, Felt key);

  Felt nonceAt(Felt contract);

  Felt classHashAt(Felt contract);

  /** The compiled class hash of a declared Sierra class; 0 for an undeclared or Cairo 0 class. */
  Felt compiledClassHash(Felt classHash);

  /** The definition of a class declared at or before this block (when the store holds it). */
  Optional<ClassDefinition> classDefinition(Felt classHash);
}
