// Cairn standard library: bitwise operations through the bitwise builtin (operands below 2**251).
from cairn.common.cairo_builtins import BitwiseBuiltin

func bitwise_operations{bitwise_ptr: BitwiseBuiltin*}(x: felt, y: felt) -> (
    x_and_y: felt, x_xor_y: felt, x_or_y: felt
) {
    assert bitwise_ptr.x = x;
    assert bitwise_ptr.y = y;
    let result = bitwise_ptr;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return (x_and_y=result.x_and_y, x_xor_y=result.x_xor_y, x_or_y=result.x_or_y);
}

func bitwise_and{bitwise_ptr: BitwiseBuiltin*}(x: felt, y: felt) -> (x_and_y: felt) {
    assert bitwise_ptr.x = x;
    assert bitwise_ptr.y = y;
    let result = bitwise_ptr.x_and_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return (x_and_y=result);
}

func bitwise_xor{bitwise_ptr: BitwiseBuiltin*}(x: felt, y: felt) -> (x_xor_y: felt) {
    assert bitwise_ptr.x = x;
    assert bitwise_ptr.y = y;
    let result = bitwise_ptr.x_xor_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return (x_xor_y=result);
}

func bitwise_or{bitwise_ptr: BitwiseBuiltin*}(x: felt, y: felt) -> (x_or_y: felt) {
    assert bitwise_ptr.x = x;
    assert bitwise_ptr.y = y;
    let result = bitwise_ptr.x_or_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    return (x_or_y=result);
}

// The complement of x in 251 bits (the builtin's width).
func bitwise_not(x: felt) -> (not_x: felt) {
    return (not_x=(2 ** 251 - 1) - x);
}
