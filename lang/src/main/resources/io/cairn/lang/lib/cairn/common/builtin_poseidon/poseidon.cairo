// Cairn standard library: Starknet's Poseidon hashes through the poseidon builtin (a Hades
// permutation of a three-felt state per instance).
from cairn.common.cairo_builtins import PoseidonBuiltin
from cairn.common.poseidon_state import PoseidonBuiltinState

// The first word of the permutation of (x, y, 2).
func poseidon_hash{poseidon_ptr: PoseidonBuiltin*}(x: felt, y: felt) -> (res: felt) {
    return _permute_first(x, y, 2);
}

// The first word of the permutation of (x, 0, 1).
func poseidon_hash_single{poseidon_ptr: PoseidonBuiltin*}(x: felt) -> (res: felt) {
    return _permute_first(x, 0, 1);
}

// The sponge over elements[0..n) with rate 2, padded with 1 then 0s.
func poseidon_hash_many{poseidon_ptr: PoseidonBuiltin*}(n: felt, elements: felt*) -> (res: felt) {
    return _absorb(0, 0, 0, n, elements);
}

func _permute_first{poseidon_ptr: PoseidonBuiltin*}(s0, s1, s2) -> (res: felt) {
    assert poseidon_ptr.input = PoseidonBuiltinState(s0=s0, s1=s1, s2=s2);
    let res = poseidon_ptr.output.s0;
    let poseidon_ptr = poseidon_ptr + PoseidonBuiltin.SIZE;
    return (res=res);
}

func _absorb{poseidon_ptr: PoseidonBuiltin*}(s0, s1, s2, n, elements: felt*) -> (res: felt) {
    if (n == 0) {
        return _permute_first(s0 + 1, s1, s2);
    }
    if (n == 1) {
        return _permute_first(s0 + elements[0], s1 + 1, s2);
    }
    assert poseidon_ptr.input = PoseidonBuiltinState(s0=s0 + elements[0], s1=s1 + elements[1], s2=s2);
    let out = poseidon_ptr.output;
    let poseidon_ptr = poseidon_ptr + PoseidonBuiltin.SIZE;
    return _absorb(out.s0, out.s1, out.s2, n - 2, elements + 2);
}
