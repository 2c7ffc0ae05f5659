// Cairn standard library: 256-bit unsigned integers as two 128-bit limbs.
//
// A Uint256 is valid when both limbs are in [0, 2**128); functions assume valid inputs and return
// valid outputs (uint256_check proves validity). Signed functions read the value in two's complement.
from cairn.common.bitwise import bitwise_and, bitwise_or, bitwise_xor
from cairn.common.cairo_builtins import BitwiseBuiltin
from cairn.common.math import assert_le, assert_nn_le, assert_not_zero, split_felt
from cairn.common.math_cmp import is_le
from cairn.common.pow import pow

struct Uint256 {
    // The low 128 bits.
    low: felt,
    // The high 128 bits.
    high: felt,
}

const SHIFT = 2 ** 128;
const ALL_ONES = 2 ** 128 - 1;
const HALF_SHIFT = 2 ** 64;

// Fails unless a is valid.
func uint256_check{range_check_ptr}(a: Uint256) {
    assert [range_check_ptr] = a.low;
    assert [range_check_ptr + 1] = a.high;
    let range_check_ptr = range_check_ptr + 2;
    return ();
}

// value as a felt; fails when value >= PRIME.
func uint256_to_felt{range_check_ptr}(value: Uint256) -> felt {
    alloc_locals;
    local res = value.high * SHIFT + value.low;
    let (high, low) = split_felt(res);
    with_attr error_message("uint256_to_felt: the value does not fit in a felt.") {
        assert high = value.high;
        assert low = value.low;
    }
    return res;
}

// value as a Uint256.
func felt_to_uint256{range_check_ptr}(value: felt) -> Uint256 {
    let (high, low) = split_felt(value);
    return (Uint256(low=low, high=high));
}

// a + b and the carry out of bit 256.
func uint256_add{range_check_ptr}(a: Uint256, b: Uint256) -> (res: Uint256, carry: felt) {
    alloc_locals;
    local res: Uint256;
    local carry_low;
    local carry_high;
    %{
        # cairn.uint256.add
        ids.carry_low = 1 if ids.a.low + ids.b.low >= 2**128 else 0
        ids.carry_high = 1 if ids.a.high + ids.b.high + ids.carry_low >= 2**128 else 0
    %}
    assert carry_low * carry_low = carry_low;
    assert carry_high * carry_high = carry_high;
    assert res.low = a.low + b.low - carry_low * SHIFT;
    assert res.high = a.high + b.high + carry_low - carry_high * SHIFT;
    uint256_check(res);
    return (res=res, carry=carry_high);
}

// a = high * 2**64 + low with low < 2**64 and high < 2**128 (a must be below 2**192).
func split_64{range_check_ptr}(a: felt) -> (low: felt, high: felt) {
    alloc_locals;
    local low;
    local high;
    %{
        # cairn.uint256.split_64
        ids.high, ids.low = divmod(ids.a % PRIME, 2**64)
    %}
    assert a = high * HALF_SHIFT + low;
    assert [range_check_ptr] = low;
    assert [range_check_ptr + 1] = (HALF_SHIFT - 1) - low;
    assert [range_check_ptr + 2] = high;
    let range_check_ptr = range_check_ptr + 3;
    return (low=low, high=high);
}

// x = high * 2**128 + low with low < 2**128 and high < 2**70 (x must be below 2**198).
func _split_128{range_check_ptr}(x: felt) -> (low: felt, high: felt) {
    alloc_locals;
    local low;
    local high;
    %{
        # cairn.uint256.split_128
        ids.high, ids.low = divmod(ids.x % PRIME, 2**128)
    %}
    assert x = high * SHIFT + low;
    assert [range_check_ptr] = low;
    assert [range_check_ptr + 1] = high + (SHIFT - 2 ** 70);
    let range_check_ptr = range_check_ptr + 2;
    return (low=low, high=high);
}

// a * b as a 512-bit number: low, then high.
func uint256_mul{range_check_ptr}(a: Uint256, b: Uint256) -> (low: Uint256, high: Uint256) {
    alloc_locals;
    let (a0, a1) = split_64(a.low);
    local a0 = a0;
    local a1 = a1;
    let (a2, a3) = split_64(a.high);
    local a2 = a2;
    local a3 = a3;
    let (b0, b1) = split_64(b.low);
    local b0 = b0;
    local b1 = b1;
    let (b2, b3) = split_64(b.high);
    local b2 = b2;
    local b3 = b3;
    // Column k holds the products a_i * b_j with i + j = k, worth 2**(64 k).
    let (res0, carry0) = _split_128(a0 * b0 + (a1 * b0 + a0 * b1) * HALF_SHIFT);
    local res0 = res0;
    local carry0 = carry0;
    let (res1, carry1) = _split_128(
        carry0 + a2 * b0 + a1 * b1 + a0 * b2 + (a3 * b0 + a2 * b1 + a1 * b2 + a0 * b3) * HALF_SHIFT
    );
    local res1 = res1;
    local carry1 = carry1;
    let (res2, carry2) = _split_128(
        carry1 + a3 * b1 + a2 * b2 + a1 * b3 + (a3 * b2 + a2 * b3) * HALF_SHIFT
    );
    return (
        low=Uint256(low=res0, high=res1), high=Uint256(low=res2, high=carry2 + a3 * b3)
    );
}

// The integer square root of n.
func uint256_sqrt{range_check_ptr}(n: Uint256) -> (res: Uint256) {
    alloc_locals;
    local root;
    %{
        # cairn.uint256.sqrt
        from math import isqrt
        ids.root = isqrt(ids.n.high * 2**128 + ids.n.low)
    %}
    assert [range_check_ptr] = root;
    let range_check_ptr = range_check_ptr + 1;
    local root256: Uint256 = Uint256(low=root, high=0);
    // root**2 <= n <= root**2 + 2 * root.
    let (square, _) = uint256_mul(root256, root256);
    let (rest) = uint256_sub(n, square);
    let (le) = uint256_le(square, n);
    with_attr error_message("uint256_sqrt: the root is too large.") {
        assert le = 1;
    }
    let (twice, _) = uint256_add(root256, root256);
    let (within) = uint256_le(rest, twice);
    with_attr error_message("uint256_sqrt: the root is too small.") {
        assert within = 1;
    }
    return (res=root256);
}

// 1 if a < b, else 0.
func uint256_lt{range_check_ptr}(a: Uint256, b: Uint256) -> (res: felt) {
    if (a.high == b.high) {
        let res = is_le(a.low + 1, b.low);
        return (res=res);
    }
    let res = is_le(a.high + 1, b.high);
    return (res=res);
}

// 1 if a <= b, else 0.
func uint256_le{range_check_ptr}(a: Uint256, b: Uint256) -> (res: felt) {
    let (not_le) = uint256_lt(b, a);
    return (res=1 - not_le);
}

// 1 if a < b as signed numbers, else 0.
func uint256_signed_lt{range_check_ptr}(a: Uint256, b: Uint256) -> (res: felt) {
    alloc_locals;
    // Adding 2**255 modulo 2**256 (flipping the top bit) maps the signed order to the unsigned one.
    let (a_nn) = uint256_signed_nn(a);
    local a_high = a.high + 2 ** 127 - (1 - a_nn) * SHIFT;
    let (b_nn) = uint256_signed_nn(b);
    return uint256_lt(
        Uint256(low=a.low, high=a_high), Uint256(low=b.low, high=b.high + 2 ** 127 - (1 - b_nn) * SHIFT)
    );
}

// 1 if a <= b as signed numbers, else 0.
func uint256_signed_le{range_check_ptr}(a: Uint256, b: Uint256) -> (res: felt) {
    let (not_le) = uint256_signed_lt(b, a);
    return (res=1 - not_le);
}

// 1 if a >= 0 as a signed number, else 0.
func uint256_signed_nn{range_check_ptr}(a: Uint256) -> (res: felt) {
    let res = is_le(a.high, 2 ** 127 - 1);
    return (res=res);
}

// 1 if 0 <= a <= b as signed numbers, else 0.
func uint256_signed_nn_le{range_check_ptr}(a: Uint256, b: Uint256) -> (res: felt) {
    alloc_locals;
    let (nn) = uint256_signed_nn(a);
    if (nn == 0) {
        return (res=0);
    }
    return uint256_signed_le(a, b);
}

// a = quotient * div + remainder with remainder < div.
func uint256_unsigned_div_rem{range_check_ptr}(a: Uint256, div: Uint256) -> (
    quotient: Uint256, remainder: Uint256
) {
    alloc_locals;
    local quotient: Uint256;
    local remainder: Uint256;
    %{
        # cairn.uint256.unsigned_div_rem
        cairn_div = ids.div.high * 2**128 + ids.div.low
        assert cairn_div != 0, 'uint256_unsigned_div_rem: division by zero.'
        cairn_q, cairn_r = divmod(ids.a.high * 2**128 + ids.a.low, cairn_div)
        ids.quotient.high, ids.quotient.low = divmod(cairn_q, 2**128)
        ids.remainder.high, ids.remainder.low = divmod(cairn_r, 2**128)
    %}
    uint256_check(quotient);
    uint256_check(remainder);
    let (product_low, product_high) = uint256_mul(quotient, div);
    let (total, carry) = uint256_add(product_low, remainder);
    with_attr error_message("uint256_unsigned_div_rem: the quotient and remainder do not add up.") {
        assert product_high = Uint256(low=0, high=0);
        assert carry = 0;
        assert total = a;
    }
    let (rem_lt) = uint256_lt(remainder, div);
    with_attr error_message("uint256_unsigned_div_rem: the remainder is not below the divisor.") {
        assert rem_lt = 1;
    }
    return (quotient=quotient, remainder=remainder);
}

// (a * b) // div as a 512-bit number (low, then high) and (a * b) % div; div must not be 0.
func uint256_mul_div_mod{range_check_ptr}(a: Uint256, b: Uint256, div: Uint256) -> (
    quotient_low: Uint256, quotient_high: Uint256, remainder: Uint256
) {
    alloc_locals;
    local quotient_low: Uint256;
    local quotient_high: Uint256;
    local remainder: Uint256;
    %{
        # cairn.uint256.mul_div_mod
        cairn_div = ids.div.high * 2**128 + ids.div.low
        assert cairn_div != 0, 'uint256_mul_div_mod: division by zero.'
        cairn_q, cairn_r = divmod((ids.a.high * 2**128 + ids.a.low) * (ids.b.high * 2**128 + ids.b.low), cairn_div)
        ids.quotient_low.high, ids.quotient_low.low = divmod(cairn_q % 2**256, 2**128)
        ids.quotient_high.high, ids.quotient_high.low = divmod(cairn_q >> 256, 2**128)
        ids.remainder.high, ids.remainder.low = divmod(cairn_r, 2**128)
    %}
    uint256_check(quotient_low);
    uint256_check(quotient_high);
    uint256_check(remainder);
    let (ab_low, ab_high) = uint256_mul(a, b);
    local ab_low: Uint256 = ab_low;
    local ab_high: Uint256 = ab_high;
    // quotient * div + remainder, column by column (256 bits each), must equal a * b.
    let (q0_low, q0_high) = uint256_mul(quotient_low, div);
    local q0_low: Uint256 = q0_low;
    local q0_high: Uint256 = q0_high;
    let (q1_low, q1_high) = uint256_mul(quotient_high, div);
    local q1_low: Uint256 = q1_low;
    with_attr error_message("uint256_mul_div_mod: the quotient and remainder do not add up.") {
        assert q1_high = Uint256(low=0, high=0);
    }
    let (middle, carry0) = uint256_add(q0_high, q1_low);
    local middle: Uint256 = middle;
    local carry0 = carry0;
    let (low, carry1) = uint256_add(q0_low, remainder);
    local low: Uint256 = low;
    let (high, carry2) = uint256_add(middle, Uint256(low=carry1, high=0));
    with_attr error_message("uint256_mul_div_mod: the quotient and remainder do not add up.") {
        assert carry0 = 0;
        assert carry2 = 0;
        assert low = ab_low;
        assert high = ab_high;
    }
    let (rem_lt) = uint256_lt(remainder, div);
    with_attr error_message("uint256_mul_div_mod: the remainder is not below the divisor.") {
        assert rem_lt = 1;
    }
    return (quotient_low=quotient_low, quotient_high=quotient_high, remainder=remainder);
}

// Signed division as the EVM's SDIV and SMOD: the quotient rounds toward zero, the remainder
// takes a's sign, and (-2**255) / (-1) = -2**255.
func uint256_signed_div_rem{range_check_ptr}(a: Uint256, div: Uint256) -> (
    quot: Uint256, rem: Uint256
) {
    alloc_locals;
    let (a_nn) = uint256_signed_nn(a);
    local a_negative = 1 - a_nn;
    let (div_nn) = uint256_signed_nn(div);
    local div_negative = 1 - div_nn;
    let (a_abs) = uint256_cond_neg(a, a_negative);
    local a_abs: Uint256 = a_abs;
    let (div_abs) = uint256_cond_neg(div, div_negative);
    let (quot_abs, rem_abs) = uint256_unsigned_div_rem(a_abs, div_abs);
    local rem_abs: Uint256 = rem_abs;
    // The quotient is negative when exactly one operand is.
    let (quot) = uint256_cond_neg(quot_abs, (a_negative - div_negative) * (a_negative - div_negative));
    local quot: Uint256 = quot;
    let (rem) = uint256_cond_neg(rem_abs, a_negative);
    return (quot=quot, rem=rem);
}

// The bitwise complement of a.
func uint256_not{range_check_ptr}(a: Uint256) -> (res: Uint256) {
    return (res=Uint256(low=ALL_ONES - a.low, high=ALL_ONES - a.high));
}

// -a modulo 2**256.
func uint256_neg{range_check_ptr}(a: Uint256) -> (res: Uint256) {
    let (not_a) = uint256_not(a);
    let (res, _) = uint256_add(not_a, Uint256(low=1, high=0));
    return (res=res);
}

// -a if should_neg is 1, a if it is 0.
func uint256_cond_neg{range_check_ptr}(a: Uint256, should_neg) -> (res: Uint256) {
    if (should_neg == 0) {
        return (res=a);
    }
    return uint256_neg(a);
}

// a - b modulo 2**256.
func uint256_sub{range_check_ptr}(a: Uint256, b: Uint256) -> (res: Uint256) {
    alloc_locals;
    let (minus_b) = uint256_neg(b);
    let (res, _) = uint256_add(a, minus_b);
    return (res=res);
}

// 1 if a = b, else 0.
func uint256_eq{range_check_ptr}(a: Uint256, b: Uint256) -> (res: felt) {
    if (a.low != b.low) {
        return (res=0);
    }
    if (a.high != b.high) {
        return (res=0);
    }
    return (res=1);
}

func uint256_xor{range_check_ptr, bitwise_ptr: BitwiseBuiltin*}(a: Uint256, b: Uint256) -> (
    res: Uint256
) {
    alloc_locals;
    let (low) = bitwise_xor(a.low, b.low);
    local low = low;
    let (high) = bitwise_xor(a.high, b.high);
    return (res=Uint256(low=low, high=high));
}

func uint256_and{range_check_ptr, bitwise_ptr: BitwiseBuiltin*}(a: Uint256, b: Uint256) -> (
    res: Uint256
) {
    alloc_locals;
    let (low) = bitwise_and(a.low, b.low);
    local low = low;
    let (high) = bitwise_and(a.high, b.high);
    return (res=Uint256(low=low, high=high));
}

func uint256_or{range_check_ptr, bitwise_ptr: BitwiseBuiltin*}(a: Uint256, b: Uint256) -> (
    res: Uint256
) {
    alloc_locals;
    let (low) = bitwise_or(a.low, b.low);
    local low = low;
    let (high) = bitwise_or(a.high, b.high);
    return (res=Uint256(low=low, high=high));
}

// 2**exp, or 0 when exp >= 256.
func uint256_pow2{range_check_ptr}(exp: Uint256) -> (res: Uint256) {
    alloc_locals;
    if (exp.high != 0) {
        return (res=Uint256(low=0, high=0));
    }
    let too_big = is_le(256, exp.low);
    if (too_big != 0) {
        return (res=Uint256(low=0, high=0));
    }
    let in_low = is_le(exp.low, 127);
    if (in_low != 0) {
        let (low) = pow(2, exp.low);
        return (res=Uint256(low=low, high=0));
    }
    let (high) = pow(2, exp.low - 128);
    return (res=Uint256(low=0, high=high));
}

// a << b modulo 2**256.
func uint256_shl{range_check_ptr}(a: Uint256, b: Uint256) -> (res: Uint256) {
    let (factor) = uint256_pow2(b);
    let (low, _) = uint256_mul(a, factor);
    return (res=low);
}

// a >> b.
func uint256_shr{range_check_ptr}(a: Uint256, b: Uint256) -> (res: Uint256) {
    alloc_locals;
    let (divisor) = uint256_pow2(b);
    if (divisor.low + divisor.high == 0) {
        return (res=Uint256(low=0, high=0));
    }
    let (quotient, _) = uint256_unsigned_div_rem(a, divisor);
    return (res=quotient);
}

func assert_uint256_eq{range_check_ptr}(a: Uint256, b: Uint256) {
    with_attr error_message("assert_uint256_eq failed: the values differ.") {
        assert a = b;
    }
    return ();
}

func assert_uint256_lt{range_check_ptr}(a: Uint256, b: Uint256) {
    let (lt) = uint256_lt(a, b);
    with_attr error_message("assert_uint256_lt failed: a is not less than b.") {
        assert lt = 1;
    }
    return ();
}

func assert_uint256_le{range_check_ptr}(a: Uint256, b: Uint256) {
    let (le) = uint256_le(a, b);
    with_attr error_message("assert_uint256_le failed: a is greater than b.") {
        assert le = 1;
    }
    return ();
}

// The 16 bytes of word (below 2**128) in reverse order.
func word_reverse_endian{bitwise_ptr: BitwiseBuiltin*}(word: felt) -> (res: felt) {
    let res = _reverse_bytes(word, 16, 0);
    return (res=res);
}

// num with its 32 bytes in reverse order.
func uint256_reverse_endian{bitwise_ptr: BitwiseBuiltin*}(num: Uint256) -> (res: Uint256) {
    alloc_locals;
    let low = _reverse_bytes(num.high, 16, 0);
    local low = low;
    let high = _reverse_bytes(num.low, 16, 0);
    return (res=Uint256(low=low, high=high));
}

// acc * 256**n_bytes + (the n_bytes low bytes of x, reversed); x must have no more bytes.
func _reverse_bytes{bitwise_ptr: BitwiseBuiltin*}(x: felt, n_bytes: felt, acc: felt) -> felt {
    if (n_bytes == 0) {
        with_attr error_message("word_reverse_endian: the word has more bytes than expected.") {
            assert x = 0;
        }
        return acc;
    }
    let (byte) = bitwise_and(x, 255);
    return _reverse_bytes((x - byte) / 256, n_bytes - 1, acc * 256 + byte);
}
