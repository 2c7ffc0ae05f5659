// Cairn standard library: writes value to dst[0..n).
func memset(dst: felt*, value: felt, n) {
    if (n == 0) {
        return ();
    }
    assert dst[0] = value;
    return memset(dst + 1, value, n - 1);
}
