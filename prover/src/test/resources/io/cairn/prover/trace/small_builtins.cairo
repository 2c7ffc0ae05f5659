// A proof-mode program that uses every builtin of the small layout: two 128-bit range checks (parts near 2^15, so that the offsets' range covers them), a
// Pedersen hash, one ECDSA signature (private key 0x4242 on message 0x1234567), and a loop so that the run spans
// two ECDSA instances (one used, one dummy). Compiled with: cairn compile small_builtins.cairo --proof-mode --no-debug-info
%builtins output pedersen range_check ecdsa

struct HashBuiltin {
    x: felt,
    y: felt,
    result: felt,
}

struct SignatureBuiltin {
    pub_key: felt,
    message: felt,
}

func verify{ecdsa_ptr: SignatureBuiltin*}(message, public_key, signature_r, signature_s) {
    %{ ecdsa_builtin.add_signature(ids.ecdsa_ptr.address_, (ids.signature_r, ids.signature_s)) %}
    assert ecdsa_ptr.message = message;
    assert ecdsa_ptr.pub_key = public_key;
    let ecdsa_ptr = ecdsa_ptr + SignatureBuiltin.SIZE;
    return ();
}

func spin(n) {
    if (n == 0) {
        return ();
    }
    return spin(n - 1);
}

func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr, ecdsa_ptr: SignatureBuiltin*}() {
    spin(150);
    assert [range_check_ptr] = 0x80088009800a800b800c800d800e800f;
    assert [range_check_ptr + 1] = 0x7ff87ff97ffa7ffb7ffc7ffd7ffe7fff;
    let range_check_ptr = range_check_ptr + 2;
    assert pedersen_ptr.x = 1;
    assert pedersen_ptr.y = 2;
    assert [output_ptr] = pedersen_ptr.result;
    let output_ptr = output_ptr + 1;
    let pedersen_ptr = pedersen_ptr + HashBuiltin.SIZE;
    verify(
        0x1234567,
        0x344047766af37820afdc486ae5d6cd37bf2eb406d91b771a14e12a28a86bc50,
        0x3887e5cc8bba82c76da9a6996b28e53fa93a85cdf7103d003cea93202b1dd8,
        0xea1691f3b1d0b8eb2812b02abc3e705cb9ba99abe591c06109a3cfa756f406,
    );
    return ();
}
