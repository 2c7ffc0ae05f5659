// Test stand-in (written for Cairn's tests): builtin instance layouts.
struct HashBuiltin {
    x: felt,
    y: felt,
    result: felt,
}

struct SignatureBuiltin {
    pub_key: felt,
    message: felt,
}

struct BitwiseBuiltin {
    x: felt,
    y: felt,
    x_and_y: felt,
    x_xor_y: felt,
    x_or_y: felt,
}
