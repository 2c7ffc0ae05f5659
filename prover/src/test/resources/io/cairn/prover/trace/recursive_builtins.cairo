// A proof-mode program that uses the recursive layout's builtins: bitwise on two 251-bit values, a 128-bit range
// check (parts near 2^15, inside the offsets' range), a Pedersen hash.
// Compiled with: cairn compile recursive_builtins.cairo --proof-mode --no-debug-info
%builtins output pedersen range_check bitwise

struct HashBuiltin {
    x: felt,
    y: felt,
    result: felt,
}

struct BitwiseBuiltin {
    x: felt,
    y: felt,
    x_and_y: felt,
    x_xor_y: felt,
    x_or_y: felt,
}

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, bitwise_ptr: BitwiseBuiltin*}() {
    assert bitwise_ptr.x = 0x7a3b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182;
    assert bitwise_ptr.y = 0x5f0e1d2c3b4a5968778695a4b3c2d1e0f0e1d2c3b4a5968778695a4b3c2d1e0;
    assert [output_ptr] = bitwise_ptr.x_and_y;
    assert [output_ptr + 1] = bitwise_ptr.x_xor_y;
    assert [output_ptr + 2] = bitwise_ptr.x_or_y;
    let bitwise_ptr = bitwise_ptr + BitwiseBuiltin.SIZE;
    assert [range_check_ptr] = 0x80088009800a800b800c800d800e800f;
    let range_check_ptr = range_check_ptr + 1;
    assert pedersen_ptr.x = 3;
    assert pedersen_ptr.y = 4;
    assert [output_ptr + 3] = pedersen_ptr.result;
    let pedersen_ptr = pedersen_ptr + HashBuiltin.SIZE;
    let output_ptr = output_ptr + 4;
    return ();
}
