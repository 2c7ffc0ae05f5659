package io.cairn.starknet.classes;

import io.cairn.crypto.field.Felt;

/** An entry point of a Cairo 0 class: the selector and the pc (offset into the program data) it starts at. */
public record LegacyEntryPoint(Felt selector, int offset) {}
