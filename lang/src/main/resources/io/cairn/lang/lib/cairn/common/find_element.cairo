// Cairn standard library: finding elements in arrays of elements of elm_size cells, keyed by
// their first cell.
from cairn.common.math import assert_le, assert_lt, assert_nn_le

// The element whose key is key (fails when there is none).
func find_element{range_check_ptr}(array_ptr: felt*, elm_size, n_elms, key) -> (elm_ptr: felt*) {
    alloc_locals;
    local index;
    %{
        # cairn.find_element.find
        found = [i for i in range(ids.n_elms) if memory[ids.array_ptr + i * ids.elm_size] == ids.key]
        assert found, f'find_element: key {ids.key} was not found.'
        ids.index = found[0]
    %}
    assert_nn_le(index, n_elms - 1);
    tempvar elm_ptr = array_ptr + index * elm_size;
    assert [elm_ptr] = key;
    return (elm_ptr=elm_ptr);
}

// The first element whose key is >= key, or array_ptr + n_elms * elm_size when there is none.
// The array must be sorted by key, keys below 2**128.
func search_sorted_lower{range_check_ptr}(array_ptr: felt*, elm_size, n_elms, key) -> (
    elm_ptr: felt*
) {
    alloc_locals;
    local index;
    %{
        # cairn.find_element.search_sorted_lower
        ids.index = next((i for i in range(ids.n_elms) if memory[ids.array_ptr + i * ids.elm_size] >= ids.key), ids.n_elms)
    %}
    assert_nn_le(index, n_elms);
    local elm_ptr: felt* = array_ptr + index * elm_size;
    if (index != n_elms) {
        assert_le(key, [elm_ptr]);
        tempvar range_check_ptr = range_check_ptr;
    } else {
        tempvar range_check_ptr = range_check_ptr;
    }
    if (index != 0) {
        assert_lt([elm_ptr - elm_size], key);
        return (elm_ptr=elm_ptr);
    }
    return (elm_ptr=elm_ptr);
}

// The element with exactly this key and success = 1, or array_ptr and success = 0 (as cairo-lang's
// does). The array must be sorted by key, keys below 2**128.
func search_sorted{range_check_ptr}(array_ptr: felt*, elm_size, n_elms, key) -> (
    elm_ptr: felt*, success: felt
) {
    alloc_locals;
    let (elm_ptr) = search_sorted_lower(array_ptr, elm_size, n_elms, key);
    if (elm_ptr == array_ptr + n_elms * elm_size) {
        return (elm_ptr=array_ptr, success=0);
    }
    if ([elm_ptr] == key) {
        return (elm_ptr=elm_ptr, success=1);
    }
    return (elm_ptr=array_ptr, success=0);
}

// Like search_sorted, cheaper when key is present: the run names its index directly.
func search_sorted_optimistic{range_check_ptr}(array_ptr: felt*, elm_size, n_elms, key) -> (
    elm_ptr: felt*, success: felt
) {
    alloc_locals;
    local index;
    %{
        # cairn.find_element.search_sorted_optimistic
        ids.index = next((i for i in range(ids.n_elms) if memory[ids.array_ptr + i * ids.elm_size] == ids.key), ids.n_elms)
    %}
    if (index == n_elms) {
        return search_sorted(array_ptr, elm_size, n_elms, key);
    }
    assert_nn_le(index, n_elms - 1);
    tempvar elm_ptr = array_ptr + index * elm_size;
    assert [elm_ptr] = key;
    return (elm_ptr=elm_ptr, success=1);
}
