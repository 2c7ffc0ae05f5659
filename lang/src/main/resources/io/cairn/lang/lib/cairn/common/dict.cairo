// Cairn standard library: dicts as logs of accesses. A dict is a pointer to its next DictAccess;
// the run keeps its current content (hint-side) so reads can be answered; dict_squash proves the
// log consistent and summarizes it.
from cairn.common.alloc import alloc
from cairn.common.dict_access import DictAccess
from cairn.common.squash_dict import squash_dict

// A new dict. Its initial content is the hint variable 'initial_dict' when one is set (a mapping
// from key to value), otherwise empty; reading a missing key fails.
func dict_new() -> (res: DictAccess*) {
    %{
        # cairn.dict.new
        if 'cairn_dicts' not in globals():
            cairn_dicts = {}
        cairn_base = segments.add()
        cairn_dicts[cairn_base.segment_index] = [dict(globals().pop('initial_dict', {})), None, cairn_base]
        memory[ap] = cairn_base
    %}
    ap += 1;
    return (res=cast([ap - 1], DictAccess*));
}

// The value at key.
func dict_read{dict_ptr: DictAccess*}(key: felt) -> (value: felt) {
    alloc_locals;
    local value;
    %{
        # cairn.dict.read
        cairn_ptr = ids.dict_ptr.address_
        cairn_data, cairn_default, cairn_current = cairn_dicts[cairn_ptr.segment_index]
        assert cairn_current == cairn_ptr, f'dict_read: wrong dict pointer {cairn_ptr}, the dict is at {cairn_current}.'
        if ids.key not in cairn_data:
            assert cairn_default is not None, f'dict_read: key {ids.key} is not in the dict.'
            cairn_data[ids.key] = cairn_default
        ids.value = cairn_data[ids.key]
        cairn_dicts[cairn_ptr.segment_index][2] = cairn_ptr + ids.DictAccess.SIZE
    %}
    assert dict_ptr.key = key;
    assert dict_ptr.prev_value = value;
    assert dict_ptr.new_value = value;
    let dict_ptr = dict_ptr + DictAccess.SIZE;
    return (value=value);
}

// Sets key to new_value.
func dict_write{dict_ptr: DictAccess*}(key: felt, new_value: felt) {
    %{
        # cairn.dict.write
        cairn_ptr = ids.dict_ptr.address_
        cairn_data, cairn_default, cairn_current = cairn_dicts[cairn_ptr.segment_index]
        assert cairn_current == cairn_ptr, f'dict_write: wrong dict pointer {cairn_ptr}, the dict is at {cairn_current}.'
        if ids.key not in cairn_data:
            assert cairn_default is not None, f'dict_write: key {ids.key} is not in the dict.'
            cairn_data[ids.key] = cairn_default
        ids.dict_ptr.prev_value = cairn_data[ids.key]
        cairn_data[ids.key] = ids.new_value
        cairn_dicts[cairn_ptr.segment_index][2] = cairn_ptr + ids.DictAccess.SIZE
    %}
    assert dict_ptr.key = key;
    assert dict_ptr.new_value = new_value;
    let dict_ptr = dict_ptr + DictAccess.SIZE;
    return ();
}

// Sets key to new_value; fails unless its value was prev_value.
func dict_update{dict_ptr: DictAccess*}(key: felt, prev_value: felt, new_value: felt) {
    %{
        # cairn.dict.update
        cairn_ptr = ids.dict_ptr.address_
        cairn_data, cairn_default, cairn_current = cairn_dicts[cairn_ptr.segment_index]
        assert cairn_current == cairn_ptr, f'dict_update: wrong dict pointer {cairn_ptr}, the dict is at {cairn_current}.'
        if ids.key not in cairn_data:
            assert cairn_default is not None, f'dict_update: key {ids.key} is not in the dict.'
            cairn_data[ids.key] = cairn_default
        assert cairn_data[ids.key] == ids.prev_value, f'dict_update: key {ids.key} holds {cairn_data[ids.key]}, not {ids.prev_value}.'
        cairn_data[ids.key] = ids.new_value
        cairn_dicts[cairn_ptr.segment_index][2] = cairn_ptr + ids.DictAccess.SIZE
    %}
    assert dict_ptr.key = key;
    assert dict_ptr.prev_value = prev_value;
    assert dict_ptr.new_value = new_value;
    let dict_ptr = dict_ptr + DictAccess.SIZE;
    return ();
}

// Proves the log [dict_accesses_start, dict_accesses_end) consistent and returns its summary in a
// new segment: one access per key, in increasing key order, from the key's first value to its last.
func dict_squash{range_check_ptr}(
    dict_accesses_start: DictAccess*, dict_accesses_end: DictAccess*
) -> (squashed_dict_start: DictAccess*, squashed_dict_end: DictAccess*) {
    alloc_locals;
    let (start) = alloc();
    local squashed_dict_start: DictAccess* = cast(start, DictAccess*);
    let (squashed_dict_end) = squash_dict(
        dict_accesses=dict_accesses_start,
        dict_accesses_end=dict_accesses_end,
        squashed_dict=squashed_dict_start,
    );
    return (squashed_dict_start=squashed_dict_start, squashed_dict_end=squashed_dict_end);
}
