// Cairn standard library: the Poseidon builtin's three-felt state.
struct PoseidonBuiltinState {
    s0: felt,
    s1: felt,
    s2: felt,
}
