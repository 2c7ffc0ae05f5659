// Cairn standard library: writing to the output builtin.

// Appends word to the output.
func serialize_word{output_ptr: felt*}(word) {
    assert [output_ptr] = word;
    let output_ptr = output_ptr + 1;
    return ();
}

// Folds the array through callback, a function (value: felt, elm: T*) -> felt (from
// get_label_location): value = callback(value, &array[i]) for i = 0 .. n_elms - 1.
func array_rfold(value, array: felt*, n_elms, elm_size, callback: felt*) -> (res: felt) {
    if (n_elms == 0) {
        return (res=value);
    }
    [ap] = value, ap++;
    [ap] = array, ap++;
    call abs callback;
    return array_rfold([ap - 1], array + elm_size, n_elms - 1, elm_size, callback);
}

// Appends the array's elements to the output through callback, a function
// {output_ptr: felt*}(elm: T*) (its address from get_label_location).
func serialize_array{output_ptr: felt*}(array: felt*, n_elms, elm_size, callback: felt*) {
    let (end) = array_rfold(cast(output_ptr, felt), array, n_elms, elm_size, callback);
    let output_ptr = cast(end, felt*);
    return ();
}
