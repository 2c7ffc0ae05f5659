// Cairn standard library: writing to the output builtin.

// Appends word to the output.
func serialize_word{output_ptr: felt*}(word) {
    assert [output_ptr] = word;
    let output_ptr = output_ptr + 1;
    return ();
}
