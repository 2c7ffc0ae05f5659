// Cairn standard library: dicts in which every key starts at a default value.
from cairn.common.dict import dict_squash
from cairn.common.dict_access import DictAccess

// A new dict whose keys all hold default_value until written.
func default_dict_new(default_value: felt) -> (res: DictAccess*) {
    %{
        # cairn.default_dict.new
        if 'cairn_dicts' not in globals():
            cairn_dicts = {}
        cairn_base = segments.add()
        cairn_dicts[cairn_base.segment_index] = [{}, ids.default_value, cairn_base]
        memory[ap] = cairn_base
    %}
    ap += 1;
    return (res=cast([ap - 1], DictAccess*));
}

// dict_squash, and a proof that every key started at default_value.
func default_dict_finalize{range_check_ptr}(
    dict_accesses_start: DictAccess*, dict_accesses_end: DictAccess*, default_value: felt
) -> (squashed_dict_start: DictAccess*, squashed_dict_end: DictAccess*) {
    alloc_locals;
    let (start, end) = dict_squash(dict_accesses_start, dict_accesses_end);
    local squashed_dict_start: DictAccess* = start;
    local squashed_dict_end: DictAccess* = end;
    default_dict_finalize_inner(
        squashed_dict_start,
        (cast(squashed_dict_end, felt) - cast(squashed_dict_start, felt)) / DictAccess.SIZE,
        default_value,
    );
    return (squashed_dict_start=squashed_dict_start, squashed_dict_end=squashed_dict_end);
}

// Fails unless each of the n_accesses accesses starts at default_value.
func default_dict_finalize_inner(
    dict_accesses_start: DictAccess*, n_accesses: felt, default_value: felt
) {
    if (n_accesses == 0) {
        return ();
    }
    assert dict_accesses_start.prev_value = default_value;
    return default_dict_finalize_inner(
        dict_accesses_start + DictAccess.SIZE, n_accesses - 1, default_value
    );
}
