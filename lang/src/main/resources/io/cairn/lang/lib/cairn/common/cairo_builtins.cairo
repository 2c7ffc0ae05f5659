// Cairn standard library: the memory layout of one instance of each builtin.
from cairn.common.ec_point import EcPoint
from cairn.common.keccak_state import KeccakBuiltinState
from cairn.common.poseidon_state import PoseidonBuiltinState

// Pedersen: the builtin deduces result = H(x, y).
struct HashBuiltin {
    x: felt,
    y: felt,
    result: felt,
}

// ECDSA: the run registers a signature for (pub_key, message); the builtin checks it.
struct SignatureBuiltin {
    pub_key: felt,
    message: felt,
}

struct BitwiseBuiltin {
    x: felt,
    y: felt,
    x_and_y: felt,
    x_xor_y: felt,
    x_or_y: felt,
}

// r = p + m * q on the STARK curve.
struct EcOpBuiltin {
    p: EcPoint,
    q: EcPoint,
    m: felt,
    r: EcPoint,
}

struct KeccakBuiltin {
    input: KeccakBuiltinState,
    output: KeccakBuiltinState,
}

struct PoseidonBuiltin {
    input: PoseidonBuiltinState,
    output: PoseidonBuiltinState,
}

// A 384-bit number in four 96-bit limbs (the mod builtins' unit).
struct UInt384 {
    d0: felt,
    d1: felt,
    d2: felt,
    d3: felt,
}

struct ModBuiltin {
    p: UInt384,
    values_ptr: UInt384*,
    offsets_ptr: felt*,
    n: felt,
}
