// Cairn standard library: incremental Pedersen hashing of a sequence of felts.
// The digest of words w1..wn is H(H(...H(H(0, w1), w2)..., wn), n), Starknet's hash on elements.
from cairn.common.cairo_builtins import HashBuiltin
from cairn.common.hash import hash2
from cairn.common.registers import get_fp_and_pc

struct HashState {
    current_hash: felt,
    n_words: felt,
}

// A state for the empty sequence.
func hash_init() -> (hash_state_ptr: HashState*) {
    alloc_locals;
    let (__fp__, _) = get_fp_and_pc();
    local state: HashState = HashState(current_hash=0, n_words=0);
    return (hash_state_ptr=&state);
}

// The state after appending data_ptr[0..data_length).
func hash_update{hash_ptr: HashBuiltin*}(
    hash_state_ptr: HashState*, data_ptr: felt*, data_length
) -> (new_hash_state_ptr: HashState*) {
    alloc_locals;
    let (chained) = _hash_chain(hash_state_ptr.current_hash, data_ptr, data_length);
    let (__fp__, _) = get_fp_and_pc();
    local state: HashState = HashState(
        current_hash=chained, n_words=hash_state_ptr.n_words + data_length
    );
    return (new_hash_state_ptr=&state);
}

// The state after appending one item.
func hash_update_single{hash_ptr: HashBuiltin*}(hash_state_ptr: HashState*, item) -> (
    new_hash_state_ptr: HashState*
) {
    alloc_locals;
    let (chained) = hash2(hash_state_ptr.current_hash, item);
    let (__fp__, _) = get_fp_and_pc();
    local state: HashState = HashState(current_hash=chained, n_words=hash_state_ptr.n_words + 1);
    return (new_hash_state_ptr=&state);
}

// The state after appending one item: the digest of data_ptr[0..data_length).
func hash_update_with_hashchain{hash_ptr: HashBuiltin*}(
    hash_state_ptr: HashState*, data_ptr: felt*, data_length: felt
) -> (new_hash_state_ptr: HashState*) {
    let (digest) = hash_felts(data_ptr, data_length);
    return hash_update_single(hash_state_ptr, digest);
}

// The digest: H(current_hash, n_words).
func hash_finalize{hash_ptr: HashBuiltin*}(hash_state_ptr: HashState*) -> (hash: felt) {
    let (res) = hash2(hash_state_ptr.current_hash, hash_state_ptr.n_words);
    return (hash=res);
}

// H(...H(H(initial_hash, d0), d1)..., d(n-1)), without the length.
func hash_felts_no_padding{hash_ptr: HashBuiltin*}(
    data_ptr: felt*, data_length: felt, initial_hash: felt
) -> (hash: felt) {
    let (res) = _hash_chain(initial_hash, data_ptr, data_length);
    return (hash=res);
}

// The digest of data[0..length) (see the top of this file).
func hash_felts{hash_ptr: HashBuiltin*}(data: felt*, length: felt) -> (hash: felt) {
    let (chained) = _hash_chain(0, data, length);
    let (res) = hash2(chained, length);
    return (hash=res);
}

func _hash_chain{hash_ptr: HashBuiltin*}(acc, data: felt*, n) -> (res: felt) {
    if (n == 0) {
        return (res=acc);
    }
    let (next) = hash2(acc, data[0]);
    return _hash_chain(next, data + 1, n - 1);
}
