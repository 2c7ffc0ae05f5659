// Cairn standard library: copies len cells from src to dst.
func memcpy(dst: felt*, src: felt*, len) {
    if (len == 0) {
        return ();
    }
    // A hint-free loop: each round keeps (dst_i, src_i, n) on top of the stack.
    tempvar dst_i = dst;
    tempvar src_i = src;
    tempvar n = len;
    copy:
    assert [dst_i] = [src_i];
    tempvar dst_i = dst_i + 1;
    tempvar src_i = src_i + 1;
    tempvar n = n - 1;
    jmp copy if n != 0;
    return ();
}
