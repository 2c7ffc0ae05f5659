package io.cairn.state;

import io.cairn.crypto.field.Felt;

/** The commitments after a block: the global state root and the roots of the contracts and classes tries. */
public record BlockRoots(long block, Felt globalRoot, Felt contractsRoot, Felt classesRoot) {}
