// Cairn standard library: assertions and integer arithmetic on felts.
//
// The range-check builtin proves 0 <= x < 2**128 for each cell written to it; every bound below
// rests on that. The hints only make a false claim fail early, with a message naming the values.
from cairn.common.bool import FALSE, TRUE

// 2**128, the range-check builtin's bound.
const RC_BOUND = 2 ** 128;
// (PRIME - 1) / 2**128, the largest high half of a felt; the low half of PRIME - 1 is 0.
const MAX_HIGH = 0x8000000000000110000000000000000;

// Fails unless value != 0.
func assert_not_zero(value) {
    %{
        # cairn.math.assert_not_zero
        assert ids.value % PRIME != 0, 'assert_not_zero failed: value = 0.'
    %}
    if (value == 0) {
        // No assignment satisfies this: value is 0 here.
        assert value = 1;
    }
    return ();
}

// Fails unless ptr != 0 (as an integer; a relocatable pointer passes).
func assert_not_nullptr(ptr: felt*) {
    let value = cast(ptr, felt);
    if (value == 0) {
        assert value = 1;
    }
    return ();
}

// Fails unless a != b.
func assert_not_equal(a, b) {
    %{
        # cairn.math.assert_not_equal
        assert ids.a != ids.b, f'assert_not_equal failed: a = b = {ids.a}.'
    %}
    tempvar difference = a - b;
    if (difference == 0) {
        assert difference = 1;
    }
    return ();
}

// Fails unless 0 <= a < 2**128.
func assert_nn{range_check_ptr}(a) {
    %{
        # cairn.math.assert_nn
        assert ids.a % PRIME < range_check_builtin.bound, f'assert_nn failed: a = {ids.a} is out of range.'
    %}
    assert [range_check_ptr] = a;
    let range_check_ptr = range_check_ptr + 1;
    return ();
}

// Fails unless 0 <= b - a < 2**128 (a <= b for values below 2**128).
func assert_le{range_check_ptr}(a, b) {
    %{
        # cairn.math.assert_le
        assert (ids.b - ids.a) % PRIME < range_check_builtin.bound, f'assert_le failed: a = {ids.a} is greater than b = {ids.b}.'
    %}
    assert [range_check_ptr] = b - a;
    let range_check_ptr = range_check_ptr + 1;
    return ();
}

// Fails unless 0 <= b - a - 1 < 2**128 (a < b for values below 2**128).
func assert_lt{range_check_ptr}(a, b) {
    %{
        # cairn.math.assert_lt
        assert (ids.b - ids.a - 1) % PRIME < range_check_builtin.bound, f'assert_lt failed: a = {ids.a} is not less than b = {ids.b}.'
    %}
    assert [range_check_ptr] = b - a - 1;
    let range_check_ptr = range_check_ptr + 1;
    return ();
}

// Fails unless 0 <= a <= b < 2**128.
func assert_nn_le{range_check_ptr}(a, b) {
    assert_nn(a);
    assert_le(a, b);
    return ();
}

// Fails unless lower <= value < upper (all below 2**128).
func assert_in_range{range_check_ptr}(value, lower, upper) {
    assert_le(lower, value);
    assert_le(value, upper - 1);
    return ();
}

// Fails unless 0 <= value < 2**250.
func assert_250_bit{range_check_ptr}(value) {
    let low = [range_check_ptr];
    let high = [range_check_ptr + 1];
    %{
        # cairn.math.assert_250_bit
        v = ids.value % PRIME
        assert v < 2**250, f'assert_250_bit failed: value = {v} is not below 2**250.'
        ids.high, ids.low = divmod(v, 2**128)
    %}
    // high < 2**122, so high * 2**128 + low < 2**250 and the sum does not wrap.
    assert [range_check_ptr + 2] = high + (RC_BOUND - 2 ** 122);
    assert value = high * RC_BOUND + low;
    let range_check_ptr = range_check_ptr + 3;
    return ();
}

// value = high * 2**128 + low with 0 <= low, high < 2**128, the unique such pair below PRIME.
func split_felt{range_check_ptr}(value) -> (high: felt, low: felt) {
    let low = [range_check_ptr];
    let high = [range_check_ptr + 1];
    let range_check_ptr = range_check_ptr + 2;
    %{
        # cairn.math.split_felt
        ids.high, ids.low = divmod(ids.value % PRIME, 2**128)
    %}
    assert value = high * RC_BOUND + low;
    // Reject the second representation value + PRIME: high may reach MAX_HIGH only with low = 0.
    if (high == MAX_HIGH) {
        assert low = 0;
        return (high=high, low=low);
    }
    assert_le(high, MAX_HIGH - 1);
    return (high=high, low=low);
}

// Fails unless a <= b as integers in [0, PRIME).
func assert_le_felt{range_check_ptr}(a, b) {
    alloc_locals;
    local small;
    %{
        # cairn.math.assert_le_felt
        assert ids.a % PRIME <= ids.b % PRIME, f'assert_le_felt failed: a = {ids.a} is greater than b = {ids.b}.'
        ids.small = 1 if ids.a % PRIME < range_check_builtin.bound and (ids.b - ids.a) % PRIME < range_check_builtin.bound else 0
    %}
    if (small != 0) {
        // a < 2**128 and b = a + (b - a) with b - a < 2**128: b is a + something, below PRIME.
        assert [range_check_ptr] = a;
        assert [range_check_ptr + 1] = b - a;
        let range_check_ptr = range_check_ptr + 2;
        return ();
    }
    let (a_high_, a_low_) = split_felt(a);
    local a_high = a_high_;
    local a_low = a_low_;
    let (b_high, b_low) = split_felt(b);
    if (a_high == b_high) {
        assert_le(a_low, b_low);
        return ();
    }
    assert_lt(a_high, b_high);
    return ();
}

// Fails unless a < b as integers in [0, PRIME).
func assert_lt_felt{range_check_ptr}(a, b) {
    alloc_locals;
    local small;
    %{
        # cairn.math.assert_lt_felt
        assert ids.a % PRIME < ids.b % PRIME, f'assert_lt_felt failed: a = {ids.a} is not less than b = {ids.b}.'
        ids.small = 1 if ids.a % PRIME < range_check_builtin.bound and (ids.b - ids.a - 1) % PRIME < range_check_builtin.bound else 0
    %}
    if (small != 0) {
        assert [range_check_ptr] = a;
        assert [range_check_ptr + 1] = b - a - 1;
        let range_check_ptr = range_check_ptr + 2;
        return ();
    }
    let (a_high_, a_low_) = split_felt(a);
    local a_high = a_high_;
    local a_low = a_low_;
    let (b_high, b_low) = split_felt(b);
    if (a_high == b_high) {
        assert_lt(a_low, b_low);
        return ();
    }
    assert_lt(a_high, b_high);
    return ();
}

// |value| for value in (-2**128, 2**128) read as a signed integer.
func abs_value{range_check_ptr}(value) -> felt {
    tempvar non_negative;
    %{
        # cairn.math.non_negative
        ids.non_negative = 1 if ids.value % PRIME <= PRIME // 2 else 0
    %}
    if (non_negative != 0) {
        assert [range_check_ptr] = value;
        let range_check_ptr = range_check_ptr + 1;
        return value;
    }
    assert [range_check_ptr] = -value;
    let range_check_ptr = range_check_ptr + 1;
    return -value;
}

// -1, 0 or 1 as value (in (-2**128, 2**128), signed) is negative, zero or positive.
func sign{range_check_ptr}(value) -> felt {
    if (value == 0) {
        return 0;
    }
    tempvar non_negative;
    %{
        # cairn.math.non_negative
        ids.non_negative = 1 if ids.value % PRIME <= PRIME // 2 else 0
    %}
    if (non_negative != 0) {
        assert [range_check_ptr] = value;
        let range_check_ptr = range_check_ptr + 1;
        return 1;
    }
    assert [range_check_ptr] = -value;
    let range_check_ptr = range_check_ptr + 1;
    return -1;
}

// value = q * div + r with 0 <= r < div and 0 <= q < 2**128; div must be in (0, PRIME // 2**128].
func unsigned_div_rem{range_check_ptr}(value, div) -> (q: felt, r: felt) {
    let r = [range_check_ptr];
    let q = [range_check_ptr + 1];
    let range_check_ptr = range_check_ptr + 2;
    %{
        # cairn.math.unsigned_div_rem
        d = ids.div % PRIME
        assert 0 < d <= PRIME // range_check_builtin.bound, f'unsigned_div_rem: div = {hex(d)} is out of the valid range.'
        ids.q, ids.r = divmod(ids.value % PRIME, d)
    %}
    assert_le(r, div - 1);
    assert value = q * div + r;
    return (q=q, r=r);
}

// value (signed) = q * div + r with 0 <= r < div and -bound <= q < bound; bound <= 2**127.
func signed_div_rem{range_check_ptr}(value, div, bound) -> (q: felt, r: felt) {
    let r = [range_check_ptr];
    let biased_q = [range_check_ptr + 1];
    let range_check_ptr = range_check_ptr + 2;
    %{
        # cairn.math.signed_div_rem
        d = ids.div % PRIME
        assert 0 < d <= PRIME // range_check_builtin.bound, f'signed_div_rem: div = {hex(d)} is out of the valid range.'
        b = ids.bound % PRIME
        assert b <= range_check_builtin.bound // 2, f'signed_div_rem: bound = {hex(b)} is out of the valid range.'
        v = ids.value % PRIME
        if v > PRIME // 2:
            v -= PRIME
        q, ids.r = divmod(v, d)
        assert -b <= q < b, f'signed_div_rem: {v} // {d} = {q} is out of the range [{-b}, {b}).'
        ids.biased_q = q + b
    %}
    assert_le(r, div - 1);
    assert_le(biased_q, 2 * bound - 1);
    let q = biased_q - bound;
    assert value = q * div + r;
    return (q=q, r=r);
}

// value / div for an exact division of values below 2**128 (fails when there is a remainder).
func safe_div{range_check_ptr}(value: felt, div: felt) -> felt {
    let (q, r) = unsigned_div_rem(value, div);
    with_attr error_message("safe_div: the value is not divisible by div.") {
        assert r = 0;
    }
    return q;
}

// first * second, failing when the product does not fit in 128 bits.
func safe_mult{range_check_ptr}(first: felt, second: felt) -> felt {
    tempvar product = first * second;
    with_attr error_message("safe_mult: the product overflows 128 bits.") {
        assert_nn(product);
    }
    return product;
}

// Writes the n limbs of value in the given base to output (least significant first); each limb
// must be below bound, and value must fit in n limbs.
func split_int{range_check_ptr}(value, n, base, bound, output: felt*) {
    if (n == 0) {
        with_attr error_message("split_int: value is out of range.") {
            assert value = 0;
        }
        return ();
    }
    %{
        # cairn.math.split_int
        limb = (ids.value % PRIME) % (ids.base % PRIME)
        assert limb < ids.bound % PRIME, f'split_int: limb {limb} is out of range.'
        memory[ids.output] = limb
    %}
    tempvar limb = output[0];
    assert_nn_le(limb, bound - 1);
    return split_int(value=(value - limb) / base, n=n - 1, base=base, bound=bound, output=output + 1);
}

// The integer square root of value, which must be below 2**250.
func sqrt{range_check_ptr}(value) -> felt {
    alloc_locals;
    local root: felt;
    %{
        # cairn.math.sqrt
        from math import isqrt
        v = ids.value % PRIME
        assert v < 2**250, f'sqrt: value = {v} is not below 2**250.'
        ids.root = isqrt(v)
    %}
    // root**2 <= value <= root**2 + 2 * root < (root + 1)**2.
    assert_nn_le(root, 2 ** 125 - 1);
    tempvar rest = value - root * root;
    assert_nn_le(rest, 2 * root);
    return root;
}

// sum(coefficients[i] * point**i for i < n_coefficients), by Horner's rule.
func horner_eval(n_coefficients: felt, coefficients: felt*, point: felt) -> (res: felt) {
    if (n_coefficients == 0) {
        return (res=0);
    }
    let (rest) = horner_eval(n_coefficients - 1, coefficients + 1, point);
    return (res=rest * point + coefficients[0]);
}

// 1 if x is a square modulo PRIME (0 included), else 0.
func is_quad_residue(x: felt) -> felt {
    alloc_locals;
    local root;
    %{
        # cairn.math.is_quad_residue
        from starkware.python.math_utils import is_quad_residue, sqrt as field_sqrt
        v = ids.x % PRIME
        # 3 is not a square modulo PRIME, so exactly one of v and 3 * v is.
        ids.root = field_sqrt(v if is_quad_residue(v, PRIME) else 3 * v % PRIME, PRIME)
    %}
    if (x == 0) {
        return TRUE;
    }
    tempvar square = root * root;
    if (square == x) {
        return TRUE;
    }
    assert square = 3 * x;
    return FALSE;
}

// Fails unless x = 2**n for some 0 <= n <= max_pow.
func assert_is_power_of_2(x: felt, max_pow: felt) {
    if (x == 1) {
        return ();
    }
    with_attr error_message("assert_is_power_of_2: x is not a power of 2 up to 2**max_pow.") {
        assert_not_zero(max_pow);
    }
    return assert_is_power_of_2(x / 2, max_pow - 1);
}
