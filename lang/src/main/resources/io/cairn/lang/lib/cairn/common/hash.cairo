// Cairn standard library: the Pedersen hash through the pedersen builtin.
from cairn.common.cairo_builtins import HashBuiltin

// H(x, y).
func hash2{hash_ptr: HashBuiltin*}(x, y) -> (result: felt) {
    assert hash_ptr.x = x;
    assert hash_ptr.y = y;
    let result = hash_ptr.result;
    let hash_ptr = hash_ptr + HashBuiltin.SIZE;
    return (result=result);
}
