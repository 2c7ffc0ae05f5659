// Cairn standard library: writes value to dst[0..n).
func memset(dst: felt*, value: felt, n) {
    if (n == 0) {
        return ();
    }
    // A hint-free loop: each round keeps (dst_i, n_left) on top of the stack.
    tempvar dst_i = dst;
    tempvar n_left = n;
    fill:
    assert value = [dst_i];
    tempvar dst_i = dst_i + 1;
    tempvar n_left = n_left - 1;
    jmp fill if n_left != 0;
    return ();
}
