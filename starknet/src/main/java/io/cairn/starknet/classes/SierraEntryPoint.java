package io.cairn.starknet.classes;

import io.cairn.crypto.field.Felt;

/** An entry point of a Sierra class: the selector and the index of the Sierra function it runs. */
public record SierraEntryPoint(Felt selector, int functionIdx) {}
