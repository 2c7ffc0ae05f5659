// Cairn standard library: comparisons that return 0 or 1 instead of failing.
from cairn.common.math import assert_le_felt, assert_lt_felt

// 2**128, the range-check builtin's bound.
const RC_BOUND = 2 ** 128;

// 1 if value != 0, else 0.
func is_not_zero(value) -> felt {
    if (value == 0) {
        return 0;
    }
    return 1;
}

// 1 if 0 <= a < 2**128, else 0.
func is_nn{range_check_ptr}(a) -> felt {
    alloc_locals;
    local case;
    %{
        # cairn.math_cmp.is_nn
        v = ids.a % PRIME
        ids.case = 0 if v < range_check_builtin.bound else (1 if PRIME - v <= range_check_builtin.bound else 2)
    %}
    if (case == 0) {
        assert [range_check_ptr] = a;
        let range_check_ptr = range_check_ptr + 1;
        return 1;
    }
    if (case == 1) {
        // a is in [-2**128, 0).
        assert [range_check_ptr] = (-a) - 1;
        let range_check_ptr = range_check_ptr + 1;
        return 0;
    }
    // a is in [2**128, PRIME - 2**128).
    assert_le_felt(RC_BOUND, a);
    return 0;
}

// 1 if 0 <= b - a < 2**128 (a <= b for values below 2**128), else 0.
func is_le{range_check_ptr}(a, b) -> felt {
    return is_nn(b - a);
}

// 1 if 0 <= a <= b < 2**128, else 0.
func is_nn_le{range_check_ptr}(a, b) -> felt {
    let a_nn = is_nn(a);
    if (a_nn == 0) {
        return 0;
    }
    return is_le(a, b);
}

// 1 if lower <= value < upper, else 0.
func is_in_range{range_check_ptr}(value, lower, upper) -> felt {
    let above_lower = is_le(lower, value);
    if (above_lower == 0) {
        return 0;
    }
    return is_le(value, upper - 1);
}

// 1 if a <= b as integers in [0, PRIME), else 0.
func is_le_felt{range_check_ptr}(a, b) -> felt {
    alloc_locals;
    local le;
    %{
        # cairn.math_cmp.is_le_felt
        ids.le = 1 if ids.a % PRIME <= ids.b % PRIME else 0
    %}
    if (le != 0) {
        assert_le_felt(a, b);
        return 1;
    }
    assert_lt_felt(b, a);
    return 0;
}
