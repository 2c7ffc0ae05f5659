// Cairn standard library: exponentiation.
from cairn.common.math import assert_not_zero, sign

// base ** exp for 0 <= exp < 2**251.
func pow{range_check_ptr}(base, exp) -> (res: felt) {
    return _pow_bits(base, exp, 251);
}

// base ** exp, reading exp's bits from the lowest; bits_left bounds exp below 2**bits_left, so the
// bits are the integer's and not those of exp + k * PRIME.
func _pow_bits{range_check_ptr}(base, exp, bits_left) -> (res: felt) {
    alloc_locals;
    if (exp == 0) {
        return (res=1);
    }
    with_attr error_message("pow: exp must be below 2**251.") {
        assert_not_zero(bits_left);
    }
    local bit;
    %{
        # cairn.pow.bit
        ids.bit = (ids.exp % PRIME) & 1
    %}
    assert bit * bit = bit;
    let (rest) = _pow_bits(base * base, (exp - bit) / 2, bits_left - 1);
    if (bit == 0) {
        return (res=rest);
    }
    return (res=rest * base);
}

// base ** exp for -2**128 < exp < 2**128, exp read as a signed integer (a negative power inverts).
func signed_pow{range_check_ptr}(base, exp) -> felt {
    alloc_locals;
    let exp_sign = sign(exp);
    if (exp_sign == -1) {
        let (inverse_power) = pow(base, -exp);
        return 1 / inverse_power;
    }
    let (res) = pow(base, exp);
    return res;
}
