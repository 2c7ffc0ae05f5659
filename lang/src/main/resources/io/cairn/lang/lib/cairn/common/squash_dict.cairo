// Cairn standard library: squashing a log of dict accesses.
//
// The run gives, key by key in increasing order, the indices of that key's accesses in increasing
// order. Each index is checked to exceed the previous one of its key (the first to be >= 0, the last
// below n_accesses) and to point at an access with that key, so no access is used twice; the
// accesses used are counted, and the squash ends only when the count reaches n_accesses, so none is
// left out. Along each key's chain, every access must start from the value the previous one left.
from cairn.common.dict_access import DictAccess
from cairn.common.math import assert_lt, assert_lt_felt, assert_nn

// Writes the squashed form of [dict_accesses, dict_accesses_end) from squashed_dict on; returns
// the end of what it wrote. Keys below 2**128 cost fewer range checks; any felt is accepted.
func squash_dict{range_check_ptr}(
    dict_accesses: DictAccess*, dict_accesses_end: DictAccess*, squashed_dict: DictAccess*
) -> (squashed_dict: DictAccess*) {
    alloc_locals;
    local n_accesses = (cast(dict_accesses_end, felt) - cast(dict_accesses, felt)) / DictAccess.SIZE;
    with_attr error_message("squash_dict: the log's length is not a multiple of DictAccess.SIZE.") {
        assert_nn(n_accesses);
    }
    if (n_accesses == 0) {
        return (squashed_dict=squashed_dict);
    }
    local accesses_start: felt* = cast(dict_accesses, felt*);
    local first_key;
    local big_keys;
    %{
        # cairn.squash_dict.start
        cairn_indices = {}
        for cairn_i in range(ids.n_accesses):
            cairn_indices.setdefault(memory[ids.accesses_start + cairn_i * ids.DictAccess.SIZE], []).append(cairn_i)
        cairn_keys = sorted(cairn_indices, reverse=True)
        ids.big_keys = 1 if cairn_keys[0] >= range_check_builtin.bound else 0
        ids.first_key = cairn_key = cairn_keys.pop()
    %}
    if (big_keys == 0) {
        assert_nn(first_key);
        return _squash_keys(
            dict_accesses, n_accesses, first_key, n_accesses, big_keys, squashed_dict
        );
    }
    return _squash_keys(dict_accesses, n_accesses, first_key, n_accesses, big_keys, squashed_dict);
}

// Squashes the accesses of key and of every greater key; remaining counts the accesses not yet used.
func _squash_keys{range_check_ptr}(
    dict_accesses: DictAccess*,
    n_accesses,
    key,
    remaining,
    big_keys,
    squashed_dict: DictAccess*,
) -> (squashed_dict: DictAccess*) {
    alloc_locals;
    local first_index;
    %{
        # cairn.squash_dict.first_index
        cairn_pending = sorted(cairn_indices[cairn_key], reverse=True)
        ids.first_index = cairn_pending.pop()
    %}
    // first_index >= 0 here; the chain proves each later index larger than the one before, and the
    // last one below n_accesses.
    assert [range_check_ptr] = first_index;
    let range_check_ptr = range_check_ptr + 1;
    local first: DictAccess* = dict_accesses + first_index * DictAccess.SIZE;
    assert first.key = key;
    let (last_value, n_used, last_index) = _squash_chain(
        dict_accesses, key, first_index, first.new_value, 1
    );
    assert [range_check_ptr] = n_accesses - 1 - last_index;
    let range_check_ptr = range_check_ptr + 1;
    assert squashed_dict.key = key;
    assert squashed_dict.prev_value = first.prev_value;
    assert squashed_dict.new_value = last_value;
    local left = remaining - n_used;
    if (left == 0) {
        %{
            # cairn.squash_dict.end
            assert not cairn_keys, f'squash_dict: keys {cairn_keys} have accesses left over.'
        %}
        return (squashed_dict=squashed_dict + DictAccess.SIZE);
    }
    local next_key;
    %{
        # cairn.squash_dict.next_key
        assert cairn_keys, 'squash_dict: accesses remain but no keys are left.'
        ids.next_key = cairn_key = cairn_keys.pop()
    %}
    if (big_keys == 0) {
        assert_lt(key, next_key);
        return _squash_keys(
            dict_accesses, n_accesses, next_key, left, big_keys, squashed_dict + DictAccess.SIZE
        );
    }
    assert_lt_felt(key, next_key);
    return _squash_keys(
        dict_accesses, n_accesses, next_key, left, big_keys, squashed_dict + DictAccess.SIZE
    );
}

// Follows key's accesses after last_index; value is the value the previous access left. Returns the
// key's last value, the number of its accesses and the index of its last access.
func _squash_chain{range_check_ptr}(
    dict_accesses: DictAccess*, key, last_index, value, n_used
) -> (value: felt, n_used: felt, last_index: felt) {
    alloc_locals;
    local more;
    local index;
    %{
        # cairn.squash_dict.next_index
        ids.more = 1 if cairn_pending else 0
        if cairn_pending:
            ids.index = cairn_pending.pop()
    %}
    if (more == 0) {
        return (value=value, n_used=n_used, last_index=last_index);
    }
    assert [range_check_ptr] = index - last_index - 1;
    let range_check_ptr = range_check_ptr + 1;
    local access: DictAccess* = dict_accesses + index * DictAccess.SIZE;
    assert access.key = key;
    with_attr error_message("squash_dict: an access does not start from the value its key holds.") {
        assert access.prev_value = value;
    }
    return _squash_chain(dict_accesses, key, index, access.new_value, n_used + 1);
}
