// Cairn standard library: the keccak builtin's 1600-bit state as eight 200-bit felts.
struct KeccakBuiltinState {
    s0: felt,
    s1: felt,
    s2: felt,
    s3: felt,
    s4: felt,
    s5: felt,
    s6: felt,
    s7: felt,
}
