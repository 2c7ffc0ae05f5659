// Cairn standard library: one logged access to a dict (a read is an access with new_value = prev_value).
struct DictAccess {
    key: felt,
    prev_value: felt,
    new_value: felt,
}
