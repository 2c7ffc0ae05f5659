// Cairn standard library: sorting with duplicates removed.
from cairn.common.math import assert_le, assert_lt, assert_nn

// output[0..output_len): the distinct values of input[0..input_len) in increasing order;
// multiplicities[i]: how many times output[i] occurs in input. Values must be below 2**128.
//
// Checked like squash_dict: for each output value the run names its positions in input, each
// above the previous one, below input_len and holding that value; the positions are counted and
// must add up to input_len.
func usort{range_check_ptr}(input_len: felt, input: felt*) -> (
    output_len: felt, output: felt*, multiplicities: felt*
) {
    alloc_locals;
    local output_len;
    local output: felt*;
    local multiplicities: felt*;
    %{
        # cairn.usort.sort
        cairn_positions = {}
        for cairn_i in range(ids.input_len):
            cairn_positions.setdefault(memory[ids.input + cairn_i], []).append(cairn_i)
        cairn_values = sorted(cairn_positions)
        ids.output_len = len(cairn_values)
        ids.output = segments.gen_arg(cairn_values)
        ids.multiplicities = segments.gen_arg([len(cairn_positions[v]) for v in cairn_values])
    %}
    let used = _usort_values(input_len, input, output_len, output, multiplicities, -1, 0);
    with_attr error_message("usort: the multiplicities do not add up to the input's length.") {
        assert used = input_len;
    }
    return (output_len=output_len, output=output, multiplicities=multiplicities);
}

// Checks output[0..n) against input; returns the number of positions used plus used.
func _usort_values{range_check_ptr}(
    input_len, input: felt*, n, output: felt*, multiplicities: felt*, prev, used
) -> felt {
    alloc_locals;
    if (n == 0) {
        return used;
    }
    local value = output[0];
    assert_lt(prev, value);
    local multiplicity = multiplicities[0];
    assert_nn(multiplicity - 1);
    %{
        # cairn.usort.positions
        cairn_pending = sorted(cairn_positions[ids.value], reverse=True)
    %}
    _usort_positions(input_len, input, value, multiplicity, -1);
    return _usort_values(
        input_len, input, n - 1, output + 1, multiplicities + 1, value, used + multiplicity
    );
}

// Finds count positions of value in input after last.
func _usort_positions{range_check_ptr}(input_len, input: felt*, value, count, last) {
    alloc_locals;
    if (count == 0) {
        return ();
    }
    local position;
    %{
        # cairn.usort.next_position
        ids.position = cairn_pending.pop()
    %}
    assert_lt(last, position);
    assert_le(position, input_len - 1);
    assert input[position] = value;
    return _usort_positions(input_len, input, value, count - 1, position);
}
