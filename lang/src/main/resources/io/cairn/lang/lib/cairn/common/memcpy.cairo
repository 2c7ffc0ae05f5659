// Cairn standard library: copies len cells from src to dst.
func memcpy(dst: felt*, src: felt*, len) {
    if (len == 0) {
        return ();
    }
    assert dst[0] = src[0];
    return memcpy(dst + 1, src + 1, len - 1);
}
