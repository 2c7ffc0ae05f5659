// Cairn standard library: memory for dynamic arrays.

// A pointer to the start of a new, empty memory segment.
func alloc() -> (ptr: felt*) {
    %{
        # cairn.alloc: every array gets a segment of its own.
        memory[ap] = segments.add()
    %}
    ap += 1;
    return (ptr=cast([ap - 1], felt*));
}
